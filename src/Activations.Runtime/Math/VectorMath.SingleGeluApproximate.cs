using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

// gelu's tanh form, 0.5 x (1 + tanh(√(2/π) (x + 0.044715 x³))) = x sigmoid(w) with w = 2√(2/π) (x + 0.044715 x³), of
// float vectors in float lanes, within 1 ULP. Done naively in float, w's rounding error is magnified by up to |w|
// (sigmoid's relative slope is 1 - sigmoid(w)), about 87 ULP at x = -10. Here -|w| = -a (c1 + c3 a²) (a = |x|) is an
// unevaluated sum mh + ml: a² by an exact FMA product, c1 and c3 as float pairs, c1 + c3 a² by Fast2Sum (the larger
// first), the product by an FMA; ml goes into the exp's reduced argument (r = (mh - k ln2) + (ml - k ln2_low), kept as
// r + rLow by Fast2Sum). The sigmoid is then the corrected quotient of VectorMath.SingleSigmoid.cs, with one change:
// for w < 0 the numerator e = (high + low) 2^k is divided unscaled and 2^k applied to the result, so e's low part
// never reaches the subnormals and the fast path covers -|w| down to -87 (x >= -9.95; 2^k stays normal). Only the
// final FMA, x q + x correction, rounds (the last scaling is exact: those results are normal).
// Fast path when every lane has x >= -9.95 (|x| capped at 9.95 in w: above it sigmoid(w) rounds to 1) and is not +∞,
// and the hardware fuses; else the lanes are widened to double and computed with the float-accuracy double exp.
// Written out per width for the JIT's inlining budget (see VectorMath.SingleVectors.cs).
public static partial class VectorMath
{
    /// <summary>Below -9.95, -|w| &lt; -86.2, and 2^k would leave float's normal range: those lanes compute in double.</summary>
    private const float GeluFloatFastPathBound = 9.95f;

    /// <summary>e's low part enters 1 + e scaled by at least this (2^-100): beyond, it is far below 1 + e's rounding, and
    /// the true scale would make it subnormal, which costs a microcode assist per operation on x86.</summary>
    private const float GeluFloatLowScaleFloor = 7.88860905e-31f;

    /// <summary>|x| is capped here in w: for x above it sigmoid(w) rounds to 1 in float.</summary>
    private const float GeluFloatArgumentCap = 9.95f;

    /// <summary>2√(2/π), the linear coefficient of w.</summary>
    private const double GeluLinear = 1.5957691216057308;

    /// <summary>2√(2/π) · 0.044715, the cubic coefficient of w.</summary>
    private const double GeluCubic = 0.07135481627260025;

    /// <summary><see cref="GeluLinear"/> rounded to float, and the rest.</summary>
    private const float GeluLinearHigh = 1.5957692f;

    private const float GeluLinearLow = -4.534068e-08f;

    /// <summary><see cref="GeluCubic"/> rounded to float, and the rest.</summary>
    private const float GeluCubicHigh = 0.071354814f;

    private const float GeluCubicLow = 2.3988325e-09f;

    /// <summary>
    /// gelu's tanh form, <c>0.5 x (1 + tanh(√(2/π) (x + 0.044715 x³)))</c>, as <c>x sigmoid(w)</c> with
    /// <c>w = 2√(2/π) (x + 0.044715 x³)</c> (equal, and without tanh's cancellation for negative x); x is clamped at
    /// -10³⁰ so that -∞ gives -0 rather than NaN. This is the formula gelu's stub computes for approximate = true.
    /// </summary>
    /// <param name="x">The argument.</param>
    /// <returns>The tanh form of gelu; NaN for NaN, -0 for -∞, ∞ for ∞.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double GeluApproximate(double x) => System.Math.Max(x, -1e30) * Sigmoid(x * (GeluLinear + (GeluCubic * (x * x))));

    /// <summary>gelu's tanh form of a float, within 1 ULP (computed in double, rounded once).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The tanh form of gelu.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float GeluApproximate(float x) => (float)(System.Math.Max(x, -1e30) * SigmoidForSingle((double)x * (GeluLinear + (GeluCubic * ((double)x * x)))));

    /// <summary>gelu's tanh form per float lane, within 1 ULP (see the file's comment).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The tanh form of gelu of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> GeluApproximate(Vector128<float> x)
    {
        if (!Fma.IsSupported
            || (Vector128.LessThan(x, Vector128.Create(-GeluFloatFastPathBound)) | Vector128.Equals(x, Vector128.Create(float.PositiveInfinity))) != Vector128<float>.Zero)
        {
            return GeluApproximateInDouble(x);
        }

        return GeluApproximateFast(x);
    }

    // Written as one straight-line body (no tuple or out values, which the JIT keeps in memory across the unrolled loop).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> GeluApproximateFast(Vector128<float> x)
    {
        // m = -|w| = -a (c1 + c3 a²) as mh + ml, a = |x| capped where sigmoid(w) is 1 in float anyway (NaN stays NaN).
        Vector128<float> a = MinFast(Vector128.Create(GeluFloatArgumentCap), Vector128.Abs(x));
        Vector128<float> squareHigh = a * a;
        Vector128<float> squareLow = MultiplyAdd(a, a, -squareHigh);
        Vector128<float> cubicHigh = Vector128.Create(GeluCubicHigh) * squareHigh;
        Vector128<float> cubicLow = MultiplyAdd(Vector128.Create(GeluCubicHigh), squareHigh, -cubicHigh);
        Vector128<float> larger = MaxFast(cubicHigh, Vector128.Create(GeluLinearHigh));
        Vector128<float> smaller = MinFast(cubicHigh, Vector128.Create(GeluLinearHigh));
        Vector128<float> slopeHigh = larger + smaller;
        Vector128<float> smallTerms = MultiplyAdd(Vector128.Create(GeluCubicHigh), squareLow, MultiplyAdd(Vector128.Create(GeluCubicLow), squareHigh, Vector128.Create(GeluLinearLow)));
        Vector128<float> slopeLow = (smaller - (slopeHigh - larger)) + (cubicLow + smallTerms);
        Vector128<float> negativeA = -a;
        Vector128<float> mHigh = negativeA * slopeHigh;
        Vector128<float> mLow = MultiplyAdd(negativeA, slopeLow, MultiplyAdd(negativeA, slopeHigh, -mHigh));

        // e = e^m = (high + low) 2^k: the float exp's reduction with mLow carried into r (Fast2Sum), and its polynomial
        // with the two roundings of 1 + r + t kept (Fast2Sum twice: |r| > |t|, 1 > |r + t|). 2^k is normal: m >= -87.
        Vector128<float> shifted = MultiplyAdd(mHigh, Vector128.Create(InverseLn2Single), Vector128.Create(FloatRoundingShift));
        Vector128<float> k = shifted - Vector128.Create(FloatRoundingShift);
        Vector128<float> scale = Vector128.ShiftLeft(shifted.AsInt32(), 23).AsSingle();
        Vector128<float> rHigh = MultiplyAdd(k, Vector128.Create(-Ln2HighSingle), mHigh); // exact
        Vector128<float> rMiddle = MultiplyAdd(k, Vector128.Create(-Ln2LowSingle), mLow);
        Vector128<float> r = rHigh + rMiddle;
        Vector128<float> t = ExpTailOfReduced(r, rMiddle - (r - rHigh));
        Vector128<float> one = Vector128<float>.One;
        Vector128<float> sum = r + t;
        Vector128<float> high = one + sum;
        Vector128<float> low = (sum - (high - one)) + (t - (sum - r));
        Vector128<float> eHigh = high * scale;

        // sigmoid(w) = n / (1 + e) with n = 1 for w >= 0 and n = e below, taken as (high + low) and scaled by 2^k at the
        // end so that the low part never meets the subnormals; 1 + e = dh + dl exactly (Fast2Sum; e's own low part is
        // far below dl's rounding). The quotient q = nh / dh is corrected once by its residual (one FMA) and the low
        // parts, divided by 1 + e (q itself for w >= 0, 1 - q 2^k below: the correction is tiny, so its own error is not).
        Vector128<float> dh = one + eHigh;
        Vector128<float> dl = ((one - dh) + eHigh) + (low * MaxFast(scale, Vector128.Create(GeluFloatLowScaleFloor))); // no subnormals: they are slow
        Vector128<float> positive = Vector128.GreaterThanOrEqual(x, Vector128<float>.Zero);
        Vector128<float> nh = Vector128.ConditionalSelect(positive, one, high);
        Vector128<float> q = nh / dh;
        Vector128<float> residual = MultiplyAdd(-q, dh, nh) + (Vector128.AndNot(low, positive) - (q * dl));
        Vector128<float> reciprocal = Vector128.ConditionalSelect(positive, q, MultiplyAdd(-q, scale, one));
        Vector128<float> product = MultiplyAdd(x, q, x * (residual * reciprocal)); // the one rounding
        return product * Vector128.ConditionalSelect(positive, one, scale); // exact: the results are normal or x is tiny
    }

    // Lanes below -9.95 or at +∞, or hardware without FMA: computed in double, rounded once.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector128<float> GeluApproximateInDouble(Vector128<float> x)
    {
        (Vector128<double> lower, Vector128<double> upper) = Vector128.Widen(x);
        return Vector128.Narrow(GeluApproximateForSingle(lower), GeluApproximateForSingle(upper));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> GeluApproximateForSingle(Vector128<double> x)
    {
        Vector128<double> w = x * (Vector128.Create(GeluLinear) + (Vector128.Create(GeluCubic) * (x * x)));
        Vector128<double> e = ExpForSingle(-Vector128.Abs(w));
        Vector128<double> numerator = Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(w, Vector128<double>.Zero), Vector128<double>.One, e);
        return Vector128DoubleLanes.MaxFast(Vector128.Create(-1e30), x) * (numerator / (Vector128<double>.One + e));
    }

    /// <summary>gelu's tanh form per float lane, within 1 ULP (see the file's comment).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The tanh form of gelu of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> GeluApproximate(Vector256<float> x)
    {
        if (!Fma.IsSupported
            || (Vector256.LessThan(x, Vector256.Create(-GeluFloatFastPathBound)) | Vector256.Equals(x, Vector256.Create(float.PositiveInfinity))) != Vector256<float>.Zero)
        {
            return GeluApproximateInDouble(x);
        }

        return GeluApproximateFast(x);
    }

    // Written as one straight-line body (no tuple or out values, which the JIT keeps in memory across the unrolled loop).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> GeluApproximateFast(Vector256<float> x)
    {
        // m = -|w| = -a (c1 + c3 a²) as mh + ml, a = |x| capped where sigmoid(w) is 1 in float anyway (NaN stays NaN).
        Vector256<float> a = MinFast(Vector256.Create(GeluFloatArgumentCap), Vector256.Abs(x));
        Vector256<float> squareHigh = a * a;
        Vector256<float> squareLow = MultiplyAdd(a, a, -squareHigh);
        Vector256<float> cubicHigh = Vector256.Create(GeluCubicHigh) * squareHigh;
        Vector256<float> cubicLow = MultiplyAdd(Vector256.Create(GeluCubicHigh), squareHigh, -cubicHigh);
        Vector256<float> larger = MaxFast(cubicHigh, Vector256.Create(GeluLinearHigh));
        Vector256<float> smaller = MinFast(cubicHigh, Vector256.Create(GeluLinearHigh));
        Vector256<float> slopeHigh = larger + smaller;
        Vector256<float> smallTerms = MultiplyAdd(Vector256.Create(GeluCubicHigh), squareLow, MultiplyAdd(Vector256.Create(GeluCubicLow), squareHigh, Vector256.Create(GeluLinearLow)));
        Vector256<float> slopeLow = (smaller - (slopeHigh - larger)) + (cubicLow + smallTerms);
        Vector256<float> negativeA = -a;
        Vector256<float> mHigh = negativeA * slopeHigh;
        Vector256<float> mLow = MultiplyAdd(negativeA, slopeLow, MultiplyAdd(negativeA, slopeHigh, -mHigh));

        // e = e^m = (high + low) 2^k: the float exp's reduction with mLow carried into r (Fast2Sum), and its polynomial
        // with the two roundings of 1 + r + t kept (Fast2Sum twice: |r| > |t|, 1 > |r + t|). 2^k is normal: m >= -87.
        Vector256<float> shifted = MultiplyAdd(mHigh, Vector256.Create(InverseLn2Single), Vector256.Create(FloatRoundingShift));
        Vector256<float> k = shifted - Vector256.Create(FloatRoundingShift);
        Vector256<float> scale = Vector256.ShiftLeft(shifted.AsInt32(), 23).AsSingle();
        Vector256<float> rHigh = MultiplyAdd(k, Vector256.Create(-Ln2HighSingle), mHigh); // exact
        Vector256<float> rMiddle = MultiplyAdd(k, Vector256.Create(-Ln2LowSingle), mLow);
        Vector256<float> r = rHigh + rMiddle;
        Vector256<float> t = ExpTailOfReduced(r, rMiddle - (r - rHigh));
        Vector256<float> one = Vector256<float>.One;
        Vector256<float> sum = r + t;
        Vector256<float> high = one + sum;
        Vector256<float> low = (sum - (high - one)) + (t - (sum - r));
        Vector256<float> eHigh = high * scale;

        // sigmoid(w) = n / (1 + e) with n = 1 for w >= 0 and n = e below, taken as (high + low) and scaled by 2^k at the
        // end so that the low part never meets the subnormals; 1 + e = dh + dl exactly (Fast2Sum; e's own low part is
        // far below dl's rounding). The quotient q = nh / dh is corrected once by its residual (one FMA) and the low
        // parts, divided by 1 + e (q itself for w >= 0, 1 - q 2^k below: the correction is tiny, so its own error is not).
        Vector256<float> dh = one + eHigh;
        Vector256<float> dl = ((one - dh) + eHigh) + (low * MaxFast(scale, Vector256.Create(GeluFloatLowScaleFloor))); // no subnormals: they are slow
        Vector256<float> positive = Vector256.GreaterThanOrEqual(x, Vector256<float>.Zero);
        Vector256<float> nh = Vector256.ConditionalSelect(positive, one, high);
        Vector256<float> q = nh / dh;
        Vector256<float> residual = MultiplyAdd(-q, dh, nh) + (Vector256.AndNot(low, positive) - (q * dl));
        Vector256<float> reciprocal = Vector256.ConditionalSelect(positive, q, MultiplyAdd(-q, scale, one));
        Vector256<float> product = MultiplyAdd(x, q, x * (residual * reciprocal)); // the one rounding
        return product * Vector256.ConditionalSelect(positive, one, scale); // exact: the results are normal or x is tiny
    }

    // Lanes below -9.95 or at +∞, or hardware without FMA: computed in double, rounded once.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<float> GeluApproximateInDouble(Vector256<float> x)
    {
        (Vector256<double> lower, Vector256<double> upper) = Vector256.Widen(x);
        return Vector256.Narrow(GeluApproximateForSingle(lower), GeluApproximateForSingle(upper));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> GeluApproximateForSingle(Vector256<double> x)
    {
        Vector256<double> w = x * (Vector256.Create(GeluLinear) + (Vector256.Create(GeluCubic) * (x * x)));
        Vector256<double> e = ExpForSingle(-Vector256.Abs(w));
        Vector256<double> numerator = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(w, Vector256<double>.Zero), Vector256<double>.One, e);
        return Vector256DoubleLanes.MaxFast(Vector256.Create(-1e30), x) * (numerator / (Vector256<double>.One + e));
    }

    /// <summary>gelu's tanh form per float lane, within 1 ULP (see the file's comment).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The tanh form of gelu of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> GeluApproximate(Vector512<float> x)
    {
        if (!Avx512F.IsSupported
            || (Vector512.LessThan(x, Vector512.Create(-GeluFloatFastPathBound)) | Vector512.Equals(x, Vector512.Create(float.PositiveInfinity))) != Vector512<float>.Zero)
        {
            return GeluApproximateInDouble(x);
        }

        return GeluApproximateFast(x);
    }

    // Written as one straight-line body (no tuple or out values, which the JIT keeps in memory across the unrolled loop).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> GeluApproximateFast(Vector512<float> x)
    {
        // m = -|w| = -a (c1 + c3 a²) as mh + ml, a = |x| capped where sigmoid(w) is 1 in float anyway (NaN stays NaN).
        Vector512<float> a = MinFast(Vector512.Create(GeluFloatArgumentCap), Vector512.Abs(x));
        Vector512<float> squareHigh = a * a;
        Vector512<float> squareLow = MultiplyAdd(a, a, -squareHigh);
        Vector512<float> cubicHigh = Vector512.Create(GeluCubicHigh) * squareHigh;
        Vector512<float> cubicLow = MultiplyAdd(Vector512.Create(GeluCubicHigh), squareHigh, -cubicHigh);
        Vector512<float> larger = MaxFast(cubicHigh, Vector512.Create(GeluLinearHigh));
        Vector512<float> smaller = MinFast(cubicHigh, Vector512.Create(GeluLinearHigh));
        Vector512<float> slopeHigh = larger + smaller;
        Vector512<float> smallTerms = MultiplyAdd(Vector512.Create(GeluCubicHigh), squareLow, MultiplyAdd(Vector512.Create(GeluCubicLow), squareHigh, Vector512.Create(GeluLinearLow)));
        Vector512<float> slopeLow = (smaller - (slopeHigh - larger)) + (cubicLow + smallTerms);
        Vector512<float> negativeA = -a;
        Vector512<float> mHigh = negativeA * slopeHigh;
        Vector512<float> mLow = MultiplyAdd(negativeA, slopeLow, MultiplyAdd(negativeA, slopeHigh, -mHigh));

        // e = e^m = (high + low) 2^k: the float exp's reduction with mLow carried into r (Fast2Sum), and its polynomial
        // with the two roundings of 1 + r + t kept (Fast2Sum twice: |r| > |t|, 1 > |r + t|). 2^k is normal: m >= -87.
        Vector512<float> shifted = MultiplyAdd(mHigh, Vector512.Create(InverseLn2Single), Vector512.Create(FloatRoundingShift));
        Vector512<float> k = shifted - Vector512.Create(FloatRoundingShift);
        Vector512<float> scale = Vector512.ShiftLeft(shifted.AsInt32(), 23).AsSingle();
        Vector512<float> rHigh = MultiplyAdd(k, Vector512.Create(-Ln2HighSingle), mHigh); // exact
        Vector512<float> rMiddle = MultiplyAdd(k, Vector512.Create(-Ln2LowSingle), mLow);
        Vector512<float> r = rHigh + rMiddle;
        Vector512<float> t = ExpTailOfReduced(r, rMiddle - (r - rHigh));
        Vector512<float> one = Vector512<float>.One;
        Vector512<float> sum = r + t;
        Vector512<float> high = one + sum;
        Vector512<float> low = (sum - (high - one)) + (t - (sum - r));
        Vector512<float> eHigh = high * scale;

        // sigmoid(w) = n / (1 + e) with n = 1 for w >= 0 and n = e below, taken as (high + low) and scaled by 2^k at the
        // end so that the low part never meets the subnormals; 1 + e = dh + dl exactly (Fast2Sum; e's own low part is
        // far below dl's rounding). The quotient q = nh / dh is corrected once by its residual (one FMA) and the low
        // parts, divided by 1 + e (q itself for w >= 0, 1 - q 2^k below: the correction is tiny, so its own error is not).
        Vector512<float> dh = one + eHigh;
        Vector512<float> dl = ((one - dh) + eHigh) + (low * MaxFast(scale, Vector512.Create(GeluFloatLowScaleFloor))); // no subnormals: they are slow
        Vector512<float> positive = Vector512.GreaterThanOrEqual(x, Vector512<float>.Zero);
        Vector512<float> nh = Vector512.ConditionalSelect(positive, one, high);
        Vector512<float> q = nh / dh;
        Vector512<float> residual = MultiplyAdd(-q, dh, nh) + (Vector512.AndNot(low, positive) - (q * dl));
        Vector512<float> reciprocal = Vector512.ConditionalSelect(positive, q, MultiplyAdd(-q, scale, one));
        Vector512<float> product = MultiplyAdd(x, q, x * (residual * reciprocal)); // the one rounding
        return product * Vector512.ConditionalSelect(positive, one, scale); // exact: the results are normal or x is tiny
    }

    // Lanes below -9.95 or at +∞, or hardware without FMA: computed in double, rounded once.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<float> GeluApproximateInDouble(Vector512<float> x)
    {
        (Vector512<double> lower, Vector512<double> upper) = Vector512.Widen(x);
        return Vector512.Narrow(GeluApproximateForSingle(lower), GeluApproximateForSingle(upper));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> GeluApproximateForSingle(Vector512<double> x)
    {
        Vector512<double> w = x * (Vector512.Create(GeluLinear) + (Vector512.Create(GeluCubic) * (x * x)));
        Vector512<double> e = ExpForSingle(-Vector512.Abs(w));
        Vector512<double> numerator = Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(w, Vector512<double>.Zero), Vector512<double>.One, e);
        return Vector512DoubleLanes.MaxFast(Vector512.Create(-1e30), x) * (numerator / (Vector512<double>.One + e));
    }
}
