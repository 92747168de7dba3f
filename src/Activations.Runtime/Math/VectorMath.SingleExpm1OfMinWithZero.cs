using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

// e^min(x, 0) - 1 of float vectors in float lanes: elu's negative side (the generator lowers expm1(min(x, 0)) in float
// lanes to it), within 1 ULP of the exact value. Same reduction as the float expm1 (VectorMath.SingleExpm1.cs),
// k = round(x / ln 2), r = x - k ln 2, e^x - 1 = (2^k - 1) + 2^k r + 2^k r^2 c(r), c(r) = Q(r) of that file
// (1/2 + Q1 r + ... + Q5 r^5, relative error 2^-31 for e^r - 1), but a non-positive argument allows less work:
// - x is clamped to [-17.5, 0], so k is in [-25, 0]: nothing overflows and no lane needs the full-range form, so
//   there is no branch. 2^k - 1 is exact down to k = -24; for k = -25 (x below -16.98) it rounds to -1, which loses
//   2^-25 e^r of a result within 2^-24.5 of -1: at most 0.71 ULP from exact, below the worst elsewhere (keeping k at
//   -24 instead costs one operation on the dependency chain). Below -17.33 the result is -1 as it should be.
// - 2^k <= 1, so 2^k r^2 c(r) is at most a fifth of the result and needs no exact sum of its own (the signed form
//   splits 2^k r^2 / 2 off for k = 1): only (2^k - 1) + 2^k r is summed exactly (Fast2Sum, |2^k - 1| >= |2^k r|
//   for k < 0, and 2^k - 1 = 0 for k = 0), and its error joins the small term, which is one FMA with 2^k r^2
//   computed beside the polynomial.
// - With FMA, r = x - k ln2f in one FMA is exact (ln2f = ln 2 rounded to float: k ln2f is a multiple of 2^-24, x of
//   2^-24 or finer where k != 0, and |r| < 1), so there is no rounding error of r to carry; ln 2 - ln2f = -1.9e-9
//   is left out, which moves the result by at most 0.05 ULP (k = -1). Without FMA, r is reduced in two steps
//   (Cody-Waite, as the float exp) and its rounding error joins the small term.
// - Times a constant pair (Expm1OfMinWithZeroTimesPair, selu's negative side): the result before its last rounding is
//   sum + small, which the pair multiplies as an unevaluated sum (VectorMath.SinglePairProducts.cs), rounded once.
// - Estrin's scheme for c(r): the dependent chain from r is r^2, r^4 and two FMAs instead of five.
// Measured 0.83 ULP from exact at worst (x = -0.285) over every float of [-104, 0] (and -0, -inf, NaN), with FMA and without
// (throwaway harness against a double reference; docs/math-core.md).
// The constants are read from memory (a table of 64-byte rows), not built with VectorN.Create: the kernel loop has
// no call, and the JIT would otherwise keep all fourteen in registers across elu's 4x-unrolled loop (16 ymm on
// AVX2) and spill the temporaries; loads from a table it cannot prove unchanged by the loop's stores stay memory
// operands. The table pointer is a mutable static for the same reason (a readonly one becomes an immediate per use).
public static partial class VectorMath
{
    /// <summary>ln 2 rounded to float (0x3f317218): with FMA, x - k times it is exact for the k of a float expm1.</summary>
    private const float Ln2RoundedSingle = 0.693147182f;

    /// <summary>Floats per table row: one Vector512 of the same constant, read at every width.</summary>
    private const int Expm1RowLength = 16;

    private const int Expm1RowLowest = 0 * Expm1RowLength;
    private const int Expm1RowInverseLn2 = 1 * Expm1RowLength;
    private const int Expm1RowShift = 2 * Expm1RowLength;
    private const int Expm1RowMinusLn2 = 3 * Expm1RowLength;
    private const int Expm1RowMinusLn2High = 4 * Expm1RowLength;
    private const int Expm1RowMinusLn2Low = 5 * Expm1RowLength;
    private const int Expm1RowQ1 = 6 * Expm1RowLength;
    private const int Expm1RowQ2 = 7 * Expm1RowLength;
    private const int Expm1RowQ3 = 8 * Expm1RowLength;
    private const int Expm1RowQ4 = 9 * Expm1RowLength;
    private const int Expm1RowQ5 = 10 * Expm1RowLength;
    private const int Expm1RowOneHalf = 11 * Expm1RowLength;
    private const int Expm1RowOne = 12 * Expm1RowLength;
    private const int Expm1RowNegativeZero = 13 * Expm1RowLength;

    /// <summary>The constants of <c>Expm1OfMinWithZero</c>, one 64-byte-aligned row each (see the top of the file).</summary>
    private static unsafe float* s_expm1OfMinWithZeroTable = CreateExpm1OfMinWithZeroTable();

    private static unsafe float* CreateExpm1OfMinWithZeroTable()
    {
        ReadOnlySpan<float> values =
        [
            Expm1FloatLowestArgument,
            InverseLn2Single,
            FloatRoundingShift,
            -Ln2RoundedSingle,
            -Ln2HighSingle,
            -Ln2LowSingle,
            Expm1FloatQ1,
            Expm1FloatQ2,
            Expm1FloatQ3,
            Expm1FloatQ4,
            Expm1FloatQ5,
            0.5f,
            1.0f,
            -0.0f,
        ];
        return CreateConstantRows(Expm1RowLength, values, []);
    }

    /// <summary>e^min(x, 0) - 1 per float lane, within 1 ULP of the exact value: e^x - 1 for x &lt;= 0 (-1 below -17.33, -0 kept),
    /// 0 for x &gt; 0, NaN kept. Elu's negative side: the generator lowers expm1(min(x, 0)) in float lanes to it.</summary>
    /// <param name="x">The values.</param>
    /// <returns>e^min(x, 0) - 1 of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Expm1OfMinWithZero(Vector128<float> x) => Expm1OfMinWithZero(x, default, default, default, argumentPair: false, timesPair: false);

    /// <summary>(high + low) (e^min(x, 0) - 1) per float lane, rounded once: a constant factor that is no float, as a pair
    /// whose high part is positive (selu's negative side). The product of the unrounded expm1 with the pair adds
    /// about one rounding error of the factor's size to expm1's own, so the result stays within 1 ULP of the exact value.</summary>
    /// <param name="x">The values.</param>
    /// <param name="high">The factor's float high part, positive.</param>
    /// <param name="low">The rest of the factor, of the same sign.</param>
    /// <returns>The product for each element; -0 for -0, NaN kept.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Expm1OfMinWithZeroTimesPair(Vector128<float> x, Vector128<float> high, Vector128<float> low) =>
        Expm1OfMinWithZero(x, default, high, low, argumentPair: false, timesPair: true);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector128<float> Expm1OfMinWithZero(Vector128<float> x, Vector128<float> xLow, Vector128<float> factorHigh, Vector128<float> factorLow, bool argumentPair, bool timesPair)
    {
        float* c = s_expm1OfMinWithZeroTable;

        // The constant goes first: MinFast/MaxFast return the second operand when either is NaN (or both are zeros).
        Vector128<float> clamped = MaxFast(Vector128.Load(c + Expm1RowLowest), MinFast(Vector128<float>.Zero, x));
        Vector128<float> shifted = MultiplyAdd(clamped, Vector128.Load(c + Expm1RowInverseLn2), Vector128.Load(c + Expm1RowShift));
        Vector128<float> k = shifted - Vector128.Load(c + Expm1RowShift);
        Vector128<float> scale = Vector128.ShiftLeft(shifted.AsInt32(), 23).AsSingle(); // 2^k, k in [-25, 0]
        Vector128<float> r;
        Vector128<float> scaledLow; // 2^k times the rounding error of r
        if (Fma.IsSupported)
        {
            r = Fma.MultiplyAdd(k, Vector128.Load(c + Expm1RowMinusLn2), clamped); // exact
            scaledLow = Vector128<float>.Zero; // unused
        }
        else
        {
            Vector128<float> rHigh = MultiplyAdd(k, Vector128.Load(c + Expm1RowMinusLn2High), clamped); // exact
            r = MultiplyAdd(k, Vector128.Load(c + Expm1RowMinusLn2Low), rHigh);
            scaledLow = scale * MultiplyAdd(k, Vector128.Load(c + Expm1RowMinusLn2Low), rHigh - r);
        }

        // c(r) = 1/2 + r Q'(r), Q' by Estrin's scheme: c rounds once near 1/2, not at every step as its Horner or Estrin
        // form would (at k = 0, x near -0.29, the r^2 term is a sixth of a result just below 1/4, and each rounding
        // of c near 1/2 cost up to 0.08 ULP).
        Vector128<float> rSquared = r * r;
        Vector128<float> q12 = MultiplyAdd(Vector128.Load(c + Expm1RowQ2), r, Vector128.Load(c + Expm1RowQ1));
        Vector128<float> q34 = MultiplyAdd(Vector128.Load(c + Expm1RowQ4), r, Vector128.Load(c + Expm1RowQ3));
        Vector128<float> q = MultiplyAdd(rSquared * rSquared, Vector128.Load(c + Expm1RowQ5), MultiplyAdd(rSquared, q34, q12));
        Vector128<float> poly = MultiplyAdd(r, q, Vector128.Load(c + Expm1RowOneHalf));

        // (2^k - 1) + 2^k r = sum + low exactly (scale r is exact, 2^k - 1 outweighs it and is exact for k >= -24).
        Vector128<float> a = scale - Vector128.Load(c + Expm1RowOne);
        Vector128<float> sum = MultiplyAdd(scale, r, a);
        Vector128<float> low = MultiplyAdd(scale, r, a - sum);
        if (!Fma.IsSupported)
        {
            low += scaledLow;
        }
        if (argumentPair)
        {
            // e^(r + xLow) = e^r (1 + xLow) to 2^-40: 2^k e^r xLow joins the small terms, e^r as 1 + r (|xLow| <= 2^-19).
            low = MultiplyAdd(scale * xLow, r + Vector128.Load(c + Expm1RowOne), low);
        }

        Vector128<float> small = MultiplyAdd(scale * rSquared, poly, low);
        Vector128<float> result = !timesPair ? sum + small : MultiplyByPair(sum, small, factorHigh, factorLow);
        return result | (x & Vector128.Load(c + Expm1RowNegativeZero)); // e^-0 - 1 = -0 (the sums give +0)
    }

    /// <summary>e^min(x, 0) - 1 per float lane, within 1 ULP of the exact value: e^x - 1 for x &lt;= 0 (-1 below -17.33, -0 kept),
    /// 0 for x &gt; 0, NaN kept. Elu's negative side: the generator lowers expm1(min(x, 0)) in float lanes to it.</summary>
    /// <param name="x">The values.</param>
    /// <returns>e^min(x, 0) - 1 of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Expm1OfMinWithZero(Vector256<float> x) => Expm1OfMinWithZero(x, default, default, default, argumentPair: false, timesPair: false);

    /// <summary>(high + low) (e^min(x, 0) - 1) per float lane, rounded once: a constant factor that is no float, as a pair
    /// whose high part is positive (selu's negative side). The product of the unrounded expm1 with the pair adds
    /// about one rounding error of the factor's size to expm1's own, so the result stays within 1 ULP of the exact value.</summary>
    /// <param name="x">The values.</param>
    /// <param name="high">The factor's float high part, positive.</param>
    /// <param name="low">The rest of the factor, of the same sign.</param>
    /// <returns>The product for each element; -0 for -0, NaN kept.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Expm1OfMinWithZeroTimesPair(Vector256<float> x, Vector256<float> high, Vector256<float> low) =>
        Expm1OfMinWithZero(x, default, high, low, argumentPair: false, timesPair: true);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector256<float> Expm1OfMinWithZero(Vector256<float> x, Vector256<float> xLow, Vector256<float> factorHigh, Vector256<float> factorLow, bool argumentPair, bool timesPair)
    {
        float* c = s_expm1OfMinWithZeroTable;

        // The constant goes first: MinFast/MaxFast return the second operand when either is NaN (or both are zeros).
        Vector256<float> clamped = MaxFast(Vector256.Load(c + Expm1RowLowest), MinFast(Vector256<float>.Zero, x));
        Vector256<float> shifted = MultiplyAdd(clamped, Vector256.Load(c + Expm1RowInverseLn2), Vector256.Load(c + Expm1RowShift));
        Vector256<float> k = shifted - Vector256.Load(c + Expm1RowShift);
        Vector256<float> scale = Vector256.ShiftLeft(shifted.AsInt32(), 23).AsSingle(); // 2^k, k in [-25, 0]
        Vector256<float> r;
        Vector256<float> scaledLow; // 2^k times the rounding error of r
        if (Fma.IsSupported)
        {
            r = Fma.MultiplyAdd(k, Vector256.Load(c + Expm1RowMinusLn2), clamped); // exact
            scaledLow = Vector256<float>.Zero; // unused
        }
        else
        {
            Vector256<float> rHigh = MultiplyAdd(k, Vector256.Load(c + Expm1RowMinusLn2High), clamped); // exact
            r = MultiplyAdd(k, Vector256.Load(c + Expm1RowMinusLn2Low), rHigh);
            scaledLow = scale * MultiplyAdd(k, Vector256.Load(c + Expm1RowMinusLn2Low), rHigh - r);
        }

        // c(r) = 1/2 + r Q'(r), Q' by Estrin's scheme: c rounds once near 1/2, not at every step as its Horner or Estrin
        // form would (at k = 0, x near -0.29, the r^2 term is a sixth of a result just below 1/4, and each rounding
        // of c near 1/2 cost up to 0.08 ULP).
        Vector256<float> rSquared = r * r;
        Vector256<float> q12 = MultiplyAdd(Vector256.Load(c + Expm1RowQ2), r, Vector256.Load(c + Expm1RowQ1));
        Vector256<float> q34 = MultiplyAdd(Vector256.Load(c + Expm1RowQ4), r, Vector256.Load(c + Expm1RowQ3));
        Vector256<float> q = MultiplyAdd(rSquared * rSquared, Vector256.Load(c + Expm1RowQ5), MultiplyAdd(rSquared, q34, q12));
        Vector256<float> poly = MultiplyAdd(r, q, Vector256.Load(c + Expm1RowOneHalf));

        // (2^k - 1) + 2^k r = sum + low exactly (scale r is exact, 2^k - 1 outweighs it and is exact for k >= -24).
        Vector256<float> a = scale - Vector256.Load(c + Expm1RowOne);
        Vector256<float> sum = MultiplyAdd(scale, r, a);
        Vector256<float> low = MultiplyAdd(scale, r, a - sum);
        if (!Fma.IsSupported)
        {
            low += scaledLow;
        }
        if (argumentPair)
        {
            // e^(r + xLow) = e^r (1 + xLow) to 2^-40: 2^k e^r xLow joins the small terms, e^r as 1 + r (|xLow| <= 2^-19).
            low = MultiplyAdd(scale * xLow, r + Vector256.Load(c + Expm1RowOne), low);
        }

        Vector256<float> small = MultiplyAdd(scale * rSquared, poly, low);
        Vector256<float> result = !timesPair ? sum + small : MultiplyByPair(sum, small, factorHigh, factorLow);
        return result | (x & Vector256.Load(c + Expm1RowNegativeZero)); // e^-0 - 1 = -0 (the sums give +0)
    }

    /// <summary>e^min(x, 0) - 1 per float lane, within 1 ULP of the exact value: e^x - 1 for x &lt;= 0 (-1 below -17.33, -0 kept),
    /// 0 for x &gt; 0, NaN kept. Elu's negative side: the generator lowers expm1(min(x, 0)) in float lanes to it.</summary>
    /// <param name="x">The values.</param>
    /// <returns>e^min(x, 0) - 1 of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Expm1OfMinWithZero(Vector512<float> x) => Expm1OfMinWithZero(x, default, default, default, argumentPair: false, timesPair: false);

    /// <summary>(high + low) (e^min(x, 0) - 1) per float lane, rounded once: a constant factor that is no float, as a pair
    /// whose high part is positive (selu's negative side). The product of the unrounded expm1 with the pair adds
    /// about one rounding error of the factor's size to expm1's own, so the result stays within 1 ULP of the exact value.</summary>
    /// <param name="x">The values.</param>
    /// <param name="high">The factor's float high part, positive.</param>
    /// <param name="low">The rest of the factor, of the same sign.</param>
    /// <returns>The product for each element; -0 for -0, NaN kept.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Expm1OfMinWithZeroTimesPair(Vector512<float> x, Vector512<float> high, Vector512<float> low) =>
        Expm1OfMinWithZero(x, default, high, low, argumentPair: false, timesPair: true);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector512<float> Expm1OfMinWithZero(Vector512<float> x, Vector512<float> xLow, Vector512<float> factorHigh, Vector512<float> factorLow, bool argumentPair, bool timesPair)
    {
        float* c = s_expm1OfMinWithZeroTable;

        // The constant goes first: MinFast/MaxFast return the second operand when either is NaN (or both are zeros).
        Vector512<float> clamped = MaxFast(Vector512.Load(c + Expm1RowLowest), MinFast(Vector512<float>.Zero, x));
        Vector512<float> shifted = MultiplyAdd(clamped, Vector512.Load(c + Expm1RowInverseLn2), Vector512.Load(c + Expm1RowShift));
        Vector512<float> k = shifted - Vector512.Load(c + Expm1RowShift);
        Vector512<float> scale = Vector512.ShiftLeft(shifted.AsInt32(), 23).AsSingle(); // 2^k, k in [-25, 0]
        Vector512<float> r;
        Vector512<float> scaledLow; // 2^k times the rounding error of r
        if (Avx512F.IsSupported)
        {
            r = Avx512F.FusedMultiplyAdd(k, Vector512.Load(c + Expm1RowMinusLn2), clamped); // exact
            scaledLow = Vector512<float>.Zero; // unused
        }
        else
        {
            Vector512<float> rHigh = MultiplyAdd(k, Vector512.Load(c + Expm1RowMinusLn2High), clamped); // exact
            r = MultiplyAdd(k, Vector512.Load(c + Expm1RowMinusLn2Low), rHigh);
            scaledLow = scale * MultiplyAdd(k, Vector512.Load(c + Expm1RowMinusLn2Low), rHigh - r);
        }

        // c(r) = 1/2 + r Q'(r), Q' by Estrin's scheme: c rounds once near 1/2, not at every step as its Horner or Estrin
        // form would (at k = 0, x near -0.29, the r^2 term is a sixth of a result just below 1/4, and each rounding
        // of c near 1/2 cost up to 0.08 ULP).
        Vector512<float> rSquared = r * r;
        Vector512<float> q12 = MultiplyAdd(Vector512.Load(c + Expm1RowQ2), r, Vector512.Load(c + Expm1RowQ1));
        Vector512<float> q34 = MultiplyAdd(Vector512.Load(c + Expm1RowQ4), r, Vector512.Load(c + Expm1RowQ3));
        Vector512<float> q = MultiplyAdd(rSquared * rSquared, Vector512.Load(c + Expm1RowQ5), MultiplyAdd(rSquared, q34, q12));
        Vector512<float> poly = MultiplyAdd(r, q, Vector512.Load(c + Expm1RowOneHalf));

        // (2^k - 1) + 2^k r = sum + low exactly (scale r is exact, 2^k - 1 outweighs it and is exact for k >= -24).
        Vector512<float> a = scale - Vector512.Load(c + Expm1RowOne);
        Vector512<float> sum = MultiplyAdd(scale, r, a);
        Vector512<float> low = MultiplyAdd(scale, r, a - sum);
        if (!Avx512F.IsSupported)
        {
            low += scaledLow;
        }
        if (argumentPair)
        {
            // e^(r + xLow) = e^r (1 + xLow) to 2^-40: 2^k e^r xLow joins the small terms, e^r as 1 + r (|xLow| <= 2^-19).
            low = MultiplyAdd(scale * xLow, r + Vector512.Load(c + Expm1RowOne), low);
        }

        Vector512<float> small = MultiplyAdd(scale * rSquared, poly, low);
        Vector512<float> result = !timesPair ? sum + small : MultiplyByPair(sum, small, factorHigh, factorLow);
        return result | (x & Vector512.Load(c + Expm1RowNegativeZero)); // e^-0 - 1 = -0 (the sums give +0)
    }
}
