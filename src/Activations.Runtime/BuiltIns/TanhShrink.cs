namespace Activations;

public static partial class Activation
{
    /// <summary>The tanh shrinkage, Keras <c>tanh_shrink</c>: <c>x - tanh(x)</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks>
    /// <see cref="VectorMath.TanhShrink(double)"/>. For <c>|x| &lt;= 1.25</c>, <c>x - tanh x</c> cancels (every digit is
    /// lost below about 1e-8 in double), so it is computed as <c>x³ P(x²) / Q(x²)</c>: the 11th convergent of Lambert's
    /// continued fraction for tanh, with <c>x - tanh x</c> taken exactly on its integer coefficients before rounding them.
    /// All coefficients are positive, so nothing cancels; its truncation error is below 1.1e-18 relative on [-2, 2]. With
    /// FMA, <c>x³</c>, P and Q (with their leading 1/3 and 11/23 exact) and the quotient are carried as pairs of doubles
    /// and rounded once: within 1 ULP (2 without). Beyond 1.25 the printed formula loses at most one bit (the result is
    /// above 0.4 and tanh below 1). The float kernels compute it in float lanes from tabulated intervals instead.
    /// </remarks>
    [Activation("tanh_shrink")]
    public static double TanhShrink(double x) => VectorMath.TanhShrink(x);
}
