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

    /// <summary>e^x per element for results rounded to Half: relative error below 2^-16; zero below about -87 (absolute error under 2^-125); +∞ above ln(float.MaxValue); NaN stays NaN.</summary>
    /// <param name="x">The exponents.</param>
    /// <returns>e raised to each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> ExpForHalf(Vector128<float> x)
    {
        // Clamped, every lane takes the same path: k = -126 gives exactly 0, and e^x above ln(float.MaxValue) overflows to +∞.
        x = ClampKeepingNaN(x, Vector128.Create(ExpForHalfZeroArgument), Vector128.Create(ExpForHalfHighestArgument));
        Vector128<float> shifted = ShiftedForHalf(x);
        Vector128<float> r = ReducedForHalf(x, shifted);
        // Estrin's scheme rather than Horner's: shorter dependency chains let the processor overlap more vectors.
        Vector128<float> r2 = r * r;
        Vector128<float> high = MultiplyAdd(MultiplyAdd(Vector128.Create(ExpForHalfC4), r, Vector128.Create(ExpForHalfC3)), r, Vector128.Create(ExpForHalfC2));
        Vector128<float> p = MultiplyAdd(high, r2, MultiplyAdd(Vector128.Create(ExpForHalfC1), r, Vector128.Create(2.0f)));
        return p * HalfPowerOfTwoForHalf(shifted);
    }

    /// <summary>e^x per element for results rounded to Half: relative error below 2^-16; zero below about -87 (absolute error under 2^-125); +∞ above ln(float.MaxValue); NaN stays NaN.</summary>
    /// <param name="x">The exponents.</param>
    /// <returns>e raised to each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> ExpForHalf(Vector256<float> x)
    {
        // Clamped, every lane takes the same path: k = -126 gives exactly 0, and e^x above ln(float.MaxValue) overflows to +∞.
        x = ClampKeepingNaN(x, Vector256.Create(ExpForHalfZeroArgument), Vector256.Create(ExpForHalfHighestArgument));
        Vector256<float> shifted = ShiftedForHalf(x);
        Vector256<float> r = ReducedForHalf(x, shifted);
        // Estrin's scheme rather than Horner's: shorter dependency chains let the processor overlap more vectors.
        Vector256<float> r2 = r * r;
        Vector256<float> high = MultiplyAdd(MultiplyAdd(Vector256.Create(ExpForHalfC4), r, Vector256.Create(ExpForHalfC3)), r, Vector256.Create(ExpForHalfC2));
        Vector256<float> p = MultiplyAdd(high, r2, MultiplyAdd(Vector256.Create(ExpForHalfC1), r, Vector256.Create(2.0f)));
        return p * HalfPowerOfTwoForHalf(shifted);
    }

    /// <summary>e^x per element for results rounded to Half: relative error below 2^-16; zero below about -87 (absolute error under 2^-125); +∞ above ln(float.MaxValue); NaN stays NaN.</summary>
    /// <param name="x">The exponents.</param>
    /// <returns>e raised to each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> ExpForHalf(Vector512<float> x)
    {
        // Clamped, every lane takes the same path: k = -126 gives exactly 0, and e^x above ln(float.MaxValue) overflows to +∞.
        x = ClampKeepingNaN(x, Vector512.Create(ExpForHalfZeroArgument), Vector512.Create(ExpForHalfHighestArgument));
        Vector512<float> shifted = ShiftedForHalf(x);
        Vector512<float> r = ReducedForHalf(x, shifted);
        // Estrin's scheme rather than Horner's: shorter dependency chains let the processor overlap more vectors.
        Vector512<float> r2 = r * r;
        Vector512<float> high = MultiplyAdd(MultiplyAdd(Vector512.Create(ExpForHalfC4), r, Vector512.Create(ExpForHalfC3)), r, Vector512.Create(ExpForHalfC2));
        Vector512<float> p = MultiplyAdd(high, r2, MultiplyAdd(Vector512.Create(ExpForHalfC1), r, Vector512.Create(2.0f)));
        return p * HalfPowerOfTwoForHalf(shifted);
    }
}
