using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Activations;

public static partial class VectorMath
{
    // Half <-> float with integer and float operations only (no F16C), so every width and the software fallback
    // give the same bits. Widening is exact: the half's exponent and mantissa are moved into a float's fields and
    // the float is multiplied by 2^112 to re-bias the exponent (this also normalizes half subnormals); infinities
    // and NaNs get the all-ones exponent with their payload kept bit for bit (unlike (float)half, which quiets a
    // signaling NaN), so that every half round-trips exactly. Narrowing rounds to nearest, ties to even: normal
    // results by adding 0xfff plus the kept mantissa's lowest bit before dropping 13 bits (a carry moves into the
    // exponent, up to infinity); subnormal results by adding 0.5f, which puts the half's subnormal ULP (2^-24) at the
    // float ULP of 0.5 so that the hardware's own rounding does the work; 65520 and above become infinity.

    private const uint HalfExponentMantissaMask = 0x7fff;
    private const uint HalfInfinityBits = 0x7c00;
    private const float TwoTo112 = 5.192296858534828e33f;

    /// <summary>The float bits of 2^-14, the smallest normal half.</summary>
    private const uint SmallestNormalHalfAsSingleBits = 0x38800000;

    /// <summary>The float bits of 65520: the midpoint between Half.MaxValue and 65536, which rounds (to even) up to infinity.</summary>
    private const uint HalfOverflowAsSingleBits = 0x477ff000;

    /// <summary>Widens the bits of 8 halves into the floats they represent (exactly).</summary>
    /// <param name="bits">Half bit patterns, as from <see cref="BitConverter.HalfToUInt16Bits(Half)"/>.</param>
    /// <returns>The lower and upper halves of the lanes, as floats.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector128<float> Lower, Vector128<float> Upper) WidenHalf(Vector128<ushort> bits)
    {
        (Vector128<uint> lower, Vector128<uint> upper) = Vector128.Widen(bits);
        return (HalfBitsToSingle(lower), HalfBitsToSingle(upper));
    }

    /// <summary>Narrows two vectors of floats to the bits of the nearest halves (ties to even; NaN stays NaN).</summary>
    /// <param name="lower">The floats for the lower lanes of the result.</param>
    /// <param name="upper">The floats for the upper lanes of the result.</param>
    /// <returns>Half bit patterns, as <see cref="BitConverter.HalfToUInt16Bits(Half)"/> gives them.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<ushort> NarrowToHalf(Vector128<float> lower, Vector128<float> upper) =>
        Vector128.Narrow(SingleToHalfBits(lower), SingleToHalfBits(upper));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> HalfBitsToSingle(Vector128<uint> half)
    {
        Vector128<uint> sign = Vector128.ShiftLeft(half & Vector128.Create(0x8000u), 16);
        Vector128<uint> exponentMantissa = half & Vector128.Create(HalfExponentMantissaMask);
        Vector128<uint> shifted = Vector128.ShiftLeft(exponentMantissa, 13);
        Vector128<uint> finite = (shifted.AsSingle() * Vector128.Create(TwoTo112)).AsUInt32();
        Vector128<uint> infinityOrNaN = shifted | Vector128.Create(0x7f800000u);
        Vector128<uint> magnitude = Vector128.ConditionalSelect(
            Vector128.GreaterThanOrEqual(exponentMantissa, Vector128.Create(HalfInfinityBits)), infinityOrNaN, finite);
        return (magnitude | sign).AsSingle();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> SingleToHalfBits(Vector128<float> value)
    {
        Vector128<uint> bits = value.AsUInt32();
        Vector128<uint> sign = Vector128.ShiftRightLogical(bits, 16) & Vector128.Create(0x8000u);
        Vector128<uint> magnitude = bits & Vector128.Create(0x7fffffffu);

        // Normal results: re-bias (127 - 15 = 112) and round away 13 mantissa bits, ties to even.
        Vector128<uint> odd = Vector128.ShiftRightLogical(magnitude, 13) & Vector128.Create(1u);
        Vector128<uint> normal = Vector128.ShiftRightLogical(magnitude - Vector128.Create(112u << 23) + Vector128.Create(0xfffu) + odd, 13);

        // Subnormal results (and zero): let the float adder round at 2^-24.
        Vector128<uint> subnormal = ((magnitude.AsSingle() + Vector128.Create(0.5f)).AsUInt32()) - Vector128.Create(0x3f000000u);

        // NaN keeps the payload's top 10 bits (so halves round-trip bit for bit), quieted only if they are all zero.
        Vector128<uint> payload = Vector128.ShiftRightLogical(magnitude, 13) & Vector128.Create(0x3ffu);
        Vector128<uint> nan = Vector128.Create(HalfInfinityBits) | payload | (Vector128.Equals(payload, Vector128<uint>.Zero) & Vector128.Create(0x200u));
        Vector128<uint> result = Vector128.ConditionalSelect(Vector128.LessThan(magnitude, Vector128.Create(SmallestNormalHalfAsSingleBits)), subnormal, normal);
        result = Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(magnitude, Vector128.Create(HalfOverflowAsSingleBits)), Vector128.Create(HalfInfinityBits), result);
        result = Vector128.ConditionalSelect(Vector128.GreaterThan(magnitude, Vector128.Create(0x7f800000u)), nan, result);
        return result | sign;
    }

    /// <summary>Widens the bits of 16 halves into the floats they represent (exactly).</summary>
    /// <param name="bits">Half bit patterns, as from <see cref="BitConverter.HalfToUInt16Bits(Half)"/>.</param>
    /// <returns>The lower and upper halves of the lanes, as floats.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<float> Lower, Vector256<float> Upper) WidenHalf(Vector256<ushort> bits)
    {
        (Vector256<uint> lower, Vector256<uint> upper) = Vector256.Widen(bits);
        return (HalfBitsToSingle(lower), HalfBitsToSingle(upper));
    }

    /// <summary>Narrows two vectors of floats to the bits of the nearest halves (ties to even; NaN stays NaN).</summary>
    /// <param name="lower">The floats for the lower lanes of the result.</param>
    /// <param name="upper">The floats for the upper lanes of the result.</param>
    /// <returns>Half bit patterns, as <see cref="BitConverter.HalfToUInt16Bits(Half)"/> gives them.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ushort> NarrowToHalf(Vector256<float> lower, Vector256<float> upper) =>
        Vector256.Narrow(SingleToHalfBits(lower), SingleToHalfBits(upper));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> HalfBitsToSingle(Vector256<uint> half)
    {
        Vector256<uint> sign = Vector256.ShiftLeft(half & Vector256.Create(0x8000u), 16);
        Vector256<uint> exponentMantissa = half & Vector256.Create(HalfExponentMantissaMask);
        Vector256<uint> shifted = Vector256.ShiftLeft(exponentMantissa, 13);
        Vector256<uint> finite = (shifted.AsSingle() * Vector256.Create(TwoTo112)).AsUInt32();
        Vector256<uint> infinityOrNaN = shifted | Vector256.Create(0x7f800000u);
        Vector256<uint> magnitude = Vector256.ConditionalSelect(
            Vector256.GreaterThanOrEqual(exponentMantissa, Vector256.Create(HalfInfinityBits)), infinityOrNaN, finite);
        return (magnitude | sign).AsSingle();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> SingleToHalfBits(Vector256<float> value)
    {
        Vector256<uint> bits = value.AsUInt32();
        Vector256<uint> sign = Vector256.ShiftRightLogical(bits, 16) & Vector256.Create(0x8000u);
        Vector256<uint> magnitude = bits & Vector256.Create(0x7fffffffu);

        // Normal results: re-bias (127 - 15 = 112) and round away 13 mantissa bits, ties to even.
        Vector256<uint> odd = Vector256.ShiftRightLogical(magnitude, 13) & Vector256.Create(1u);
        Vector256<uint> normal = Vector256.ShiftRightLogical(magnitude - Vector256.Create(112u << 23) + Vector256.Create(0xfffu) + odd, 13);

        // Subnormal results (and zero): let the float adder round at 2^-24.
        Vector256<uint> subnormal = ((magnitude.AsSingle() + Vector256.Create(0.5f)).AsUInt32()) - Vector256.Create(0x3f000000u);

        // NaN keeps the payload's top 10 bits (so halves round-trip bit for bit), quieted only if they are all zero.
        Vector256<uint> payload = Vector256.ShiftRightLogical(magnitude, 13) & Vector256.Create(0x3ffu);
        Vector256<uint> nan = Vector256.Create(HalfInfinityBits) | payload | (Vector256.Equals(payload, Vector256<uint>.Zero) & Vector256.Create(0x200u));
        Vector256<uint> result = Vector256.ConditionalSelect(Vector256.LessThan(magnitude, Vector256.Create(SmallestNormalHalfAsSingleBits)), subnormal, normal);
        result = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(magnitude, Vector256.Create(HalfOverflowAsSingleBits)), Vector256.Create(HalfInfinityBits), result);
        result = Vector256.ConditionalSelect(Vector256.GreaterThan(magnitude, Vector256.Create(0x7f800000u)), nan, result);
        return result | sign;
    }

    /// <summary>Widens the bits of 32 halves into the floats they represent (exactly).</summary>
    /// <param name="bits">Half bit patterns, as from <see cref="BitConverter.HalfToUInt16Bits(Half)"/>.</param>
    /// <returns>The lower and upper halves of the lanes, as floats.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector512<float> Lower, Vector512<float> Upper) WidenHalf(Vector512<ushort> bits)
    {
        (Vector512<uint> lower, Vector512<uint> upper) = Vector512.Widen(bits);
        return (HalfBitsToSingle(lower), HalfBitsToSingle(upper));
    }

    /// <summary>Narrows two vectors of floats to the bits of the nearest halves (ties to even; NaN stays NaN).</summary>
    /// <param name="lower">The floats for the lower lanes of the result.</param>
    /// <param name="upper">The floats for the upper lanes of the result.</param>
    /// <returns>Half bit patterns, as <see cref="BitConverter.HalfToUInt16Bits(Half)"/> gives them.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ushort> NarrowToHalf(Vector512<float> lower, Vector512<float> upper) =>
        Vector512.Narrow(SingleToHalfBits(lower), SingleToHalfBits(upper));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> HalfBitsToSingle(Vector512<uint> half)
    {
        Vector512<uint> sign = Vector512.ShiftLeft(half & Vector512.Create(0x8000u), 16);
        Vector512<uint> exponentMantissa = half & Vector512.Create(HalfExponentMantissaMask);
        Vector512<uint> shifted = Vector512.ShiftLeft(exponentMantissa, 13);
        Vector512<uint> finite = (shifted.AsSingle() * Vector512.Create(TwoTo112)).AsUInt32();
        Vector512<uint> infinityOrNaN = shifted | Vector512.Create(0x7f800000u);
        Vector512<uint> magnitude = Vector512.ConditionalSelect(
            Vector512.GreaterThanOrEqual(exponentMantissa, Vector512.Create(HalfInfinityBits)), infinityOrNaN, finite);
        return (magnitude | sign).AsSingle();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> SingleToHalfBits(Vector512<float> value)
    {
        Vector512<uint> bits = value.AsUInt32();
        Vector512<uint> sign = Vector512.ShiftRightLogical(bits, 16) & Vector512.Create(0x8000u);
        Vector512<uint> magnitude = bits & Vector512.Create(0x7fffffffu);

        // Normal results: re-bias (127 - 15 = 112) and round away 13 mantissa bits, ties to even.
        Vector512<uint> odd = Vector512.ShiftRightLogical(magnitude, 13) & Vector512.Create(1u);
        Vector512<uint> normal = Vector512.ShiftRightLogical(magnitude - Vector512.Create(112u << 23) + Vector512.Create(0xfffu) + odd, 13);

        // Subnormal results (and zero): let the float adder round at 2^-24.
        Vector512<uint> subnormal = ((magnitude.AsSingle() + Vector512.Create(0.5f)).AsUInt32()) - Vector512.Create(0x3f000000u);

        // NaN keeps the payload's top 10 bits (so halves round-trip bit for bit), quieted only if they are all zero.
        Vector512<uint> payload = Vector512.ShiftRightLogical(magnitude, 13) & Vector512.Create(0x3ffu);
        Vector512<uint> nan = Vector512.Create(HalfInfinityBits) | payload | (Vector512.Equals(payload, Vector512<uint>.Zero) & Vector512.Create(0x200u));
        Vector512<uint> result = Vector512.ConditionalSelect(Vector512.LessThan(magnitude, Vector512.Create(SmallestNormalHalfAsSingleBits)), subnormal, normal);
        result = Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(magnitude, Vector512.Create(HalfOverflowAsSingleBits)), Vector512.Create(HalfInfinityBits), result);
        result = Vector512.ConditionalSelect(Vector512.GreaterThan(magnitude, Vector512.Create(0x7f800000u)), nan, result);
        return result | sign;
    }

    /// <summary>Converts halves to floats (exactly), vectorized.</summary>
    /// <param name="source">The halves.</param>
    /// <param name="destination">Where the floats go; at least as long as <paramref name="source"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="source"/> (nothing is written).</exception>
    public static void ConvertToSingle(ReadOnlySpan<Half> source, Span<float> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException($"Destination is too short: {destination.Length} elements for {source.Length}.", nameof(destination));
        }

        ReadOnlySpan<ushort> bits = MemoryMarshal.Cast<Half, ushort>(source);
        int length = bits.Length;
        int i = 0;
        if (Vector512.IsHardwareAccelerated && length >= Vector512<ushort>.Count)
        {
            for (; i <= length - Vector512<ushort>.Count; i += Vector512<ushort>.Count)
            {
                (Vector512<float> lower, Vector512<float> upper) = WidenHalf(Vector512.Create(bits.Slice(i)));
                lower.CopyTo(destination.Slice(i));
                upper.CopyTo(destination.Slice(i + Vector512<float>.Count));
            }
        }
        else if (Vector256.IsHardwareAccelerated && length >= Vector256<ushort>.Count)
        {
            for (; i <= length - Vector256<ushort>.Count; i += Vector256<ushort>.Count)
            {
                (Vector256<float> lower, Vector256<float> upper) = WidenHalf(Vector256.Create(bits.Slice(i)));
                lower.CopyTo(destination.Slice(i));
                upper.CopyTo(destination.Slice(i + Vector256<float>.Count));
            }
        }
        else if (Vector128.IsHardwareAccelerated && length >= Vector128<ushort>.Count)
        {
            for (; i <= length - Vector128<ushort>.Count; i += Vector128<ushort>.Count)
            {
                (Vector128<float> lower, Vector128<float> upper) = WidenHalf(Vector128.Create(bits.Slice(i)));
                lower.CopyTo(destination.Slice(i));
                upper.CopyTo(destination.Slice(i + Vector128<float>.Count));
            }
        }

        for (; i < length; i++)
        {
            destination[i] = HalfBitsToSingle(bits[i]); // the tail, by the same rules as the vectors
        }
    }

    /// <summary>Converts floats to the nearest halves (ties to even), vectorized.</summary>
    /// <param name="source">The floats.</param>
    /// <param name="destination">Where the halves go; at least as long as <paramref name="source"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="source"/> (nothing is written).</exception>
    public static void ConvertToHalf(ReadOnlySpan<float> source, Span<Half> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException($"Destination is too short: {destination.Length} elements for {source.Length}.", nameof(destination));
        }

        Span<ushort> bits = MemoryMarshal.Cast<Half, ushort>(destination);
        int length = source.Length;
        int i = 0;
        if (Vector512.IsHardwareAccelerated && length >= Vector512<ushort>.Count)
        {
            for (; i <= length - Vector512<ushort>.Count; i += Vector512<ushort>.Count)
            {
                NarrowToHalf(Vector512.Create(source.Slice(i)), Vector512.Create(source.Slice(i + Vector512<float>.Count))).CopyTo(bits.Slice(i));
            }
        }
        else if (Vector256.IsHardwareAccelerated && length >= Vector256<ushort>.Count)
        {
            for (; i <= length - Vector256<ushort>.Count; i += Vector256<ushort>.Count)
            {
                NarrowToHalf(Vector256.Create(source.Slice(i)), Vector256.Create(source.Slice(i + Vector256<float>.Count))).CopyTo(bits.Slice(i));
            }
        }
        else if (Vector128.IsHardwareAccelerated && length >= Vector128<ushort>.Count)
        {
            for (; i <= length - Vector128<ushort>.Count; i += Vector128<ushort>.Count)
            {
                NarrowToHalf(Vector128.Create(source.Slice(i)), Vector128.Create(source.Slice(i + Vector128<float>.Count))).CopyTo(bits.Slice(i));
            }
        }

        for (; i < length; i++)
        {
            bits[i] = SingleToHalfBits(source[i]);
        }
    }

    /// <summary>One half's bits to its float, by the same rules as the vectors (for span tails).</summary>
    private static float HalfBitsToSingle(ushort half)
    {
        uint sign = (uint)(half & 0x8000) << 16;
        uint exponentMantissa = half & HalfExponentMantissaMask;
        uint shifted = exponentMantissa << 13;
        uint magnitude = exponentMantissa >= HalfInfinityBits
            ? shifted | 0x7f800000u
            : BitConverter.SingleToUInt32Bits(BitConverter.UInt32BitsToSingle(shifted) * TwoTo112);
        return BitConverter.UInt32BitsToSingle(magnitude | sign);
    }

    /// <summary>One float to the bits of the nearest half, by the same rules as the vectors (for span tails).</summary>
    private static ushort SingleToHalfBits(float value)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        uint sign = (bits >> 16) & 0x8000u;
        uint magnitude = bits & 0x7fffffffu;
        uint result;
        if (magnitude > 0x7f800000u)
        {
            uint payload = (magnitude >> 13) & 0x3ffu;
            result = HalfInfinityBits | (payload == 0 ? 0x200u : payload);
        }
        else if (magnitude >= HalfOverflowAsSingleBits)
        {
            result = HalfInfinityBits;
        }
        else if (magnitude < SmallestNormalHalfAsSingleBits)
        {
            result = BitConverter.SingleToUInt32Bits(BitConverter.UInt32BitsToSingle(magnitude) + 0.5f) - 0x3f000000u;
        }
        else
        {
            result = (magnitude - (112u << 23) + 0xfffu + ((magnitude >> 13) & 1u)) >> 13;
        }

        return (ushort)(result | sign);
    }
}
