using System;

namespace Activations;

/// <summary>
/// Marks a static, expression-bodied method over <see cref="double"/> (every parameter a <see cref="double"/>,
/// the result a <see cref="double"/>, any accessibility) as a formula helper that <c>[Activation]</c> stubs of
/// the same assembly may call. The generator inlines it into each calling stub's formula, exactly like a call
/// to another stub of the same compilation, so a helper names a sub-expression without costing anything: the
/// generated kernels compute each repeated sub-expression once. A helper gets no kernels and no registration.
/// </summary>
/// <example>
/// <code>
/// [Formula]
/// private static double SquarePlusOne(double a) => a * a + 1.0;
///
/// [Activation("inverse_square_root_unit")]
/// public static double Isru(double x) => x / Math.Sqrt(SquarePlusOne(x));
/// </code>
/// </example>
/// <remarks>
/// Helpers are inlined from source, so a stub can only use the helpers of its own assembly; a helper that is
/// not a valid formula makes each of its callers report that it cannot be inlined.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class FormulaAttribute : Attribute
{
}
