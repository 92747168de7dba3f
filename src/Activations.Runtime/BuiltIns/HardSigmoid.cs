using System;

namespace Activations;

public static partial class Activation
{
    /// <summary>
    /// The hard sigmoid, Keras <c>hard_sigmoid</c>: 0 for <c>x &lt;= -3</c>, 1 for <c>x &gt;= 3</c>, <c>x / 6 + 0.5</c> between.
    /// </summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks>
    /// Computed as <c>clamp((x + 3) / 6, 0, 1)</c>, the same function: near -3, <c>x / 6 + 0.5</c> adds two
    /// nearly opposite numbers and loses the low bits, while <c>x + 3</c> is exact there.
    /// The float kernels compute <see cref="HardSigmoidInSingle"/> natively in float lanes instead.
    /// </remarks>
    [Activation("hard_sigmoid", SingleFormula = nameof(HardSigmoidInSingle))]
    public static double HardSigmoid(double x) => Math.Min(Math.Max((x + 3.0) / 6.0, 0.0), 1.0);

    /// <summary>
    /// Hard sigmoid for the float kernels, the same function as <see cref="VectorMath.HardSigmoid(double)"/>, whose float
    /// lanes add 3 exactly as a pair of floats and multiply the pair by 1/6 as a pair, rounded once.
    /// </summary>
    private static double HardSigmoidInSingle(double x) => VectorMath.HardSigmoid(x);
}
