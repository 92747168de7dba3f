using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

// e^x - 1 of float vectors in float lanes (twice the lanes of the double form), within 1 ULP of the exact value.
// Same reduction as the float exp (VectorMath.SingleExp.cs): k = round(x / ln 2), r + rLow = x - k ln 2; then
// e^r - 1 = r + t with t = r^2 Q(r) + rLow, Q of degree 5 fitted by us for the relative error of e^r - 1 (2^-31.0
// on |r| <= 0.3467): the exp's degree-4 Q is fitted relative to e^r, and relative to e^r - 1 it is only 2^-25.6
// (0.91 ULP from exact at x = 0.198, measured), and no degree-4 Q with float coefficients does better than 2^-26. Then e^x - 1 = (2^k - 1) + 2^k r + 2^k t, summed so that
// only the last addition rounds noticeably (fdlibm's expm1 keeps its reconstruction exact in the same spirit):
// 2^k - 1 is split exactly into a + aLow (TwoSum: for |k| >= 25 one of 2^k and 1 is below a's ULP), 2^k r is exact,
// a + 2^k r is rounded to sum with its error recovered exactly (Fast2Sum: |a| >= |2^k r| whenever a != 0), and the
// small terms 2^k t + error + aLow are added last. Without the exact split, k = 1 with r near -ln2/2 (x near 0.35,
// where 2 + 2(e^r - 1) - 1 cancels) and |k| >= 25 lose up to half an ULP.
// Everything is computed at half scale, 2^(k-1), and doubled at the end (exact): for x up to 89, k reaches 128 and
// 2^128 is not a float, but 2^127 is, and doubling a result at or above 2^127 overflows to +inf as the exact value
// does. x is clamped to [-17.5, 89] (NaN kept): below -25 ln 2 = -17.33 the result rounds to -1, above 88.73 it
// overflows. |x| < 2^-25 returns x itself (e^x - 1 rounds to x there): that keeps -0 and avoids halving subnormals.
// Written out per width with the vector operators (the JIT inlining budget, see VectorMath.SingleVectors.cs).
public static partial class VectorMath
{
    /// <summary>Below -25 ln 2, e^x - 1 rounds to -1 in float; clamping a little lower keeps k &gt;= -26 (2^(k-1) normal).</summary>
    private const float Expm1FloatLowestArgument = -17.5f;

    /// <summary>1.5 * 2^23 + 126: like <see cref="FloatRoundingShift"/>, but the low bits hold k + 126, the biased exponent of 2^(k-1).</summary>
    private const float FloatHalfScaleRoundingShift = 12583038f;

    // Q(r) = (e^r - 1 - r) / r^2, degree 5, float coefficients (the fit of docs/math-core.md with weight r^2 / (e^r - 1)).
    private const float Expm1FloatQ0 = 0.5f;             // 0x1.0000000000000p-1
    private const float Expm1FloatQ1 = 0.166666687f;     // 0x1.5555580000000p-3
    private const float Expm1FloatQ2 = 0.041666422f;     // 0x1.5554d20000000p-5
    private const float Expm1FloatQ3 = 0.00833255891f;   // 0x1.110a920000000p-7
    private const float Expm1FloatQ4 = 0.00139390398f;   // 0x1.6d67500000000p-10
    private const float Expm1FloatQ5 = 0.000204205964f;  // 0x1.ac403e0000000p-13

    /// <summary>0.1 ln 2: positive x is reduced with k = round(x / ln 2 - 0.1), so r is in [-0.277, 0.417] there.</summary>
    private const float Expm1FloatPositiveShift = 0.0693147182f;

    /// <summary>2^-25: below it in magnitude e^x - 1 = x + x^2/2 + ... rounds to x.</summary>
    private const float Expm1FloatTinyBound = 2.98023224e-8f;

    /// <summary>e^x - 1 per float lane, within 1 ULP of the exact value; -1 below -17.33, +inf from 88.73, NaN kept, -0 kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> ExpMinusOneOfFloats(Vector128<float> x)
    {
        // The constant goes first: MinFast/MaxFast return the second operand when either is NaN.
        Vector128<float> clamped = MinFast(Vector128.Create(ExpFloatHighestArgument), MaxFast(Vector128.Create(Expm1FloatLowestArgument), x));
        Vector128<float> biased = clamped - (Vector128.GreaterThan(clamped, Vector128<float>.Zero) & Vector128.Create(Expm1FloatPositiveShift));
        Vector128<float> shifted = MultiplyAdd(biased, Vector128.Create(InverseLn2Single), Vector128.Create(FloatHalfScaleRoundingShift));
        Vector128<float> k = shifted - Vector128.Create(FloatHalfScaleRoundingShift);
        Vector128<float> r = ReduceByLn2(clamped, k, out Vector128<float> rLow);
        Vector128<float> t = Expm1TailOfReduced(r, rLow);
        Vector128<float> half = Vector128.ShiftLeft(shifted.AsInt32(), 23).AsSingle(); // 2^(k-1), k in [-26, 128]

        // (e^x - 1) / 2 = (half - 1/2) + half r + half t.
        Vector128<float> a = half - Vector128.Create(0.5f);
        Vector128<float> aRounding = a - half;
        Vector128<float> aLow = (half - (a - aRounding)) + (Vector128.Create(-0.5f) - aRounding);
        Vector128<float> sum = MultiplyAdd(half, r, a); // half r is exact
        Vector128<float> sumLow = MultiplyAdd(half, r, a - sum); // a - sum is exact, and so is the whole (Fast2Sum)
        Vector128<float> halfResult = sum + MultiplyAdd(half, t, sumLow + aLow);
        return Vector128.ConditionalSelect(Vector128.LessThan(Vector128.Abs(x), Vector128.Create(Expm1FloatTinyBound)), x, halfResult + halfResult);
    }

    /// <summary>e^r - 1 - r = r^2 Q(r) to 2^-31 relative to e^r - 1, with the reduction's rounding error <paramref name="rLow"/> added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Expm1TailOfReduced(Vector128<float> r, Vector128<float> rLow)
    {
        Vector128<float> q = MultiplyAdd(Vector128.Create(Expm1FloatQ5), r, Vector128.Create(Expm1FloatQ4));
        q = MultiplyAdd(q, r, Vector128.Create(Expm1FloatQ3));
        q = MultiplyAdd(q, r, Vector128.Create(Expm1FloatQ2));
        q = MultiplyAdd(q, r, Vector128.Create(Expm1FloatQ1));
        q = MultiplyAdd(q, r, Vector128.Create(Expm1FloatQ0));
        return MultiplyAdd(r * r, q, rLow);
    }

    /// <summary>e^x - 1 per float lane, within 1 ULP of the exact value; -1 below -17.33, +inf from 88.73, NaN kept, -0 kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ExpMinusOneOfFloats(Vector256<float> x)
    {
        // The constant goes first: MinFast/MaxFast return the second operand when either is NaN.
        Vector256<float> clamped = MinFast(Vector256.Create(ExpFloatHighestArgument), MaxFast(Vector256.Create(Expm1FloatLowestArgument), x));
        Vector256<float> biased = clamped - (Vector256.GreaterThan(clamped, Vector256<float>.Zero) & Vector256.Create(Expm1FloatPositiveShift));
        Vector256<float> shifted = MultiplyAdd(biased, Vector256.Create(InverseLn2Single), Vector256.Create(FloatHalfScaleRoundingShift));
        Vector256<float> k = shifted - Vector256.Create(FloatHalfScaleRoundingShift);
        Vector256<float> r = ReduceByLn2(clamped, k, out Vector256<float> rLow);
        Vector256<float> t = Expm1TailOfReduced(r, rLow);
        Vector256<float> half = Vector256.ShiftLeft(shifted.AsInt32(), 23).AsSingle(); // 2^(k-1), k in [-26, 128]

        // (e^x - 1) / 2 = (half - 1/2) + half r + half t.
        Vector256<float> a = half - Vector256.Create(0.5f);
        Vector256<float> aRounding = a - half;
        Vector256<float> aLow = (half - (a - aRounding)) + (Vector256.Create(-0.5f) - aRounding);
        Vector256<float> sum = MultiplyAdd(half, r, a); // half r is exact
        Vector256<float> sumLow = MultiplyAdd(half, r, a - sum); // a - sum is exact, and so is the whole (Fast2Sum)
        Vector256<float> halfResult = sum + MultiplyAdd(half, t, sumLow + aLow);
        return Vector256.ConditionalSelect(Vector256.LessThan(Vector256.Abs(x), Vector256.Create(Expm1FloatTinyBound)), x, halfResult + halfResult);
    }

    /// <summary>e^r - 1 - r = r^2 Q(r) to 2^-31 relative to e^r - 1, with the reduction's rounding error <paramref name="rLow"/> added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Expm1TailOfReduced(Vector256<float> r, Vector256<float> rLow)
    {
        Vector256<float> q = MultiplyAdd(Vector256.Create(Expm1FloatQ5), r, Vector256.Create(Expm1FloatQ4));
        q = MultiplyAdd(q, r, Vector256.Create(Expm1FloatQ3));
        q = MultiplyAdd(q, r, Vector256.Create(Expm1FloatQ2));
        q = MultiplyAdd(q, r, Vector256.Create(Expm1FloatQ1));
        q = MultiplyAdd(q, r, Vector256.Create(Expm1FloatQ0));
        return MultiplyAdd(r * r, q, rLow);
    }

    /// <summary>e^x - 1 per float lane, within 1 ULP of the exact value; -1 below -17.33, +inf from 88.73, NaN kept, -0 kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ExpMinusOneOfFloats(Vector512<float> x)
    {
        // The constant goes first: MinFast/MaxFast return the second operand when either is NaN.
        Vector512<float> clamped = MinFast(Vector512.Create(ExpFloatHighestArgument), MaxFast(Vector512.Create(Expm1FloatLowestArgument), x));
        Vector512<float> biased = clamped - (Vector512.GreaterThan(clamped, Vector512<float>.Zero) & Vector512.Create(Expm1FloatPositiveShift));
        Vector512<float> shifted = MultiplyAdd(biased, Vector512.Create(InverseLn2Single), Vector512.Create(FloatHalfScaleRoundingShift));
        Vector512<float> k = shifted - Vector512.Create(FloatHalfScaleRoundingShift);
        Vector512<float> r = ReduceByLn2(clamped, k, out Vector512<float> rLow);
        Vector512<float> t = Expm1TailOfReduced(r, rLow);
        Vector512<float> half = Vector512.ShiftLeft(shifted.AsInt32(), 23).AsSingle(); // 2^(k-1), k in [-26, 128]

        // (e^x - 1) / 2 = (half - 1/2) + half r + half t.
        Vector512<float> a = half - Vector512.Create(0.5f);
        Vector512<float> aRounding = a - half;
        Vector512<float> aLow = (half - (a - aRounding)) + (Vector512.Create(-0.5f) - aRounding);
        Vector512<float> sum = MultiplyAdd(half, r, a); // half r is exact
        Vector512<float> sumLow = MultiplyAdd(half, r, a - sum); // a - sum is exact, and so is the whole (Fast2Sum)
        Vector512<float> halfResult = sum + MultiplyAdd(half, t, sumLow + aLow);
        return Vector512.ConditionalSelect(Vector512.LessThan(Vector512.Abs(x), Vector512.Create(Expm1FloatTinyBound)), x, halfResult + halfResult);
    }

    /// <summary>e^r - 1 - r = r^2 Q(r) to 2^-31 relative to e^r - 1, with the reduction's rounding error <paramref name="rLow"/> added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Expm1TailOfReduced(Vector512<float> r, Vector512<float> rLow)
    {
        Vector512<float> q = MultiplyAdd(Vector512.Create(Expm1FloatQ5), r, Vector512.Create(Expm1FloatQ4));
        q = MultiplyAdd(q, r, Vector512.Create(Expm1FloatQ3));
        q = MultiplyAdd(q, r, Vector512.Create(Expm1FloatQ2));
        q = MultiplyAdd(q, r, Vector512.Create(Expm1FloatQ1));
        q = MultiplyAdd(q, r, Vector512.Create(Expm1FloatQ0));
        return MultiplyAdd(r * r, q, rLow);
    }
}
