using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

public static partial class VectorMath
{
    // A float result lying exactly halfway between two halves: rounding it to Half (ties to even) may land on the wrong side
    // of the true value, which the float hid. If the float is within one float ULP of the true value and is not such a tie,
    // the true value lies on the float's side of every Half midpoint (a float that is not the midpoint is at least one float
    // ULP from it), so rounding the float to Half rounds the true value. The Half loop (Kernels/HalfTies.cs) settles the
    // ties in double.
    // A float further from the true value, within E float ULPs, rounds the true value unless it lies within E ULPs of a
    // midpoint: with a window W > E (the …ForHalf sigmoid and tanh, Kernels/HalfTieWindows.cs) the loop settles every float
    // within W ULPs of a midpoint, "near ties", and the rest are correctly rounded too. W = 0 is the exact test.
    // A tie is a float whose bits below the half's ULP are exactly 1000…0: for magnitudes from 2^-14 (normal halves) the
    // low 13 of the float's 23 mantissa bits are 0x1000. Below 2^-14 the half's ULP is 2^-24 at every magnitude; adding
    // 2^-14 moves such a value into [2^-14, 2^-13), where the same 13-bit test applies to the same bit positions, and is
    // exact for every odd multiple of 2^-25 (a sum that rounds is no tie, and may at worst be reported as one). There the
    // window counts ULPs of [2^-14, 2^-13), 2^-37, at least the value's own, less the sum's rounding (half of one).

    /// <summary>The float bits below a normal half's ULP.</summary>
    private const int BelowHalfUlpMask = 0x1fff;

    /// <summary>Those bits when the float lies exactly halfway between two halves.</summary>
    private const int HalfTieBits = 0x1000;

    /// <summary>
    /// Whether <paramref name="value"/> lies within <paramref name="window"/> float ULPs of a point halfway between two halves
    /// (0: exactly on one; NaN and infinities: no).
    /// </summary>
    /// <param name="value">A float about to be rounded to Half.</param>
    /// <param name="window">The distance in float ULPs (of [2^-14, 2^-13) below 2^-14), at most 2048 (HalfElementwiseLoop.MaximumTieWindow).</param>
    /// <returns>True where rounding to Half may break a tie the wrong way.</returns>
    internal static bool IsHalfTie(float value, uint window)
    {
        float magnitude = Math.Abs(value);
        if (!float.IsFinite(magnitude))
        {
            return false;
        }

        float moved = magnitude < BitConverter.UInt32BitsToSingle(SmallestNormalHalfAsSingleBits)
            ? magnitude + BitConverter.UInt32BitsToSingle(SmallestNormalHalfAsSingleBits)
            : magnitude;
        return (uint)((BitConverter.SingleToInt32Bits(moved) & BelowHalfUlpMask) - HalfTieBits + (int)window) <= 2 * window;
    }

    /// <summary>Whether any lane of <paramref name="lower"/> or <paramref name="upper"/> lies within <paramref name="window"/>
    /// float ULPs of a point halfway between two halves (see <see cref="IsHalfTie(float, uint)"/>; a NaN lane may count as one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool HasHalfTies(Vector128<float> lower, Vector128<float> upper, uint window) =>
        Vector128.LessThanOrEqualAny(Vector128.Min(DistanceFromHalfTie(lower, window), DistanceFromHalfTie(upper, window)), Vector128.Create(2 * window));

    /// <summary>One bit per lane of <paramref name="value"/>, set where the lane lies within <paramref name="window"/> float
    /// ULPs of a point halfway between two halves (a NaN lane may count as one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong HalfTieLaneBits(Vector128<float> value, uint window) =>
        Vector128.ExtractMostSignificantBits(Vector128.LessThanOrEqual(DistanceFromHalfTie(value, window), Vector128.Create(2 * window)));

    // At most 2 window exactly where the lane is within the window of a tie: the bits below the half's ULP (after moving
    // values below 2^-14) less 1000…0, plus the window, unsigned.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> DistanceFromHalfTie(Vector128<float> value, uint window)
    {
        Vector128<int> magnitude = value.AsInt32() & Vector128.Create(0x7fffffff);
        Vector128<int> smallestNormal = Vector128.Create((int)SmallestNormalHalfAsSingleBits);
        Vector128<int> moved = Vector128.ConditionalSelect(
            Vector128.LessThan(magnitude, smallestNormal),
            (magnitude.AsSingle() + smallestNormal.AsSingle()).AsInt32(),
            magnitude);
        return (moved & Vector128.Create(BelowHalfUlpMask)).AsUInt32() - Vector128.Create(HalfTieBits - window);
    }

    /// <inheritdoc cref="HasHalfTies(Vector128{float}, Vector128{float}, uint)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool HasHalfTies(Vector256<float> lower, Vector256<float> upper, uint window) =>
        Vector256.LessThanOrEqualAny(Vector256.Min(DistanceFromHalfTie(lower, window), DistanceFromHalfTie(upper, window)), Vector256.Create(2 * window));

    /// <summary>One bit per lane of <paramref name="value"/>, set where the lane lies within <paramref name="window"/> float
    /// ULPs of a point halfway between two halves (a NaN lane may count as one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong HalfTieLaneBits(Vector256<float> value, uint window) =>
        Vector256.ExtractMostSignificantBits(Vector256.LessThanOrEqual(DistanceFromHalfTie(value, window), Vector256.Create(2 * window)));

    // At most 2 window exactly where the lane is within the window of a tie: the bits below the half's ULP (after moving
    // values below 2^-14) less 1000…0, plus the window, unsigned.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> DistanceFromHalfTie(Vector256<float> value, uint window)
    {
        Vector256<int> magnitude = value.AsInt32() & Vector256.Create(0x7fffffff);
        Vector256<int> smallestNormal = Vector256.Create((int)SmallestNormalHalfAsSingleBits);
        Vector256<int> moved = Vector256.ConditionalSelect(
            Vector256.LessThan(magnitude, smallestNormal),
            (magnitude.AsSingle() + smallestNormal.AsSingle()).AsInt32(),
            magnitude);
        return (moved & Vector256.Create(BelowHalfUlpMask)).AsUInt32() - Vector256.Create(HalfTieBits - window);
    }

    /// <inheritdoc cref="HasHalfTies(Vector128{float}, Vector128{float}, uint)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool HasHalfTies(Vector512<float> lower, Vector512<float> upper, uint window) =>
        Vector512.LessThanOrEqualAny(Vector512.Min(DistanceFromHalfTie(lower, window), DistanceFromHalfTie(upper, window)), Vector512.Create(2 * window));

    /// <summary>One bit per lane of <paramref name="value"/>, set where the lane lies within <paramref name="window"/> float
    /// ULPs of a point halfway between two halves (a NaN lane may count as one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong HalfTieLaneBits(Vector512<float> value, uint window) =>
        Vector512.ExtractMostSignificantBits(Vector512.LessThanOrEqual(DistanceFromHalfTie(value, window), Vector512.Create(2 * window)));

    // At most 2 window exactly where the lane is within the window of a tie: the bits below the half's ULP (after moving
    // values below 2^-14) less 1000…0, plus the window, unsigned.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> DistanceFromHalfTie(Vector512<float> value, uint window)
    {
        Vector512<int> magnitude = value.AsInt32() & Vector512.Create(0x7fffffff);
        Vector512<int> smallestNormal = Vector512.Create((int)SmallestNormalHalfAsSingleBits);
        Vector512<int> moved = Vector512.ConditionalSelect(
            Vector512.LessThan(magnitude, smallestNormal),
            (magnitude.AsSingle() + smallestNormal.AsSingle()).AsInt32(),
            magnitude);
        return (moved & Vector512.Create(BelowHalfUlpMask)).AsUInt32() - Vector512.Create(HalfTieBits - window);
    }
}
