using System;

namespace Activations;

public static partial class Activation
{
    /// <summary>Veltkamp's splitting factor 2^27 + 1: <c>h = f*a - (f*a - a)</c> keeps the top 26 bits of a double, so products of halves are exact.</summary>
    private const double Veltkamp = 134217729.0;

    /// <summary>1/√2 rounded to double.</summary>
    private const double InvSqrtTwo = 0.7071067811865476;

    /// <summary>1/√2 - <see cref="InvSqrtTwo"/>: what rounding the constant lost.</summary>
    private const double InvSqrtTwoTail = -4.833646656726457e-17;

    /// <summary>The top 26 bits of <see cref="InvSqrtTwo"/> (its Veltkamp split).</summary>
    private const double InvSqrtTwoHigh = 0.7071067839860916;

    /// <summary><see cref="InvSqrtTwo"/> - <see cref="InvSqrtTwoHigh"/>, exact.</summary>
    private const double InvSqrtTwoLow = -2.7995440410322203e-09;

    /// <summary>2/√π, the slope of erfc at 0 (magnitude).</summary>
    private const double TwoOverSqrtPi = 1.1283791670955126;

    /// <summary>1/√(2π), the standard normal density at 0.</summary>
    private const double InvSqrtTwoPi = 0.3989422804014327;

    /// <summary>2√(2/π): the tanh form's argument doubled (tanh z = 2 sigmoid(2z) - 1).</summary>
    private const double TanhGeluLinear = 1.5957691216057308;

    /// <summary>2√(2/π) - <see cref="TanhGeluLinear"/>.</summary>
    private const double TanhGeluLinearTail = -9.96930880911092e-17;

    /// <summary>2√(2/π) · 0.044715 rounded to double.</summary>
    private const double TanhGeluCubic = 0.07135481627260025;

    /// <summary>2√(2/π) · 0.044715 - <see cref="TanhGeluCubic"/>.</summary>
    private const double TanhGeluCubicTail = -6.175149918155315e-19;

    /// <summary>The top 26 bits of <see cref="TanhGeluCubic"/>.</summary>
    private const double TanhGeluCubicHigh = 0.071354815736413;

    /// <summary><see cref="TanhGeluCubic"/> - <see cref="TanhGeluCubicHigh"/>, exact.</summary>
    private const double TanhGeluCubicLow = 5.361872473796936e-10;

    /// <summary>
    /// The Gaussian error linear unit, Keras <c>gelu</c>: <c>x * Φ(x) = 0.5 * x * (1 + erf(x / √2))</c>, or with
    /// <paramref name="approximate"/> the tanh form <c>0.5 * x * (1 + tanh(√(2/π) * (x + 0.044715 * x³)))</c>.
    /// </summary>
    /// <param name="x">The input.</param>
    /// <param name="approximate">Keras <c>approximate</c>: use the tanh form (default <see langword="false"/>).</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks>
    /// <para>
    /// Exact form: <c>0.5 * x * erfc(-x / √2)</c>, the same function. Keras's <c>1 + erf</c> cancels for
    /// negative <paramref name="x"/> (it is 0 below about -5.9 in float where the true result is not). In the
    /// tail, erfc magnifies the rounding of its argument <c>u = x / √2</c> by <c>2u²</c>, so the rounding error
    /// <c>d</c> of <c>u</c> is computed exactly (Dekker's product on a Veltkamp split, plus the constant's own
    /// rounding) and added back to first order: <c>erfc(u + d) ≈ erfc(u) - (2/√π) e^(-u²) d</c>, with
    /// <c>e^(-u²)</c> from the exactly split square. Below -37, where erfc is subnormal, the asymptotic series
    /// <c>x Φ(x) = -φ(x) (1 - 1/x² + 3/x⁴ - …)</c> is used instead, with <c>e^(-x²/2)</c> computed as the
    /// square of <c>e^(-x_h²/4)</c> (exact argument) times a short series for the split's low part.
    /// </para>
    /// <para>
    /// Tanh form: <c>x * sigmoid(w)</c> with <c>w = 2√(2/π) (x + 0.044715 x³)</c>, the same function
    /// (<c>(1 + tanh z) / 2 = sigmoid(2z)</c>); it neither cancels nor overflows. The rounding error of
    /// <c>w</c>, which the sigmoid's tail magnifies by <c>|w|</c>, is computed with error-free products and
    /// sums and added back to first order: <c>sigmoid(w + dw) ≈ sigmoid(w) + dw e/(1 + e)²</c>, <c>e = e^-|w|</c>.
    /// </para>
    /// <para>
    /// Both corrections are <see cref="VectorMath.DoubleOnly"/> terms: an argument rounded in double is off by
    /// about 2^-53 relative, which the tail magnifies to at most about 2^-42, below a float ULP but not below
    /// a double one. Float and Half kernels leave them out, and the asymptotic tail too: below -37 a float or
    /// Half result is -0, which the erfc form gives (the clamp keeps -∞ · 0 from making NaN). The exact form's
    /// float kernels compute <see cref="VectorMath.Gelu(double)"/> in float lanes (<see cref="GeluInSingle"/>); the tanh
    /// form is <see cref="VectorMath.GeluApproximate(double)"/>, <c>Max(x, -1e30) · sigmoid(w)</c>, which double kernels
    /// compute as the math core's corrected product (<see cref="VectorMath.MultiplyBySigmoid(double, double)"/>, within 1
    /// ULP with the correction, where the hardware fuses multiply-adds), Half kernels' analysis writes out, and float
    /// kernels compute in float lanes, with <c>w</c> carried as a float pair.
    /// </para>
    /// </remarks>
    [Activation("gelu", SingleFormula = nameof(GeluInSingle))]
    public static double Gelu(double x, bool approximate = false) =>
        approximate
            ? VectorMath.GeluApproximate(x)
                + VectorMath.DoubleOnly(ClampForSplitting(x) * SigmoidCorrection(TanhGeluArgument(x), TanhGeluArgumentError(ClampForSplitting(x))))
            : x < -37.0
                ? VectorMath.DoubleOnly(GeluAsymptoticTail(x))
                : 0.5 * Math.Max(x, -1e30) * (VectorMath.Erfc(-(x * InvSqrtTwo)) + VectorMath.DoubleOnly(ErfcArgumentCorrection(ClampForSplitting(x))));

    /// <summary>
    /// Gelu for the float kernels, the same function without the double-only terms: the exact form is
    /// <see cref="VectorMath.Gelu(double)"/>, which float lanes compute natively (x Φ(x) as x - a Φ(-a) or -a Φ(-a) with
    /// a = |x|, a Φ(-a) from a tabulated H(a) = Φ(-a) e^(a²/2) times a float-lane e^(-a²/2); within 1 ULP), the tanh
    /// form <see cref="VectorMath.GeluApproximate(double)"/>.
    /// </summary>
    private static double GeluInSingle(double x, bool approximate) =>
        approximate ? VectorMath.GeluApproximate(x) : VectorMath.Gelu(x);

    /// <summary>x limited to ±64, beyond which no correction matters (e^-|w| is 0): keeps Veltkamp's <c>2^27 * a</c>, the squares and the tanh form's correction finite.</summary>
    [Formula]
    private static double ClampForSplitting(double x) => Math.Min(Math.Max(x, -64.0), 64.0);

    /// <summary>The top 26 bits of <paramref name="a"/> (Veltkamp's split): products of two such halves are exact.</summary>
    [Formula]
    private static double VeltkampHigh(double a) => Veltkamp * a - (Veltkamp * a - a);

    /// <summary>The rest of <paramref name="a"/> after <see cref="VeltkampHigh"/>, exact.</summary>
    [Formula]
    private static double VeltkampLow(double a) => a - VeltkampHigh(a);

    /// <summary>Dekker: the rounding error of <c>product = a * b</c> from the splits of both factors.</summary>
    [Formula]
    private static double DekkerError(double aHigh, double aLow, double bHigh, double bLow, double product) =>
        ((aHigh * bHigh - product) + aHigh * bLow + aLow * bHigh) + aLow * bLow;

    /// <summary><c>a * b - fl(a * b)</c>, exact.</summary>
    [Formula]
    private static double TwoProductError(double a, double b) =>
        DekkerError(VeltkampHigh(a), VeltkampLow(a), VeltkampHigh(b), VeltkampLow(b), a * b);

    /// <summary><c>a * a - fl(a * a)</c>, exact (Dekker's product with the cross terms merged).</summary>
    [Formula]
    private static double TwoSquareError(double a) =>
        ((VeltkampHigh(a) * VeltkampHigh(a) - a * a) + 2.0 * VeltkampHigh(a) * VeltkampLow(a)) + VeltkampLow(a) * VeltkampLow(a);

    /// <summary>Knuth: <c>a + b - fl(a + b)</c>, exact, whatever the magnitudes.</summary>
    [Formula]
    private static double TwoSumError(double a, double b) => (a - ((a + b) - ((a + b) - a))) + (b - ((a + b) - a));

    /// <summary>e^-|w|: the exponential of the sigmoid's slope (Half kernels' written-out sigmoid computes the same one).</summary>
    [Formula]
    private static double ExpOfNegativeAbs(double w) => VectorMath.Exp(-Math.Abs(w));

    /// <summary><c>sigmoid(w + dw) - sigmoid(w)</c> to first order: <c>dw * e / (1 + e)²</c>, <c>e = e^-|w|</c>.</summary>
    [Formula]
    private static double SigmoidCorrection(double w, double dw) =>
        dw * ExpOfNegativeAbs(w) / ((1.0 + ExpOfNegativeAbs(w)) * (1.0 + ExpOfNegativeAbs(w)));

    /// <summary><c>2√(2/π) (1 + 0.044715 a²)</c> rounded: the tanh form's argument over <paramref name="a"/>.</summary>
    [Formula]
    private static double TanhGeluSlope(double a) => TanhGeluLinear + TanhGeluCubic * (a * a);

    /// <summary><c>w = 2√(2/π) (a + 0.044715 a³)</c>, as rounded in double: the sigmoid's argument in the tanh form.</summary>
    [Formula]
    private static double TanhGeluArgument(double a) => a * TanhGeluSlope(a);

    /// <summary>The rounding error of <c>TanhGeluCubic * a²</c> given <c>a²</c> (the constant's split is precomputed).</summary>
    [Formula]
    private static double CubicProductError(double square) =>
        DekkerError(TanhGeluCubicHigh, TanhGeluCubicLow, VeltkampHigh(square), VeltkampLow(square), TanhGeluCubic * square);

    /// <summary>
    /// The exact slope minus <see cref="TanhGeluSlope"/>: the sum's rounding, the product's, the square's (scaled),
    /// and what rounding the two constants lost.
    /// </summary>
    [Formula]
    private static double TanhGeluSlopeError(double a) =>
        TwoSumError(TanhGeluLinear, TanhGeluCubic * (a * a))
        + CubicProductError(a * a)
        + TanhGeluCubic * TwoSquareError(a)
        + TanhGeluCubicTail * (a * a)
        + TanhGeluLinearTail;

    /// <summary>The exact <c>w</c> minus <see cref="TanhGeluArgument"/>, to first order: the last product's rounding plus <c>a</c> times the slope's error.</summary>
    [Formula]
    private static double TanhGeluArgumentError(double a) => TwoProductError(a, TanhGeluSlope(a)) + a * TanhGeluSlopeError(a);

    /// <summary>The exact <c>a / √2</c> minus its rounded value <c>a * InvSqrtTwo</c>: the product's rounding plus the constant's.</summary>
    [Formula]
    private static double ScaledArgumentError(double a) =>
        DekkerError(VeltkampHigh(a), VeltkampLow(a), InvSqrtTwoHigh, InvSqrtTwoLow, a * InvSqrtTwo) + a * InvSqrtTwoTail;

    /// <summary><c>e^(-a_h²/4)</c> for the high half <c>a_h</c> of <paramref name="a"/>: its argument is exact, and its square is <c>e^(-a_h²/2)</c>.</summary>
    [Formula]
    private static double QuarterGaussianOfHigh(double a) => VectorMath.Exp(-0.25 * VeltkampHigh(a) * VeltkampHigh(a));

    /// <summary><c>e^(-a_h²/2)</c>, about <c>e^(-u²)</c> for <c>u = a / √2</c>: erfc's slope at <c>u</c> over 2/√π.</summary>
    [Formula]
    private static double GaussianOfHigh(double a) => QuarterGaussianOfHigh(a) * QuarterGaussianOfHigh(a);

    /// <summary><c>erfc(u + d) - erfc(u)</c> to first order for <c>u = a * InvSqrtTwo</c> and its error <c>d</c>, with the sign flipped (erfc(-u) is evaluated).</summary>
    [Formula]
    private static double ErfcArgumentCorrection(double a) => TwoOverSqrtPi * GaussianOfHigh(a) * ScaledArgumentError(a);

    /// <summary>
    /// <c>t = -(a_h a_l + a_l²/2)</c>, so that <c>e^(-a²/2) = e^(-a_h²/2) e^t</c>; tiny (|a| ≤ 64 and a_l is below 2^-26 |a|).
    /// </summary>
    [Formula]
    private static double LowPartExponent(double a) => -(VeltkampHigh(a) * VeltkampLow(a) + 0.5 * VeltkampLow(a) * VeltkampLow(a));

    /// <summary><c>e^t</c> for the tiny <see cref="LowPartExponent"/>, by its Taylor series to t³.</summary>
    [Formula]
    private static double ExpOfLowPart(double a) =>
        1.0 + LowPartExponent(a) * (1.0 + LowPartExponent(a) * (0.5 + LowPartExponent(a) / 6.0));

    /// <summary><c>1/x²</c>, the variable of the asymptotic series.</summary>
    [Formula]
    private static double InverseSquare(double x) => 1.0 / (x * x);

    /// <summary>The asymptotic series <c>1 - 1/x² + 3/x⁴ - 15/x⁶ + …</c> (odd double factorials) to seven terms, in Horner form.</summary>
    [Formula]
    private static double AsymptoticSeries(double x) =>
        1.0 + InverseSquare(x) * (-1.0 + InverseSquare(x) * (3.0 + InverseSquare(x) * (-15.0 + InverseSquare(x)
            * (105.0 + InverseSquare(x) * (-945.0 + InverseSquare(x) * (10395.0 + InverseSquare(x) * -135135.0))))));

    /// <summary>
    /// <c>x Φ(x) = -φ(x) (1 - 1/x² + 3/x⁴ - …)</c> for <c>x &lt; -37</c>, where erfc is subnormal: <c>e^(-x²/2)</c> is
    /// taken as <c>e^(-x_h²/4)</c> twice, one factor on each side of the rest so that nothing underflows early.
    /// </summary>
    [Formula]
    private static double GeluAsymptoticTail(double x) =>
        -(QuarterGaussianOfHigh(ClampForSplitting(x)) * (ExpOfLowPart(ClampForSplitting(x)) * AsymptoticSeries(x) * InvSqrtTwoPi))
        * QuarterGaussianOfHigh(ClampForSplitting(x));
}
