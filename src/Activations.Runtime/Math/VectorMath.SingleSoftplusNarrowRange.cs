using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

// softplus(x) of float lanes with |x| <= 10.39, the common case, in fewer operations than the full-range form
// (VectorMath.SingleSoftplus.cs). Why it is cheaper: that form needs a correction for |x| > 4.5 (a series in e^-|x| on the
// end of the dependency chain, about a third of its time), because 8-entry tables at steps of ln 2 end there; this one
// steps by 2 ln 2, so eight entries reach 10.4 and no lane needs a correction, and it folds the sign instead of adding
// max(x, 0) with an exact sum.
// - Fold: for x > 0.6931, softplus(x) = x + log1p(e^-x) with the log term below 0.41 and the sum above 1.09, so one
//   rounded addition costs at most 1/8 ULP; for x <= 0.6931, softplus(x) = log1p(e^x) directly (table entry 0 covers
//   both signs). So m = x - 2 max-part = x or -x, m in [-10.39, 0.6931].
// - Reduction: m = j C + s with C = 2 ln2f (ln 2 rounded to float, doubled), j = round(m / C) in [-7, 0], s = m - j C
//   exact in one FMA (j C is a multiple of 2^-23, m of 2^-24 or finer where j != 0, |s| <= ln2f < 1), |s| <= ln2f.
// - Per j, log1p(e^(jC + s)) is a degree-8 polynomial in s (least squares fitted by us to log1p(e^(jC) e^s) itself, so
//   C's difference from 2 ln 2 is in the table; relative error below 2^-27.8 with the float coefficients), whose ten
//   coefficients (the constant as a float pair) come from 8-entry tables by one vpermps each, indexed by j's low bits.
//   The tables hold the coefficients of the function itself (no 2^(2j) scale to apply): every value is a normal float.
// - Evaluation: c0High + inner, inner = s c1 + rest rounded once by an FMA, rest = s2 c2 + (s2 s (c3 + ... + c8 s^5) +
//   c0Low + c2 (s s - s2)) with s2 = s * s rounded: its rounding error (exact by FMA) is added back, because c2 s^2 reaches
//   a quarter of the result at |s| = ln 2. Horner's scheme for the high part (Estrin's was not faster here and rounds worse).
// Measured 0.962 ULP from the exact value at worst (x = -7.617414), every float of |x| in [2^-30, 10.39], with a throwaway
// harness against a double reference. About 25 arithmetic instructions and 10 permutes per vector in the kernel loop (the
// full-range form: about 45 and 8): 1.2-1.35x faster than the full-range form alone on inputs in [-10, 10] (round-robin
// Stopwatch harness, loaded machine); on inputs in [-20, 20], where most vectors take the full-range form after the check,
// 1.05-1.15x slower than it.
// The constants are rows of a native table read through a mutable static (as Expm1OfMinWithZero's), so the JIT keeps them as
// memory operands in the unrolled kernel loop instead of hoisting twenty vectors into sixteen registers.
public static partial class VectorMath
{
    /// <summary>x above this is folded to -x (softplus(x) = x + softplus(-x)): x / (2 ln2f) stays below 1/2 up to it.</summary>
    private const float SoftplusNarrowFoldBound = 0.6931f;

    /// <summary>The narrow range's bound on |x|: j = round(-|x| / (2 ln2f)) = -7 there, the last table entry.</summary>
    private const float SoftplusNarrowBound = 10.39f;

    /// <summary>The reduction step 2 ln2f (exact: ln2f doubled).</summary>
    private const float SoftplusNarrowStep = 2 * Ln2RoundedSingle;

    /// <summary>1.5 * 2^23 + 63: adding it rounds m / C to an integer j whose bits end in j + 7 (j in [-7, 0]), the table index.</summary>
    private const float SoftplusNarrowShift = 12582975f;

    /// <summary>Floats per table row (one Vector256; Vector128 reads its first half).</summary>
    private const int SoftplusRowLength = 8;

    private const int SoftplusRowFoldBound = 0 * SoftplusRowLength;
    private const int SoftplusRowMinusTwo = 1 * SoftplusRowLength;
    private const int SoftplusRowBound = 2 * SoftplusRowLength;
    private const int SoftplusRowInverseStep = 3 * SoftplusRowLength;
    private const int SoftplusRowShift = 4 * SoftplusRowLength;
    private const int SoftplusRowMinusStep = 5 * SoftplusRowLength;
    private const int SoftplusRowC0High = 6 * SoftplusRowLength;
    private const int SoftplusRowC0Low = 7 * SoftplusRowLength;
    private const int SoftplusRowC1 = 8 * SoftplusRowLength;
    private const int SoftplusRowC2 = 9 * SoftplusRowLength;
    private const int SoftplusRowC3 = 10 * SoftplusRowLength;
    private const int SoftplusRowC4 = 11 * SoftplusRowLength;
    private const int SoftplusRowC5 = 12 * SoftplusRowLength;
    private const int SoftplusRowC6 = 13 * SoftplusRowLength;
    private const int SoftplusRowC7 = 14 * SoftplusRowLength;
    private const int SoftplusRowC8 = 15 * SoftplusRowLength;

    /// <summary>The constants and coefficient tables of <c>SoftplusNarrowRange</c>, one 32-byte row each.</summary>
    private static unsafe float* s_softplusNarrowTable = CreateSoftplusNarrowTable();

    private static unsafe float* CreateSoftplusNarrowTable()
    {
        ReadOnlySpan<float> constants =
        [
            SoftplusNarrowFoldBound,
            -2f,
            SoftplusNarrowBound,
            1 / SoftplusNarrowStep,
            SoftplusNarrowShift,
            -SoftplusNarrowStep,
        ];

        // Entry j + 7 holds the coefficients of log1p(e^(jC + s)) in s, j = -7..0: c0 as a float pair, then c1..c8.
        ReadOnlySpan<float> coefficients =
        [
            6.10332936e-05f, 0.000244110823f, 0.000976085954f, 0.0038986404f, 0.015504186f, 0.0606246218f, 0.223143548f, 0.693147182f,
            -1.55162515e-12f, -7.28929449e-13f, 5.93364442e-13f, -3.97049858e-11f, 3.18497867e-10f, -4.40248005e-10f, 2.77898682e-09f, -1.90465421e-09f,
            6.1031431e-05f, 0.000244081035f, 0.000975609757f, 0.00389105058f, 0.0153846154f, 0.0588235296f, 0.200000003f, 0.5f,
            3.05138565e-05f, 0.000122010737f, 0.000487329002f, 0.00193795527f, 0.00757396407f, 0.0276816599f, 0.0800000206f, 0.124999993f,
            1.01700289e-05f, 4.06503314e-05f, 0.000162125827f, 0.000640957209f, 0.00244696881f, 0.00814165361f, 0.0159999989f, 2.25509819e-10f,
            2.54184056e-06f, 1.01525393e-05f, 4.03727463e-05f, 0.00015773889f, 0.000573802157f, 0.00154054037f, 0.000266400864f, -0.00520818308f,
            5.08147025e-07f, 2.02665592e-06f, 8.01181432e-06f, 3.05597132e-05f, 0.000100138503f, 0.000136695817f, -0.000736333255f, -1.34317557e-09f,
            8.47756496e-08f, 3.36930412e-07f, 1.31608738e-06f, 4.77297635e-06f, 1.20487857e-05f, -2.25808526e-05f, -0.000160745723f, 0.000346277899f,
            1.21523387e-08f, 4.79991122e-08f, 1.82758043e-07f, 5.8771866e-07f, 4.27180595e-07f, -1.19494225e-05f, 1.32474997e-05f, 1.86438598e-09f,
            1.33102818e-09f, 5.3610365e-09f, 1.93472491e-08f, 4.47248354e-08f, -2.03376345e-07f, -2.2170932e-06f, 1.12986072e-05f, -2.39854216e-05f,
        ];

        System.Diagnostics.Debug.Assert(constants.Length * SoftplusRowLength == SoftplusRowC0High, "the coefficient rows follow the constants");
        return CreateConstantRows(SoftplusRowLength, constants, coefficients);
    }

    // The fold: positive = x where x > 0.6931 (else +0), m = x - 2 positive (x or -x exactly; NaN for NaN).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector256<float> SoftplusNarrowPositivePart(Vector256<float> x, float* c) =>
        x & Vector256.GreaterThan(x, Vector256.Load(c + SoftplusRowFoldBound));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector256<float> SoftplusNarrowArgument(Vector256<float> x, Vector256<float> positive, float* c) =>
        Fma.MultiplyAdd(positive, Vector256.Load(c + SoftplusRowMinusTwo), x);

    /// <summary>Whether every lane has |x| &lt;= 10.39 or is NaN (a NaN lane gives NaN in the narrow form too).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe bool SoftplusNarrowCovers(Vector256<float> x, float* c) =>
        !Vector256.GreaterThanAny(Vector256.Abs(x), Vector256.Load(c + SoftplusRowBound));

    // softplus(x) = positive + log1p(e^m) for m in [-10.39, 0.6931] (see the top of the file). One straight-line body.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector256<float> SoftplusNarrowRange(Vector256<float> m, Vector256<float> positive, float* c)
    {
        Vector256<float> shifted = Fma.MultiplyAdd(m, Vector256.Load(c + SoftplusRowInverseStep), Vector256.Load(c + SoftplusRowShift));
        Vector256<float> j = shifted - Vector256.Load(c + SoftplusRowShift);
        Vector256<float> s = Fma.MultiplyAdd(j, Vector256.Load(c + SoftplusRowMinusStep), m); // exact
        Vector256<int> index = shifted.AsInt32(); // vpermps reads the low three bits: j + 7

        Vector256<float> c2 = Avx2.PermuteVar8x32(Vector256.Load(c + SoftplusRowC2), index);
        Vector256<float> s2 = s * s;
        Vector256<float> low = Fma.MultiplyAdd(Fma.MultiplySubtract(s, s, s2), c2, Avx2.PermuteVar8x32(Vector256.Load(c + SoftplusRowC0Low), index));
        Vector256<float> high = Fma.MultiplyAdd(s, Avx2.PermuteVar8x32(Vector256.Load(c + SoftplusRowC8), index), Avx2.PermuteVar8x32(Vector256.Load(c + SoftplusRowC7), index));
        high = Fma.MultiplyAdd(s, high, Avx2.PermuteVar8x32(Vector256.Load(c + SoftplusRowC6), index));
        high = Fma.MultiplyAdd(s, high, Avx2.PermuteVar8x32(Vector256.Load(c + SoftplusRowC5), index));
        high = Fma.MultiplyAdd(s, high, Avx2.PermuteVar8x32(Vector256.Load(c + SoftplusRowC4), index));
        high = Fma.MultiplyAdd(s, high, Avx2.PermuteVar8x32(Vector256.Load(c + SoftplusRowC3), index));
        Vector256<float> rest = Fma.MultiplyAdd(s2, c2, Fma.MultiplyAdd(s2 * s, high, low));
        Vector256<float> inner = Fma.MultiplyAdd(s, Avx2.PermuteVar8x32(Vector256.Load(c + SoftplusRowC1), index), rest);
        return (Avx2.PermuteVar8x32(Vector256.Load(c + SoftplusRowC0High), index) + inner) + positive;
    }
}
