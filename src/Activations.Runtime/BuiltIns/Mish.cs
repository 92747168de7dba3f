namespace Activations;

public static partial class Activation
{
    /// <summary>The mish function, Keras <c>mish</c>: <c>x * tanh(softplus(x))</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks>
    /// <see cref="VectorMath.Mish(double)"/>: with <c>t = e^-|x|</c>, <c>tanh(log(1 + e^x))</c> is exactly
    /// <c>(1 + 2t) / (1 + 2t (1 + t))</c> for <c>x &gt;= 0</c> and <c>t (t + 2) / (t (t + 2) + 2)</c> below: one
    /// exponential instead of three, neither side overflows. In double, t, both sides and the product with x are carried
    /// as pairs of doubles and the quotient corrected once: within 1 ULP where the hardware fuses multiply-adds (3
    /// without). Below -708, where <c>t</c> is subnormal, mish is <c>x e^x</c> to double precision and is rounded once into
    /// the subnormal range, with x clamped at -10⁴ so that -∞ gives -0. The float kernels compute it in float lanes (the
    /// same quotient with every piece a float sum, corrected once, within 0.72 ULP; lanes beyond ±80 in double).
    /// </remarks>
    [Activation("mish")]
    public static double Mish(double x) => VectorMath.Mish(x);
}
