using System;

namespace Activations;

public static partial class Activation
{
    /// <summary>
    /// The exponential linear unit, Keras <c>elu</c>: <c>x</c> for <c>x &gt; 0</c>, else <c>alpha * (e^x - 1)</c>.
    /// </summary>
    /// <param name="x">The input.</param>
    /// <param name="alpha">Keras <c>alpha</c>: the negative saturation value (default 1); must be positive.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks><c>e^x - 1</c> is computed as <c>expm1(x)</c>, which keeps full precision near 0 where the subtraction would cancel.
    /// The float kernels compute <see cref="EluInSingle"/> natively in float lanes instead.</remarks>
    [Activation("elu", SingleFormula = nameof(EluInSingle))]
    public static double Elu(double x, [Positive] double alpha = 1.0) =>
        x > 0.0 ? x : alpha * VectorMath.Expm1(x);

    /// <summary>
    /// Elu for the float kernels, the same function: the argument of expm1 is clamped to <c>min(x, 0)</c>, which the
    /// generator lowers in float lanes to <see cref="VectorMath.Expm1OfMinWithZero(System.Runtime.Intrinsics.Vector256{float})"/>,
    /// an expm1 for non-positive arguments with no overflow handling and no branch (within 0.83 ULP; the product with
    /// alpha rounds once more). Without the clamp every lane of x in (0, 10] would run the signed expm1 for nothing.
    /// </summary>
    private static double EluInSingle(double x, double alpha) =>
        x > 0.0 ? x : alpha * VectorMath.Expm1(Math.Min(x, 0.0));
}
