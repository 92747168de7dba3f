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
    // A tie is a float whose bits below the half's ULP are exactly 1000…0: for magnitudes from 2^-14 (normal halves) the
    // low 13 of the float's 23 mantissa bits are 0x1000. Below 2^-14 the half's ULP is 2^-24 at every magnitude; adding
    // 2^-14 moves such a value into [2^-14, 2^-13), where the same 13-bit test applies to the same bit positions, and is
    // exact for every odd multiple of 2^-25 (a sum that rounds is no tie, and may at worst be reported as one).

    /// <summary>The float bits below a normal half's ULP.</summary>
    private const int BelowHalfUlpMask = 0x1fff;

    /// <summary>Those bits when the float lies exactly halfway between two halves.</summary>
    private const int HalfTieBits = 0x1000;

    /// <summary>Whether <paramref name="value"/> lies exactly halfway between two halves (NaN and infinities: no).</summary>
    /// <param name="value">A float about to be rounded to Half.</param>
    /// <returns>True where rounding to Half breaks a tie.</returns>
    internal static bool IsHalfTie(float value)
    {
        float magnitude = Math.Abs(value);
        if (!float.IsFinite(magnitude))
        {
            return false;
        }

        float moved = magnitude < BitConverter.UInt32BitsToSingle(SmallestNormalHalfAsSingleBits)
            ? magnitude + BitConverter.UInt32BitsToSingle(SmallestNormalHalfAsSingleBits)
            : magnitude;
        return (BitConverter.SingleToInt32Bits(moved) & BelowHalfUlpMask) == HalfTieBits;
    }

    /// <summary>Whether any lane of <paramref name="lower"/> or <paramref name="upper"/> lies exactly halfway between two halves
    /// (a NaN lane may count as one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool HasHalfTies(Vector128<float> lower, Vector128<float> upper) =>
        Vector128.EqualsAny(Vector128.Min(DistanceFromHalfTie(lower), DistanceFromHalfTie(upper)), Vector128<uint>.Zero);

    /// <summary>One bit per lane of <paramref name="value"/>, set where the lane lies exactly halfway between two halves (a
    /// NaN lane may count as one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong HalfTieLaneBits(Vector128<float> value) =>
        Vector128.ExtractMostSignificantBits(Vector128.Equals(DistanceFromHalfTie(value), Vector128<uint>.Zero));

    // Zero exactly where the lane is a tie: the bits below the half's ULP (after moving values below 2^-14) XOR 1000…0.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> DistanceFromHalfTie(Vector128<float> value)
    {
        Vector128<int> magnitude = value.AsInt32() & Vector128.Create(0x7fffffff);
        Vector128<int> smallestNormal = Vector128.Create((int)SmallestNormalHalfAsSingleBits);
        Vector128<int> moved = Vector128.ConditionalSelect(
            Vector128.LessThan(magnitude, smallestNormal),
            (magnitude.AsSingle() + smallestNormal.AsSingle()).AsInt32(),
            magnitude);
        return ((moved ^ Vector128.Create(HalfTieBits)) & Vector128.Create(BelowHalfUlpMask)).AsUInt32();
    }

    /// <inheritdoc cref="HasHalfTies(Vector128{float}, Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool HasHalfTies(Vector256<float> lower, Vector256<float> upper) =>
        Vector256.EqualsAny(Vector256.Min(DistanceFromHalfTie(lower), DistanceFromHalfTie(upper)), Vector256<uint>.Zero);

    /// <summary>One bit per lane of <paramref name="value"/>, set where the lane lies exactly halfway between two halves (a
    /// NaN lane may count as one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong HalfTieLaneBits(Vector256<float> value) =>
        Vector256.ExtractMostSignificantBits(Vector256.Equals(DistanceFromHalfTie(value), Vector256<uint>.Zero));

    // Zero exactly where the lane is a tie: the bits below the half's ULP (after moving values below 2^-14) XOR 1000…0.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> DistanceFromHalfTie(Vector256<float> value)
    {
        Vector256<int> magnitude = value.AsInt32() & Vector256.Create(0x7fffffff);
        Vector256<int> smallestNormal = Vector256.Create((int)SmallestNormalHalfAsSingleBits);
        Vector256<int> moved = Vector256.ConditionalSelect(
            Vector256.LessThan(magnitude, smallestNormal),
            (magnitude.AsSingle() + smallestNormal.AsSingle()).AsInt32(),
            magnitude);
        return ((moved ^ Vector256.Create(HalfTieBits)) & Vector256.Create(BelowHalfUlpMask)).AsUInt32();
    }

    /// <inheritdoc cref="HasHalfTies(Vector128{float}, Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool HasHalfTies(Vector512<float> lower, Vector512<float> upper) =>
        Vector512.EqualsAny(Vector512.Min(DistanceFromHalfTie(lower), DistanceFromHalfTie(upper)), Vector512<uint>.Zero);

    /// <summary>One bit per lane of <paramref name="value"/>, set where the lane lies exactly halfway between two halves (a
    /// NaN lane may count as one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong HalfTieLaneBits(Vector512<float> value) =>
        Vector512.ExtractMostSignificantBits(Vector512.Equals(DistanceFromHalfTie(value), Vector512<uint>.Zero));

    // Zero exactly where the lane is a tie: the bits below the half's ULP (after moving values below 2^-14) XOR 1000…0.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> DistanceFromHalfTie(Vector512<float> value)
    {
        Vector512<int> magnitude = value.AsInt32() & Vector512.Create(0x7fffffff);
        Vector512<int> smallestNormal = Vector512.Create((int)SmallestNormalHalfAsSingleBits);
        Vector512<int> moved = Vector512.ConditionalSelect(
            Vector512.LessThan(magnitude, smallestNormal),
            (magnitude.AsSingle() + smallestNormal.AsSingle()).AsInt32(),
            magnitude);
        return ((moved ^ Vector512.Create(HalfTieBits)) & Vector512.Create(BelowHalfUlpMask)).AsUInt32();
    }
}
