using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

// tanh of float vectors in float lanes, without a branch for |x| <= 40, within 1 ULP of the correctly rounded result:
// measured over all 2^32 floats with a throwaway harness against Math.Tanh in double, 0.5628 ULP from the exact value
// at most (x = ±0.17315982), never more than 1 ULP from the correctly rounded float.
// With y = 2|x| and E = e^-y, tanh |x| = (1 - E) / (1 + E) = n / d.
// n = 1 - E is carried as an exact-enough pair nh + nl the way the float-lane sigmoid carries 1 + e^-x
// (VectorMath.SingleSigmoid.cs: E = 2^k (1 + rH + t), 2^k, 2^k rH and 2^k t exact, nl the rounding errors), and then
// d = 2 - n needs no second exponential: dh = 2 - nh rounded, dl its exact error (Fast2Sum) minus nl. The pair keeps
// n's error relative to n even near 0, where n ~ y and 1 - E cancels: for k = 0 the only inexact piece is
// t ~ y^2 / 2, whose relative error costs y / 2 of it. Then tanh |x| = q - (q d - n) / d with q = nh / dh, as in the
// sigmoid core: q dh - nh is exact, and 1/d only needs 12 bits (the hardware reciprocal estimate). The sign of x is
// put back with one xor, so tanh(-0) = -0; subnormal x give x (nh = 2|x|, dh = 2); NaN stays NaN; |x| > 40 and ±inf
// take a rare path that clamps.
// Needs fused multiply-add; without it the double-lane route of VectorMath.Tanh.cs is taken. Written out per width
// for the JIT's inlining budget (see VectorMath.SingleVectors.cs).
public static partial class VectorMath
{
    /// <summary>Up to this |x| (tanh has rounded to 1 from 9.0109) 2^k (k = round(-2|x| / ln 2) >= -116) and every piece of
    /// 1 + e^-2|x| stay normal floats; lanes beyond (and ±inf) are clamped to it on the rare path.</summary>
    private const float TanhFloatFastPathBound = 40f;

    /// <summary>ln 2 rounded to float (0x3f317218).</summary>
    private const float Ln2Single = 0.693147182f;

    // S(r) = (e^r - 1 - r - r^2 / 2) / r^3 on |r| <= ln 2 / 2, degree 4, float coefficients (least squares toward minimax
    // of the relative error, fitted by us): relative error 2^-23.6, and S contributes at most r / 3 of t.
    private const float TanhFloatS0 = 0.1666666716337204f;
    private const float TanhFloatS1 = 0.041666556149721146f;
    private const float TanhFloatS2 = 0.008333345875144005f;
    private const float TanhFloatS3 = 0.00139262352604419f;
    private const float TanhFloatS4 = 0.00019861990585923195f;

    // The fast path for every lane when the hardware fuses and every |x| <= 40 (NaN included: it stays NaN throughout).
    // As in the sigmoid core, the check comes after the arithmetic and the rare path's result reaches the result through
    // an operation (x - 0 = x, -0 and NaN included; the JIT drops it), so the hot path's results stay in registers; the
    // call on the cold path also keeps the JIT from hoisting every constant into a register and spilling temporaries.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> TanhFloat(Vector128<float> x)
    {
        if (!Fma.IsSupported)
        {
            return TanhFloatInDouble(x);
        }

        Vector128<float> a = Vector128.Abs(x);
        Vector128<float> sign = x ^ a;
        Vector128<float> result = TanhFloatFast(a, sign);
        if (Vector128.GreaterThanAny(a, Vector128.Create(TanhFloatFastPathBound)))
        {
            result = TanhFloatClamped(x) - Vector128<float>.Zero;
        }

        return result;
    }

    // Lanes beyond ±40 or ±inf: the same computation on x clamped to ±40 (tanh is ±1 there in float; NaN stays NaN).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector128<float> TanhFloatClamped(Vector128<float> x)
    {
        x = ClampKeepingNaN(x, Vector128.Create(-TanhFloatFastPathBound), Vector128.Create(TanhFloatFastPathBound));
        Vector128<float> sign = x & Vector128.Create(-0f);
        return TanhFloatFast(x ^ sign, sign);
    }

    // tanh per float lane with fused multiply-add from a = |x| and x's sign bit (see the file comment). One straight-line
    // body: no tuples or out values.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> TanhFloatFast(Vector128<float> a, Vector128<float> sign)
    {
        // y = 2|x|; k = round(-y / ln 2), scale = 2^k (k <= 0), minusRHigh = y + k ln2_hi exact (k ln2_hi is;
        // Sterbenz), minusRLow = k ln2_lo. The polynomial's argument minusR = y + k ln 2 comes from one FMA with ln 2 in
        // float, beside minusRHigh rather than after it: its error |k| 2^-28.9 moves t by r times that, below 2^-29 of n.
        Vector128<float> one = Vector128<float>.One;
        Vector128<float> y = a + a;
        Vector128<float> shifted = Fma.MultiplyAdd(a, Vector128.Create(-2f * InverseLn2Single), Vector128.Create(FloatRoundingShift));
        Vector128<float> k = shifted - Vector128.Create(FloatRoundingShift);
        Vector128<float> scale = Vector128.ShiftLeft(shifted.AsInt32(), 23).AsSingle();
        Vector128<float> minusRHigh = Fma.MultiplyAdd(k, Vector128.Create(Ln2HighSingle), y);
        Vector128<float> minusRLow = k * Vector128.Create(Ln2LowSingle);
        Vector128<float> minusR = Fma.MultiplyAdd(k, Vector128.Create(Ln2Single), y);

        // t = e^r - 1 - rH = r^2 / 2 + r^3 S(r) + rL kept as tH + tL, tH = r^2 / 2 rounded (exact halving) and tL the
        // rest (r^2's rounding error exact by FMA; r^3 S(r) is at most r / 3 of t): n cancels to ~y near 0, so t's error
        // relative to t costs up to y / 2 of it, and a t rounded once (let alone the float exp's r^2 Q(r)) left 0.92 ULP.
        Vector128<float> r2 = minusR * minusR;
        Vector128<float> r2Low = Fma.MultiplySubtract(minusR, minusR, r2);
        Vector128<float> s01 = Fma.MultiplyAdd(minusR, Vector128.Create(-TanhFloatS1), Vector128.Create(TanhFloatS0));
        Vector128<float> s23 = Fma.MultiplyAdd(minusR, Vector128.Create(-TanhFloatS3), Vector128.Create(TanhFloatS2));
        Vector128<float> s234 = Fma.MultiplyAdd(r2, Vector128.Create(TanhFloatS4), s23);
        Vector128<float> minusS = Fma.MultiplyAdd(r2, s234, s01); // S(r) at r = -minusR
        Vector128<float> r3 = r2 * minusR;
        Vector128<float> tLow = Fma.MultiplyAddNegated(r3, minusS, Fma.MultiplySubtract(Vector128.Create(0.5f), r2Low, minusRLow));
        Vector128<float> tHigh = r2 * Vector128.Create(0.5f);

        // n = 1 - E = (1 - scale) - scale rH - scale t = nh + nl, carried as the sigmoid core carries 1 + e^-x: nh rounds
        // it; c - nh is exact (Sterbenz: c = 0, or nh within a factor 2 of c); adding scale rH is exact too (the sum is
        // about scale t, the terms' bits span fewer than 24); then the t terms leave nh's rounding errors, rounded once
        // more (relative 2^-24 of a quantity already 2^-24 of nh). c = 1 - scale rounds when k < -24: its error, (1 - c)
        // - scale (Fast2Sum, scale <= 1), rides with scale rH (their sum, off the dependency chain, rounds only then, at
        // 2^-48). n first, not d: the division waits for nh only, and nh needs no more than 20 bits (nl makes up the rest
        // exactly; the correction's reciprocal estimate is then still good for 2^-31), so it leaves out tL's small terms
        // and adds the polynomial last, 4 cycles after it rather than 11.
        Vector128<float> c = one - scale;
        Vector128<float> scaledRHighAndCLow = Fma.MultiplyAdd(scale, minusRHigh, (one - c) - scale);
        Vector128<float> nh = Fma.MultiplyAdd(scale * r3, minusS, Fma.MultiplyAddNegated(scale, tHigh, Fma.MultiplyAdd(scale, minusRHigh, c)));
        Vector128<float> nl = Fma.MultiplyAddNegated(scale, tLow, Fma.MultiplyAddNegated(scale, tHigh, (c - nh) + scaledRHighAndCLow));

        // d = 1 + E = 2 - n = dh + dl: dh = 2 - nh rounded (ulp 2^-23), its error (2 - dh) - nh exact (Fast2Sum), minus nl.
        Vector128<float> two = Vector128.Create(2f);
        Vector128<float> dh = two - nh;
        Vector128<float> dl = ((two - dh) - nh) - nl;

        // q = nh / dh rounded; q d - n = (q dh - nh) + (q dl - nl), the first term exact, the second off the dependency
        // chain; tanh |x| = q - excess / d.
        Vector128<float> q = nh / dh;
        Vector128<float> excess = Fma.MultiplySubtract(q, dh, nh) + Fma.MultiplySubtract(q, dl, nl);
        return Fma.MultiplyAddNegated(excess, Sse.Reciprocal(dh), q) ^ sign;
    }

    // Hardware without fused multiply-add: the double-lane route, rounded once (inlined: it is the whole computation there,
    // and the JIT drops this branch where the hardware fuses).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> TanhFloatInDouble(Vector128<float> x)
    {
        (Vector128<double> lower, Vector128<double> upper) = Vector128.Widen(x);
        return Vector128.Narrow(TanhSingleVector(lower), TanhSingleVector(upper));
    }

    // The fast path for every lane when the hardware fuses and every |x| <= 40 (NaN included: it stays NaN throughout).
    // As in the sigmoid core, the check comes after the arithmetic and the rare path's result reaches the result through
    // an operation (x - 0 = x, -0 and NaN included; the JIT drops it), so the hot path's results stay in registers; the
    // call on the cold path also keeps the JIT from hoisting every constant into a register and spilling temporaries.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> TanhFloat(Vector256<float> x)
    {
        if (!Fma.IsSupported)
        {
            return TanhFloatInDouble(x);
        }

        Vector256<float> a = Vector256.Abs(x);
        Vector256<float> sign = x ^ a;
        Vector256<float> result = TanhFloatFast(a, sign);
        if (Vector256.GreaterThanAny(a, Vector256.Create(TanhFloatFastPathBound)))
        {
            result = TanhFloatClamped(x) - Vector256<float>.Zero;
        }

        return result;
    }

    // Lanes beyond ±40 or ±inf: the same computation on x clamped to ±40 (tanh is ±1 there in float; NaN stays NaN).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<float> TanhFloatClamped(Vector256<float> x)
    {
        x = ClampKeepingNaN(x, Vector256.Create(-TanhFloatFastPathBound), Vector256.Create(TanhFloatFastPathBound));
        Vector256<float> sign = x & Vector256.Create(-0f);
        return TanhFloatFast(x ^ sign, sign);
    }

    // tanh per float lane with fused multiply-add from a = |x| and x's sign bit (see the file comment). One straight-line
    // body: no tuples or out values.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> TanhFloatFast(Vector256<float> a, Vector256<float> sign)
    {
        // y = 2|x|; k = round(-y / ln 2), scale = 2^k (k <= 0), minusRHigh = y + k ln2_hi exact (k ln2_hi is;
        // Sterbenz), minusRLow = k ln2_lo. The polynomial's argument minusR = y + k ln 2 comes from one FMA with ln 2 in
        // float, beside minusRHigh rather than after it: its error |k| 2^-28.9 moves t by r times that, below 2^-29 of n.
        Vector256<float> one = Vector256<float>.One;
        Vector256<float> y = a + a;
        Vector256<float> shifted = Fma.MultiplyAdd(a, Vector256.Create(-2f * InverseLn2Single), Vector256.Create(FloatRoundingShift));
        Vector256<float> k = shifted - Vector256.Create(FloatRoundingShift);
        Vector256<float> scale = Vector256.ShiftLeft(shifted.AsInt32(), 23).AsSingle();
        Vector256<float> minusRHigh = Fma.MultiplyAdd(k, Vector256.Create(Ln2HighSingle), y);
        Vector256<float> minusRLow = k * Vector256.Create(Ln2LowSingle);
        Vector256<float> minusR = Fma.MultiplyAdd(k, Vector256.Create(Ln2Single), y);

        // t = e^r - 1 - rH = r^2 / 2 + r^3 S(r) + rL kept as tH + tL, tH = r^2 / 2 rounded (exact halving) and tL the
        // rest (r^2's rounding error exact by FMA; r^3 S(r) is at most r / 3 of t): n cancels to ~y near 0, so t's error
        // relative to t costs up to y / 2 of it, and a t rounded once (let alone the float exp's r^2 Q(r)) left 0.92 ULP.
        Vector256<float> r2 = minusR * minusR;
        Vector256<float> r2Low = Fma.MultiplySubtract(minusR, minusR, r2);
        Vector256<float> s01 = Fma.MultiplyAdd(minusR, Vector256.Create(-TanhFloatS1), Vector256.Create(TanhFloatS0));
        Vector256<float> s23 = Fma.MultiplyAdd(minusR, Vector256.Create(-TanhFloatS3), Vector256.Create(TanhFloatS2));
        Vector256<float> s234 = Fma.MultiplyAdd(r2, Vector256.Create(TanhFloatS4), s23);
        Vector256<float> minusS = Fma.MultiplyAdd(r2, s234, s01); // S(r) at r = -minusR
        Vector256<float> r3 = r2 * minusR;
        Vector256<float> tLow = Fma.MultiplyAddNegated(r3, minusS, Fma.MultiplySubtract(Vector256.Create(0.5f), r2Low, minusRLow));
        Vector256<float> tHigh = r2 * Vector256.Create(0.5f);

        // n = 1 - E = (1 - scale) - scale rH - scale t = nh + nl, carried as the sigmoid core carries 1 + e^-x: nh rounds
        // it; c - nh is exact (Sterbenz: c = 0, or nh within a factor 2 of c); adding scale rH is exact too (the sum is
        // about scale t, the terms' bits span fewer than 24); then the t terms leave nh's rounding errors, rounded once
        // more (relative 2^-24 of a quantity already 2^-24 of nh). c = 1 - scale rounds when k < -24: its error, (1 - c)
        // - scale (Fast2Sum, scale <= 1), rides with scale rH (their sum, off the dependency chain, rounds only then, at
        // 2^-48). n first, not d: the division waits for nh only, and nh needs no more than 20 bits (nl makes up the rest
        // exactly; the correction's reciprocal estimate is then still good for 2^-31), so it leaves out tL's small terms
        // and adds the polynomial last, 4 cycles after it rather than 11.
        Vector256<float> c = one - scale;
        Vector256<float> scaledRHighAndCLow = Fma.MultiplyAdd(scale, minusRHigh, (one - c) - scale);
        Vector256<float> nh = Fma.MultiplyAdd(scale * r3, minusS, Fma.MultiplyAddNegated(scale, tHigh, Fma.MultiplyAdd(scale, minusRHigh, c)));
        Vector256<float> nl = Fma.MultiplyAddNegated(scale, tLow, Fma.MultiplyAddNegated(scale, tHigh, (c - nh) + scaledRHighAndCLow));

        // d = 1 + E = 2 - n = dh + dl: dh = 2 - nh rounded (ulp 2^-23), its error (2 - dh) - nh exact (Fast2Sum), minus nl.
        Vector256<float> two = Vector256.Create(2f);
        Vector256<float> dh = two - nh;
        Vector256<float> dl = ((two - dh) - nh) - nl;

        // q = nh / dh rounded; q d - n = (q dh - nh) + (q dl - nl), the first term exact, the second off the dependency
        // chain; tanh |x| = q - excess / d.
        Vector256<float> q = nh / dh;
        Vector256<float> excess = Fma.MultiplySubtract(q, dh, nh) + Fma.MultiplySubtract(q, dl, nl);
        return Fma.MultiplyAddNegated(excess, Avx.Reciprocal(dh), q) ^ sign;
    }

    // Hardware without fused multiply-add: the double-lane route, rounded once (inlined: it is the whole computation there,
    // and the JIT drops this branch where the hardware fuses).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> TanhFloatInDouble(Vector256<float> x)
    {
        (Vector256<double> lower, Vector256<double> upper) = Vector256.Widen(x);
        return Vector256.Narrow(TanhSingleVector(lower), TanhSingleVector(upper));
    }

    // The fast path for every lane when the hardware fuses and every |x| <= 40 (NaN included: it stays NaN throughout).
    // As in the sigmoid core, the check comes after the arithmetic and the rare path's result reaches the result through
    // an operation (x - 0 = x, -0 and NaN included; the JIT drops it), so the hot path's results stay in registers; the
    // call on the cold path also keeps the JIT from hoisting every constant into a register and spilling temporaries.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> TanhFloat(Vector512<float> x)
    {
        if (!Avx512F.IsSupported)
        {
            return TanhFloatInDouble(x);
        }

        Vector512<float> a = Vector512.Abs(x);
        Vector512<float> sign = x ^ a;
        Vector512<float> result = TanhFloatFast(a, sign);
        if (Vector512.GreaterThanAny(a, Vector512.Create(TanhFloatFastPathBound)))
        {
            result = TanhFloatClamped(x) - Vector512<float>.Zero;
        }

        return result;
    }

    // Lanes beyond ±40 or ±inf: the same computation on x clamped to ±40 (tanh is ±1 there in float; NaN stays NaN).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<float> TanhFloatClamped(Vector512<float> x)
    {
        x = ClampKeepingNaN(x, Vector512.Create(-TanhFloatFastPathBound), Vector512.Create(TanhFloatFastPathBound));
        Vector512<float> sign = x & Vector512.Create(-0f);
        return TanhFloatFast(x ^ sign, sign);
    }

    // tanh per float lane with fused multiply-add from a = |x| and x's sign bit (see the file comment). One straight-line
    // body: no tuples or out values.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> TanhFloatFast(Vector512<float> a, Vector512<float> sign)
    {
        // y = 2|x|; k = round(-y / ln 2), scale = 2^k (k <= 0), minusRHigh = y + k ln2_hi exact (k ln2_hi is;
        // Sterbenz), minusRLow = k ln2_lo. The polynomial's argument minusR = y + k ln 2 comes from one FMA with ln 2 in
        // float, beside minusRHigh rather than after it: its error |k| 2^-28.9 moves t by r times that, below 2^-29 of n.
        Vector512<float> one = Vector512<float>.One;
        Vector512<float> y = a + a;
        Vector512<float> shifted = Avx512F.FusedMultiplyAdd(a, Vector512.Create(-2f * InverseLn2Single), Vector512.Create(FloatRoundingShift));
        Vector512<float> k = shifted - Vector512.Create(FloatRoundingShift);
        Vector512<float> scale = Vector512.ShiftLeft(shifted.AsInt32(), 23).AsSingle();
        Vector512<float> minusRHigh = Avx512F.FusedMultiplyAdd(k, Vector512.Create(Ln2HighSingle), y);
        Vector512<float> minusRLow = k * Vector512.Create(Ln2LowSingle);
        Vector512<float> minusR = Avx512F.FusedMultiplyAdd(k, Vector512.Create(Ln2Single), y);

        // t = e^r - 1 - rH = r^2 / 2 + r^3 S(r) + rL kept as tH + tL, tH = r^2 / 2 rounded (exact halving) and tL the
        // rest (r^2's rounding error exact by FMA; r^3 S(r) is at most r / 3 of t): n cancels to ~y near 0, so t's error
        // relative to t costs up to y / 2 of it, and a t rounded once (let alone the float exp's r^2 Q(r)) left 0.92 ULP.
        Vector512<float> r2 = minusR * minusR;
        Vector512<float> r2Low = Avx512F.FusedMultiplySubtract(minusR, minusR, r2);
        Vector512<float> s01 = Avx512F.FusedMultiplyAdd(minusR, Vector512.Create(-TanhFloatS1), Vector512.Create(TanhFloatS0));
        Vector512<float> s23 = Avx512F.FusedMultiplyAdd(minusR, Vector512.Create(-TanhFloatS3), Vector512.Create(TanhFloatS2));
        Vector512<float> s234 = Avx512F.FusedMultiplyAdd(r2, Vector512.Create(TanhFloatS4), s23);
        Vector512<float> minusS = Avx512F.FusedMultiplyAdd(r2, s234, s01); // S(r) at r = -minusR
        Vector512<float> r3 = r2 * minusR;
        Vector512<float> tLow = Avx512F.FusedMultiplyAddNegated(r3, minusS, Avx512F.FusedMultiplySubtract(Vector512.Create(0.5f), r2Low, minusRLow));
        Vector512<float> tHigh = r2 * Vector512.Create(0.5f);

        // n = 1 - E = (1 - scale) - scale rH - scale t = nh + nl, carried as the sigmoid core carries 1 + e^-x: nh rounds
        // it; c - nh is exact (Sterbenz: c = 0, or nh within a factor 2 of c); adding scale rH is exact too (the sum is
        // about scale t, the terms' bits span fewer than 24); then the t terms leave nh's rounding errors, rounded once
        // more (relative 2^-24 of a quantity already 2^-24 of nh). c = 1 - scale rounds when k < -24: its error, (1 - c)
        // - scale (Fast2Sum, scale <= 1), rides with scale rH (their sum, off the dependency chain, rounds only then, at
        // 2^-48). n first, not d: the division waits for nh only, and nh needs no more than 20 bits (nl makes up the rest
        // exactly; the correction's reciprocal estimate is then still good for 2^-31), so it leaves out tL's small terms
        // and adds the polynomial last, 4 cycles after it rather than 11.
        Vector512<float> c = one - scale;
        Vector512<float> scaledRHighAndCLow = Avx512F.FusedMultiplyAdd(scale, minusRHigh, (one - c) - scale);
        Vector512<float> nh = Avx512F.FusedMultiplyAdd(scale * r3, minusS, Avx512F.FusedMultiplyAddNegated(scale, tHigh, Avx512F.FusedMultiplyAdd(scale, minusRHigh, c)));
        Vector512<float> nl = Avx512F.FusedMultiplyAddNegated(scale, tLow, Avx512F.FusedMultiplyAddNegated(scale, tHigh, (c - nh) + scaledRHighAndCLow));

        // d = 1 + E = 2 - n = dh + dl: dh = 2 - nh rounded (ulp 2^-23), its error (2 - dh) - nh exact (Fast2Sum), minus nl.
        Vector512<float> two = Vector512.Create(2f);
        Vector512<float> dh = two - nh;
        Vector512<float> dl = ((two - dh) - nh) - nl;

        // q = nh / dh rounded; q d - n = (q dh - nh) + (q dl - nl), the first term exact, the second off the dependency
        // chain; tanh |x| = q - excess / d.
        Vector512<float> q = nh / dh;
        Vector512<float> excess = Avx512F.FusedMultiplySubtract(q, dh, nh) + Avx512F.FusedMultiplySubtract(q, dl, nl);
        return Avx512F.FusedMultiplyAddNegated(excess, Avx512F.Reciprocal14(dh), q) ^ sign;
    }

    // Hardware without fused multiply-add: the double-lane route, rounded once (inlined: it is the whole computation there,
    // and the JIT drops this branch where the hardware fuses).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> TanhFloatInDouble(Vector512<float> x)
    {
        (Vector512<double> lower, Vector512<double> upper) = Vector512.Widen(x);
        return Vector512.Narrow(TanhSingleVector(lower), TanhSingleVector(upper));
    }
}
