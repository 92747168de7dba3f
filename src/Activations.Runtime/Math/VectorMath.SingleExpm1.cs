using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

// e^x - 1 of float vectors in float lanes (twice the lanes of the double form), within 1 ULP of the exact value.
// Same reduction as the float exp (VectorMath.SingleExp.cs): k = round(x / ln 2), r + rLow = x - k ln 2 (r rounded,
// rLow its error). e^r - 1 = r + r^2/2 + tail, tail = r^3 Q'(r) + rLow, from a degree-5 Q(r) = 1/2 + r Q'(r) fitted
// by us for the relative error of e^r - 1 (2^-31.0 on |r| <= 0.3467). The exp's degree-4 Q will not do: it is
// fitted relative to e^r, and relative to e^r - 1 it is only 2^-25.6 (measured 0.91 ULP from exact at x = 0.198).
// Then (fdlibm's expm1 keeps its reconstruction exact in the same spirit) e^x - 1 = (2^k - 1) + 2^k r + 2^k r^2/2
// + 2^k tail, where the first three are summed with their rounding errors recovered: 2^k - 1 is split exactly
// (TwoSum: for |k| >= 25 one of 2^k and 1 falls below the other's ULP), 2^k r and 2^k r^2/2 are exact products
// (r^2 itself is rounded once), each addition's error comes back by Fast2Sum (every partial sum outweighs the next
// term), and the errors join the small last term. Measured 0.69 ULP from exact at worst, fused or not. Without the
// exact sums, k = 1 with r near -ln2/2 (x near 0.35: 2 + 2(e^r - 1) - 1 cancels) came to 0.93 ULP.
// Everything is computed at half scale, 2^(k-1), and doubled at the end (exact): for x up to 89, k reaches 128 and
// 2^128 is not a float, but 2^127 is, and doubling a result at or above 2^127 overflows to +inf as the exact value
// does. x is clamped to [-17.5, 89] (NaN kept): below -25 ln 2 = -17.33 the result rounds to -1, above 88.73 it
// overflows. |x| < 2^-25 returns x itself (e^x - 1 rounds to x there): that keeps -0 and avoids halving subnormals.
// That full-range form is the rare path (lanes beyond ±16.5, ±inf), out of line. The fast path, |x| <= 16.5, has
// |k| <= 24: 2^k and 2^k - 1 are exact floats, so it works at full scale with no clamp, no TwoSum for 2^k - 1 and
// no tiny-argument select (for k = 0 the sums give r + r^2/2 + tail = x exactly when x is tiny or subnormal, and -0
// is restored by OR-ing in the sign of x). Same sums otherwise, so the same accuracy: 0.69 ULP from exact at worst
// over every float of [-16.5, 16.5], fused or not (measured exhaustively, docs/math-core.md). Why it is faster: with
// ~14 constants live the JIT hoisted them all into ymm registers out of the 4x-unrolled kernel loop and spilled the
// temporaries (elu's Run256: 167 stack accesses); the cold call makes it keep constants as memory operands instead,
// and the fast path has ~10 fewer operations.
// Written out per width with the vector operators (the JIT inlining budget, see VectorMath.SingleVectors.cs).
public static partial class VectorMath
{
    /// <summary>Below -25 ln 2, e^x - 1 rounds to -1 in float; clamping a little lower keeps k &gt;= -26 (2^(k-1) normal).</summary>
    private const float Expm1FloatLowestArgument = -17.5f;

    /// <summary>1.5 * 2^23 + 126: like <see cref="FloatRoundingShift"/>, but the low bits hold k + 126, the biased exponent of 2^(k-1).</summary>
    private const float FloatHalfScaleRoundingShift = 12583038f;

    // Q(r) = (e^r - 1 - r) / r^2, degree 5, float coefficients (the fit of docs/math-core.md with weight r^2 / (e^r - 1),
    // on [-0.3467, 0.3467]); the fit gives Q0 = 1/2 exactly, which the sum below uses.
    private const float Expm1FloatQ1 = 0.166666657f;     // 0x1.555554p-3
    private const float Expm1FloatQ2 = 0.0416664854f;    // 0x1.5554f4p-5
    private const float Expm1FloatQ3 = 0.00833357498f;   // 0x1.111318p-7
    private const float Expm1FloatQ4 = 0.00139329664f;   // 0x1.6d3e8ep-10
    private const float Expm1FloatQ5 = 0.000197352056f;  // 0x1.9de094p-13

    /// <summary>Up to this magnitude |k| &lt;= 24 (16.5 / ln 2 = 23.8): 2^k - 1 is an exact float, and the fast path needs no clamp,
    /// no half scale and no tiny-argument select.</summary>
    private const float Expm1FloatFastPathBound = 16.5f;

    /// <summary>2^-25: below it in magnitude e^x - 1 = x + x^2/2 + ... rounds to x.</summary>
    private const float Expm1FloatTinyBound = 2.98023224e-8f;

    /// <summary>e^x - 1 per float lane, within 1 ULP of the exact value; -1 below -17.33, +inf from 88.73, NaN kept, -0 kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> ExpMinusOneOfFloats(Vector128<float> x)
    {
        // The rare lanes beyond ±16.5 (and ±inf) take the out-of-line full-range form: the call in the loop also keeps
        // the JIT from hoisting every constant into a register (see the top of the file).
        if (Vector128.GreaterThanAny(Vector128.Abs(x), Vector128.Create(Expm1FloatFastPathBound)))
        {
            return ExpMinusOneOfFloatsWide(x);
        }

        // |x| <= 16.5 or NaN: |k| <= 24, so 2^k and 2^k - 1 are exact floats and nothing is halved.
        Vector128<float> shifted = MultiplyAdd(x, Vector128.Create(InverseLn2Single), Vector128.Create(FloatRoundingShift));
        Vector128<float> k = shifted - Vector128.Create(FloatRoundingShift);
        Vector128<float> r = ReduceByLn2(x, k, out Vector128<float> rLow);
        Vector128<float> rSquared = r * r;
        Vector128<float> scale = Vector128.ShiftLeft(shifted.AsInt32(), 23).AsSingle(); // 2^k

        // e^x - 1 = (scale - 1) + scale r + (scale / 2) r^2 + scale tail, the first three summed with their rounding
        // errors recovered (Fast2Sum twice; scale - 1 is exact) into low, which joins the small last term.
        Vector128<float> a = scale - Vector128.Create(1.0f);
        Vector128<float> sum = MultiplyAdd(scale, r, a); // scale r is exact
        Vector128<float> low = MultiplyAdd(scale, r, a - sum); // a - sum is exact, and so is the whole
        Vector128<float> square = (scale * Vector128.Create(0.5f)) * rSquared; // exact
        Vector128<float> total = sum + square;
        low += square - (total - sum); // exact: |sum| >= |square|
        Vector128<float> result = total + MultiplyAdd(scale, Expm1TailOfReduced(r, rSquared, rLow), low);
        return result | (x & Vector128.Create(-0.0f)); // e^-0 - 1 = -0 (the sums give +0); a negative x has a negative result anyway
    }

    /// <summary>The rare path of <see cref="ExpMinusOneOfFloats(Vector128{float})"/>: some lane beyond ±16.5 or infinite.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector128<float> ExpMinusOneOfFloatsWide(Vector128<float> x)
    {
        // The constant goes first: MinFast/MaxFast return the second operand when either is NaN.
        Vector128<float> clamped = MinFast(Vector128.Create(ExpFloatHighestArgument), MaxFast(Vector128.Create(Expm1FloatLowestArgument), x));
        Vector128<float> shifted = MultiplyAdd(clamped, Vector128.Create(InverseLn2Single), Vector128.Create(FloatHalfScaleRoundingShift));
        Vector128<float> k = shifted - Vector128.Create(FloatHalfScaleRoundingShift);
        Vector128<float> r = ReduceByLn2(clamped, k, out Vector128<float> rLow);
        Vector128<float> rSquared = r * r;
        Vector128<float> half = Vector128.ShiftLeft(shifted.AsInt32(), 23).AsSingle(); // 2^(k-1), k in [-26, 128]

        // (e^x - 1) / 2 = (half - 1/2) + half r + (half / 2) r^2 + half tail, the first three summed with their
        // rounding errors recovered (TwoSum, then Fast2Sum twice) into low, which joins the small last term.
        Vector128<float> oneHalf = Vector128.Create(0.5f);
        Vector128<float> a = half - oneHalf;
        Vector128<float> aRounding = a - half;
        Vector128<float> low = (half - (a - aRounding)) - (oneHalf + aRounding);
        Vector128<float> sum = MultiplyAdd(half, r, a); // half r is exact
        low += MultiplyAdd(half, r, a - sum); // a - sum is exact, and so is the whole
        Vector128<float> square = (half * oneHalf) * rSquared; // exact
        Vector128<float> total = sum + square;
        low += square - (total - sum); // exact: |sum| >= |square|
        Vector128<float> halfResult = total + MultiplyAdd(half, Expm1TailOfReduced(r, rSquared, rLow), low);
        return Vector128.ConditionalSelect(Vector128.LessThan(Vector128.Abs(x), Vector128.Create(Expm1FloatTinyBound)), x, halfResult + halfResult);
    }

    /// <summary>e^r - 1 - r - r^2/2 = r^3 Q'(r), Q'(r) = (Q(r) - 1/2) / r (Q is accurate to 2^-31 relative to e^r - 1), with the
    /// reduction's rounding error <paramref name="rLow"/> added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Expm1TailOfReduced(Vector128<float> r, Vector128<float> rSquared, Vector128<float> rLow)
    {
        Vector128<float> q = MultiplyAdd(Vector128.Create(Expm1FloatQ5), r, Vector128.Create(Expm1FloatQ4));
        q = MultiplyAdd(q, r, Vector128.Create(Expm1FloatQ3));
        q = MultiplyAdd(q, r, Vector128.Create(Expm1FloatQ2));
        q = MultiplyAdd(q, r, Vector128.Create(Expm1FloatQ1));
        return MultiplyAdd(rSquared * r, q, rLow);
    }

    /// <summary>e^x - 1 per float lane, within 1 ULP of the exact value; -1 below -17.33, +inf from 88.73, NaN kept, -0 kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ExpMinusOneOfFloats(Vector256<float> x)
    {
        // The rare lanes beyond ±16.5 (and ±inf) take the out-of-line full-range form: the call in the loop also keeps
        // the JIT from hoisting every constant into a register (see the top of the file).
        if (Vector256.GreaterThanAny(Vector256.Abs(x), Vector256.Create(Expm1FloatFastPathBound)))
        {
            return ExpMinusOneOfFloatsWide(x);
        }

        // |x| <= 16.5 or NaN: |k| <= 24, so 2^k and 2^k - 1 are exact floats and nothing is halved.
        Vector256<float> shifted = MultiplyAdd(x, Vector256.Create(InverseLn2Single), Vector256.Create(FloatRoundingShift));
        Vector256<float> k = shifted - Vector256.Create(FloatRoundingShift);
        Vector256<float> r = ReduceByLn2(x, k, out Vector256<float> rLow);
        Vector256<float> rSquared = r * r;
        Vector256<float> scale = Vector256.ShiftLeft(shifted.AsInt32(), 23).AsSingle(); // 2^k

        // e^x - 1 = (scale - 1) + scale r + (scale / 2) r^2 + scale tail, the first three summed with their rounding
        // errors recovered (Fast2Sum twice; scale - 1 is exact) into low, which joins the small last term.
        Vector256<float> a = scale - Vector256.Create(1.0f);
        Vector256<float> sum = MultiplyAdd(scale, r, a); // scale r is exact
        Vector256<float> low = MultiplyAdd(scale, r, a - sum); // a - sum is exact, and so is the whole
        Vector256<float> square = (scale * Vector256.Create(0.5f)) * rSquared; // exact
        Vector256<float> total = sum + square;
        low += square - (total - sum); // exact: |sum| >= |square|
        Vector256<float> result = total + MultiplyAdd(scale, Expm1TailOfReduced(r, rSquared, rLow), low);
        return result | (x & Vector256.Create(-0.0f)); // e^-0 - 1 = -0 (the sums give +0); a negative x has a negative result anyway
    }

    /// <summary>The rare path of <see cref="ExpMinusOneOfFloats(Vector256{float})"/>: some lane beyond ±16.5 or infinite.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<float> ExpMinusOneOfFloatsWide(Vector256<float> x)
    {
        // The constant goes first: MinFast/MaxFast return the second operand when either is NaN.
        Vector256<float> clamped = MinFast(Vector256.Create(ExpFloatHighestArgument), MaxFast(Vector256.Create(Expm1FloatLowestArgument), x));
        Vector256<float> shifted = MultiplyAdd(clamped, Vector256.Create(InverseLn2Single), Vector256.Create(FloatHalfScaleRoundingShift));
        Vector256<float> k = shifted - Vector256.Create(FloatHalfScaleRoundingShift);
        Vector256<float> r = ReduceByLn2(clamped, k, out Vector256<float> rLow);
        Vector256<float> rSquared = r * r;
        Vector256<float> half = Vector256.ShiftLeft(shifted.AsInt32(), 23).AsSingle(); // 2^(k-1), k in [-26, 128]

        // (e^x - 1) / 2 = (half - 1/2) + half r + (half / 2) r^2 + half tail, the first three summed with their
        // rounding errors recovered (TwoSum, then Fast2Sum twice) into low, which joins the small last term.
        Vector256<float> oneHalf = Vector256.Create(0.5f);
        Vector256<float> a = half - oneHalf;
        Vector256<float> aRounding = a - half;
        Vector256<float> low = (half - (a - aRounding)) - (oneHalf + aRounding);
        Vector256<float> sum = MultiplyAdd(half, r, a); // half r is exact
        low += MultiplyAdd(half, r, a - sum); // a - sum is exact, and so is the whole
        Vector256<float> square = (half * oneHalf) * rSquared; // exact
        Vector256<float> total = sum + square;
        low += square - (total - sum); // exact: |sum| >= |square|
        Vector256<float> halfResult = total + MultiplyAdd(half, Expm1TailOfReduced(r, rSquared, rLow), low);
        return Vector256.ConditionalSelect(Vector256.LessThan(Vector256.Abs(x), Vector256.Create(Expm1FloatTinyBound)), x, halfResult + halfResult);
    }

    /// <summary>e^r - 1 - r - r^2/2 = r^3 Q'(r), Q'(r) = (Q(r) - 1/2) / r (Q is accurate to 2^-31 relative to e^r - 1), with the
    /// reduction's rounding error <paramref name="rLow"/> added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Expm1TailOfReduced(Vector256<float> r, Vector256<float> rSquared, Vector256<float> rLow)
    {
        Vector256<float> q = MultiplyAdd(Vector256.Create(Expm1FloatQ5), r, Vector256.Create(Expm1FloatQ4));
        q = MultiplyAdd(q, r, Vector256.Create(Expm1FloatQ3));
        q = MultiplyAdd(q, r, Vector256.Create(Expm1FloatQ2));
        q = MultiplyAdd(q, r, Vector256.Create(Expm1FloatQ1));
        return MultiplyAdd(rSquared * r, q, rLow);
    }

    /// <summary>e^x - 1 per float lane, within 1 ULP of the exact value; -1 below -17.33, +inf from 88.73, NaN kept, -0 kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ExpMinusOneOfFloats(Vector512<float> x)
    {
        // The rare lanes beyond ±16.5 (and ±inf) take the out-of-line full-range form: the call in the loop also keeps
        // the JIT from hoisting every constant into a register (see the top of the file).
        if (Vector512.GreaterThanAny(Vector512.Abs(x), Vector512.Create(Expm1FloatFastPathBound)))
        {
            return ExpMinusOneOfFloatsWide(x);
        }

        // |x| <= 16.5 or NaN: |k| <= 24, so 2^k and 2^k - 1 are exact floats and nothing is halved.
        Vector512<float> shifted = MultiplyAdd(x, Vector512.Create(InverseLn2Single), Vector512.Create(FloatRoundingShift));
        Vector512<float> k = shifted - Vector512.Create(FloatRoundingShift);
        Vector512<float> r = ReduceByLn2(x, k, out Vector512<float> rLow);
        Vector512<float> rSquared = r * r;
        Vector512<float> scale = Vector512.ShiftLeft(shifted.AsInt32(), 23).AsSingle(); // 2^k

        // e^x - 1 = (scale - 1) + scale r + (scale / 2) r^2 + scale tail, the first three summed with their rounding
        // errors recovered (Fast2Sum twice; scale - 1 is exact) into low, which joins the small last term.
        Vector512<float> a = scale - Vector512.Create(1.0f);
        Vector512<float> sum = MultiplyAdd(scale, r, a); // scale r is exact
        Vector512<float> low = MultiplyAdd(scale, r, a - sum); // a - sum is exact, and so is the whole
        Vector512<float> square = (scale * Vector512.Create(0.5f)) * rSquared; // exact
        Vector512<float> total = sum + square;
        low += square - (total - sum); // exact: |sum| >= |square|
        Vector512<float> result = total + MultiplyAdd(scale, Expm1TailOfReduced(r, rSquared, rLow), low);
        return result | (x & Vector512.Create(-0.0f)); // e^-0 - 1 = -0 (the sums give +0); a negative x has a negative result anyway
    }

    /// <summary>The rare path of <see cref="ExpMinusOneOfFloats(Vector512{float})"/>: some lane beyond ±16.5 or infinite.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<float> ExpMinusOneOfFloatsWide(Vector512<float> x)
    {
        // The constant goes first: MinFast/MaxFast return the second operand when either is NaN.
        Vector512<float> clamped = MinFast(Vector512.Create(ExpFloatHighestArgument), MaxFast(Vector512.Create(Expm1FloatLowestArgument), x));
        Vector512<float> shifted = MultiplyAdd(clamped, Vector512.Create(InverseLn2Single), Vector512.Create(FloatHalfScaleRoundingShift));
        Vector512<float> k = shifted - Vector512.Create(FloatHalfScaleRoundingShift);
        Vector512<float> r = ReduceByLn2(clamped, k, out Vector512<float> rLow);
        Vector512<float> rSquared = r * r;
        Vector512<float> half = Vector512.ShiftLeft(shifted.AsInt32(), 23).AsSingle(); // 2^(k-1), k in [-26, 128]

        // (e^x - 1) / 2 = (half - 1/2) + half r + (half / 2) r^2 + half tail, the first three summed with their
        // rounding errors recovered (TwoSum, then Fast2Sum twice) into low, which joins the small last term.
        Vector512<float> oneHalf = Vector512.Create(0.5f);
        Vector512<float> a = half - oneHalf;
        Vector512<float> aRounding = a - half;
        Vector512<float> low = (half - (a - aRounding)) - (oneHalf + aRounding);
        Vector512<float> sum = MultiplyAdd(half, r, a); // half r is exact
        low += MultiplyAdd(half, r, a - sum); // a - sum is exact, and so is the whole
        Vector512<float> square = (half * oneHalf) * rSquared; // exact
        Vector512<float> total = sum + square;
        low += square - (total - sum); // exact: |sum| >= |square|
        Vector512<float> halfResult = total + MultiplyAdd(half, Expm1TailOfReduced(r, rSquared, rLow), low);
        return Vector512.ConditionalSelect(Vector512.LessThan(Vector512.Abs(x), Vector512.Create(Expm1FloatTinyBound)), x, halfResult + halfResult);
    }

    /// <summary>e^r - 1 - r - r^2/2 = r^3 Q'(r), Q'(r) = (Q(r) - 1/2) / r (Q is accurate to 2^-31 relative to e^r - 1), with the
    /// reduction's rounding error <paramref name="rLow"/> added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Expm1TailOfReduced(Vector512<float> r, Vector512<float> rSquared, Vector512<float> rLow)
    {
        Vector512<float> q = MultiplyAdd(Vector512.Create(Expm1FloatQ5), r, Vector512.Create(Expm1FloatQ4));
        q = MultiplyAdd(q, r, Vector512.Create(Expm1FloatQ3));
        q = MultiplyAdd(q, r, Vector512.Create(Expm1FloatQ2));
        q = MultiplyAdd(q, r, Vector512.Create(Expm1FloatQ1));
        return MultiplyAdd(rSquared * r, q, rLow);
    }
}
