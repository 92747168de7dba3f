using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

public static partial class VectorMath
{
    // The Half loop's fast conversions on x86, for blocks of halves with no infinity or NaN whose results are finite halves:
    // most blocks of most data. They skip the fix-ups of VectorMath.Half.cs (infinity and NaN in, overflow and NaN out), and
    // work within 128-bit lanes: unpacking a vector's halves to 32 bits within each lane, and packing the results back the
    // same way, puts every half where it came from without crossing lanes (no extract, no permute). The lanes of the float
    // vectors are in a different order from the halves', which an element-wise operator does not see. Same bits as the
    // full conversions wherever they apply (the loop checks each block and takes the full conversions otherwise).

    /// <summary>Half bits of a finite value above this (with the sign masked off) are infinity or NaN.</summary>
    private const short LargestFiniteHalfBits = 0x7bff;

    /// <summary>Float bits below 65520 (which rounds to Half infinity): larger magnitudes, infinity and NaN need the full narrowing.</summary>
    private const int LargestHalfFiniteResultBits = 0x477fefff;

    /// <summary>The floats of the halves in the lower 64 bits of each 128-bit lane (exact for finite halves only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<float> WidenFiniteLowerInLanes(Vector256<ushort> bits) =>
        FiniteHalfToSingle(Avx2.UnpackLow(Vector256<ushort>.Zero, bits).AsInt32());

    /// <summary>The floats of the halves in the upper 64 bits of each 128-bit lane (exact for finite halves only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<float> WidenFiniteUpperInLanes(Vector256<ushort> bits) =>
        FiniteHalfToSingle(Avx2.UnpackHigh(Vector256<ushort>.Zero, bits).AsInt32());

    /// <summary>Whether a block needs the full conversions: an infinity or NaN among its halves, or a result that is not a finite half.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool NeedsFullHalfConversions(Vector256<ushort> bits, Vector256<float> lower, Vector256<float> upper)
    {
        // Both tests' masks in one vector, so that one test and one branch decide.
        Vector256<short> specialInput = Vector256.GreaterThan((bits & Vector256.Create((ushort)HalfExponentMantissaMask)).AsInt16(), Vector256.Create(LargestFiniteHalfBits));
        Vector256<int> specialResult = Vector256.GreaterThan(Vector256.Max(lower.AsInt32() & Vector256.Create(0x7fffffff), upper.AsInt32() & Vector256.Create(0x7fffffff)), Vector256.Create(LargestHalfFiniteResultBits));
        return (specialInput.AsInt32() | specialResult) != Vector256<int>.Zero;
    }

    /// <summary>The halves nearest to the floats of <see cref="WidenFiniteLowerInLanes(Vector256{ushort})"/>'s and <see cref="WidenFiniteUpperInLanes(Vector256{ushort})"/>'s lanes, in the halves' order (finite results below 65520 only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<ushort> NarrowFiniteInLanes(Vector256<float> lower, Vector256<float> upper)
    {
        Vector256<short> magnitudes = Avx2.PackSignedSaturate(FiniteHalfMagnitudeBits(lower.AsInt32() & Vector256.Create(0x7fffffff)), FiniteHalfMagnitudeBits(upper.AsInt32() & Vector256.Create(0x7fffffff)));
        Vector256<short> signs = Avx2.PackSignedSaturate(lower.AsInt32(), upper.AsInt32()) & Vector256.Create(unchecked((short)0x8000));
        return (magnitudes | signs).AsUInt16();
    }

    /// <summary>A finite half in the upper 16 bits of each 32-bit lane, as a float.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> FiniteHalfToSingle(Vector256<int> halfInUpperBits) =>
        // Shifted right by 3 (copying the sign), the exponent and mantissa sit where VectorMath.Half.cs's widening puts them.
        (Vector256.ShiftRightArithmetic(halfInUpperBits, 3) & Vector256.Create(ShiftedHalfMask)).AsSingle() * Vector256.Create(TwoTo112);

    /// <summary>The half bits of a magnitude below 65520, as VectorMath.Half.cs's narrowing computes them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> FiniteHalfMagnitudeBits(Vector256<int> magnitude)
    {
        Vector256<int> powerOfTwo = Vector256.Max(magnitude, Vector256.Create((int)SmallestNormalHalfAsSingleBits)) & Vector256.Create((int)SingleExponentMask);
        Vector256<int> sum = (magnitude.AsSingle() + (powerOfTwo + Vector256.Create(13 << 23)).AsSingle()).AsInt32();
        return Avx2.MultiplyAddAdjacent((sum - Vector256.Create(126 << 23)).AsInt16(), Vector256.Create(0x00080001).AsInt16());
    }

    /// <summary>The floats of the lower 4 halves (exact for finite halves only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<float> WidenFiniteLowerInLanes(Vector128<ushort> bits) =>
        FiniteHalfToSingle(Sse2.UnpackLow(Vector128<ushort>.Zero, bits).AsInt32());

    /// <summary>The floats of the upper 4 halves (exact for finite halves only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<float> WidenFiniteUpperInLanes(Vector128<ushort> bits) =>
        FiniteHalfToSingle(Sse2.UnpackHigh(Vector128<ushort>.Zero, bits).AsInt32());

    /// <summary>Whether a block needs the full conversions: an infinity or NaN among its halves, or a result that is not a finite half.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool NeedsFullHalfConversions(Vector128<ushort> bits, Vector128<float> lower, Vector128<float> upper)
    {
        // Both tests' masks in one vector, so that one test and one branch decide.
        Vector128<short> specialInput = Vector128.GreaterThan((bits & Vector128.Create((ushort)HalfExponentMantissaMask)).AsInt16(), Vector128.Create(LargestFiniteHalfBits));
        Vector128<int> specialResult = Vector128.GreaterThan(Vector128.Max(lower.AsInt32() & Vector128.Create(0x7fffffff), upper.AsInt32() & Vector128.Create(0x7fffffff)), Vector128.Create(LargestHalfFiniteResultBits));
        return (specialInput.AsInt32() | specialResult) != Vector128<int>.Zero;
    }

    /// <summary>The halves nearest to the floats of <see cref="WidenFiniteLowerInLanes(Vector128{ushort})"/>'s and <see cref="WidenFiniteUpperInLanes(Vector128{ushort})"/>'s lanes (finite results below 65520 only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<ushort> NarrowFiniteInLanes(Vector128<float> lower, Vector128<float> upper)
    {
        Vector128<short> magnitudes = Sse2.PackSignedSaturate(FiniteHalfMagnitudeBits(lower.AsInt32() & Vector128.Create(0x7fffffff)), FiniteHalfMagnitudeBits(upper.AsInt32() & Vector128.Create(0x7fffffff)));
        Vector128<short> signs = Sse2.PackSignedSaturate(lower.AsInt32(), upper.AsInt32()) & Vector128.Create(unchecked((short)0x8000));
        return (magnitudes | signs).AsUInt16();
    }

    /// <summary>A finite half in the upper 16 bits of each 32-bit lane, as a float.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> FiniteHalfToSingle(Vector128<int> halfInUpperBits) =>
        (Vector128.ShiftRightArithmetic(halfInUpperBits, 3) & Vector128.Create(ShiftedHalfMask)).AsSingle() * Vector128.Create(TwoTo112);

    /// <summary>The half bits of a magnitude below 65520, as VectorMath.Half.cs's narrowing computes them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> FiniteHalfMagnitudeBits(Vector128<int> magnitude)
    {
        Vector128<int> powerOfTwo = Vector128.Max(magnitude, Vector128.Create((int)SmallestNormalHalfAsSingleBits)) & Vector128.Create((int)SingleExponentMask);
        Vector128<int> sum = (magnitude.AsSingle() + (powerOfTwo + Vector128.Create(13 << 23)).AsSingle()).AsInt32();
        return Sse2.MultiplyAddAdjacent((sum - Vector128.Create(126 << 23)).AsInt16(), Vector128.Create(0x00080001).AsInt16());
    }

    /// <summary>The floats of the halves in the lower 64 bits of each 128-bit lane (exact for finite halves only; AVX-512BW).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<float> WidenFiniteLowerInLanes(Vector512<ushort> bits) =>
        FiniteHalfToSingle(Avx512BW.UnpackLow(Vector512<ushort>.Zero, bits).AsInt32());

    /// <summary>The floats of the halves in the upper 64 bits of each 128-bit lane (exact for finite halves only; AVX-512BW).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<float> WidenFiniteUpperInLanes(Vector512<ushort> bits) =>
        FiniteHalfToSingle(Avx512BW.UnpackHigh(Vector512<ushort>.Zero, bits).AsInt32());

    /// <summary>Whether a block needs the full conversions: an infinity or NaN among its halves, or a result that is not a finite half.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool NeedsFullHalfConversions(Vector512<ushort> bits, Vector512<float> lower, Vector512<float> upper)
    {
        // Two comparisons into mask registers and a test of each (no mask widened back to a vector and or-ed, as the
        // Vector256 form must): four vector operations fewer per block.
        return Vector512.GreaterThanAny((bits & Vector512.Create((ushort)HalfExponentMantissaMask)).AsInt16(), Vector512.Create(LargestFiniteHalfBits))
            || Vector512.GreaterThanAny(Vector512.Max(lower.AsInt32() & Vector512.Create(0x7fffffff), upper.AsInt32() & Vector512.Create(0x7fffffff)), Vector512.Create(LargestHalfFiniteResultBits));
    }

    /// <summary>The halves nearest to the floats of <see cref="WidenFiniteLowerInLanes(Vector512{ushort})"/>'s and <see cref="WidenFiniteUpperInLanes(Vector512{ushort})"/>'s lanes, in the halves' order (finite results below 65520 only; AVX-512BW).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<ushort> NarrowFiniteInLanes(Vector512<float> lower, Vector512<float> upper)
    {
        Vector512<short> magnitudes = Avx512BW.PackSignedSaturate(FiniteHalfMagnitudeBits(lower.AsInt32() & Vector512.Create(0x7fffffff)), FiniteHalfMagnitudeBits(upper.AsInt32() & Vector512.Create(0x7fffffff)));
        Vector512<short> signs = Avx512BW.PackSignedSaturate(lower.AsInt32(), upper.AsInt32()) & Vector512.Create(unchecked((short)0x8000));
        return (magnitudes | signs).AsUInt16();
    }

    /// <summary>A finite half in the upper 16 bits of each 32-bit lane, as a float.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> FiniteHalfToSingle(Vector512<int> halfInUpperBits) =>
        (Vector512.ShiftRightArithmetic(halfInUpperBits, 3) & Vector512.Create(ShiftedHalfMask)).AsSingle() * Vector512.Create(TwoTo112);

    /// <summary>The half bits of a magnitude below 65520, as VectorMath.Half.cs's narrowing computes them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<int> FiniteHalfMagnitudeBits(Vector512<int> magnitude)
    {
        Vector512<int> powerOfTwo = Vector512.Max(magnitude, Vector512.Create((int)SmallestNormalHalfAsSingleBits)) & Vector512.Create((int)SingleExponentMask);
        Vector512<int> sum = (magnitude.AsSingle() + (powerOfTwo + Vector512.Create(13 << 23)).AsSingle()).AsInt32();
        return Avx512BW.MultiplyAddAdjacent((sum - Vector512.Create(126 << 23)).AsInt16(), Vector512.Create(0x00080001).AsInt16());
    }
}
