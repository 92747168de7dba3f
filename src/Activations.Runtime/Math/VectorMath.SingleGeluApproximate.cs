using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

// gelu's tanh form, 0.5 x (1 + tanh(√(2/π) (x + 0.044715 x³))) = x sigmoid(w) with w = 2√(2/π) (x + 0.044715 x³), of
// float vectors in float lanes, within 1 ULP. Done naively in float, w's rounding error is magnified by up to |w|
// (sigmoid's relative slope is 1 - sigmoid(w)), about 87 ULP at x = -10. Here w = c (c1 + c3 c²) is an unevaluated sum
// wh + wl: c² by an exact FMA product, c1 and c3 as float pairs, the slope c1 + c3 c² as sh = c1h + c3h c² rounded by one
// FMA and its rounding error c3h c² - (sh - c1h), where sh - c1h is exact (c1h has no bits below 2^-21), the product's
// error by FMA. Then x sigmoid(w) = x / (1 + e^-w) is the corrected quotient of MultiplyBySigmoidFast
// (VectorMath.SingleSigmoid.cs), with wl added to the exp's reduced argument, whose low part the polynomial's tail
// takes exactly (t = r² Q(r) + r_low). Only the final FMA rounds.
// The quotient is computed 16 times too large, x / (2^-4 (1 + E)), and scaled back at the end (exact: the results are
// normal floats), so that E = e^-w up to 2^128 stays in range: the fast path then reaches every x whose result is a normal
// float. c is x capped at 8 above: sigmoid(w) rounds to 1 there (1 - sigmoid(w(8)) < 10^-21), and 2^(k-4) >= 2^-75 keeps
// every piece clear of the subnormals (which cost a microcode assist per operation). Fast path when every lane has
// x >= -10.07 (k = round(-w / ln 2) <= 128: 2^(k-4) and the denominator below 2^125, whose reciprocal estimate is
// normal; the result is at least 2.3e-38, a normal float) and x < 10^37 (the quotient, 16 x at most, stays finite; +∞
// excluded), and the hardware fuses; else the lanes are widened to double and computed with the float-accuracy double
// exp. Written out per width for the JIT's inlining budget (see VectorMath.SingleVectors.cs).
public static partial class VectorMath
{
    /// <summary>Below -10.07, e^-w's 2^k passes 2^128 and the result nears the subnormals: those lanes compute in double.</summary>
    private const float GeluFloatFastPathBound = 10.07f;

    /// <summary>At and above 10^37 (and at +∞) the quotient, 16 times the result, could overflow: those lanes compute in double.</summary>
    private const float GeluFloatFastPathTop = 1e37f;

    /// <summary>The sigmoid core works with 2^-4 in place of 1 (its denominator 2^-4 (1 + e^-w)), so that e^-w may reach 2^128.</summary>
    private const int GeluUnitShift = 4;

    /// <summary>2^-4, the unit the quotient is scaled back by (exactly: the fast path's results are normal floats).</summary>
    private const float GeluUnit = 1f / (1 << GeluUnitShift);

    /// <summary>x is capped here in w: above it sigmoid(w) rounds to 1 in float, and w &lt;= 49.3 keeps e^-w's pieces normal.</summary>
    private const float GeluFloatArgumentCap = 8f;

    /// <summary>2√(2/π), the linear coefficient of w.</summary>
    private const double GeluLinear = 1.5957691216057308;

    /// <summary>2√(2/π) · 0.044715, the cubic coefficient of w.</summary>
    private const double GeluCubic = 0.07135481627260025;

    /// <summary>
    /// <see cref="GeluLinear"/> rounded to a multiple of 2^-21, and the rest: with no bits below 2^-21, c1h is subtracted
    /// exactly from any float slope in [c1h, 9.5] (the slope's ULP there is 2^-23 to 2^-20 and the difference is below 8;
    /// the fast path's slopes are at most 8.84, |c| &lt;= 10.07).
    /// </summary>
    private const float GeluLinearHigh = 1.5957689f;

    private const float GeluLinearLow = 1.930779e-07f;

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
    public static double GeluApproximate(double x) => MultiplyBySigmoid(System.Math.Max(x, -1e30), x * (GeluLinear + (GeluCubic * (x * x))));

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
        if (!Fma.IsSupported)
        {
            return GeluApproximateInDouble(x);
        }

        // The check comes after the arithmetic, and the rare path's result reaches the result through an operation
        // (x - 0 = x for every x; the JIT drops it), so that the hot path keeps its results in registers. Both ends of the
        // fast path's range are one sign test (GeluApproximateFastLaneSigns).
        Vector128<float> result = GeluApproximateFast(x);
        if (Vector128.ExtractMostSignificantBits(GeluApproximateFastLaneSigns(x)) != 0xF)
        {
            result = GeluApproximateRareLanes(x, result) - Vector128<float>.Zero;
        }

        return result;
    }

    // Written as one straight-line body (no tuple or out values, which the JIT keeps in memory across the unrolled loop).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> GeluApproximateFast(Vector128<float> x)
    {
        // w = c (c1 + c3 c²) as wh + wl, c = x capped at 8 above (sigmoid(w) rounds to 1 there; NaN stays NaN):
        // c² exactly by FMA, the slope c1h + c3h c²h rounded once by FMA and its error recovered (the file's comment), the
        // small terms after.
        Vector128<float> capped = Sse.Min(Vector128.Create(GeluFloatArgumentCap), x);
        Vector128<float> squareHigh = Fma.MultiplyAdd(capped, capped, Vector128.Create(SubnormalGuard));
        Vector128<float> squareLow = Fma.MultiplySubtract(capped, capped, squareHigh);
        Vector128<float> slopeHigh = Fma.MultiplyAdd(Vector128.Create(GeluCubicHigh), squareHigh, Vector128.Create(GeluLinearHigh));
        Vector128<float> slopeError = Fma.MultiplySubtract(Vector128.Create(GeluCubicHigh), squareHigh, slopeHigh - Vector128.Create(GeluLinearHigh));
        Vector128<float> smallTerms = Fma.MultiplyAdd(Vector128.Create(GeluCubicHigh), squareLow, Fma.MultiplyAdd(Vector128.Create(GeluCubicLow), squareHigh, Vector128.Create(GeluLinearLow)));
        Vector128<float> slopeLow = slopeError + smallTerms;
        Vector128<float> wHigh = capped * slopeHigh;
        Vector128<float> wLow = Fma.MultiplyAdd(capped, slopeLow, Fma.MultiplySubtract(capped, slopeHigh, wHigh));

        // x sigmoid(w): the float-lane sigmoid core with w's low part (VectorMath.SingleSigmoid.cs).
        return MultiplyBySigmoidFast(x, wHigh, wLow, GeluUnitShift) * Vector128.Create(GeluUnit);
    }

    // Lanes below -10.07 or from 10^37 up, ±∞ included, or hardware without FMA: computed in double, rounded once.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector128<float> GeluApproximateInDouble(Vector128<float> x) => GeluApproximateWidened(x);

    // The same, inlined into GeluApproximateRareLanes: a call from there cost up to 30% more on inputs that take the rare path.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> GeluApproximateWidened(Vector128<float> x)
    {
        (Vector128<double> lower, Vector128<double> upper) = Vector128.Widen(x);
        return Vector128.Narrow(GeluApproximateForSingle(lower), GeluApproximateForSingle(upper));
    }

    // The fast path's lanes have the sign bit set here: x + 10.07 has it clear (x >= -10.07, -∞ excluded) and
    // x + 10.07 - 10^37 has it set (x below 10^37, +∞ excluded). One expression for the check and the rare lanes' mask.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> GeluApproximateFastLaneSigns(Vector128<float> x)
    {
        Vector128<float> aboveBound = x + Vector128.Create(GeluFloatFastPathBound);
        return Vector128.AndNot(aboveBound - Vector128.Create(GeluFloatFastPathTop), aboveBound);
    }

    // The lanes off the fast path (the sign test above) from the double path, the others' fast results kept: an element's
    // result never depends on the other elements in its vector.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector128<float> GeluApproximateRareLanes(Vector128<float> x, Vector128<float> fast)
    {
        Vector128<int> fastLanes = Vector128.ShiftRightArithmetic(GeluApproximateFastLaneSigns(x).AsInt32(), 31);
        return Vector128.ConditionalSelect(fastLanes.AsSingle(), fast, GeluApproximateWidened(x));
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
        if (!Fma.IsSupported)
        {
            return GeluApproximateInDouble(x);
        }

        // The check comes after the arithmetic, and the rare path's result reaches the result through an operation
        // (x - 0 = x for every x; the JIT drops it), so that the hot path keeps its results in registers. Both ends of the
        // fast path's range are one sign test (GeluApproximateFastLaneSigns).
        Vector256<float> result = GeluApproximateFast(x);
        if (Vector256.ExtractMostSignificantBits(GeluApproximateFastLaneSigns(x)) != 0xFF)
        {
            result = GeluApproximateRareLanes(x, result) - Vector256<float>.Zero;
        }

        return result;
    }

    // Written as one straight-line body (no tuple or out values, which the JIT keeps in memory across the unrolled loop).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> GeluApproximateFast(Vector256<float> x)
    {
        // w = c (c1 + c3 c²) as wh + wl, c = x capped at 8 above (sigmoid(w) rounds to 1 there; NaN stays NaN):
        // c² exactly by FMA, the slope c1h + c3h c²h rounded once by FMA and its error recovered (the file's comment), the
        // small terms after.
        Vector256<float> capped = Avx.Min(Vector256.Create(GeluFloatArgumentCap), x);
        Vector256<float> squareHigh = Fma.MultiplyAdd(capped, capped, Vector256.Create(SubnormalGuard));
        Vector256<float> squareLow = Fma.MultiplySubtract(capped, capped, squareHigh);
        Vector256<float> slopeHigh = Fma.MultiplyAdd(Vector256.Create(GeluCubicHigh), squareHigh, Vector256.Create(GeluLinearHigh));
        Vector256<float> slopeError = Fma.MultiplySubtract(Vector256.Create(GeluCubicHigh), squareHigh, slopeHigh - Vector256.Create(GeluLinearHigh));
        Vector256<float> smallTerms = Fma.MultiplyAdd(Vector256.Create(GeluCubicHigh), squareLow, Fma.MultiplyAdd(Vector256.Create(GeluCubicLow), squareHigh, Vector256.Create(GeluLinearLow)));
        Vector256<float> slopeLow = slopeError + smallTerms;
        Vector256<float> wHigh = capped * slopeHigh;
        Vector256<float> wLow = Fma.MultiplyAdd(capped, slopeLow, Fma.MultiplySubtract(capped, slopeHigh, wHigh));

        // x sigmoid(w): the float-lane sigmoid core with w's low part (VectorMath.SingleSigmoid.cs).
        return MultiplyBySigmoidFast(x, wHigh, wLow, GeluUnitShift) * Vector256.Create(GeluUnit);
    }

    // Lanes below -10.07 or from 10^37 up, ±∞ included, or hardware without FMA: computed in double, rounded once.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<float> GeluApproximateInDouble(Vector256<float> x) => GeluApproximateWidened(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> GeluApproximateWidened(Vector256<float> x)
    {
        (Vector256<double> lower, Vector256<double> upper) = Vector256.Widen(x);
        return Vector256.Narrow(GeluApproximateForSingle(lower), GeluApproximateForSingle(upper));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> GeluApproximateFastLaneSigns(Vector256<float> x)
    {
        Vector256<float> aboveBound = x + Vector256.Create(GeluFloatFastPathBound);
        return Vector256.AndNot(aboveBound - Vector256.Create(GeluFloatFastPathTop), aboveBound);
    }

    // The lanes off the fast path (the sign test above) from the double path, the others' fast results kept: an element's
    // result never depends on the other elements in its vector.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<float> GeluApproximateRareLanes(Vector256<float> x, Vector256<float> fast)
    {
        Vector256<int> fastLanes = Vector256.ShiftRightArithmetic(GeluApproximateFastLaneSigns(x).AsInt32(), 31);
        return Vector256.ConditionalSelect(fastLanes.AsSingle(), fast, GeluApproximateWidened(x));
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
        if (!Avx512F.IsSupported)
        {
            return GeluApproximateInDouble(x);
        }

        // The check comes after the arithmetic, and the rare path's result reaches the result through an operation
        // (x - 0 = x for every x; the JIT drops it), so that the hot path keeps its results in registers. Both ends of the
        // fast path's range are one sign test (GeluApproximateFastLaneSigns).
        Vector512<float> result = GeluApproximateFast(x);
        if (Vector512.ExtractMostSignificantBits(GeluApproximateFastLaneSigns(x)) != 0xFFFF)
        {
            result = GeluApproximateRareLanes(x, result) - Vector512<float>.Zero;
        }

        return result;
    }

    // Written as one straight-line body (no tuple or out values, which the JIT keeps in memory across the unrolled loop).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> GeluApproximateFast(Vector512<float> x)
    {
        // w = c (c1 + c3 c²) as wh + wl, c = x capped at 8 above (sigmoid(w) rounds to 1 there; NaN stays NaN):
        // c² exactly by FMA, the slope c1h + c3h c²h rounded once by FMA and its error recovered (the file's comment), the
        // small terms after.
        Vector512<float> capped = Avx512F.Min(Vector512.Create(GeluFloatArgumentCap), x);
        Vector512<float> squareHigh = Avx512F.FusedMultiplyAdd(capped, capped, Vector512.Create(SubnormalGuard));
        Vector512<float> squareLow = Avx512F.FusedMultiplySubtract(capped, capped, squareHigh);
        Vector512<float> slopeHigh = Avx512F.FusedMultiplyAdd(Vector512.Create(GeluCubicHigh), squareHigh, Vector512.Create(GeluLinearHigh));
        Vector512<float> slopeError = Avx512F.FusedMultiplySubtract(Vector512.Create(GeluCubicHigh), squareHigh, slopeHigh - Vector512.Create(GeluLinearHigh));
        Vector512<float> smallTerms = Avx512F.FusedMultiplyAdd(Vector512.Create(GeluCubicHigh), squareLow, Avx512F.FusedMultiplyAdd(Vector512.Create(GeluCubicLow), squareHigh, Vector512.Create(GeluLinearLow)));
        Vector512<float> slopeLow = slopeError + smallTerms;
        Vector512<float> wHigh = capped * slopeHigh;
        Vector512<float> wLow = Avx512F.FusedMultiplyAdd(capped, slopeLow, Avx512F.FusedMultiplySubtract(capped, slopeHigh, wHigh));

        // x sigmoid(w): the float-lane sigmoid core with w's low part (VectorMath.SingleSigmoid.cs).
        return MultiplyBySigmoidFast(x, wHigh, wLow, GeluUnitShift) * Vector512.Create(GeluUnit);
    }

    // Lanes below -10.07 or from 10^37 up, ±∞ included, or hardware without FMA: computed in double, rounded once.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<float> GeluApproximateInDouble(Vector512<float> x) => GeluApproximateWidened(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> GeluApproximateWidened(Vector512<float> x)
    {
        (Vector512<double> lower, Vector512<double> upper) = Vector512.Widen(x);
        return Vector512.Narrow(GeluApproximateForSingle(lower), GeluApproximateForSingle(upper));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> GeluApproximateFastLaneSigns(Vector512<float> x)
    {
        Vector512<float> aboveBound = x + Vector512.Create(GeluFloatFastPathBound);
        return Vector512.AndNot(aboveBound - Vector512.Create(GeluFloatFastPathTop), aboveBound);
    }

    // The lanes off the fast path (the sign test above) from the double path, the others' fast results kept: an element's
    // result never depends on the other elements in its vector.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<float> GeluApproximateRareLanes(Vector512<float> x, Vector512<float> fast)
    {
        Vector512<int> fastLanes = Vector512.ShiftRightArithmetic(GeluApproximateFastLaneSigns(x).AsInt32(), 31);
        return Vector512.ConditionalSelect(fastLanes.AsSingle(), fast, GeluApproximateWidened(x));
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
