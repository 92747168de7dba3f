using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

// mish(x) = x tanh(softplus(x)) of float vectors in float lanes, within 0.72 ULP of the exact value (measured over every
// float). With e = e^-|x|, tanh(log(1 + e^x)) is N / D with N = 1 + 2e, D = N + 2e² for x >= 0 and N = 2e + e²,
// D = N + 2 below (one exponential, no overflow). Done naively in float that rounds five or six times (3.7 ULP measured);
// here every piece is an unevaluated float sum: e = eh + el (the float exp's own terms, about 2^-26 relative), e² by an
// exact FMA product, N and D by Fast2Sum with the bigger term first (1 or 2e for N, N or 2 for D), and the quotient
// q = nh (1 / dh) is corrected once by the residual nh - q dh (one FMA, exact to far below a float ULP) and the low
// parts: t = q + (nh - q dh + nl - q dl) / dh. Only the last FMA, x q + x (t - q), rounds the result.
// Two details keep that one rounding honest: x is scaled by 2^64 first (|x| <= 80 here, so no overflow) and the result
// scaled back, because for |x| below about 2^-100 the correction x (t - q) would otherwise underflow; and the sign of x is
// put back on the result, because x = -0 gives -0 · q + (+0) = +0 when the correction is negative.
// The selects use the sign bit of x (blendv), so -0 takes the x < 0 formulas, which give the same 3/5 at e = 1.
// Fast path when every lane has |x| <= 80 (e normal with room for its low part; results normal unless x is tiny) and
// the hardware fuses; else the lanes are widened to double and computed with the float-accuracy double exp (rare
// inputs, or no FMA). Written out per width for the JIT's inlining budget (see VectorMath.SingleVectors.cs).
public static partial class VectorMath
{
    /// <summary>Below this magnitude e^-|x| and its low part stay clear of float's subnormals, and so do the results of mish(x) for |x| &gt;= 2^-100.</summary>
    private const float MishFloatFastPathBound = 80f;

    /// <summary>2^64: x times this keeps the correction term of mish above float's subnormals for every x (|x| &lt;= 80 on the fast path).</summary>
    private const float MishFloatScale = 18446744073709551616f;

    /// <summary>2^-64, undoing <see cref="MishFloatScale"/> (exact for normal results, one rounding for subnormal ones).</summary>
    private const float MishFloatUnscale = 5.42101086242752217e-20f;

    /// <summary>
    /// mish(x) = x tanh(softplus(x)) = x tanh(log(1 + e^x)), with one exponential <c>t = e^-|x|</c>: x (1 + 2t) / (1 + 2t
    /// (1 + t)) for x &gt;= 0 and x t (t + 2) / (t (t + 2) + 2) below (no overflow), with t, both sides of the quotient and
    /// the product as pairs of doubles, rounded once: within 1 ULP where the hardware fuses multiply-adds (3 without);
    /// below -708, x e^x rounded once into the subnormals, with x clamped at -10⁴ so that -∞ gives 0.
    /// </summary>
    /// <param name="x">The argument.</param>
    /// <returns>mish(<paramref name="x"/>); NaN for NaN, -0 for -∞ and -0, ∞ for ∞.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Mish(double x) => MishDouble<double, ScalarDoubleLanes>(x);

    /// <summary>mish(x) = x tanh(softplus(x)) of a float, within 1 ULP (computed in double, rounded once).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>mish(<paramref name="x"/>).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Mish(float x) => (float)MishForSingle((double)x);

    // In double with the float-accuracy exp (relative error far below a float ULP), for results rounded to float. -10³⁰
    // stands in for -∞ (whose tanh(softplus) is 0) so that mish(-∞) = -0.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double MishForSingle(double x)
    {
        double e = ExpForSingle(-System.Math.Abs(x));
        double factor = x < -1e30 ? -1e30 : x;
        return x >= 0.0 ? factor * (1.0 + (2.0 * e)) / (1.0 + (2.0 * e * (1.0 + e))) : factor * (e * (e + 2.0)) / ((e * (e + 2.0)) + 2.0);
    }

    /// <summary>mish(x) = x tanh(softplus(x)) per float lane, within 1 ULP (0.72 ULP from the exact value at most).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>mish of each element; NaN for NaN, -0 for -∞ and -0, ∞ for ∞.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Mish(Vector128<float> x)
    {
        if (!Fma.IsSupported)
        {
            return MishInDouble(x);
        }

        // As MultiplyBySigmoid: the check after the arithmetic, the rare lanes' results through an operation the JIT drops.
        Vector128<float> negativeMagnitude = x | Vector128.Create(-0f);
        Vector128<float> result = MishFast(x, negativeMagnitude);
        if (Vector128.LessThanAny(negativeMagnitude, Vector128.Create(-MishFloatFastPathBound)))
        {
            result = MishRareLanes(x, result) - Vector128<float>.Zero;
        }

        return result;
    }

    // One straight-line body (no tuple or out values, which the JIT keeps in memory across the unrolled loop).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> MishFast(Vector128<float> x, Vector128<float> m)
    {
        // e = e^m = (high + low) * 2^k, m = -|x| in [-80, 0] (NaN propagates through the arithmetic): the float exp's
        // reduction and polynomial, with the two roundings of 1 + r + t kept (Fast2Sum twice: |r| > |t|, 1 > |r + t|).
        Vector128<float> shifted = MultiplyAdd(m, Vector128.Create(InverseLn2Single), Vector128.Create(FloatRoundingShift));
        Vector128<float> k = shifted - Vector128.Create(FloatRoundingShift);
        Vector128<float> scale = Vector128.ShiftLeft(shifted.AsInt32(), 23).AsSingle();
        Vector128<float> rHigh = MultiplyAdd(k, Vector128.Create(-Ln2HighSingle), m);
        Vector128<float> r = MultiplyAdd(k, Vector128.Create(-Ln2LowSingle), rHigh);
        Vector128<float> t = ExpTailOfReduced(r, MultiplyAdd(k, Vector128.Create(-Ln2LowSingle), rHigh - r));
        Vector128<float> one = Vector128<float>.One;
        Vector128<float> sum = r + t;
        Vector128<float> high = one + sum;
        Vector128<float> low = (sum - (high - one)) + (t - (sum - r));
        Vector128<float> eh = high * scale; // exact, as is el: scale is a normal power of two
        Vector128<float> el = low * scale;

        // e² = sh + sl (exact product, plus 2 eh el). Blends on the sign bit of x pick x < 0 (-0 included).
        Vector128<float> twoE = eh + eh;
        Vector128<float> sh = eh * eh;
        Vector128<float> sl = Fma.MultiplyAdd(twoE, el, Fma.MultiplySubtract(eh, eh, sh));
        Vector128<float> zero = Vector128<float>.Zero;

        // N = 1 + 2e for x >= 0, 2e + e² below: Fast2Sum with the bigger term first (1 is a multiple of ulp(2e) when 2e > 1).
        Vector128<float> nBig = Sse41.BlendVariable(one, twoE, x);
        Vector128<float> nSmall = Sse41.BlendVariable(twoE, sh, x);
        Vector128<float> nh = nBig + nSmall;
        Vector128<float> nl = ((nBig - nh) + nSmall) + ((el + el) + Sse41.BlendVariable(zero, sl, x));

        // D = N + 2e² for x >= 0 (N >= 2e²), 2 + N below (N <= 3, and D - 2 is exact).
        Vector128<float> dBig = Sse41.BlendVariable(nh, Vector128.Create(2f), x);
        Vector128<float> dSmall = Sse41.BlendVariable(sh + sh, nh, x);
        Vector128<float> dh = dBig + dSmall;
        Vector128<float> dl = ((dBig - dh) + dSmall) + (nl + Sse41.BlendVariable(sl + sl, zero, x));

        Vector128<float> reciprocal = one / dh;
        Vector128<float> q = nh * reciprocal;
        Vector128<float> residual = Fma.MultiplyAddNegated(q, dh, nh) + (nl - (q * dl));
        Vector128<float> scaled = x * Vector128.Create(MishFloatScale);
        Vector128<float> result = Fma.MultiplyAdd(scaled, q, scaled * (residual * reciprocal)) * Vector128.Create(MishFloatUnscale);
        return result | (x & Vector128.Create(-0f));
    }

    // The rare lanes beyond ±80, or hardware without FMA: mish in double, rounded once.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector128<float> MishInDouble(Vector128<float> x) => MishWidened(x);

    // The same, inlined into MishRareLanes: a call from there cost up to 30% more on inputs that take the rare path.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> MishWidened(Vector128<float> x)
    {
        (Vector128<double> lower, Vector128<double> upper) = Vector128.Widen(x);
        return Vector128.Narrow(MishForSingle(lower), MishForSingle(upper));
    }

    // The lanes beyond ±80 (or infinite) from the double path, the others' fast results kept: an element's result never
    // depends on the other elements in its vector.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector128<float> MishRareLanes(Vector128<float> x, Vector128<float> fast) =>
        Vector128.ConditionalSelect(Vector128.LessThan(x | Vector128.Create(-0f), Vector128.Create(-MishFloatFastPathBound)), MishWidened(x), fast);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> MishForSingle(Vector128<double> x)
    {
        Vector128<double> e = ExpForSingle(-Vector128.Abs(x));
        Vector128<double> two = Vector128.Create(2.0);
        Vector128<double> positive = Vector128.GreaterThanOrEqual(x, Vector128<double>.Zero);
        Vector128<double> factor = Vector128.ConditionalSelect(Vector128.LessThan(x, Vector128.Create(-1e30)), Vector128.Create(-1e30), x);
        Vector128<double> n = Vector128.ConditionalSelect(positive, Vector128<double>.One + (two * e), e * (e + two));
        Vector128<double> d = Vector128.ConditionalSelect(positive, Vector128<double>.One + (two * e * (Vector128<double>.One + e)), n + two);
        return factor * n / d;
    }

    /// <summary>mish(x) = x tanh(softplus(x)) per float lane, within 1 ULP (0.72 ULP from the exact value at most).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>mish of each element; NaN for NaN, -0 for -∞ and -0, ∞ for ∞.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Mish(Vector256<float> x)
    {
        if (!Fma.IsSupported)
        {
            return MishInDouble(x);
        }

        // As MultiplyBySigmoid: the check after the arithmetic, the rare lanes' results through an operation the JIT drops.
        Vector256<float> negativeMagnitude = x | Vector256.Create(-0f);
        Vector256<float> result = MishFast(x, negativeMagnitude);
        if (Vector256.LessThanAny(negativeMagnitude, Vector256.Create(-MishFloatFastPathBound)))
        {
            result = MishRareLanes(x, result) - Vector256<float>.Zero;
        }

        return result;
    }

    // One straight-line body (no tuple or out values, which the JIT keeps in memory across the unrolled loop).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> MishFast(Vector256<float> x, Vector256<float> m)
    {
        // e = e^m = (high + low) * 2^k, m = -|x| in [-80, 0] (NaN propagates through the arithmetic): the float exp's
        // reduction and polynomial, with the two roundings of 1 + r + t kept (Fast2Sum twice: |r| > |t|, 1 > |r + t|).
        Vector256<float> shifted = MultiplyAdd(m, Vector256.Create(InverseLn2Single), Vector256.Create(FloatRoundingShift));
        Vector256<float> k = shifted - Vector256.Create(FloatRoundingShift);
        Vector256<float> scale = Vector256.ShiftLeft(shifted.AsInt32(), 23).AsSingle();
        Vector256<float> rHigh = MultiplyAdd(k, Vector256.Create(-Ln2HighSingle), m);
        Vector256<float> r = MultiplyAdd(k, Vector256.Create(-Ln2LowSingle), rHigh);
        Vector256<float> t = ExpTailOfReduced(r, MultiplyAdd(k, Vector256.Create(-Ln2LowSingle), rHigh - r));
        Vector256<float> one = Vector256<float>.One;
        Vector256<float> sum = r + t;
        Vector256<float> high = one + sum;
        Vector256<float> low = (sum - (high - one)) + (t - (sum - r));
        Vector256<float> eh = high * scale; // exact, as is el: scale is a normal power of two
        Vector256<float> el = low * scale;

        // e² = sh + sl (exact product, plus 2 eh el). Blends on the sign bit of x pick x < 0 (-0 included).
        Vector256<float> twoE = eh + eh;
        Vector256<float> sh = eh * eh;
        Vector256<float> sl = Fma.MultiplyAdd(twoE, el, Fma.MultiplySubtract(eh, eh, sh));
        Vector256<float> zero = Vector256<float>.Zero;

        // N = 1 + 2e for x >= 0, 2e + e² below: Fast2Sum with the bigger term first (1 is a multiple of ulp(2e) when 2e > 1).
        Vector256<float> nBig = Avx.BlendVariable(one, twoE, x);
        Vector256<float> nSmall = Avx.BlendVariable(twoE, sh, x);
        Vector256<float> nh = nBig + nSmall;
        Vector256<float> nl = ((nBig - nh) + nSmall) + ((el + el) + Avx.BlendVariable(zero, sl, x));

        // D = N + 2e² for x >= 0 (N >= 2e²), 2 + N below (N <= 3, and D - 2 is exact).
        Vector256<float> dBig = Avx.BlendVariable(nh, Vector256.Create(2f), x);
        Vector256<float> dSmall = Avx.BlendVariable(sh + sh, nh, x);
        Vector256<float> dh = dBig + dSmall;
        Vector256<float> dl = ((dBig - dh) + dSmall) + (nl + Avx.BlendVariable(sl + sl, zero, x));

        Vector256<float> reciprocal = one / dh;
        Vector256<float> q = nh * reciprocal;
        Vector256<float> residual = Fma.MultiplyAddNegated(q, dh, nh) + (nl - (q * dl));
        Vector256<float> scaled = x * Vector256.Create(MishFloatScale);
        Vector256<float> result = Fma.MultiplyAdd(scaled, q, scaled * (residual * reciprocal)) * Vector256.Create(MishFloatUnscale);
        return result | (x & Vector256.Create(-0f));
    }

    // The rare lanes beyond ±80, or hardware without FMA: mish in double, rounded once.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<float> MishInDouble(Vector256<float> x) => MishWidened(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> MishWidened(Vector256<float> x)
    {
        (Vector256<double> lower, Vector256<double> upper) = Vector256.Widen(x);
        return Vector256.Narrow(MishForSingle(lower), MishForSingle(upper));
    }

    // The lanes beyond ±80 (or infinite) from the double path, the others' fast results kept: an element's result never
    // depends on the other elements in its vector.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<float> MishRareLanes(Vector256<float> x, Vector256<float> fast) =>
        Vector256.ConditionalSelect(Vector256.LessThan(x | Vector256.Create(-0f), Vector256.Create(-MishFloatFastPathBound)), MishWidened(x), fast);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> MishForSingle(Vector256<double> x)
    {
        Vector256<double> e = ExpForSingle(-Vector256.Abs(x));
        Vector256<double> two = Vector256.Create(2.0);
        Vector256<double> positive = Vector256.GreaterThanOrEqual(x, Vector256<double>.Zero);
        Vector256<double> factor = Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256.Create(-1e30)), Vector256.Create(-1e30), x);
        Vector256<double> n = Vector256.ConditionalSelect(positive, Vector256<double>.One + (two * e), e * (e + two));
        Vector256<double> d = Vector256.ConditionalSelect(positive, Vector256<double>.One + (two * e * (Vector256<double>.One + e)), n + two);
        return factor * n / d;
    }

    /// <summary>mish(x) = x tanh(softplus(x)) per float lane, within 1 ULP (0.72 ULP from the exact value at most).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>mish of each element; NaN for NaN, -0 for -∞ and -0, ∞ for ∞.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Mish(Vector512<float> x)
    {
        if (!Avx512F.IsSupported)
        {
            return MishInDouble(x);
        }

        // As MultiplyBySigmoid: the check after the arithmetic, the rare lanes' results through an operation the JIT drops.
        Vector512<float> negativeMagnitude = x | Vector512.Create(-0f);
        Vector512<float> result = MishFast(x, negativeMagnitude);
        if (Vector512.LessThanAny(negativeMagnitude, Vector512.Create(-MishFloatFastPathBound)))
        {
            result = MishRareLanes(x, result) - Vector512<float>.Zero;
        }

        return result;
    }

    // One straight-line body (no tuple or out values, which the JIT keeps in memory across the unrolled loop).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> MishFast(Vector512<float> x, Vector512<float> m)
    {
        // e = e^m = (high + low) * 2^k, m = -|x| in [-80, 0] (NaN propagates through the arithmetic): the float exp's
        // reduction and polynomial, with the two roundings of 1 + r + t kept (Fast2Sum twice: |r| > |t|, 1 > |r + t|).
        Vector512<float> shifted = MultiplyAdd(m, Vector512.Create(InverseLn2Single), Vector512.Create(FloatRoundingShift));
        Vector512<float> k = shifted - Vector512.Create(FloatRoundingShift);
        Vector512<float> scale = Vector512.ShiftLeft(shifted.AsInt32(), 23).AsSingle();
        Vector512<float> rHigh = MultiplyAdd(k, Vector512.Create(-Ln2HighSingle), m);
        Vector512<float> r = MultiplyAdd(k, Vector512.Create(-Ln2LowSingle), rHigh);
        Vector512<float> t = ExpTailOfReduced(r, MultiplyAdd(k, Vector512.Create(-Ln2LowSingle), rHigh - r));
        Vector512<float> one = Vector512<float>.One;
        Vector512<float> sum = r + t;
        Vector512<float> high = one + sum;
        Vector512<float> low = (sum - (high - one)) + (t - (sum - r));
        Vector512<float> eh = high * scale; // exact, as is el: scale is a normal power of two
        Vector512<float> el = low * scale;

        // e² = sh + sl (exact product, plus 2 eh el). Selects on the sign bit of x pick x < 0 (-0 included).
        Vector512<float> negative = Vector512.ShiftRightArithmetic(x.AsInt32(), 31).AsSingle();
        Vector512<float> twoE = eh + eh;
        Vector512<float> sh = eh * eh;
        Vector512<float> sl = Avx512F.FusedMultiplyAdd(twoE, el, Avx512F.FusedMultiplySubtract(eh, eh, sh));

        // N = 1 + 2e for x >= 0, 2e + e² below: Fast2Sum with the bigger term first (1 is a multiple of ulp(2e) when 2e > 1).
        Vector512<float> nBig = Vector512.ConditionalSelect(negative, twoE, one);
        Vector512<float> nSmall = Vector512.ConditionalSelect(negative, sh, twoE);
        Vector512<float> nh = nBig + nSmall;
        Vector512<float> nl = ((nBig - nh) + nSmall) + ((el + el) + (sl & negative));

        // D = N + 2e² for x >= 0 (N >= 2e²), 2 + N below (N <= 3, and D - 2 is exact).
        Vector512<float> dBig = Vector512.ConditionalSelect(negative, Vector512.Create(2f), nh);
        Vector512<float> dSmall = Vector512.ConditionalSelect(negative, nh, sh + sh);
        Vector512<float> dh = dBig + dSmall;
        Vector512<float> dl = ((dBig - dh) + dSmall) + (nl + Vector512.AndNot(sl + sl, negative));

        // With AVX-512 the 14-bit reciprocal estimate stands in for 1 / dh (no division): q is then within 2^-14 of nh / dh
        // and the residual about 2^-14 of nh, so residual · reciprocal leaves 2^-28 of the result (at most 1/16 ULP).
        Vector512<float> reciprocal = Avx512F.Reciprocal14(dh);
        Vector512<float> q = nh * reciprocal;
        Vector512<float> residual = Avx512F.FusedMultiplyAddNegated(q, dh, nh) + (nl - (q * dl));
        Vector512<float> scaled = x * Vector512.Create(MishFloatScale);
        Vector512<float> result = Avx512F.FusedMultiplyAdd(scaled, q, scaled * (residual * reciprocal)) * Vector512.Create(MishFloatUnscale);
        return result | (x & Vector512.Create(-0f));
    }

    // The rare lanes beyond ±80, or hardware without AVX-512: mish in double, rounded once.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<float> MishInDouble(Vector512<float> x) => MishWidened(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> MishWidened(Vector512<float> x)
    {
        (Vector512<double> lower, Vector512<double> upper) = Vector512.Widen(x);
        return Vector512.Narrow(MishForSingle(lower), MishForSingle(upper));
    }

    // The lanes beyond ±80 (or infinite) from the double path, the others' fast results kept: an element's result never
    // depends on the other elements in its vector.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<float> MishRareLanes(Vector512<float> x, Vector512<float> fast) =>
        Vector512.ConditionalSelect(Vector512.LessThan(x | Vector512.Create(-0f), Vector512.Create(-MishFloatFastPathBound)), MishWidened(x), fast);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> MishForSingle(Vector512<double> x)
    {
        Vector512<double> e = ExpForSingle(-Vector512.Abs(x));
        Vector512<double> two = Vector512.Create(2.0);
        Vector512<double> positive = Vector512.GreaterThanOrEqual(x, Vector512<double>.Zero);
        Vector512<double> factor = Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512.Create(-1e30)), Vector512.Create(-1e30), x);
        Vector512<double> n = Vector512.ConditionalSelect(positive, Vector512<double>.One + (two * e), e * (e + two));
        Vector512<double> d = Vector512.ConditionalSelect(positive, Vector512<double>.One + (two * e * (Vector512<double>.One + e)), n + two);
        return factor * n / d;
    }
}
