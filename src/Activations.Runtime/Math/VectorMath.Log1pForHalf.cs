using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

public static partial class VectorMath
{
    // ln(1 + x) = k ln 2 + ln m + c / u with u = 1 + x rounded = 2^k m, m in [sqrt(1/2), sqrt 2), c the rounding
    // error of u; ln m = 2 atanh(s) = 2s + s^3 W(s^2), s = (m - 1) / (m + 1) (relative error 2^-21.1).

    private const float Log1pForHalfW0 = 0.666634350395f;
    private const float Log1pForHalfW1 = 0.408670295312f;

    /// <summary>The bits of sqrt(1/2) as a float.</summary>
    private const int SqrtHalfSingleBits = 0x3f3504f3;

    /// <summary>ln(1 + x) for results rounded to Half: relative error below 2^-16 for x &gt; -1; -∞ at -1; NaN below -1 and for NaN; +∞ at +∞.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The natural logarithm of one plus <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Log1pForHalf(float x)
    {
        float u = x + 1.0f;
        if (!(u > 0.0f && u < float.PositiveInfinity))
        {
            return u == 0.0f ? float.NegativeInfinity : u == float.PositiveInfinity ? u : float.NaN;
        }

        int offset = BitConverter.SingleToInt32Bits(u) - SqrtHalfSingleBits;
        float k = offset >> 23;
        float f = BitConverter.Int32BitsToSingle((offset & 0x007fffff) + SqrtHalfSingleBits) - 1.0f;
        float s = f / (f + 2.0f);
        float z = s * s;
        float lnM = (s * z * ((Log1pForHalfW1 * z) + Log1pForHalfW0)) + (s + s);
        float c = (x - (u - 1.0f)) / u;
        return (k * Ln2ForHalf) + (lnM + c);
    }

    /// <summary>ln(1 + x) per element for results rounded to Half: relative error below 2^-16 for x &gt; -1; -∞ at -1; NaN below -1 and for NaN; +∞ at +∞.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The natural logarithm of one plus each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Log1pForHalf(Vector128<float> x)
    {
        Vector128<float> u = x + Vector128.Create(1.0f);

        // u = 2^k m with m in [sqrt(1/2), sqrt 2): offsetting the bits by those of sqrt(1/2) moves the binade boundary there.
        Vector128<int> offset = u.AsInt32() - Vector128.Create(SqrtHalfSingleBits);
        Vector128<float> k = Vector128.ConvertToSingle(Vector128.ShiftRightArithmetic(offset, 23));
        Vector128<float> f = ((offset & Vector128.Create(0x007fffff)) + Vector128.Create(SqrtHalfSingleBits)).AsSingle() - Vector128.Create(1.0f);

        // ln m = 2 atanh(s) with s = f / (2 + f), |s| < 0.172; c / u corrects for the rounding of 1 + x (exact: |x| ≤ 1 or it is negligible).
        Vector128<float> s = f / (f + Vector128.Create(2.0f));
        Vector128<float> z = s * s;
        Vector128<float> lnM = MultiplyAdd(s * z, MultiplyAdd(Vector128.Create(Log1pForHalfW1), z, Vector128.Create(Log1pForHalfW0)), s + s);
        Vector128<float> c = (x - (u - Vector128.Create(1.0f))) / u;
        Vector128<float> result = MultiplyAdd(k, Vector128.Create(Ln2ForHalf), lnM + c);

        // Out of the normal range (u ≤ 0, +∞, NaN) the bit tricks mean nothing.
        Vector128<float> valid = Vector128.GreaterThan(u, Vector128<float>.Zero) & Vector128.LessThan(u, Vector128.Create(float.PositiveInfinity));
        if (valid.AsUInt32() != Vector128<uint>.AllBitsSet)
        {
            result = Vector128.ConditionalSelect(valid, result, Log1pForHalfOutOfRange(u));
        }

        return result;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector128<float> Log1pForHalfOutOfRange(Vector128<float> u) =>
        Vector128.ConditionalSelect(
            Vector128.Equals(u, Vector128<float>.Zero),
            Vector128.Create(float.NegativeInfinity),
            Vector128.ConditionalSelect(Vector128.Equals(u, Vector128.Create(float.PositiveInfinity)), u, Vector128.Create(float.NaN)));

    /// <summary>ln(1 + x) per element for results rounded to Half: relative error below 2^-16 for x &gt; -1; -∞ at -1; NaN below -1 and for NaN; +∞ at +∞.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The natural logarithm of one plus each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Log1pForHalf(Vector256<float> x)
    {
        Vector256<float> u = x + Vector256.Create(1.0f);

        // u = 2^k m with m in [sqrt(1/2), sqrt 2): offsetting the bits by those of sqrt(1/2) moves the binade boundary there.
        Vector256<int> offset = u.AsInt32() - Vector256.Create(SqrtHalfSingleBits);
        Vector256<float> k = Vector256.ConvertToSingle(Vector256.ShiftRightArithmetic(offset, 23));
        Vector256<float> f = ((offset & Vector256.Create(0x007fffff)) + Vector256.Create(SqrtHalfSingleBits)).AsSingle() - Vector256.Create(1.0f);

        // ln m = 2 atanh(s) with s = f / (2 + f), |s| < 0.172; c / u corrects for the rounding of 1 + x (exact: |x| ≤ 1 or it is negligible).
        Vector256<float> s = f / (f + Vector256.Create(2.0f));
        Vector256<float> z = s * s;
        Vector256<float> lnM = MultiplyAdd(s * z, MultiplyAdd(Vector256.Create(Log1pForHalfW1), z, Vector256.Create(Log1pForHalfW0)), s + s);
        Vector256<float> c = (x - (u - Vector256.Create(1.0f))) / u;
        Vector256<float> result = MultiplyAdd(k, Vector256.Create(Ln2ForHalf), lnM + c);

        // Out of the normal range (u ≤ 0, +∞, NaN) the bit tricks mean nothing.
        Vector256<float> valid = Vector256.GreaterThan(u, Vector256<float>.Zero) & Vector256.LessThan(u, Vector256.Create(float.PositiveInfinity));
        if (valid.AsUInt32() != Vector256<uint>.AllBitsSet)
        {
            result = Vector256.ConditionalSelect(valid, result, Log1pForHalfOutOfRange(u));
        }

        return result;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<float> Log1pForHalfOutOfRange(Vector256<float> u) =>
        Vector256.ConditionalSelect(
            Vector256.Equals(u, Vector256<float>.Zero),
            Vector256.Create(float.NegativeInfinity),
            Vector256.ConditionalSelect(Vector256.Equals(u, Vector256.Create(float.PositiveInfinity)), u, Vector256.Create(float.NaN)));

    /// <summary>ln(1 + x) per element for results rounded to Half: relative error below 2^-16 for x &gt; -1; -∞ at -1; NaN below -1 and for NaN; +∞ at +∞.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The natural logarithm of one plus each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Log1pForHalf(Vector512<float> x)
    {
        Vector512<float> u = x + Vector512.Create(1.0f);

        // u = 2^k m with m in [sqrt(1/2), sqrt 2): offsetting the bits by those of sqrt(1/2) moves the binade boundary there.
        Vector512<int> offset = u.AsInt32() - Vector512.Create(SqrtHalfSingleBits);
        Vector512<float> k = Vector512.ConvertToSingle(Vector512.ShiftRightArithmetic(offset, 23));
        Vector512<float> f = ((offset & Vector512.Create(0x007fffff)) + Vector512.Create(SqrtHalfSingleBits)).AsSingle() - Vector512.Create(1.0f);

        // ln m = 2 atanh(s) with s = f / (2 + f), |s| < 0.172; c / u corrects for the rounding of 1 + x (exact: |x| ≤ 1 or it is negligible).
        Vector512<float> s = f / (f + Vector512.Create(2.0f));
        Vector512<float> z = s * s;
        Vector512<float> lnM = MultiplyAdd(s * z, MultiplyAdd(Vector512.Create(Log1pForHalfW1), z, Vector512.Create(Log1pForHalfW0)), s + s);
        Vector512<float> c = (x - (u - Vector512.Create(1.0f))) / u;
        Vector512<float> result = MultiplyAdd(k, Vector512.Create(Ln2ForHalf), lnM + c);

        // Out of the normal range (u ≤ 0, +∞, NaN) the bit tricks mean nothing.
        Vector512<float> valid = Vector512.GreaterThan(u, Vector512<float>.Zero) & Vector512.LessThan(u, Vector512.Create(float.PositiveInfinity));
        if (valid.AsUInt32() != Vector512<uint>.AllBitsSet)
        {
            result = Vector512.ConditionalSelect(valid, result, Log1pForHalfOutOfRange(u));
        }

        return result;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<float> Log1pForHalfOutOfRange(Vector512<float> u) =>
        Vector512.ConditionalSelect(
            Vector512.Equals(u, Vector512<float>.Zero),
            Vector512.Create(float.NegativeInfinity),
            Vector512.ConditionalSelect(Vector512.Equals(u, Vector512.Create(float.PositiveInfinity)), u, Vector512.Create(float.NaN)));
}
