using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

// The logistic sigmoid 1 / (1 + e^-x) of float vectors in float lanes, within 0.68 ULP of the exact value (measured
// over every float), and a · sigmoid(x) with the product rounded once (silu: 0.75 ULP over every float).
// Done naively (e = e^-|x|, then (x >= 0 ? 1 : e) / (1 + e)) float rounds three times, and measured over every
// float that reaches 2.4 ULP: where e/(1 + e) falls just below a power of two, one ULP of e is two of the result.
// Here, for every x, E = e^-x = 2^k (1 + rH + t) (no overflow: |x| <= 80), with 2^k, 2^k rH and 2^k t exact floats
// (rH = -x - k ln2_hi exactly, t = e^r - 1 - rH from the float exp's polynomial, evaluated Estrin-style at 128 and 256
// bits for a shorter dependency chain and Horner-style at 512, where the loop interleaves four vectors (the fewer
// operations count more there), with the reduction's rounding error folded in). The denominator d = 1 + E is carried as
// dh + dl, dl exact up to a rounding far below dh's ULP; then q = a / dh (rounded), the remainder a - q d (exact
// FMA, then the low part) and a · sigmoid(x) = q + remainder / d, where 1/d only needs 12 bits (the remainder is
// 2^-24 of q): the hardware reciprocal estimate, computed beside the division, off the dependency chain. Only that
// last FMA rounds the result, whatever a is. Each step's exactness is argued where it is computed.
// Fast path when every lane has |x| <= 80 (E and 1/E normal with room for their low parts) and the hardware fuses;
// the lanes beyond go through double with the float-accuracy double exp (rare inputs), as does hardware without FMA.
// Written out per width for the JIT's inlining budget (see VectorMath.SingleVectors.cs).
public static partial class VectorMath
{
    /// <summary>Below this magnitude 2^k (k = round(-x / ln 2)) and every piece of 1 + e^-x stay normal floats.</summary>
    private const float SigmoidFloatFastPathBound = 80f;

    /// <summary>2^-100, added to a square that may fall below 2^-126 (r² of a tiny reduced argument, gelu's c² of a tiny
    /// x): a subnormal product costs a microcode assist per instruction (such vectors took three times as long). The
    /// square then errs by 2^-100 at most, far below what its sum keeps (t and d = 1 + E to about 2^-48).</summary>
    private const float SubnormalGuard = 7.888609052210118e-31f;

    /// <summary>2^-60, the same for a square that is squared again (Estrin's r⁴ at 128 and 256 bits: 2^-120, still normal);
    /// 2^-61 of t at most, below 2^-48 of d.</summary>
    private const float SubnormalGuardForFourthPowers = 8.673617379884035e-19f;

    /// <summary>
    /// The logistic sigmoid 1 / (1 + e^-x), without overflow for any x: within 1 ULP where the hardware fuses
    /// multiply-adds, 2 without (<see cref="MultiplyBySigmoid(double, double)"/> with a = 1).
    /// </summary>
    /// <param name="x">The argument.</param>
    /// <returns>sigmoid(<paramref name="x"/>), in [0, 1]; NaN for NaN.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sigmoid(double x) => MultiplyBySigmoid(1.0, x);

    /// <summary>The logistic sigmoid of a float, within 1 ULP (computed in double, rounded once).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>sigmoid(<paramref name="x"/>).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sigmoid(float x) => (float)SigmoidForSingle((double)x);

    /// <summary>a · sigmoid(x) of floats, within 1 ULP (computed in double, rounded once).</summary>
    /// <param name="a">The factor.</param>
    /// <param name="x">The sigmoid's argument.</param>
    /// <returns><paramref name="a"/> · sigmoid(<paramref name="x"/>).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MultiplyBySigmoid(float a, float x) => (float)(a * SigmoidForSingle((double)x));

    // In double with the float-accuracy exp (relative error far below a float ULP), for results rounded to float.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SigmoidForSingle(double x) => (x >= 0.0 ? 1.0 : ExpForSingle(-System.Math.Abs(x))) / (1.0 + ExpForSingle(-System.Math.Abs(x)));

    /// <summary>The logistic sigmoid per float lane, within 1 ULP (0.68 ULP from the exact value at most).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>sigmoid of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Sigmoid(Vector128<float> x) => MultiplyBySigmoid(Vector128<float>.One, x);

    /// <summary>a · sigmoid(x) per float lane with one rounding of the product, within 1 ULP (as <see cref="Sigmoid(Vector128{float})"/>).
    /// Computing silu as x · sigmoid(x) this way rounds once where the product of a rounded sigmoid would round twice.</summary>
    /// <param name="a">The factors.</param>
    /// <param name="x">The sigmoid's arguments.</param>
    /// <returns>a · sigmoid(x) of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> MultiplyBySigmoid(Vector128<float> a, Vector128<float> x)
    {
        if (!Fma.IsSupported)
        {
            return SigmoidInDouble(a, x);
        }

        // The check comes after the arithmetic, and the rare path's result (returned through memory) reaches the
        // result through an operation (x - 0 = x for every x, -0 and NaN included; the JIT drops it): returned or
        // assigned directly, it would make the JIT keep every result in memory, the hot path's too.
        Vector128<float> result = MultiplyBySigmoidFast(a, x, Vector128<float>.Zero);
        if (Vector128.GreaterThanAny(Vector128.Abs(x), Vector128.Create(SigmoidFloatFastPathBound)))
        {
            result = SigmoidRareLanes(a, x, result) - Vector128<float>.Zero;
        }

        return result;
    }

    // a · sigmoid(x + xLow), |xLow| <= 2^-24 |x| or so (zero for a float argument; gelu's tanh form passes its argument's low
    // part). With unitShift = m > 0 it returns 2^m a · sigmoid(x + xLow), computed as a / (u + u e^-x) with u = 2^-m in
    // place of 1 (2^k as 2^(k-m), every exactness argument scaled by u), for a caller whose e^-x reaches 2^128 (gelu's tanh
    // form; it scales back). Written as one straight-line body (no tuple or out values, which the JIT keeps in memory
    // across the unrolled loop).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> MultiplyBySigmoidFast(Vector128<float> a, Vector128<float> x, Vector128<float> xLow, int unitShift = 0)
    {
        // k = round(-x / ln 2), scale = 2^(k - unitShift), the reduced argument r = -x - k ln 2 kept negated: minusRHigh =
        // x + k ln2_hi is exact (k ln2_hi is; Sterbenz), minusRLow = k ln2_lo + xLow (|k| <= 128: below 2^-12.4).
        Vector128<float> unit = Vector128.Create(1f / (1 << unitShift));
        Vector128<float> shifted = Fma.MultiplyAdd(x, Vector128.Create(-InverseLn2Single), Vector128.Create(FloatRoundingShift - unitShift));
        Vector128<float> k = shifted - Vector128.Create(FloatRoundingShift - unitShift);
        Vector128<float> scale = Vector128.ShiftLeft(shifted.AsInt32(), 23).AsSingle();
        Vector128<float> minusRHigh = Fma.MultiplyAdd(k, Vector128.Create(Ln2HighSingle), x);
        Vector128<float> minusRLow = Fma.MultiplyAdd(k, Vector128.Create(Ln2LowSingle), xLow);
        Vector128<float> minusR = minusRHigh + minusRLow;

        // t = e^r - 1 - rH = r^2 Q(r) + rLow, the float exp's Q (odd coefficients negated for -r), Estrin's scheme:
        // 12 cycles of latency after r instead of Horner's 20.
        Vector128<float> r2 = Fma.MultiplyAdd(minusR, minusR, Vector128.Create(SubnormalGuardForFourthPowers));
        Vector128<float> q01 = Fma.MultiplyAdd(minusR, Vector128.Create(-ExpFloatQ1), Vector128.Create(ExpFloatQ0));
        Vector128<float> q23 = Fma.MultiplyAdd(minusR, Vector128.Create(-ExpFloatQ3), Vector128.Create(ExpFloatQ2));
        Vector128<float> q234 = Fma.MultiplyAdd(r2, Vector128.Create(ExpFloatQ4), q23);
        Vector128<float> t = Fma.MultiplyAdd(r2 * r2, q234, Fma.MultiplySubtract(r2, q01, minusRLow));

        // d = 1 + E = (1 + scale) + scale rH + scale t = dh + dl. dh rounds it; c - dh is exact (Sterbenz: dh is
        // within a factor 1.5 of c); adding -scale rH is exact too (the sum is about scale t, and the terms' bits span
        // fewer than 24: rH is a multiple of 2^-25 or of ulp(x)); adding scale t leaves dh's two rounding errors,
        // rounded once more (relative 2^-24 of a quantity already 2^-24 of dh). 1 + scale itself rounds when
        // |k| >= 24; its error, the smaller of 1 and scale, is added last (Fast2Sum on the larger of the two).
        Vector128<float> c = unit + scale;
        Vector128<float> dh = Fma.MultiplyAdd(scale, t, Fma.MultiplyAddNegated(scale, minusRHigh, c));
        Vector128<float> cLow = (Sse.Max(unit, scale) - c) + Sse.Min(unit, scale);
        Vector128<float> dl = Fma.MultiplyAdd(scale, t, Fma.MultiplyAddNegated(scale, minusRHigh, c - dh)) + cLow;

        // q = a / dh rounded; q dh - a is exact (the remainder of a rounded quotient), plus q dl; a / d = q -
        // excess / d, the excess at most 2^-23 q or so: 1/d to 12 bits (the reciprocal estimate) leaves 2^-35.
        // Subtracting the excess (not adding the remainder) keeps a = -0's result -0.
        Vector128<float> q = a / dh;
        Vector128<float> excess = Fma.MultiplyAdd(q, dl, Fma.MultiplySubtract(q, dh, a));
        return Fma.MultiplyAddNegated(excess, Sse.Reciprocal(dh), q);
    }

    // The rare lanes beyond ±80, or hardware without FMA: a · sigmoid(x) in double, rounded once.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector128<float> SigmoidInDouble(Vector128<float> a, Vector128<float> x) => SigmoidWidened(a, x);

    // The same, inlined into SigmoidRareLanes: a call from there cost up to 30% more on inputs that take the rare path.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> SigmoidWidened(Vector128<float> a, Vector128<float> x)
    {
        (Vector128<double> lower, Vector128<double> upper) = Vector128.Widen(x);
        (Vector128<double> aLower, Vector128<double> aUpper) = Vector128.Widen(a);
        return Vector128.Narrow(aLower * SigmoidForSingle(lower), aUpper * SigmoidForSingle(upper));
    }

    // The lanes beyond ±80 (or infinite) from the double path, the others' fast results kept: an element's result never
    // depends on the other elements in its vector.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector128<float> SigmoidRareLanes(Vector128<float> a, Vector128<float> x, Vector128<float> fast) =>
        Vector128.ConditionalSelect(Vector128.GreaterThan(Vector128.Abs(x), Vector128.Create(SigmoidFloatFastPathBound)), SigmoidWidened(a, x), fast);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> SigmoidForSingle(Vector128<double> x)
    {
        Vector128<double> e = ExpForSingle(-Vector128.Abs(x));
        return Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(x, Vector128<double>.Zero), Vector128<double>.One, e) / (Vector128<double>.One + e);
    }

    /// <summary>The logistic sigmoid per float lane, within 1 ULP (0.68 ULP from the exact value at most).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>sigmoid of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Sigmoid(Vector256<float> x) => MultiplyBySigmoid(Vector256<float>.One, x);

    /// <summary>a · sigmoid(x) per float lane with one rounding of the product, within 1 ULP (as <see cref="Sigmoid(Vector256{float})"/>).
    /// Computing silu as x · sigmoid(x) this way rounds once where the product of a rounded sigmoid would round twice.</summary>
    /// <param name="a">The factors.</param>
    /// <param name="x">The sigmoid's arguments.</param>
    /// <returns>a · sigmoid(x) of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyBySigmoid(Vector256<float> a, Vector256<float> x)
    {
        if (!Fma.IsSupported)
        {
            return SigmoidInDouble(a, x);
        }

        // The check comes after the arithmetic, and the rare path's result (returned through memory) reaches the
        // result through an operation (x - 0 = x for every x, -0 and NaN included; the JIT drops it): returned or
        // assigned directly, it would make the JIT keep every result in memory, the hot path's too.
        Vector256<float> result = MultiplyBySigmoidFast(a, x, Vector256<float>.Zero);
        if (Vector256.GreaterThanAny(Vector256.Abs(x), Vector256.Create(SigmoidFloatFastPathBound)))
        {
            result = SigmoidRareLanes(a, x, result) - Vector256<float>.Zero;
        }

        return result;
    }

    // a · sigmoid(x + xLow), |xLow| <= 2^-24 |x| or so (zero for a float argument; gelu's tanh form passes its argument's low
    // part). With unitShift = m > 0 it returns 2^m a · sigmoid(x + xLow), computed as a / (u + u e^-x) with u = 2^-m in
    // place of 1 (2^k as 2^(k-m), every exactness argument scaled by u), for a caller whose e^-x reaches 2^128 (gelu's tanh
    // form; it scales back). Written as one straight-line body (no tuple or out values, which the JIT keeps in memory
    // across the unrolled loop).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> MultiplyBySigmoidFast(Vector256<float> a, Vector256<float> x, Vector256<float> xLow, int unitShift = 0)
    {
        // k = round(-x / ln 2), scale = 2^(k - unitShift), the reduced argument r = -x - k ln 2 kept negated: minusRHigh =
        // x + k ln2_hi is exact (k ln2_hi is; Sterbenz), minusRLow = k ln2_lo + xLow (|k| <= 128: below 2^-12.4).
        Vector256<float> unit = Vector256.Create(1f / (1 << unitShift));
        Vector256<float> shifted = Fma.MultiplyAdd(x, Vector256.Create(-InverseLn2Single), Vector256.Create(FloatRoundingShift - unitShift));
        Vector256<float> k = shifted - Vector256.Create(FloatRoundingShift - unitShift);
        Vector256<float> scale = Vector256.ShiftLeft(shifted.AsInt32(), 23).AsSingle();
        Vector256<float> minusRHigh = Fma.MultiplyAdd(k, Vector256.Create(Ln2HighSingle), x);
        Vector256<float> minusRLow = Fma.MultiplyAdd(k, Vector256.Create(Ln2LowSingle), xLow);
        Vector256<float> minusR = minusRHigh + minusRLow;

        // t = e^r - 1 - rH = r^2 Q(r) + rLow, the float exp's Q (odd coefficients negated for -r), Estrin's scheme:
        // 12 cycles of latency after r instead of Horner's 20.
        Vector256<float> r2 = Fma.MultiplyAdd(minusR, minusR, Vector256.Create(SubnormalGuardForFourthPowers));
        Vector256<float> q01 = Fma.MultiplyAdd(minusR, Vector256.Create(-ExpFloatQ1), Vector256.Create(ExpFloatQ0));
        Vector256<float> q23 = Fma.MultiplyAdd(minusR, Vector256.Create(-ExpFloatQ3), Vector256.Create(ExpFloatQ2));
        Vector256<float> q234 = Fma.MultiplyAdd(r2, Vector256.Create(ExpFloatQ4), q23);
        Vector256<float> t = Fma.MultiplyAdd(r2 * r2, q234, Fma.MultiplySubtract(r2, q01, minusRLow));

        // d = 1 + E = (1 + scale) + scale rH + scale t = dh + dl. dh rounds it; c - dh is exact (Sterbenz: dh is
        // within a factor 1.5 of c); adding -scale rH is exact too (the sum is about scale t, and the terms' bits span
        // fewer than 24: rH is a multiple of 2^-25 or of ulp(x)); adding scale t leaves dh's two rounding errors,
        // rounded once more (relative 2^-24 of a quantity already 2^-24 of dh). 1 + scale itself rounds when
        // |k| >= 24; its error, the smaller of 1 and scale, is added last (Fast2Sum on the larger of the two).
        Vector256<float> c = unit + scale;
        Vector256<float> dh = Fma.MultiplyAdd(scale, t, Fma.MultiplyAddNegated(scale, minusRHigh, c));
        Vector256<float> cLow = (Avx.Max(unit, scale) - c) + Avx.Min(unit, scale);
        Vector256<float> dl = Fma.MultiplyAdd(scale, t, Fma.MultiplyAddNegated(scale, minusRHigh, c - dh)) + cLow;

        // q = a / dh rounded; q dh - a is exact (the remainder of a rounded quotient), plus q dl; a / d = q -
        // excess / d, the excess at most 2^-23 q or so: 1/d to 12 bits (the reciprocal estimate) leaves 2^-35.
        // Subtracting the excess (not adding the remainder) keeps a = -0's result -0.
        Vector256<float> q = a / dh;
        Vector256<float> excess = Fma.MultiplyAdd(q, dl, Fma.MultiplySubtract(q, dh, a));
        return Fma.MultiplyAddNegated(excess, Avx.Reciprocal(dh), q);
    }

    // The rare lanes beyond ±80, or hardware without FMA: a · sigmoid(x) in double, rounded once.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<float> SigmoidInDouble(Vector256<float> a, Vector256<float> x) => SigmoidWidened(a, x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> SigmoidWidened(Vector256<float> a, Vector256<float> x)
    {
        (Vector256<double> lower, Vector256<double> upper) = Vector256.Widen(x);
        (Vector256<double> aLower, Vector256<double> aUpper) = Vector256.Widen(a);
        return Vector256.Narrow(aLower * SigmoidForSingle(lower), aUpper * SigmoidForSingle(upper));
    }

    // The lanes beyond ±80 (or infinite) from the double path, the others' fast results kept: an element's result never
    // depends on the other elements in its vector.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<float> SigmoidRareLanes(Vector256<float> a, Vector256<float> x, Vector256<float> fast) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(Vector256.Abs(x), Vector256.Create(SigmoidFloatFastPathBound)), SigmoidWidened(a, x), fast);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> SigmoidForSingle(Vector256<double> x)
    {
        Vector256<double> e = ExpForSingle(-Vector256.Abs(x));
        return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256<double>.Zero), Vector256<double>.One, e) / (Vector256<double>.One + e);
    }

    /// <summary>The logistic sigmoid per float lane, within 1 ULP (0.68 ULP from the exact value at most).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>sigmoid of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Sigmoid(Vector512<float> x) => MultiplyBySigmoid(Vector512<float>.One, x);

    /// <summary>a · sigmoid(x) per float lane with one rounding of the product, within 1 ULP (as <see cref="Sigmoid(Vector512{float})"/>).
    /// Computing silu as x · sigmoid(x) this way rounds once where the product of a rounded sigmoid would round twice.</summary>
    /// <param name="a">The factors.</param>
    /// <param name="x">The sigmoid's arguments.</param>
    /// <returns>a · sigmoid(x) of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MultiplyBySigmoid(Vector512<float> a, Vector512<float> x)
    {
        if (!Avx512F.IsSupported)
        {
            return SigmoidInDouble(a, x);
        }

        // The check comes after the arithmetic, and the rare path's result (returned through memory) reaches the
        // result through an operation (x - 0 = x for every x, -0 and NaN included; the JIT drops it): returned or
        // assigned directly, it would make the JIT keep every result in memory, the hot path's too.
        Vector512<float> result = MultiplyBySigmoidFast(a, x, Vector512<float>.Zero);
        if (Vector512.GreaterThanAny(Vector512.Abs(x), Vector512.Create(SigmoidFloatFastPathBound)))
        {
            result = SigmoidRareLanes(a, x, result) - Vector512<float>.Zero;
        }

        return result;
    }

    // a · sigmoid(x + xLow), |xLow| <= 2^-24 |x| or so (zero for a float argument; gelu's tanh form passes its argument's low
    // part). With unitShift = m > 0 it returns 2^m a · sigmoid(x + xLow), computed as a / (u + u e^-x) with u = 2^-m in
    // place of 1 (2^k as 2^(k-m), every exactness argument scaled by u), for a caller whose e^-x reaches 2^128 (gelu's tanh
    // form; it scales back). Written as one straight-line body (no tuple or out values, which the JIT keeps in memory
    // across the unrolled loop).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> MultiplyBySigmoidFast(Vector512<float> a, Vector512<float> x, Vector512<float> xLow, int unitShift = 0)
    {
        // k = round(-x / ln 2), scale = 2^(k - unitShift), the reduced argument r = -x - k ln 2 kept negated: minusRHigh =
        // x + k ln2_hi is exact (k ln2_hi is; Sterbenz), minusRLow = k ln2_lo + xLow (|k| <= 128: below 2^-12.4).
        Vector512<float> unit = Vector512.Create(1f / (1 << unitShift));
        Vector512<float> shifted = Avx512F.FusedMultiplyAdd(x, Vector512.Create(-InverseLn2Single), Vector512.Create(FloatRoundingShift - unitShift));
        Vector512<float> k = shifted - Vector512.Create(FloatRoundingShift - unitShift);
        Vector512<float> scale = Vector512.ShiftLeft(shifted.AsInt32(), 23).AsSingle();
        Vector512<float> minusRHigh = Avx512F.FusedMultiplyAdd(k, Vector512.Create(Ln2HighSingle), x);
        Vector512<float> minusRLow = Avx512F.FusedMultiplyAdd(k, Vector512.Create(Ln2LowSingle), xLow);
        Vector512<float> minusR = minusRHigh + minusRLow;

        // t = e^r - 1 - rH = r^2 Q(r) + rLow, the float exp's Q (odd coefficients negated for -r). Horner's scheme at
        // this width, one operation fewer than the narrower widths' Estrin: the loop runs four vectors interleaved
        // (MultiplyBySigmoidFast of Float512x4, which must give the same bits), so latency matters less than count.
        Vector512<float> r2 = Avx512F.FusedMultiplyAdd(minusR, minusR, Vector512.Create(SubnormalGuard));
        Vector512<float> polynomial = Avx512F.FusedMultiplyAdd(minusR, Vector512.Create(ExpFloatQ4), Vector512.Create(-ExpFloatQ3));
        polynomial = Avx512F.FusedMultiplyAdd(minusR, polynomial, Vector512.Create(ExpFloatQ2));
        polynomial = Avx512F.FusedMultiplyAdd(minusR, polynomial, Vector512.Create(-ExpFloatQ1));
        polynomial = Avx512F.FusedMultiplyAdd(minusR, polynomial, Vector512.Create(ExpFloatQ0));
        Vector512<float> t = Avx512F.FusedMultiplySubtract(r2, polynomial, minusRLow);

        // d = 1 + E = (1 + scale) + scale rH + scale t = dh + dl. dh rounds it; c - dh is exact (Sterbenz: dh is
        // within a factor 1.5 of c); adding -scale rH is exact too (the sum is about scale t, and the terms' bits span
        // fewer than 24: rH is a multiple of 2^-25 or of ulp(x)); adding scale t leaves dh's two rounding errors,
        // rounded once more (relative 2^-24 of a quantity already 2^-24 of dh). 1 + scale itself rounds when
        // |k| >= 24; its error, the smaller of 1 and scale, is added last (Fast2Sum on the larger of the two).
        Vector512<float> c = unit + scale;
        Vector512<float> dh = Avx512F.FusedMultiplyAdd(scale, t, Avx512F.FusedMultiplyAddNegated(scale, minusRHigh, c));
        Vector512<float> cLow = (Avx512F.Max(unit, scale) - c) + Avx512F.Min(unit, scale);
        Vector512<float> dl = Avx512F.FusedMultiplyAdd(scale, t, Avx512F.FusedMultiplyAddNegated(scale, minusRHigh, c - dh)) + cLow;

        // Unlike the narrower widths, no division: q = a r with r the 14-bit reciprocal estimate is within 2^-14 of
        // a / dh, the excess q dh - a + q dl (its rounding weighs 2^-38) is then about 2^-14 q, and a / d = q - excess / d
        // with excess r for excess / d leaves (1 - r d)^2 <= 2^-28 of the result, at most 1/16 ULP more than from a
        // rounded quotient. Subtracting the excess (not adding the remainder) keeps a = -0's result -0.
        Vector512<float> reciprocal = Avx512F.Reciprocal14(dh);
        Vector512<float> q = a * reciprocal;
        Vector512<float> excess = Avx512F.FusedMultiplyAdd(q, dl, Avx512F.FusedMultiplySubtract(q, dh, a));
        return Avx512F.FusedMultiplyAddNegated(excess, reciprocal, q);
    }

    // The rare lanes beyond ±80, or hardware without FMA: a · sigmoid(x) in double, rounded once.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<float> SigmoidInDouble(Vector512<float> a, Vector512<float> x) => SigmoidWidened(a, x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> SigmoidWidened(Vector512<float> a, Vector512<float> x)
    {
        (Vector512<double> lower, Vector512<double> upper) = Vector512.Widen(x);
        (Vector512<double> aLower, Vector512<double> aUpper) = Vector512.Widen(a);
        return Vector512.Narrow(aLower * SigmoidForSingle(lower), aUpper * SigmoidForSingle(upper));
    }

    // The lanes beyond ±80 (or infinite) from the double path, the others' fast results kept: an element's result never
    // depends on the other elements in its vector.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<float> SigmoidRareLanes(Vector512<float> a, Vector512<float> x, Vector512<float> fast) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(Vector512.Abs(x), Vector512.Create(SigmoidFloatFastPathBound)), SigmoidWidened(a, x), fast);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> SigmoidForSingle(Vector512<double> x)
    {
        Vector512<double> e = ExpForSingle(-Vector512.Abs(x));
        return Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512<double>.Zero), Vector512<double>.One, e) / (Vector512<double>.One + e);
    }
}
