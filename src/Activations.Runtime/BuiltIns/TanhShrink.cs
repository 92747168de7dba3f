using System;

namespace Activations;

public static partial class Activation
{
    /// <summary>The tanh shrinkage, Keras <c>tanh_shrink</c>: <c>x - tanh(x)</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks>
    /// For <c>|x| &lt;= 1.25</c>, <c>x - tanh x</c> cancels (every digit is lost below about 1e-8 in double), so it
    /// is computed as <c>x³ P(x²) / Q(x²)</c>: the 11th convergent of Lambert's continued fraction for tanh,
    /// with <c>x - tanh x</c> taken exactly on its integer coefficients before rounding them. All coefficients are
    /// positive, so nothing cancels; its truncation error is below 1.1e-18 relative on [-2, 2]. Beyond 1.25 (where the polynomials' own rounding starts to cost more) the
    /// printed formula loses at most one bit (the result is above 0.4 and tanh below 1).
    /// The float kernels compute <see cref="TanhShrinkInSingle"/> natively in float lanes instead.
    /// </remarks>
    [Activation("tanh_shrink", SingleFormula = nameof(TanhShrinkInSingle))]
    public static double TanhShrink(double x) =>
        Math.Abs(x) <= 1.25
            ? x * (x * x * (0.3333333333333333 + x * x * (0.02608695652173913 + x * x * (0.0005521048999309869
                + x * x * (4.035854531659261e-06 + x * x * (9.249475626415419e-09 + x * x * 3.1622138893727926e-12)))))
                / (1.0 + x * x * (0.4782608695652174 + x * x * (0.031055900621118012 + x * x * (0.0006102212051868803
                + x * x * (4.273257739403923e-06 + x * x * (9.496128309786497e-09 + x * x * 3.1622138893727926e-12)))))))
            : x - VectorMath.Tanh(x);

    /// <summary>
    /// tanh_shrink for the float kernels, the same function as <see cref="VectorMath.TanhShrink(double)"/>, whose float
    /// lanes compute |x|³ R(|x|) below 2 from tabulated intervals and |x| - tanh |x| above.
    /// </summary>
    private static double TanhShrinkInSingle(double x) => VectorMath.TanhShrink(x);
}
