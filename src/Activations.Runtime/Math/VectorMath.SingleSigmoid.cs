using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

// The logistic sigmoid 1 / (1 + e^-x) of float vectors in float lanes, within about 0.55 ULP of the exact value.
// Done naively (e = e^-|x|, then (x >= 0 ? 1 : e) / (1 + e)) float rounds three times, and measured over every
// float that reaches 2.4 ULP: where e/(1 + e) falls just below a power of two, one ULP of e is two of the result.
// Here e^-|x| is kept as an unevaluated sum eh + el (ExpReduced: about 2^-28 relative), 1 + e as dh + dl (Fast2Sum,
// exact), and the quotient q = n / dh is corrected once by the exact residual n - q dh (one FMA) and the low parts:
// s = q + (n - q dh + nl - q dl) / d, where 1/d is q itself for x >= 0 (n = 1) and 1 - q for x < 0: the correction
// is tiny, so its own relative error does not matter. Only the last FMA rounds the result.
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

    /// <summary>The logistic sigmoid per float lane, within 1 ULP (about 0.55 ULP from the exact value).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>sigmoid of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Sigmoid(Vector128<float> x)
    {
        if (!SigmoidQuotient(x, out Vector128<float> q, out Vector128<float> correction))
        {
            return SigmoidInDouble(Vector128<float>.One, x);
        }

        return q + correction;
    }

    /// <summary>a · sigmoid(x) per float lane with one rounding of the product, within 1 ULP (as <see cref="Sigmoid(Vector128{float})"/>).
    /// Computing silu as x · sigmoid(x) this way rounds once where the product of a rounded sigmoid would round twice.</summary>
    /// <param name="a">The factors.</param>
    /// <param name="x">The sigmoid's arguments.</param>
    /// <returns>a · sigmoid(x) of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> MultiplyBySigmoid(Vector128<float> a, Vector128<float> x)
    {
        if (!SigmoidQuotient(x, out Vector128<float> q, out Vector128<float> correction))
        {
            return SigmoidInDouble(a, x);
        }

        return Fma.MultiplyAdd(a, q, a * correction);
    }

    // sigmoid(x) as q + correction (both floats, correction tiny), or false for the rare lanes and no FMA.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SigmoidQuotient(Vector128<float> x, out Vector128<float> q, out Vector128<float> correction)
    {
        Vector128<float> magnitude = Vector128.Abs(x);
        if (!Fma.IsSupported || Vector128.GreaterThanAny(magnitude, Vector128.Create(SigmoidFloatFastPathBound)))
        {
            q = correction = default;
            return false;
        }

        // e = e^a = eh + el, a = -|x| in [-80, 0] (NaN propagates through the arithmetic).
        Vector128<float> a = -magnitude;
        Vector128<float> shifted = MultiplyAdd(a, Vector128.Create(InverseLn2Single), Vector128.Create(FloatRoundingShift));
        Vector128<float> k = shifted - Vector128.Create(FloatRoundingShift);
        Vector128<float> scale = Vector128.ShiftLeft(shifted.AsInt32(), 23).AsSingle(); // before ExpReduced: shifted dies here
        (Vector128<float> high, Vector128<float> low) = ExpReduced(a, k);
        Vector128<float> eh = high * scale; // exact, as is el: scale is a normal power of two
        Vector128<float> el = low * scale;

        Vector128<float> one = Vector128<float>.One;
        Vector128<float> dh = one + eh;
        Vector128<float> dl = ((one - dh) + eh) + el;
        Vector128<float> positive = Vector128.GreaterThanOrEqual(x, Vector128<float>.Zero);
        Vector128<float> nh = Vector128.ConditionalSelect(positive, one, eh);
        Vector128<float> nl = Vector128.AndNot(el, positive);
        q = nh / dh;
        Vector128<float> residual = Fma.MultiplyAdd(-q, dh, nh) + (nl - (q * dl));
        Vector128<float> reciprocal = Vector128.ConditionalSelect(positive, q, one - q);
        correction = residual * reciprocal;
        return true;
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

    /// <summary>The logistic sigmoid per float lane, within 1 ULP (about 0.55 ULP from the exact value).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>sigmoid of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Sigmoid(Vector256<float> x)
    {
        if (!SigmoidQuotient(x, out Vector256<float> q, out Vector256<float> correction))
        {
            return SigmoidInDouble(Vector256<float>.One, x);
        }

        return q + correction;
    }

    /// <summary>a · sigmoid(x) per float lane with one rounding of the product, within 1 ULP (as <see cref="Sigmoid(Vector256{float})"/>).
    /// Computing silu as x · sigmoid(x) this way rounds once where the product of a rounded sigmoid would round twice.</summary>
    /// <param name="a">The factors.</param>
    /// <param name="x">The sigmoid's arguments.</param>
    /// <returns>a · sigmoid(x) of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyBySigmoid(Vector256<float> a, Vector256<float> x)
    {
        if (!SigmoidQuotient(x, out Vector256<float> q, out Vector256<float> correction))
        {
            return SigmoidInDouble(a, x);
        }

        return Fma.MultiplyAdd(a, q, a * correction);
    }

    // sigmoid(x) as q + correction (both floats, correction tiny), or false for the rare lanes and no FMA.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SigmoidQuotient(Vector256<float> x, out Vector256<float> q, out Vector256<float> correction)
    {
        Vector256<float> magnitude = Vector256.Abs(x);
        if (!Fma.IsSupported || Vector256.GreaterThanAny(magnitude, Vector256.Create(SigmoidFloatFastPathBound)))
        {
            q = correction = default;
            return false;
        }

        // e = e^a = eh + el, a = -|x| in [-80, 0] (NaN propagates through the arithmetic).
        Vector256<float> a = -magnitude;
        Vector256<float> shifted = MultiplyAdd(a, Vector256.Create(InverseLn2Single), Vector256.Create(FloatRoundingShift));
        Vector256<float> k = shifted - Vector256.Create(FloatRoundingShift);
        Vector256<float> scale = Vector256.ShiftLeft(shifted.AsInt32(), 23).AsSingle(); // before ExpReduced: shifted dies here
        (Vector256<float> high, Vector256<float> low) = ExpReduced(a, k);
        Vector256<float> eh = high * scale; // exact, as is el: scale is a normal power of two
        Vector256<float> el = low * scale;

        Vector256<float> one = Vector256<float>.One;
        Vector256<float> dh = one + eh;
        Vector256<float> dl = ((one - dh) + eh) + el;
        Vector256<float> positive = Vector256.GreaterThanOrEqual(x, Vector256<float>.Zero);
        Vector256<float> nh = Vector256.ConditionalSelect(positive, one, eh);
        Vector256<float> nl = Vector256.AndNot(el, positive);
        q = nh / dh;
        Vector256<float> residual = Fma.MultiplyAdd(-q, dh, nh) + (nl - (q * dl));
        Vector256<float> reciprocal = Vector256.ConditionalSelect(positive, q, one - q);
        correction = residual * reciprocal;
        return true;
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

    /// <summary>The logistic sigmoid per float lane, within 1 ULP (about 0.55 ULP from the exact value).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>sigmoid of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Sigmoid(Vector512<float> x)
    {
        if (!SigmoidQuotient(x, out Vector512<float> q, out Vector512<float> correction))
        {
            return SigmoidInDouble(Vector512<float>.One, x);
        }

        return q + correction;
    }

    /// <summary>a · sigmoid(x) per float lane with one rounding of the product, within 1 ULP (as <see cref="Sigmoid(Vector512{float})"/>).
    /// Computing silu as x · sigmoid(x) this way rounds once where the product of a rounded sigmoid would round twice.</summary>
    /// <param name="a">The factors.</param>
    /// <param name="x">The sigmoid's arguments.</param>
    /// <returns>a · sigmoid(x) of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MultiplyBySigmoid(Vector512<float> a, Vector512<float> x)
    {
        if (!SigmoidQuotient(x, out Vector512<float> q, out Vector512<float> correction))
        {
            return SigmoidInDouble(a, x);
        }

        return Avx512F.FusedMultiplyAdd(a, q, a * correction);
    }

    // sigmoid(x) as q + correction (both floats, correction tiny), or false for the rare lanes and no FMA.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SigmoidQuotient(Vector512<float> x, out Vector512<float> q, out Vector512<float> correction)
    {
        Vector512<float> magnitude = Vector512.Abs(x);
        if (!Avx512F.IsSupported || Vector512.GreaterThanAny(magnitude, Vector512.Create(SigmoidFloatFastPathBound)))
        {
            q = correction = default;
            return false;
        }

        // e = e^a = eh + el, a = -|x| in [-80, 0] (NaN propagates through the arithmetic).
        Vector512<float> a = -magnitude;
        Vector512<float> shifted = MultiplyAdd(a, Vector512.Create(InverseLn2Single), Vector512.Create(FloatRoundingShift));
        Vector512<float> k = shifted - Vector512.Create(FloatRoundingShift);
        Vector512<float> scale = Vector512.ShiftLeft(shifted.AsInt32(), 23).AsSingle(); // before ExpReduced: shifted dies here
        (Vector512<float> high, Vector512<float> low) = ExpReduced(a, k);
        Vector512<float> eh = high * scale; // exact, as is el: scale is a normal power of two
        Vector512<float> el = low * scale;

        Vector512<float> one = Vector512<float>.One;
        Vector512<float> dh = one + eh;
        Vector512<float> dl = ((one - dh) + eh) + el;
        Vector512<float> positive = Vector512.GreaterThanOrEqual(x, Vector512<float>.Zero);
        Vector512<float> nh = Vector512.ConditionalSelect(positive, one, eh);
        Vector512<float> nl = Vector512.AndNot(el, positive);
        q = nh / dh;
        Vector512<float> residual = Avx512F.FusedMultiplyAdd(-q, dh, nh) + (nl - (q * dl));
        Vector512<float> reciprocal = Vector512.ConditionalSelect(positive, q, one - q);
        correction = residual * reciprocal;
        return true;
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
