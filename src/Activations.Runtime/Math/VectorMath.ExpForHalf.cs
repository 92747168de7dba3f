using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

public static partial class VectorMath
{
    // e^x = 2^k e^r with r in [-ln2/2, ln2/2]; the polynomial approximates 2 e^r (relative error 2^-18.1) so that
    // the scale is 2^(k-1), a normal float for every k from -125 to 128.

    private const float ExpForHalfC1 = 1.99992152169f;
    private const float ExpForHalfC2 = 0.999986932195f;
    private const float ExpForHalfC3 = 0.335893449021f;
    private const float ExpForHalfC4 = 0.0837597081998f;

    /// <summary>Below this, e^x (under 2^-124) is flushed to zero: far below Half's smallest subnormal, 2^-24.</summary>
    private const float ExpForHalfFlushBound = -86.5f;

    /// <summary>e^x for results rounded to Half: relative error below 2^-16; zero below e^-86.5 (absolute error under 2^-124); +∞ above ln(float.MaxValue); NaN stays NaN.</summary>
    /// <param name="x">The exponent.</param>
    /// <returns>e raised to <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ExpForHalf(float x)
    {
        if (!(x <= LnSingleMaxValue))
        {
            return x * float.PositiveInfinity;
        }

        if (x < ExpForHalfFlushBound)
        {
            return 0.0f;
        }

        float r = ReduceForHalf(x, out float shifted);
        float p = (((((((ExpForHalfC4 * r) + ExpForHalfC3) * r) + ExpForHalfC2) * r) + ExpForHalfC1) * r) + 2.0f;
        return p * HalfPowerOfTwoForHalf(shifted);
    }

    /// <summary>e^x per element for results rounded to Half: relative error below 2^-16; zero below e^-86.5 (absolute error under 2^-124); +∞ above ln(float.MaxValue); NaN stays NaN.</summary>
    /// <param name="x">The exponents.</param>
    /// <returns>e raised to each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> ExpForHalf(Vector128<float> x)
    {
        Vector128<float> r = ReduceForHalf(x, out Vector128<float> shifted);
        Vector128<float> p = MultiplyAdd(Vector128.Create(ExpForHalfC4), r, Vector128.Create(ExpForHalfC3));
        p = MultiplyAdd(p, r, Vector128.Create(ExpForHalfC2));
        p = MultiplyAdd(p, r, Vector128.Create(ExpForHalfC1));
        p = MultiplyAdd(p, r, Vector128.Create(2.0f));
        Vector128<float> result = p * HalfPowerOfTwoForHalf(shifted);

        // Lanes out of range were computed from a meaningless k: zero below the flush bound; x * ∞ (∞ or NaN) above ln(float.MaxValue) and for NaN.
        result = Vector128.AndNot(result, Vector128.LessThan(x, Vector128.Create(ExpForHalfFlushBound)));
        return Vector128.ConditionalSelect(Vector128.LessThanOrEqual(x, Vector128.Create(LnSingleMaxValue)), result, x * Vector128.Create(float.PositiveInfinity));
    }

    /// <summary>e^x per element for results rounded to Half: relative error below 2^-16; zero below e^-86.5 (absolute error under 2^-124); +∞ above ln(float.MaxValue); NaN stays NaN.</summary>
    /// <param name="x">The exponents.</param>
    /// <returns>e raised to each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> ExpForHalf(Vector256<float> x)
    {
        Vector256<float> r = ReduceForHalf(x, out Vector256<float> shifted);
        Vector256<float> p = MultiplyAdd(Vector256.Create(ExpForHalfC4), r, Vector256.Create(ExpForHalfC3));
        p = MultiplyAdd(p, r, Vector256.Create(ExpForHalfC2));
        p = MultiplyAdd(p, r, Vector256.Create(ExpForHalfC1));
        p = MultiplyAdd(p, r, Vector256.Create(2.0f));
        Vector256<float> result = p * HalfPowerOfTwoForHalf(shifted);

        // Lanes out of range were computed from a meaningless k: zero below the flush bound; x * ∞ (∞ or NaN) above ln(float.MaxValue) and for NaN.
        result = Vector256.AndNot(result, Vector256.LessThan(x, Vector256.Create(ExpForHalfFlushBound)));
        return Vector256.ConditionalSelect(Vector256.LessThanOrEqual(x, Vector256.Create(LnSingleMaxValue)), result, x * Vector256.Create(float.PositiveInfinity));
    }

    /// <summary>e^x per element for results rounded to Half: relative error below 2^-16; zero below e^-86.5 (absolute error under 2^-124); +∞ above ln(float.MaxValue); NaN stays NaN.</summary>
    /// <param name="x">The exponents.</param>
    /// <returns>e raised to each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> ExpForHalf(Vector512<float> x)
    {
        Vector512<float> r = ReduceForHalf(x, out Vector512<float> shifted);
        Vector512<float> p = MultiplyAdd(Vector512.Create(ExpForHalfC4), r, Vector512.Create(ExpForHalfC3));
        p = MultiplyAdd(p, r, Vector512.Create(ExpForHalfC2));
        p = MultiplyAdd(p, r, Vector512.Create(ExpForHalfC1));
        p = MultiplyAdd(p, r, Vector512.Create(2.0f));
        Vector512<float> result = p * HalfPowerOfTwoForHalf(shifted);

        // Lanes out of range were computed from a meaningless k: zero below the flush bound; x * ∞ (∞ or NaN) above ln(float.MaxValue) and for NaN.
        result = Vector512.AndNot(result, Vector512.LessThan(x, Vector512.Create(ExpForHalfFlushBound)));
        return Vector512.ConditionalSelect(Vector512.LessThanOrEqual(x, Vector512.Create(LnSingleMaxValue)), result, x * Vector512.Create(float.PositiveInfinity));
    }
}
