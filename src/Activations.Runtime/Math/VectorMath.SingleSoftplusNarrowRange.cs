using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

// softplus(x) of float lanes with |x| <= 10.39, the common case, in fewer operations than the full-range form
// (VectorMath.SingleSoftplus.cs). Why it is cheaper: that form needs a correction for |x| > 4.5 (a series in e^-|x| on the
// end of the dependency chain, about a third of its time), because 8-entry tables at steps of ln 2 end there; this one
// steps by about 2 ln 2, so eight entries reach 10.39 and no lane needs a correction, and it folds the sign instead of
// adding max(x, 0) with an exact sum. What costs here is the table reads (each vpermps about as much as 2.5 arithmetic
// instructions with its table as a memory operand, measured, and half that from a register: VectorMath.TableLookup.cs):
// the layout below keeps them to nine.
// - Fold: for x > 0.6926, softplus(x) = x + log1p(e^-x) with the log term below 0.41 and the sum above 1.09, so one
//   rounded addition costs at most 1/8 ULP; for x <= 0.6926, softplus(x) = log1p(e^x) directly (entry j = 0 covers both
//   signs). So m = x - 2 max-part = x or -x, m in [-10.39, 0.6926].
// - Index: j = round(-|x| / C) in [-7, 0] with C = 1.3854 (7.5 C = 10.3905), read from the low bits of one FMA on |x|
//   (the same j as round(m / C): |m| = |x|, and m = x only where |x| < C/2), so it does not wait for the fold.
// - Centres: s = m - T_j with T_j a float within 4.4e-4 of j C chosen so that log1p(e^T_j) - K is a float to 2^-12 ULP
//   (K = ln 2 - ln2f, below), T_0 = 0. Then c0 needs no low part, and s is exact (for j != 0, m and T_j are multiples of
//   2^-24 and |s| < 1; for j = 0, s = m). C is a little below 2 ln 2 so that the centres have that room while
//   |s| <= ln 2 still holds: beyond it the polynomial's s terms outgrow half the result and their rounding would
//   reach a whole ULP (the same bound the previous 2 ln2f step sat on).
// - Per j, log1p(e^(T_j + s)) is c0 + K + c1 s + ... + c8 s^8, least squares fitted by us in relative error (below 2^-27.3
//   with the float coefficients; tools/fits/softplus_centred_fit.py). K is the same for every j (j = 0 needs it: ln 2 is
//   not a float), so it is a broadcast constant added with the s^2 correction, not a table.
// - c7 and c8 share one table: the float read is c8 (its low 16 bits are c7's top 16), and c7 is those bits shifted up
//   by 16. c7 and c8 keep 8 significant bits each; the fit rounds them first and refits the rest around them, which
//   absorbs it (2^-27.4 instead of 2^-27.8). No other pair survives that (c5/c6 would cost 2^-21).
// - Evaluation: c0 + inner, inner = s c1 + rest rounded once by an FMA, rest = s2 c2 + (s2 s (c3 + ... + c8 s^5) +
//   K + c2 (s s - s2)) with s2 = s * s rounded: its rounding error (exact by FMA) is added back, because c2 s^2 reaches a
//   quarter of the result at |s| = ln 2. Estrin's scheme for the high part (depth 3 instead of
//   Horner's 5: the kernel is latency-bound enough for that to be about 7% of its time, same-process A/B harness).
// Measured 0.9757 ULP from the exact value at worst (x = -6.2115955), every float of |x| <= 10.39, with a throwaway
// harness against a double reference (with Horner's scheme: 0.9544; the previous 2 ln2f form: 0.962). About 27 arithmetic instructions and 9 permutes per
// vector in the kernel loop (the previous form: 27 and 10; the full-range form: about 45 and 8).
// The constants are rows of a native table read through a mutable static (as Expm1OfMinWithZero's), so the JIT keeps them as
// memory operands in the unrolled kernel loop instead of hoisting twenty vectors into sixteen registers; the permuted rows
// are loaded by LookUp into a register first (VectorMath.TableLookup.cs).
public static partial class VectorMath
{
    /// <summary>x above this is folded to -x (softplus(x) = x + softplus(-x)): below C/2, so the folded m still has j = 0.</summary>
    private const float SoftplusNarrowFoldBound = 0.6926f;

    /// <summary>The narrow range's bound on |x|: j = round(-|x| / C) = -7 there, the last table entry.</summary>
    private const float SoftplusNarrowBound = 10.39f;

    /// <summary>The reduction step C (7.5 C covers the bound; C/2 is 4.5e-4 below ln 2, the centres' room).</summary>
    private const float SoftplusNarrowStep = 1.3854f;

    /// <summary>1.5 * 2^23 + 63: adding it rounds -|x| / C to an integer j whose bits end in j + 7 (j in [-7, 0]), the table index.</summary>
    private const float SoftplusNarrowShift = 12582975f;

    /// <summary>ln 2 - ln2f, added to every entry's c0 (entry 0 needs it; the others' centres are chosen with it).</summary>
    private const float SoftplusNarrowLow = -1.90465421e-09f;

    /// <summary>Floats per table row (one Vector256; Vector128 reads its first half).</summary>
    private const int SoftplusRowLength = 8;

    private const int SoftplusRowFoldBound = 0 * SoftplusRowLength;
    private const int SoftplusRowMinusTwo = 1 * SoftplusRowLength;
    private const int SoftplusRowBound = 2 * SoftplusRowLength;
    private const int SoftplusRowMinusInverseStep = 3 * SoftplusRowLength;
    private const int SoftplusRowShift = 4 * SoftplusRowLength;
    private const int SoftplusRowLow = 5 * SoftplusRowLength;
    private const int SoftplusRowCentre = 6 * SoftplusRowLength;
    private const int SoftplusRowC0 = 7 * SoftplusRowLength;
    private const int SoftplusRowC1 = 8 * SoftplusRowLength;
    private const int SoftplusRowC2 = 9 * SoftplusRowLength;
    private const int SoftplusRowC3 = 10 * SoftplusRowLength;
    private const int SoftplusRowC4 = 11 * SoftplusRowLength;
    private const int SoftplusRowC5 = 12 * SoftplusRowLength;
    private const int SoftplusRowC6 = 13 * SoftplusRowLength;
    private const int SoftplusRowC8C7 = 14 * SoftplusRowLength;

    /// <summary>The constants and coefficient tables of <c>SoftplusNarrowRange</c>, one 32-byte row each.</summary>
    private static unsafe float* s_softplusNarrowTable = CreateSoftplusNarrowTable();

    /// <summary>The same rows each written twice, for the Vector512 body (declared after them: initialised in order).</summary>
    private static unsafe float* s_softplusNarrowTableWide = CreateWideRows(s_softplusNarrowTable, (SoftplusRowC8C7 / SoftplusRowLength) + 1);

    private static unsafe float* CreateSoftplusNarrowTable()
    {
        ReadOnlySpan<float> constants =
        [
            SoftplusNarrowFoldBound,
            -2f,
            SoftplusNarrowBound,
            -1 / SoftplusNarrowStep,
            SoftplusNarrowShift,
            SoftplusNarrowLow,
        ];

        // Entry j + 7, j = -7..0 (tools/fits/softplus_centred_fit.py 8 40 8/7): the centre T_j, then c0..c6, then c8 with
        // c7's top 16 bits as its low 16 bits.
        ReadOnlySpan<float> tables =
        [
            -9.69770622f, -8.31213665f, -6.92721462f, -5.54157782f, -4.15655231f, -2.77045345f, -1.38514566f, 0f,
            6.14242454e-05f, 0.000245490664f, 0.000980250072f, 0.0039126738f, 0.0155400876f, 0.0607503541f, 0.223373398f, 0.693147182f,
            6.14204546e-05f, 0.000245458621f, 0.000979767879f, 0.00390502741f, 0.0154199619f, 0.058941856f, 0.200183854f, 0.5f,
            3.07083428e-05f, 0.000122699174f, 0.000489403959f, 0.0019448892f, 0.00759109342f, 0.0277338549f, 0.0800551474f, 0.124999993f,
            1.02348631e-05f, 4.08797387e-05f, 0.000162815035f, 0.000643232896f, 0.00245232391f, 0.00815482624f, 0.0160012823f, 6.34734443e-09f,
            2.55806799e-06f, 1.02099648e-05f, 4.05441497e-05f, 0.000158290553f, 0.000574966136f, 0.00154200953f, 0.000262313581f, -0.00520817004f,
            5.11293251e-07f, 2.03762215e-06f, 8.04459796e-06f, 3.06604306e-05f, 0.000100304271f, 0.000136388437f, -0.000737704337f, -4.23627853e-08f,
            8.51852207e-08f, 3.38255916e-07f, 1.31986246e-06f, 4.78368838e-06f, 1.20628702e-05f, -2.27865276e-05f, -0.000161130389f, 0.000346195593f,
            1.49300172e-09f, 5.82660009e-09f, 2.10949445e-08f, 5.03397324e-08f, -2.06014732e-07f, -2.2011393e-06f, 1.18146172e-05f, -2.38658558e-05f,
        ];

        System.Diagnostics.Debug.Assert(constants.Length * SoftplusRowLength == SoftplusRowCentre, "the tables follow the constants");
        return CreateConstantRows(SoftplusRowLength, constants, tables);
    }

    /// <summary>Whether every lane has |x| &lt;= 10.39 or is NaN (a NaN lane gives NaN in the narrow form too).</summary>
    /// <remarks>vmovmskps rather than GreaterThanAny's vptest: about 2% faster in the kernel loop (round-robin harness).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe bool SoftplusNarrowCovers(Vector256<float> magnitude, float* c) =>
        Vector256.ExtractMostSignificantBits(Vector256.GreaterThan(magnitude, Vector256.Load(c + SoftplusRowBound))) == 0;

    // softplus(x) for |x| <= 10.39 (see the top of the file); magnitude = |x|. One straight-line body.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector256<float> SoftplusNarrowRange(Vector256<float> x, Vector256<float> magnitude, float* c)
    {
        // vpermps reads the low three bits: j + 7.
        Vector256<int> index = Fma.MultiplyAdd(magnitude, Vector256.Load(c + SoftplusRowMinusInverseStep), Vector256.Load(c + SoftplusRowShift)).AsInt32();

        // The fold: positive = x where x > 0.6926 (else +0), m = x - 2 positive (x or -x exactly; NaN for NaN).
        Vector256<float> positive = x & Vector256.GreaterThan(x, Vector256.Load(c + SoftplusRowFoldBound));
        Vector256<float> m = Fma.MultiplyAdd(positive, Vector256.Load(c + SoftplusRowMinusTwo), x);
        Vector256<float> s = m - LookUp(c + SoftplusRowCentre, index); // exact

        Vector256<float> c2 = LookUp(c + SoftplusRowC2, index);
        Vector256<float> s2 = s * s;
        Vector256<float> low = Fma.MultiplyAdd(Fma.MultiplySubtract(s, s, s2), c2, Vector256.Load(c + SoftplusRowLow));
        Vector256<float> c8 = LookUp(c + SoftplusRowC8C7, index);
        Vector256<float> p78 = Fma.MultiplyAdd(s, c8, Vector256.ShiftLeft(c8.AsInt32(), 16).AsSingle());
        Vector256<float> p56 = Fma.MultiplyAdd(s, LookUp(c + SoftplusRowC6, index), LookUp(c + SoftplusRowC5, index));
        Vector256<float> p34 = Fma.MultiplyAdd(s, LookUp(c + SoftplusRowC4, index), LookUp(c + SoftplusRowC3, index));
        Vector256<float> high = Fma.MultiplyAdd(s2, Fma.MultiplyAdd(s2, p78, p56), p34);
        Vector256<float> rest = Fma.MultiplyAdd(s2, c2, Fma.MultiplyAdd(s2 * s, high, low));
        Vector256<float> inner = Fma.MultiplyAdd(s, LookUp(c + SoftplusRowC1, index), rest);
        return (LookUp(c + SoftplusRowC0, index) + inner) + positive;
    }

    // The same in 512-bit instructions (AVX-512F), operation for operation, so the same bits per lane; c is the copy with
    // each row written twice (s_softplusNarrowTableWide).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector512<float> SoftplusNarrowRange(Vector512<float> x, Vector512<float> magnitude, float* c)
    {
        Vector512<int> index = Avx512F.FusedMultiplyAdd(magnitude, LoadRow(c, SoftplusRowMinusInverseStep), LoadRow(c, SoftplusRowShift)).AsInt32();

        Vector512<float> positive = x & Vector512.GreaterThan(x, LoadRow(c, SoftplusRowFoldBound));
        Vector512<float> m = Avx512F.FusedMultiplyAdd(positive, LoadRow(c, SoftplusRowMinusTwo), x);
        Vector512<float> s = m - LookUp(c, SoftplusRowCentre, index); // exact

        Vector512<float> c2 = LookUp(c, SoftplusRowC2, index);
        Vector512<float> s2 = s * s;
        Vector512<float> low = Avx512F.FusedMultiplyAdd(Avx512F.FusedMultiplySubtract(s, s, s2), c2, LoadRow(c, SoftplusRowLow));
        Vector512<float> c8 = LookUp(c, SoftplusRowC8C7, index);
        Vector512<float> p78 = Avx512F.FusedMultiplyAdd(s, c8, Vector512.ShiftLeft(c8.AsInt32(), 16).AsSingle());
        Vector512<float> p56 = Avx512F.FusedMultiplyAdd(s, LookUp(c, SoftplusRowC6, index), LookUp(c, SoftplusRowC5, index));
        Vector512<float> p34 = Avx512F.FusedMultiplyAdd(s, LookUp(c, SoftplusRowC4, index), LookUp(c, SoftplusRowC3, index));
        Vector512<float> high = Avx512F.FusedMultiplyAdd(s2, Avx512F.FusedMultiplyAdd(s2, p78, p56), p34);
        Vector512<float> rest = Avx512F.FusedMultiplyAdd(s2, c2, Avx512F.FusedMultiplyAdd(s2 * s, high, low));
        Vector512<float> inner = Avx512F.FusedMultiplyAdd(s, LookUp(c, SoftplusRowC1, index), rest);
        return (LookUp(c, SoftplusRowC0, index) + inner) + positive;
    }
}
