using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

public static partial class VectorMath
{
    // The …ForHalf functions: native float math for results that are rounded to Half (11-bit significand). They
    // need only about 16 good bits, so they use low-degree polynomials (coefficients fitted by us as Chebyshev
    // near-minimax approximations, errors measured in tests/Activations.Runtime.Tests/Math/ForHalfAccuracyTests.cs)
    // and run at full float width, where the float functions widen to double. The generator calls them only for
    // formulas that HalfPrecisionAnalysis proves stay within one Half ULP (src/Activations.Generator/Emit).
    // Like VectorMath.SingleVectors.cs, every width is written out with the vector operators themselves: a
    // kernel inlines these several times per width and must stay within the JIT's inlining budget.

    /// <summary>1 / ln 2 as a float.</summary>
    private const float InverseLn2ForHalf = 1.44269504f;

    /// <summary>1.5 * 2^23: adding it rounds a float below 2^22 to an integer, which then sits in the low mantissa bits.</summary>
    private const float RoundingShiftForHalf = 12582912.0f;

    /// <summary>ln 2 with 9 significant bits, so that k * Ln2HighForHalf is exact for |k| below 2^15.</summary>
    private const float Ln2HighForHalf = 0.693359375f;

    /// <summary>ln 2 - Ln2HighForHalf.</summary>
    private const float Ln2LowForHalf = -2.12194440e-4f;

    /// <summary>ln 2 rounded to float.</summary>
    private const float Ln2ForHalf = 0.693147181f;

    /// <summary>ln(float.MaxValue) rounded up: above it e^x overflows.</summary>
    private const float LnSingleMaxValue = 88.72283935546875f;

    /// <summary>Reduces x to r = x - k ln 2 with k = round(x / ln 2); <paramref name="shifted"/> holds k in its low bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float ReduceForHalf(float x, out float shifted)
    {
        shifted = (x * InverseLn2ForHalf) + RoundingShiftForHalf;
        float k = shifted - RoundingShiftForHalf;
        return (x - (k * Ln2HighForHalf)) - (k * Ln2LowForHalf);
    }

    /// <summary>2^(k - 1) from the shifted float of <see cref="ReduceForHalf(float, out float)"/>, for k in [-125, 128].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float HalfPowerOfTwoForHalf(float shifted) => BitConverter.Int32BitsToSingle((BitConverter.SingleToInt32Bits(shifted) + 126) << 23);

    /// <summary>k = round(x / ln 2) (as a float, and as the shifted float whose low bits hold it) and r = x - k ln 2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> ReduceForHalf(Vector128<float> x, out Vector128<float> shifted)
    {
        shifted = MultiplyAdd(x, Vector128.Create(InverseLn2ForHalf), Vector128.Create(RoundingShiftForHalf));
        Vector128<float> k = shifted - Vector128.Create(RoundingShiftForHalf);
        return MultiplyAdd(k, Vector128.Create(-Ln2LowForHalf), MultiplyAdd(k, Vector128.Create(-Ln2HighForHalf), x));
    }

    /// <summary>2^(k - 1) from the shifted float of <see cref="ReduceForHalf(Vector128{float}, out Vector128{float})"/>, for k in [-125, 128].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> HalfPowerOfTwoForHalf(Vector128<float> shifted) =>
        Vector128.ShiftLeft(shifted.AsInt32() + Vector128.Create(126), 23).AsSingle();

    /// <summary>k = round(x / ln 2) (as a float, and as the shifted float whose low bits hold it) and r = x - k ln 2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ReduceForHalf(Vector256<float> x, out Vector256<float> shifted)
    {
        shifted = MultiplyAdd(x, Vector256.Create(InverseLn2ForHalf), Vector256.Create(RoundingShiftForHalf));
        Vector256<float> k = shifted - Vector256.Create(RoundingShiftForHalf);
        return MultiplyAdd(k, Vector256.Create(-Ln2LowForHalf), MultiplyAdd(k, Vector256.Create(-Ln2HighForHalf), x));
    }

    /// <summary>2^(k - 1) from the shifted float of <see cref="ReduceForHalf(Vector256{float}, out Vector256{float})"/>, for k in [-125, 128].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> HalfPowerOfTwoForHalf(Vector256<float> shifted) =>
        Vector256.ShiftLeft(shifted.AsInt32() + Vector256.Create(126), 23).AsSingle();

    /// <summary>k = round(x / ln 2) (as a float, and as the shifted float whose low bits hold it) and r = x - k ln 2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ReduceForHalf(Vector512<float> x, out Vector512<float> shifted)
    {
        shifted = MultiplyAdd(x, Vector512.Create(InverseLn2ForHalf), Vector512.Create(RoundingShiftForHalf));
        Vector512<float> k = shifted - Vector512.Create(RoundingShiftForHalf);
        return MultiplyAdd(k, Vector512.Create(-Ln2LowForHalf), MultiplyAdd(k, Vector512.Create(-Ln2HighForHalf), x));
    }

    /// <summary>2^(k - 1) from the shifted float of <see cref="ReduceForHalf(Vector512{float}, out Vector512{float})"/>, for k in [-125, 128].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> HalfPowerOfTwoForHalf(Vector512<float> shifted) =>
        Vector512.ShiftLeft(shifted.AsInt32() + Vector512.Create(126), 23).AsSingle();
}
