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

    /// <summary>
    /// The vector exponentials clamp their argument to at most this: k = round(x / ln 2) is then at most 128, so 2^(k-1) is
    /// still a finite float, and e^x above ln(float.MaxValue) overflows to +∞ in the final multiplication by it.
    /// </summary>
    private const float ExpForHalfHighestArgument = 88.8f;

    /// <summary>
    /// The vector exponentials clamp their argument to at least this: k = round(x / ln 2) is then -126, whose 2^(k-1) built
    /// from the exponent bits is +0, so that e^x is exactly 0 for every x at or below about -86.99.
    /// </summary>
    private const float ExpForHalfZeroArgument = -87.5f;

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

    /// <summary>The shifted float of the argument reduction: x / ln 2 + 1.5 * 2^23, whose low bits hold k = round(x / ln 2).</summary>
    /// <remarks>The reductions are split in two steps that return one vector each: an <c>out</c> vector lives in stack memory.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> ShiftedForHalf(Vector128<float> x) =>
        MultiplyAdd(x, Vector128.Create(InverseLn2ForHalf), Vector128.Create(RoundingShiftForHalf));

    /// <summary>r = x - k ln 2 from x and its shifted float (k = shifted - 1.5 * 2^23, exactly).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> ReducedForHalf(Vector128<float> x, Vector128<float> shifted)
    {
        // One step with ln 2 rounded to float: |k| ≤ 128 makes the error of that rounding (and, without FMA, of k ln 2) at most
        // 2^-18 relative in the result, which with the polynomials' error stays within 2^-16; for k = 0 (where e^x - 1 needs
        // its relative accuracy) r = x exactly.
        Vector128<float> k = shifted - Vector128.Create(RoundingShiftForHalf);
        return MultiplyAdd(k, Vector128.Create(-Ln2ForHalf), x);
    }

    /// <summary>2^(k - 1) from the shifted float of <see cref="ShiftedForHalf(Vector128{float})"/>, for k in [-125, 128]; +0 for k = -126.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> HalfPowerOfTwoForHalf(Vector128<float> shifted) =>
        Vector128.ShiftLeft(shifted.AsInt32() + Vector128.Create(126), 23).AsSingle();

    /// <summary>x clamped to [<paramref name="low"/>, <paramref name="high"/>]; a NaN stays NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> ClampKeepingNaN(Vector128<float> x, Vector128<float> low, Vector128<float> high)
    {
        // x86's min and max return their second operand when either is NaN: one instruction each.
        x = AtLeastKeepingNaN(x, low);
        return Sse.IsSupported ? Sse.Min(high, x) : Vector128.ConditionalSelect(Vector128.GreaterThan(x, high), high, x);
    }

    /// <summary>x, or <paramref name="low"/> where x is below it; a NaN stays NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> AtLeastKeepingNaN(Vector128<float> x, Vector128<float> low) =>
        Sse.IsSupported ? Sse.Max(low, x) : Vector128.ConditionalSelect(Vector128.LessThan(x, low), low, x);

    /// <summary>The shifted float of the argument reduction: x / ln 2 + 1.5 * 2^23, whose low bits hold k = round(x / ln 2).</summary>
    /// <remarks>The reductions are split in two steps that return one vector each: an <c>out</c> vector lives in stack memory.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ShiftedForHalf(Vector256<float> x) =>
        MultiplyAdd(x, Vector256.Create(InverseLn2ForHalf), Vector256.Create(RoundingShiftForHalf));

    /// <summary>r = x - k ln 2 from x and its shifted float (k = shifted - 1.5 * 2^23, exactly).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ReducedForHalf(Vector256<float> x, Vector256<float> shifted)
    {
        // One step with ln 2 rounded to float: |k| ≤ 128 makes the error of that rounding (and, without FMA, of k ln 2) at most
        // 2^-18 relative in the result, which with the polynomials' error stays within 2^-16; for k = 0 (where e^x - 1 needs
        // its relative accuracy) r = x exactly.
        Vector256<float> k = shifted - Vector256.Create(RoundingShiftForHalf);
        return MultiplyAdd(k, Vector256.Create(-Ln2ForHalf), x);
    }

    /// <summary>2^(k - 1) from the shifted float of <see cref="ShiftedForHalf(Vector256{float})"/>, for k in [-125, 128]; +0 for k = -126.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> HalfPowerOfTwoForHalf(Vector256<float> shifted) =>
        Vector256.ShiftLeft(shifted.AsInt32() + Vector256.Create(126), 23).AsSingle();

    /// <summary>x clamped to [<paramref name="low"/>, <paramref name="high"/>]; a NaN stays NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ClampKeepingNaN(Vector256<float> x, Vector256<float> low, Vector256<float> high)
    {
        // x86's min and max return their second operand when either is NaN: one instruction each.
        x = AtLeastKeepingNaN(x, low);
        return Avx.IsSupported ? Avx.Min(high, x) : Vector256.ConditionalSelect(Vector256.GreaterThan(x, high), high, x);
    }

    /// <summary>x, or <paramref name="low"/> where x is below it; a NaN stays NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> AtLeastKeepingNaN(Vector256<float> x, Vector256<float> low) =>
        Avx.IsSupported ? Avx.Max(low, x) : Vector256.ConditionalSelect(Vector256.LessThan(x, low), low, x);

    /// <summary>The shifted float of the argument reduction: x / ln 2 + 1.5 * 2^23, whose low bits hold k = round(x / ln 2).</summary>
    /// <remarks>The reductions are split in two steps that return one vector each: an <c>out</c> vector lives in stack memory.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ShiftedForHalf(Vector512<float> x) =>
        MultiplyAdd(x, Vector512.Create(InverseLn2ForHalf), Vector512.Create(RoundingShiftForHalf));

    /// <summary>r = x - k ln 2 from x and its shifted float (k = shifted - 1.5 * 2^23, exactly).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ReducedForHalf(Vector512<float> x, Vector512<float> shifted)
    {
        // One step with ln 2 rounded to float: |k| ≤ 128 makes the error of that rounding (and, without FMA, of k ln 2) at most
        // 2^-18 relative in the result, which with the polynomials' error stays within 2^-16; for k = 0 (where e^x - 1 needs
        // its relative accuracy) r = x exactly.
        Vector512<float> k = shifted - Vector512.Create(RoundingShiftForHalf);
        return MultiplyAdd(k, Vector512.Create(-Ln2ForHalf), x);
    }

    /// <summary>2^(k - 1) from the shifted float of <see cref="ShiftedForHalf(Vector512{float})"/>, for k in [-125, 128]; +0 for k = -126.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> HalfPowerOfTwoForHalf(Vector512<float> shifted) =>
        Vector512.ShiftLeft(shifted.AsInt32() + Vector512.Create(126), 23).AsSingle();

    /// <summary>x clamped to [<paramref name="low"/>, <paramref name="high"/>]; a NaN stays NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ClampKeepingNaN(Vector512<float> x, Vector512<float> low, Vector512<float> high)
    {
        // x86's min and max return their second operand when either is NaN: one instruction each.
        x = AtLeastKeepingNaN(x, low);
        return Avx512F.IsSupported ? Avx512F.Min(high, x) : Vector512.ConditionalSelect(Vector512.GreaterThan(x, high), high, x);
    }

    /// <summary>x, or <paramref name="low"/> where x is below it; a NaN stays NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> AtLeastKeepingNaN(Vector512<float> x, Vector512<float> low) =>
        Avx512F.IsSupported ? Avx512F.Max(low, x) : Vector512.ConditionalSelect(Vector512.LessThan(x, low), low, x);

}
