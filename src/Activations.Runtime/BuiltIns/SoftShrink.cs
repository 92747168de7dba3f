using System;

namespace Activations;

public static partial class Activation
{
    /// <summary>
    /// The soft shrinkage, Keras <c>soft_shrink</c>: <c>x - threshold</c> above <c>threshold</c>,
    /// <c>x + threshold</c> below <c>-threshold</c>, and 0 between.
    /// </summary>
    /// <param name="x">The input.</param>
    /// <param name="threshold">Keras <c>threshold</c>: the half-width of the zeroed band (default 0.5); must be non-negative.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks>Written as <c>|x| &lt;= threshold ? 0 : x - copysign(threshold, x)</c>, the same function, so that NaN gives NaN.</remarks>
    [Activation("soft_shrink")]
    public static double SoftShrink(double x, [NonNegative] double threshold = 0.5) =>
        Math.Abs(x) <= threshold ? 0.0 : x - Math.CopySign(threshold, x);
}
