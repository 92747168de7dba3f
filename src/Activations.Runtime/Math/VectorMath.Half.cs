using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

public static partial class VectorMath
{
    // Half <-> float with integer and float operations only (no F16C in .NET's API), so every width and the software
    // fallback give the same bits. Widening is exact: the half is sign-extended to 32 bits and shifted left by 13, which
    // puts its sign, exponent and mantissa into a float's fields (the copies of the sign that land in the float's top
    // exponent bits are masked off), and the float is multiplied by 2^112 to re-bias the exponent (this also normalizes
    // half subnormals); infinities and NaNs (65536 and above after that) get the all-ones exponent with their payload
    // kept bit for bit (unlike (float)half, which quiets a signaling NaN), so that every half round-trips exactly.
    // Narrowing rounds to nearest, ties to even, with the hardware's own rounding: the vectors add 2^(e+13) (e the value's
    // exponent, at least -14) so that the float adder drops exactly the bits below the half's ULP, normal and subnormal
    // alike, and read the half's bits off the sum (on x86 with one multiply-add of its 16-bit halves; the signs are packed
    // separately, once per two vectors); the scalar code adds 0xfff plus the kept mantissa's lowest bit before
    // dropping 13 bits for normal results and adds 0.5f for subnormal ones. 65520 and above become infinity. A NaN keeps
    // the top 10 bits of its payload (or gets payload 1 if they are all zero, so that it stays a NaN).
    // The kernels' loop (HalfElementwiseLoop) widens each half of a vector with WidenLowerHalf/WidenUpperHalf rather than
    // through the tuple-returning WidenHalf: the JIT keeps a returned tuple of vectors in stack memory. Every width is
    // written out with few distinct constants: each is a register the kernel's math would otherwise get.

    private const uint HalfExponentMantissaMask = 0x7fff;
    private const uint HalfInfinityBits = 0x7c00;
    private const float TwoTo112 = 5.192296858534828e33f;
    private const uint SingleExponentMask = 0x7f800000;

    /// <summary>Keeps, of a sign-extended half shifted left by 13, the sign and the 15 exponent and mantissa bits.</summary>
    private const int ShiftedHalfMask = unchecked((int)0x8fffe000);

    /// <summary>The largest finite half's exponent and mantissa bits: above them is infinity or NaN.</summary>
    private const int HalfMaxFiniteBits = 0x7bff;

    /// <summary>The float bits of 2^-14, the smallest normal half.</summary>
    private const uint SmallestNormalHalfAsSingleBits = 0x38800000;

    /// <summary>The float bits of 65520: the midpoint between Half.MaxValue and 65536, which rounds (to even) up to infinity.</summary>
    private const uint HalfOverflowAsSingleBits = 0x477ff000;

    /// <summary>The smallest float NaN bits whose top 10 payload bits are not all zero.</summary>
    private const uint SmallestNaNWithHalfPayloadBits = 0x7f802000;

    /// <summary>Widens the bits of 8 halves into the floats they represent (exactly).</summary>
    /// <param name="bits">Half bit patterns, as from <see cref="BitConverter.HalfToUInt16Bits(Half)"/>.</param>
    /// <returns>The lower and upper halves of the lanes, as floats.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector128<float> Lower, Vector128<float> Upper) WidenHalf(Vector128<ushort> bits) => (WidenLowerHalf(bits), WidenUpperHalf(bits));

    /// <summary>The floats of the lower 4 halves of <paramref name="bits"/> (exactly).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<float> WidenLowerHalf(Vector128<ushort> bits) => HalfBitsToSingle(Vector128.WidenLower(bits.AsInt16()));

    /// <summary>The floats of the upper 4 halves of <paramref name="bits"/> (exactly).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<float> WidenUpperHalf(Vector128<ushort> bits) => HalfBitsToSingle(Vector128.WidenUpper(bits.AsInt16()));

    /// <summary>Narrows two vectors of floats to the bits of the nearest halves (ties to even; NaN stays NaN).</summary>
    /// <param name="lower">The floats for the lower lanes of the result.</param>
    /// <param name="upper">The floats for the upper lanes of the result.</param>
    /// <returns>Half bit patterns, as <see cref="BitConverter.HalfToUInt16Bits(Half)"/> gives them.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<ushort> NarrowToHalf(Vector128<float> lower, Vector128<float> upper)
    {
        if (Sse2.IsSupported)
        {
            // The magnitudes' bits fit in 15 bits, so the saturating pack keeps them; packing the floats' own bits the same
            // way keeps their signs (a negative int32 saturates to 0x8000 or stays below zero), which are masked out.
            Vector128<short> magnitudes = Sse2.PackSignedSaturate(HalfMagnitudeBits(lower), HalfMagnitudeBits(upper));
            Vector128<short> signs = Sse2.PackSignedSaturate(lower.AsInt32(), upper.AsInt32()) & Vector128.Create(unchecked((short)0x8000));
            return (magnitudes | signs).AsUInt16();
        }

        return Vector128.Narrow(
            HalfMagnitudeBits(lower).AsUInt32() | Vector128.ShiftRightLogical(lower.AsUInt32() & Vector128.Create(0x80000000u), 16),
            HalfMagnitudeBits(upper).AsUInt32() | Vector128.ShiftRightLogical(upper.AsUInt32() & Vector128.Create(0x80000000u), 16));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> HalfBitsToSingle(Vector128<int> signExtended)
    {
        Vector128<int> finite = ((Vector128.ShiftLeft(signExtended, 13) & Vector128.Create(ShiftedHalfMask)).AsSingle() * Vector128.Create(TwoTo112)).AsInt32();

        // Half infinities and NaNs come out as ±65536 and above with their payload in place: give them the all-ones exponent.
        // (Tested on the half's bits, so that the test runs beside the multiplication rather than after it.)
        Vector128<int> infinityOrNaN = Vector128.GreaterThan(signExtended & Vector128.Create((int)HalfExponentMantissaMask), Vector128.Create(HalfMaxFiniteBits));
        return (finite | (infinityOrNaN & Vector128.Create((int)SingleExponentMask))).AsSingle();
    }

    /// <summary>The bits of the half nearest to |value| (ties to even; NaN keeps its payload's top 10 bits, or gets payload 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> HalfMagnitudeBits(Vector128<float> value)
    {
        Vector128<int> magnitude = value.AsInt32() & Vector128.Create(0x7fffffff);

        // Clamp (as integers, so that NaN needs no care here) to 65520, which rounds to infinity; then add 2^(e + 13), e the
        // exponent of the magnitude but at least -14: the float adder drops exactly the bits below the Half ULP, ties to even.
        Vector128<uint> clamped = Vector128.Min(magnitude.AsUInt32(), Vector128.Create(HalfOverflowAsSingleBits));
        Vector128<uint> powerOfTwo = Vector128.Max(clamped, Vector128.Create(SmallestNormalHalfAsSingleBits)) & Vector128.Create(SingleExponentMask);
        Vector128<int> sum = (clamped.AsSingle() + (powerOfTwo + Vector128.Create(13u << 23)).AsSingle()).AsInt32();

        // The sum's exponent field is e + 140 and its low 12 bits (the bits above them are zero) are the Half significand with
        // its leading bit, and the carry when rounding reaches the next binade: the Half bits are ((e + 14) << 10) + those bits.
        Vector128<int> result;
        if (Sse2.IsSupported)
        {
            // Less 126 in the exponent field, the upper 16 bits are (e + 14) << 7 and the lower the significand: one multiply-add of
            // the 16-bit halves by 8 and 1 (both non-negative as signed numbers).
            result = Sse2.MultiplyAddAdjacent((sum - Vector128.Create(126 << 23)).AsInt16(), Vector128.Create(0x00080001).AsInt16());
        }
        else
        {
            result = Vector128.ShiftRightLogical((powerOfTwo - Vector128.Create(SmallestNormalHalfAsSingleBits)).AsInt32(), 13) + (sum & Vector128.Create((int)HalfExponentMantissaMask));
        }

        // NaN keeps the payload's top 10 bits (so halves round-trip bit for bit), or gets payload 1 if they are all zero.
        Vector128<int> nan = Vector128.ShiftRightLogical(Vector128.Max(magnitude.AsUInt32(), Vector128.Create(SmallestNaNWithHalfPayloadBits)), 13).AsInt32() & Vector128.Create((int)HalfExponentMantissaMask);
        return Vector128.ConditionalSelect(Vector128.GreaterThan(magnitude, Vector128.Create((int)SingleExponentMask)), nan, result);
    }

    /// <summary>Widens the bits of 16 halves into the floats they represent (exactly).</summary>
    /// <param name="bits">Half bit patterns, as from <see cref="BitConverter.HalfToUInt16Bits(Half)"/>.</param>
    /// <returns>The lower and upper halves of the lanes, as floats.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<float> Lower, Vector256<float> Upper) WidenHalf(Vector256<ushort> bits) => (WidenLowerHalf(bits), WidenUpperHalf(bits));

    /// <summary>The floats of the lower 8 halves of <paramref name="bits"/> (exactly).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<float> WidenLowerHalf(Vector256<ushort> bits) => HalfBitsToSingle(Vector256.WidenLower(bits.AsInt16()));

    /// <summary>The floats of the upper 8 halves of <paramref name="bits"/> (exactly).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<float> WidenUpperHalf(Vector256<ushort> bits) => HalfBitsToSingle(Vector256.WidenUpper(bits.AsInt16()));

    /// <summary>Narrows two vectors of floats to the bits of the nearest halves (ties to even; NaN stays NaN).</summary>
    /// <param name="lower">The floats for the lower lanes of the result.</param>
    /// <param name="upper">The floats for the upper lanes of the result.</param>
    /// <returns>Half bit patterns, as <see cref="BitConverter.HalfToUInt16Bits(Half)"/> gives them.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ushort> NarrowToHalf(Vector256<float> lower, Vector256<float> upper)
    {
        if (Avx2.IsSupported)
        {
            // The magnitudes' bits fit in 15 bits, so the saturating pack keeps them; packing the floats' own bits the same
            // way keeps their signs (a negative int32 saturates to 0x8000 or stays below zero), which are masked out.
            Vector256<short> magnitudes = Avx2.PackSignedSaturate(HalfMagnitudeBits(lower), HalfMagnitudeBits(upper));
            Vector256<short> signs = Avx2.PackSignedSaturate(lower.AsInt32(), upper.AsInt32()) & Vector256.Create(unchecked((short)0x8000));
            // x86 packs within 128-bit lanes: the quadwords are put back in order.
            return Avx2.Permute4x64((magnitudes | signs).AsUInt64(), 0b11_01_10_00).AsUInt16();
        }

        return Vector256.Narrow(
            HalfMagnitudeBits(lower).AsUInt32() | Vector256.ShiftRightLogical(lower.AsUInt32() & Vector256.Create(0x80000000u), 16),
            HalfMagnitudeBits(upper).AsUInt32() | Vector256.ShiftRightLogical(upper.AsUInt32() & Vector256.Create(0x80000000u), 16));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> HalfBitsToSingle(Vector256<int> signExtended)
    {
        Vector256<int> finite = ((Vector256.ShiftLeft(signExtended, 13) & Vector256.Create(ShiftedHalfMask)).AsSingle() * Vector256.Create(TwoTo112)).AsInt32();

        // Half infinities and NaNs come out as ±65536 and above with their payload in place: give them the all-ones exponent.
        // (Tested on the half's bits, so that the test runs beside the multiplication rather than after it.)
        Vector256<int> infinityOrNaN = Vector256.GreaterThan(signExtended & Vector256.Create((int)HalfExponentMantissaMask), Vector256.Create(HalfMaxFiniteBits));
        return (finite | (infinityOrNaN & Vector256.Create((int)SingleExponentMask))).AsSingle();
    }

    /// <summary>The bits of the half nearest to |value| (ties to even; NaN keeps its payload's top 10 bits, or gets payload 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> HalfMagnitudeBits(Vector256<float> value)
    {
        Vector256<int> magnitude = value.AsInt32() & Vector256.Create(0x7fffffff);

        // Clamp (as integers, so that NaN needs no care here) to 65520, which rounds to infinity; then add 2^(e + 13), e the
        // exponent of the magnitude but at least -14: the float adder drops exactly the bits below the Half ULP, ties to even.
        Vector256<uint> clamped = Vector256.Min(magnitude.AsUInt32(), Vector256.Create(HalfOverflowAsSingleBits));
        Vector256<uint> powerOfTwo = Vector256.Max(clamped, Vector256.Create(SmallestNormalHalfAsSingleBits)) & Vector256.Create(SingleExponentMask);
        Vector256<int> sum = (clamped.AsSingle() + (powerOfTwo + Vector256.Create(13u << 23)).AsSingle()).AsInt32();

        // The sum's exponent field is e + 140 and its low 12 bits (the bits above them are zero) are the Half significand with
        // its leading bit, and the carry when rounding reaches the next binade: the Half bits are ((e + 14) << 10) + those bits.
        Vector256<int> result;
        if (Avx2.IsSupported)
        {
            // Less 126 in the exponent field, the upper 16 bits are (e + 14) << 7 and the lower the significand: one multiply-add of
            // the 16-bit halves by 8 and 1 (both non-negative as signed numbers).
            result = Avx2.MultiplyAddAdjacent((sum - Vector256.Create(126 << 23)).AsInt16(), Vector256.Create(0x00080001).AsInt16());
        }
        else
        {
            result = Vector256.ShiftRightLogical((powerOfTwo - Vector256.Create(SmallestNormalHalfAsSingleBits)).AsInt32(), 13) + (sum & Vector256.Create((int)HalfExponentMantissaMask));
        }

        // NaN keeps the payload's top 10 bits (so halves round-trip bit for bit), or gets payload 1 if they are all zero.
        Vector256<int> nan = Vector256.ShiftRightLogical(Vector256.Max(magnitude.AsUInt32(), Vector256.Create(SmallestNaNWithHalfPayloadBits)), 13).AsInt32() & Vector256.Create((int)HalfExponentMantissaMask);
        return Vector256.ConditionalSelect(Vector256.GreaterThan(magnitude, Vector256.Create((int)SingleExponentMask)), nan, result);
    }

    /// <summary>Widens the bits of 32 halves into the floats they represent (exactly).</summary>
    /// <param name="bits">Half bit patterns, as from <see cref="BitConverter.HalfToUInt16Bits(Half)"/>.</param>
    /// <returns>The lower and upper halves of the lanes, as floats.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector512<float> Lower, Vector512<float> Upper) WidenHalf(Vector512<ushort> bits) => (WidenLowerHalf(bits), WidenUpperHalf(bits));

    /// <summary>The floats of the lower 16 halves of <paramref name="bits"/> (exactly).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<float> WidenLowerHalf(Vector512<ushort> bits) => HalfBitsToSingle(Vector512.WidenLower(bits.AsInt16()));

    /// <summary>The floats of the upper 16 halves of <paramref name="bits"/> (exactly).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<float> WidenUpperHalf(Vector512<ushort> bits) => HalfBitsToSingle(Vector512.WidenUpper(bits.AsInt16()));

    /// <summary>Narrows two vectors of floats to the bits of the nearest halves (ties to even; NaN stays NaN).</summary>
    /// <param name="lower">The floats for the lower lanes of the result.</param>
    /// <param name="upper">The floats for the upper lanes of the result.</param>
    /// <returns>Half bit patterns, as <see cref="BitConverter.HalfToUInt16Bits(Half)"/> gives them.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ushort> NarrowToHalf(Vector512<float> lower, Vector512<float> upper)
    {
        if (Avx512BW.IsSupported)
        {
            // The magnitudes' bits fit in 15 bits, so the saturating pack keeps them; packing the floats' own bits the same
            // way keeps their signs (a negative int32 saturates to 0x8000 or stays below zero), which are masked out.
            Vector512<short> magnitudes = Avx512BW.PackSignedSaturate(HalfMagnitudeBits(lower), HalfMagnitudeBits(upper));
            Vector512<short> signs = Avx512BW.PackSignedSaturate(lower.AsInt32(), upper.AsInt32()) & Vector512.Create(unchecked((short)0x8000));
            // x86 packs within 128-bit lanes: the quadwords are put back in order.
            return Avx512F.PermuteVar8x64((magnitudes | signs).AsUInt64(), Vector512.Create(0ul, 2, 4, 6, 1, 3, 5, 7)).AsUInt16();
        }

        return Vector512.Narrow(
            HalfMagnitudeBits(lower).AsUInt32() | Vector512.ShiftRightLogical(lower.AsUInt32() & Vector512.Create(0x80000000u), 16),
            HalfMagnitudeBits(upper).AsUInt32() | Vector512.ShiftRightLogical(upper.AsUInt32() & Vector512.Create(0x80000000u), 16));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> HalfBitsToSingle(Vector512<int> signExtended)
    {
        Vector512<int> finite = ((Vector512.ShiftLeft(signExtended, 13) & Vector512.Create(ShiftedHalfMask)).AsSingle() * Vector512.Create(TwoTo112)).AsInt32();

        // Half infinities and NaNs come out as ±65536 and above with their payload in place: give them the all-ones exponent.
        // (Tested on the half's bits, so that the test runs beside the multiplication rather than after it.)
        Vector512<int> infinityOrNaN = Vector512.GreaterThan(signExtended & Vector512.Create((int)HalfExponentMantissaMask), Vector512.Create(HalfMaxFiniteBits));
        return (finite | (infinityOrNaN & Vector512.Create((int)SingleExponentMask))).AsSingle();
    }

    /// <summary>The bits of the half nearest to |value| (ties to even; NaN keeps its payload's top 10 bits, or gets payload 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<int> HalfMagnitudeBits(Vector512<float> value)
    {
        Vector512<int> magnitude = value.AsInt32() & Vector512.Create(0x7fffffff);

        // Clamp (as integers, so that NaN needs no care here) to 65520, which rounds to infinity; then add 2^(e + 13), e the
        // exponent of the magnitude but at least -14: the float adder drops exactly the bits below the Half ULP, ties to even.
        Vector512<uint> clamped = Vector512.Min(magnitude.AsUInt32(), Vector512.Create(HalfOverflowAsSingleBits));
        Vector512<uint> powerOfTwo = Vector512.Max(clamped, Vector512.Create(SmallestNormalHalfAsSingleBits)) & Vector512.Create(SingleExponentMask);
        Vector512<int> sum = (clamped.AsSingle() + (powerOfTwo + Vector512.Create(13u << 23)).AsSingle()).AsInt32();

        // The sum's exponent field is e + 140 and its low 12 bits (the bits above them are zero) are the Half significand with
        // its leading bit, and the carry when rounding reaches the next binade: the Half bits are ((e + 14) << 10) + those bits.
        Vector512<int> result;
        if (Avx512BW.IsSupported)
        {
            // Less 126 in the exponent field, the upper 16 bits are (e + 14) << 7 and the lower the significand: one multiply-add of
            // the 16-bit halves by 8 and 1 (both non-negative as signed numbers).
            result = Avx512BW.MultiplyAddAdjacent((sum - Vector512.Create(126 << 23)).AsInt16(), Vector512.Create(0x00080001).AsInt16());
        }
        else
        {
            result = Vector512.ShiftRightLogical((powerOfTwo - Vector512.Create(SmallestNormalHalfAsSingleBits)).AsInt32(), 13) + (sum & Vector512.Create((int)HalfExponentMantissaMask));
        }

        // NaN keeps the payload's top 10 bits (so halves round-trip bit for bit), or gets payload 1 if they are all zero.
        Vector512<int> nan = Vector512.ShiftRightLogical(Vector512.Max(magnitude.AsUInt32(), Vector512.Create(SmallestNaNWithHalfPayloadBits)), 13).AsInt32() & Vector512.Create((int)HalfExponentMantissaMask);
        return Vector512.ConditionalSelect(Vector512.GreaterThan(magnitude, Vector512.Create((int)SingleExponentMask)), nan, result);
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

    /// <summary>One half's bits to its float, by the same rules as the vectors (for span tails and the Half loop's scalar path).</summary>
    internal static float HalfBitsToSingle(ushort half)
    {
        uint sign = (uint)(half & 0x8000) << 16;
        uint exponentMantissa = half & HalfExponentMantissaMask;
        uint shifted = exponentMantissa << 13;
        uint magnitude = exponentMantissa >= HalfInfinityBits
            ? shifted | 0x7f800000u
            : BitConverter.SingleToUInt32Bits(BitConverter.UInt32BitsToSingle(shifted) * TwoTo112);
        return BitConverter.UInt32BitsToSingle(magnitude | sign);
    }

    /// <summary>One float to the bits of the nearest half, by the same rules as the vectors (for span tails and the Half loop's scalar path).</summary>
    internal static ushort SingleToHalfBits(float value)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        uint sign = (bits >> 16) & 0x8000u;
        uint magnitude = bits & 0x7fffffffu;
        uint result;
        if (magnitude > 0x7f800000u)
        {
            result = (Math.Max(magnitude, SmallestNaNWithHalfPayloadBits) >> 13) & HalfExponentMantissaMask; // as the vectors
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
