namespace Activations;

public static partial class Activation
{
    /// <summary>
    /// The leaky rectified linear unit, Keras <c>leaky_relu</c>: <c>x</c> for <c>x &gt;= 0</c>, else <c>negativeSlope * x</c>.
    /// </summary>
    /// <param name="x">The input.</param>
    /// <param name="negativeSlope">Keras <c>negative_slope</c>: the slope for negative inputs (default 0.2); must be non-negative.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks>
    /// Written as a select, not as Keras's TensorFlow backend's <c>max(x, slope * x)</c>, which is wrong for a
    /// slope above 1 (it returns <c>slope * x</c> for positive inputs). A zero slope gives exactly 0 for every
    /// negative input, <c>-∞</c> included.
    /// </remarks>
    [Activation("leaky_relu")]
    public static double LeakyRelu(double x, [NonNegative] double negativeSlope = 0.2) =>
        x >= 0.0 ? x
        : negativeSlope == 0.0 ? (x < 0.0 ? 0.0 : x)
        : negativeSlope * x;
}
