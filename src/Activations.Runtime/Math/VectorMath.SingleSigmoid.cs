using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

// The logistic sigmoid 1 / (1 + e^-x) of float vectors in float lanes, within 0.68 ULP of the exact value (measured
// over every float), and a · sigmoid(x) with the product rounded once (silu: 0.66 ULP).
// Done naively (e = e^-|x|, then (x >= 0 ? 1 : e) / (1 + e)) float rounds three times, and measured over every
// float that reaches 2.4 ULP: where e/(1 + e) falls just below a power of two, one ULP of e is two of the result.
// Here e^-|x| is kept as an unevaluated sum eh + el (the float exp's terms: 2^-25.9 relative at worst, measured over [-80, 0]), 1 + e as dh + dl (Fast2Sum,
// exact), and the quotient q = n / dh is corrected once by the exact residual n - q dh (one FMA) and the low parts:
// s = q + (n - q dh + nl - q dl) / d, where 1/d is q itself for x >= 0 (n = 1) and 1 - q for x < 0: the correction
// is tiny, so its own relative error does not matter. Only the last FMA, a · q + a · correction, rounds the result.
// Fast path when every lane has |x| <= 80 (e^-|x| normal with room for its low part) and the hardware fuses; else
// the lanes are widened to double and computed with the float-accuracy double exp (rare inputs, or no FMA).
// Written out per width for the JIT's inlining budget (see VectorMath.SingleVectors.cs).
public static partial class VectorMath
{
    /// <summary>Below this magnitude e^-|x| and its low part stay clear of float's subnormals.</summary>
    private const float SigmoidFloatFastPathBound = 80f;

    /// <summary>The logistic sigmoid 1 / (1 + e^-x), without overflow for any x: e^-|x| only, divided once.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>sigmoid(<paramref name="x"/>), in [0, 1]; NaN for NaN.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sigmoid(double x) => (x >= 0.0 ? 1.0 : Exp(-System.Math.Abs(x))) / (1.0 + Exp(-System.Math.Abs(x)));

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
        if (!Fma.IsSupported || Vector128.GreaterThanAny(Vector128.Abs(x), Vector128.Create(SigmoidFloatFastPathBound)))
        {
            return SigmoidInDouble(a, x);
        }

        return MultiplyBySigmoidFast(a, x);
    }

    // Written as one straight-line body (no tuple or out values, which the JIT keeps in memory across the unrolled loop).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> MultiplyBySigmoidFast(Vector128<float> a, Vector128<float> x)
    {
        // e = e^m = (high + low) * 2^k, m = -|x| in [-80, 0] (NaN propagates through the arithmetic): the float exp's
        // reduction and polynomial, with the two roundings of 1 + r + t kept (Fast2Sum twice: |r| > |t|, 1 > |r + t|).
        Vector128<float> m = -Vector128.Abs(x);
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

        Vector128<float> dh = one + eh;
        Vector128<float> dl = ((one - dh) + eh) + el;
        Vector128<float> positive = Vector128.GreaterThanOrEqual(x, Vector128<float>.Zero);
        Vector128<float> nh = Vector128.ConditionalSelect(positive, one, eh);
        Vector128<float> q = nh / dh;
        Vector128<float> residual = Fma.MultiplyAdd(-q, dh, nh) + (Vector128.AndNot(el, positive) - (q * dl));
        Vector128<float> reciprocal = Vector128.ConditionalSelect(positive, q, one - q);
        return Fma.MultiplyAdd(a, q, a * (residual * reciprocal));
    }

    // The rare lanes beyond ±80, or hardware without FMA: a · sigmoid(x) in double, rounded once.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector128<float> SigmoidInDouble(Vector128<float> a, Vector128<float> x)
    {
        (Vector128<double> lower, Vector128<double> upper) = Vector128.Widen(x);
        (Vector128<double> aLower, Vector128<double> aUpper) = Vector128.Widen(a);
        return Vector128.Narrow(aLower * SigmoidForSingle(lower), aUpper * SigmoidForSingle(upper));
    }

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
        if (!Fma.IsSupported || Vector256.GreaterThanAny(Vector256.Abs(x), Vector256.Create(SigmoidFloatFastPathBound)))
        {
            return SigmoidInDouble(a, x);
        }

        return MultiplyBySigmoidFast(a, x);
    }

    // Written as one straight-line body (no tuple or out values, which the JIT keeps in memory across the unrolled loop).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> MultiplyBySigmoidFast(Vector256<float> a, Vector256<float> x)
    {
        // e = e^m = (high + low) * 2^k, m = -|x| in [-80, 0] (NaN propagates through the arithmetic): the float exp's
        // reduction and polynomial, with the two roundings of 1 + r + t kept (Fast2Sum twice: |r| > |t|, 1 > |r + t|).
        Vector256<float> m = -Vector256.Abs(x);
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

        Vector256<float> dh = one + eh;
        Vector256<float> dl = ((one - dh) + eh) + el;
        Vector256<float> positive = Vector256.GreaterThanOrEqual(x, Vector256<float>.Zero);
        Vector256<float> nh = Vector256.ConditionalSelect(positive, one, eh);
        Vector256<float> q = nh / dh;
        Vector256<float> residual = Fma.MultiplyAdd(-q, dh, nh) + (Vector256.AndNot(el, positive) - (q * dl));
        Vector256<float> reciprocal = Vector256.ConditionalSelect(positive, q, one - q);
        return Fma.MultiplyAdd(a, q, a * (residual * reciprocal));
    }

    // The rare lanes beyond ±80, or hardware without FMA: a · sigmoid(x) in double, rounded once.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<float> SigmoidInDouble(Vector256<float> a, Vector256<float> x)
    {
        (Vector256<double> lower, Vector256<double> upper) = Vector256.Widen(x);
        (Vector256<double> aLower, Vector256<double> aUpper) = Vector256.Widen(a);
        return Vector256.Narrow(aLower * SigmoidForSingle(lower), aUpper * SigmoidForSingle(upper));
    }

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
        if (!Avx512F.IsSupported || Vector512.GreaterThanAny(Vector512.Abs(x), Vector512.Create(SigmoidFloatFastPathBound)))
        {
            return SigmoidInDouble(a, x);
        }

        return MultiplyBySigmoidFast(a, x);
    }

    // Written as one straight-line body (no tuple or out values, which the JIT keeps in memory across the unrolled loop).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> MultiplyBySigmoidFast(Vector512<float> a, Vector512<float> x)
    {
        // e = e^m = (high + low) * 2^k, m = -|x| in [-80, 0] (NaN propagates through the arithmetic): the float exp's
        // reduction and polynomial, with the two roundings of 1 + r + t kept (Fast2Sum twice: |r| > |t|, 1 > |r + t|).
        Vector512<float> m = -Vector512.Abs(x);
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

        Vector512<float> dh = one + eh;
        Vector512<float> dl = ((one - dh) + eh) + el;
        Vector512<float> positive = Vector512.GreaterThanOrEqual(x, Vector512<float>.Zero);
        Vector512<float> nh = Vector512.ConditionalSelect(positive, one, eh);
        Vector512<float> q = nh / dh;
        Vector512<float> residual = Avx512F.FusedMultiplyAdd(-q, dh, nh) + (Vector512.AndNot(el, positive) - (q * dl));
        Vector512<float> reciprocal = Vector512.ConditionalSelect(positive, q, one - q);
        return Avx512F.FusedMultiplyAdd(a, q, a * (residual * reciprocal));
    }

    // The rare lanes beyond ±80, or hardware without FMA: a · sigmoid(x) in double, rounded once.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<float> SigmoidInDouble(Vector512<float> a, Vector512<float> x)
    {
        (Vector512<double> lower, Vector512<double> upper) = Vector512.Widen(x);
        (Vector512<double> aLower, Vector512<double> aUpper) = Vector512.Widen(a);
        return Vector512.Narrow(aLower * SigmoidForSingle(lower), aUpper * SigmoidForSingle(upper));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> SigmoidForSingle(Vector512<double> x)
    {
        Vector512<double> e = ExpForSingle(-Vector512.Abs(x));
        return Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512<double>.Zero), Vector512<double>.One, e) / (Vector512<double>.One + e);
    }
}
