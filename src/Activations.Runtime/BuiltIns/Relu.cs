using System;

namespace Activations;

public static partial class Activation
{
    /// <summary>
    /// The rectified linear unit, Keras <c>relu</c>: <c>max(x, 0)</c> with the default parameters.
    /// In general <c>min(x, maxValue)</c> above <paramref name="threshold"/>, and
    /// <c>negativeSlope * (x - threshold)</c> at or below it, as Keras 3's <c>keras.activations.relu</c> computes.
    /// </summary>
    /// <param name="x">The input.</param>
    /// <param name="negativeSlope">Keras <c>negative_slope</c>: the slope below the threshold (default 0).</param>
    /// <param name="maxValue">Keras <c>max_value</c>: the largest result; Keras's <c>None</c> is <see cref="double.PositiveInfinity"/> (the default).</param>
    /// <param name="threshold">Keras <c>threshold</c>: the input at or below which values are damped (default 0).</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks>
    /// The parameters must be non-negative, as Keras's <c>ReLU</c> layer requires. Keras computes
    /// <c>clip(x * (x &gt; threshold), 0, max_value) - negative_slope * relu(threshold - x)</c>; this is the
    /// same function written as one select. With a zero slope the damped side is exactly 0, so that
    /// <c>relu(-∞)</c> is 0 rather than <c>0 * -∞ = NaN</c>; NaN still gives NaN. The default parameters take a
    /// fast path, a single <c>max(x, 0)</c> (NaN-propagating, so the same function): the condition depends only on
    /// the parameters, so the generated kernels decide it once per call, outside the loop.
    /// </remarks>
    [Activation("relu")]
    public static double Relu(
        double x,
        [NonNegative] double negativeSlope = 0.0,
        [NonNegative] double maxValue = double.PositiveInfinity,
        [NonNegative] double threshold = 0.0) =>
        negativeSlope == 0.0 && threshold == 0.0 && maxValue == double.PositiveInfinity
            ? Math.Max(x, 0.0)
            : x > threshold ? Math.Min(x, maxValue)
            : negativeSlope == 0.0 ? (x <= threshold ? 0.0 : x)
            : negativeSlope * (x - threshold);
}
