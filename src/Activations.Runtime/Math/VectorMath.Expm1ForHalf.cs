using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

public static partial class VectorMath
{
    // e^x - 1 = 2^k (e^r - 1) + (2^k - 1) with r in [-ln2/2, ln2/2] and e^r - 1 = r + r^2 Q(r) (relative error
    // 2^-20.1): for k = 0 this is the polynomial itself, so small arguments keep their relative accuracy.

    private const float Expm1ForHalfQ0 = 0.499997387868f;
    private const float Expm1ForHalfQ1 = 0.166666293686f;
    private const float Expm1ForHalfQ2 = 0.0418371699748f;
    private const float Expm1ForHalfQ3 = 0.00835768058607f;

    /// <summary>Below this, e^x - 1 rounds to -1 in float (e^-17.5 is below half a float ULP of 1).</summary>
    private const float Expm1ForHalfLowestArgument = -17.5f;

    /// <summary>e^x - 1 for results rounded to Half: relative error below 2^-16 for |x| ≥ 2^-125 (absolute below 2^-149 under it); -1 below -17.5; +∞ above ln(float.MaxValue); NaN stays NaN; -0 gives +0.</summary>
    /// <param name="x">The exponent.</param>
    /// <returns>e raised to <paramref name="x"/>, minus one.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Expm1ForHalf(float x) => x <= LnSingleMaxValue ? Expm1ForHalfInRange(x) : x * float.PositiveInfinity;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Expm1ForHalfInRange(float x)
    {
        if (x < Expm1ForHalfLowestArgument)
        {
            return -1.0f;
        }

        float r = ReduceForHalf(x, out float shifted);
        float q = (((((Expm1ForHalfQ3 * r) + Expm1ForHalfQ2) * r) + Expm1ForHalfQ1) * r) + Expm1ForHalfQ0;
        float expm1R = (r * r * q) + r;
        float s = HalfPowerOfTwoForHalf(shifted);
        float half = (s * expm1R) + (s - 0.5f);
        return half + half;
    }

    /// <summary>e^x - 1 per element for results rounded to Half: relative error below 2^-16 for |x| ≥ 2^-125 (absolute below 2^-149 under it); -1 below -17.5; +∞ above ln(float.MaxValue); NaN stays NaN; -0 gives +0.</summary>
    /// <param name="x">The exponents.</param>
    /// <returns>e raised to each element, minus one.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Expm1ForHalf(Vector128<float> x) =>
        Expm1ForHalfClamped(ClampKeepingNaN(x, Vector128.Create(Expm1ForHalfLowestArgument), Vector128.Create(ExpForHalfHighestArgument)));

    /// <summary>e^x - 1 for x in [-17.5, 88.8] or NaN (clamped there, every lane takes the same path: e^-17.5 - 1 rounds to -1, and k stays at most 128).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Expm1ForHalfClamped(Vector128<float> x)
    {
        Vector128<float> shifted = ShiftedForHalf(x);
        Vector128<float> r = ReducedForHalf(x, shifted);
        // Estrin's scheme rather than Horner's: shorter dependency chains let the processor overlap more vectors.
        Vector128<float> r2 = r * r;
        Vector128<float> q = MultiplyAdd(MultiplyAdd(Vector128.Create(Expm1ForHalfQ3), r, Vector128.Create(Expm1ForHalfQ2)), r2, MultiplyAdd(Vector128.Create(Expm1ForHalfQ1), r, Vector128.Create(Expm1ForHalfQ0)));
        Vector128<float> expm1R = MultiplyAdd(r2, q, r);

        // 2^k e^r - 1 = 2 (s (e^r - 1) + (s - 1/2)) with s = 2^(k-1): the scalings are exact and s stays finite up to k = 128
        // (above ln(float.MaxValue) the result overflows to +∞).
        Vector128<float> s = HalfPowerOfTwoForHalf(shifted);
        Vector128<float> half = MultiplyAdd(s, expm1R, s - Vector128.Create(0.5f));
        return half + half;
    }

    /// <summary>e^x - 1 per element for results rounded to Half: relative error below 2^-16 for |x| ≥ 2^-125 (absolute below 2^-149 under it); -1 below -17.5; +∞ above ln(float.MaxValue); NaN stays NaN; -0 gives +0.</summary>
    /// <param name="x">The exponents.</param>
    /// <returns>e raised to each element, minus one.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Expm1ForHalf(Vector256<float> x) =>
        Expm1ForHalfClamped(ClampKeepingNaN(x, Vector256.Create(Expm1ForHalfLowestArgument), Vector256.Create(ExpForHalfHighestArgument)));

    /// <summary>e^x - 1 for x in [-17.5, 88.8] or NaN (clamped there, every lane takes the same path: e^-17.5 - 1 rounds to -1, and k stays at most 128).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Expm1ForHalfClamped(Vector256<float> x)
    {
        Vector256<float> shifted = ShiftedForHalf(x);
        Vector256<float> r = ReducedForHalf(x, shifted);
        // Estrin's scheme rather than Horner's: shorter dependency chains let the processor overlap more vectors.
        Vector256<float> r2 = r * r;
        Vector256<float> q = MultiplyAdd(MultiplyAdd(Vector256.Create(Expm1ForHalfQ3), r, Vector256.Create(Expm1ForHalfQ2)), r2, MultiplyAdd(Vector256.Create(Expm1ForHalfQ1), r, Vector256.Create(Expm1ForHalfQ0)));
        Vector256<float> expm1R = MultiplyAdd(r2, q, r);

        // 2^k e^r - 1 = 2 (s (e^r - 1) + (s - 1/2)) with s = 2^(k-1): the scalings are exact and s stays finite up to k = 128
        // (above ln(float.MaxValue) the result overflows to +∞).
        Vector256<float> s = HalfPowerOfTwoForHalf(shifted);
        Vector256<float> half = MultiplyAdd(s, expm1R, s - Vector256.Create(0.5f));
        return half + half;
    }

    /// <summary>e^x - 1 per element for results rounded to Half: relative error below 2^-16 for |x| ≥ 2^-125 (absolute below 2^-149 under it); -1 below -17.5; +∞ above ln(float.MaxValue); NaN stays NaN; -0 gives +0.</summary>
    /// <param name="x">The exponents.</param>
    /// <returns>e raised to each element, minus one.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Expm1ForHalf(Vector512<float> x) =>
        Expm1ForHalfClamped(ClampKeepingNaN(x, Vector512.Create(Expm1ForHalfLowestArgument), Vector512.Create(ExpForHalfHighestArgument)));

    /// <summary>e^x - 1 for x in [-17.5, 88.8] or NaN (clamped there, every lane takes the same path: e^-17.5 - 1 rounds to -1, and k stays at most 128).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Expm1ForHalfClamped(Vector512<float> x)
    {
        Vector512<float> shifted = ShiftedForHalf(x);
        Vector512<float> r = ReducedForHalf(x, shifted);
        // Estrin's scheme rather than Horner's: shorter dependency chains let the processor overlap more vectors.
        Vector512<float> r2 = r * r;
        Vector512<float> q = MultiplyAdd(MultiplyAdd(Vector512.Create(Expm1ForHalfQ3), r, Vector512.Create(Expm1ForHalfQ2)), r2, MultiplyAdd(Vector512.Create(Expm1ForHalfQ1), r, Vector512.Create(Expm1ForHalfQ0)));
        Vector512<float> expm1R = MultiplyAdd(r2, q, r);

        // 2^k e^r - 1 = 2 (s (e^r - 1) + (s - 1/2)) with s = 2^(k-1): the scalings are exact and s stays finite up to k = 128
        // (above ln(float.MaxValue) the result overflows to +∞).
        Vector512<float> s = HalfPowerOfTwoForHalf(shifted);
        Vector512<float> half = MultiplyAdd(s, expm1R, s - Vector512.Create(0.5f));
        return half + half;
    }
}
