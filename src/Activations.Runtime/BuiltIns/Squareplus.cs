namespace Activations;

public static partial class Activation
{
    /// <summary>The squareplus function, Keras <c>squareplus</c>: <c>(x + √(x² + b)) / 2</c>.</summary>
    /// <param name="x">The input.</param>
    /// <param name="b">Keras <c>b</c>: the smoothness (default 4); must be non-negative.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks>
    /// <see cref="VectorMath.Squareplus(double, double)"/>: <c>x² + b</c>, its square root and the sum with <c>|x|</c>
    /// carried as pairs of doubles, then half of the sum for <c>x &gt;= 0</c>, and <c>(b/2) / (√(x² + b) + |x|)</c> as a
    /// corrected quotient below, where the printed <c>x + s</c> cancels as x → -∞ (it is 0 from about -1e8 in double,
    /// where the true result is about <c>b / 4|x|</c>): within 1 ULP where the hardware fuses multiply-adds. Without FMA, and
    /// for |x| beyond 2^250 or b beyond [2^-500, 2^500], with <c>s = √(x² + b)</c>: <c>x/2 + s/2</c> for <c>x &gt;= 0</c> and
    /// <c>(b/4) / (s/2 - x/2)</c> below, <c>s</c> taken as <c>|x| √(1 + b/x²)</c> above 1e150 so that <c>x²</c> never
    /// overflows (within 2 ULP). The float kernels compute it in float lanes with pairs of floats, the same way.
    /// </remarks>
    [Activation("squareplus")]
    public static double Squareplus(double x, [NonNegative] double b = 4.0) => VectorMath.Squareplus(x, b);
}
