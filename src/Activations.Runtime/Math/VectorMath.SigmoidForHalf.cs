using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Activations;

public static partial class VectorMath
{
    // sigmoid x = 1 / (1 + e^-x), written out for every x: 1 + e^-x has the relative error of e^-x (nothing cancels), and
    // so does the quotient, on both sides of zero (where the expansion through e^-|x| needed a select and a second
    // quotient). e^-x = 2^(k-1) · 2e^-u with k = round(-x / ln 2) and u = x + k ln 2 in [-ln2/2, ln2/2]: one fused
    // multiply-add with ln 2 rounded to float, written with the hardware's own instruction so that it is fused for sure
    // (without FMA, where k ln 2 would round, ln 2 in two parts with k · ln2_hi exact). 2e^-u by a degree-5 polynomial of
    // ours (tools/fits/sigmoid_for_half.py: 2^-23.4 relative, 2^-22.7 evaluated in float), so 1 + e^-x is one
    // multiply-add. The exponent bias is folded into the rounding shift, so that the shifted float's bits, moved up by 23,
    // are 2^(k-1) themselves. At most 2.75 float ULPs from sigmoid over every finite half (2.6 without FMA;
    // tests/Activations.Runtime.Tests/Math/ForHalfAccuracyTests.cs): close enough for the Half loop to settle the few
    // results near a Half midpoint in double (Kernels/HalfTieWindows.cs) and round every half correctly.

    /// <summary>The coefficients of 2e^-u ≈ 2 + C1 u + C2 u² + C3 u³ + C4 u⁴ + C5 u⁵ on [-ln2/2, ln2/2].</summary>
    private const float SigmoidForHalfC1 = -1.9999994f;
    private const float SigmoidForHalfC2 = 0.9999828f;
    private const float SigmoidForHalfC3 = -0.33335292f;
    private const float SigmoidForHalfC4 = 0.08379875f;
    private const float SigmoidForHalfC5 = -0.016580421f;

    /// <summary>Above this sigmoid rounds to 1 in float: e^-17.5 is below half a float ULP of 1.</summary>
    private const float SigmoidForHalfHighestArgument = 17.5f;

    /// <summary>
    /// The argument is clamped to at least this: k = round(89 / ln 2) = 128, so 2^(k-1) is still a finite float, and e^-x
    /// overflows to +∞ (sigmoid to 0) from about -88.72 down (sigmoid is below 2^-127 there).
    /// </summary>
    private const float SigmoidForHalfLowestArgument = -89.0f;

    /// <summary>1.5 * 2^23 + 126: the rounding shift with the exponent bias of 2^(k-1) added, so its low bits are k + 126.</summary>
    private const float SigmoidForHalfShift = 12583038.0f;

    /// <summary>1 / (1 + e^-x) for results rounded to Half: within 2.75 float ULPs over the finite halves, relative error below 2^-16 (the …ForHalf contract) elsewhere (absolute below 2^-124 under e^-86.5); 0 below about -88.72; NaN stays NaN.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The logistic sigmoid of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SigmoidForHalf(float x)
    {
        // Written as comparisons so that NaN falls through both and stays NaN.
        x = x > SigmoidForHalfHighestArgument ? SigmoidForHalfHighestArgument : x < SigmoidForHalfLowestArgument ? SigmoidForHalfLowestArgument : x;
        float shifted = (x * -InverseLn2ForHalf) + SigmoidForHalfShift;
        float k = shifted - SigmoidForHalfShift;
        float u = (x + (k * Ln2HighForHalf)) + (k * Ln2LowForHalf);
        float p = (((((((((SigmoidForHalfC5 * u) + SigmoidForHalfC4) * u) + SigmoidForHalfC3) * u) + SigmoidForHalfC2) * u) + SigmoidForHalfC1) * u) + 2.0f;
        float scale = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(shifted) << 23);
        return 1.0f / ((p * scale) + 1.0f);
    }

    /// <summary>1 / (1 + e^-x) per element for results rounded to Half: within 2.75 float ULPs over the finite halves, relative error below 2^-16 (the …ForHalf contract) elsewhere (absolute below 2^-124 under e^-86.5); 0 below about -88.72; NaN stays NaN.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The logistic sigmoid of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> SigmoidForHalf(Vector128<float> x)
    {
        x = ClampKeepingNaN(x, Vector128.Create(SigmoidForHalfLowestArgument), Vector128.Create(SigmoidForHalfHighestArgument));
        Vector128<float> shifted = MultiplyAdd(x, Vector128.Create(-InverseLn2ForHalf), Vector128.Create(SigmoidForHalfShift));
        Vector128<float> k = shifted - Vector128.Create(SigmoidForHalfShift);
        Vector128<float> u = Fma.IsSupported ? Fma.MultiplyAdd(k, Vector128.Create(Ln2ForHalf), x)
            : AdvSimd.IsSupported ? AdvSimd.FusedMultiplyAdd(x, k, Vector128.Create(Ln2ForHalf))
            : MultiplyAdd(k, Vector128.Create(Ln2LowForHalf), MultiplyAdd(k, Vector128.Create(Ln2HighForHalf), x));
        Vector128<float> p = MultiplyAdd(MultiplyAdd(MultiplyAdd(MultiplyAdd(Vector128.Create(SigmoidForHalfC5), u, Vector128.Create(SigmoidForHalfC4)), u, Vector128.Create(SigmoidForHalfC3)), u, Vector128.Create(SigmoidForHalfC2)), u, Vector128.Create(SigmoidForHalfC1));
        p = MultiplyAdd(p, u, Vector128.Create(2.0f));
        return Vector128.Create(1.0f) / MultiplyAdd(p, Vector128.ShiftLeft(shifted.AsInt32(), 23).AsSingle(), Vector128.Create(1.0f));
    }

    /// <summary>1 / (1 + e^-x) per element for results rounded to Half: within 2.75 float ULPs over the finite halves, relative error below 2^-16 (the …ForHalf contract) elsewhere (absolute below 2^-124 under e^-86.5); 0 below about -88.72; NaN stays NaN.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The logistic sigmoid of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> SigmoidForHalf(Vector256<float> x)
    {
        x = ClampKeepingNaN(x, Vector256.Create(SigmoidForHalfLowestArgument), Vector256.Create(SigmoidForHalfHighestArgument));
        Vector256<float> shifted = MultiplyAdd(x, Vector256.Create(-InverseLn2ForHalf), Vector256.Create(SigmoidForHalfShift));
        Vector256<float> k = shifted - Vector256.Create(SigmoidForHalfShift);
        Vector256<float> u = Fma.IsSupported
            ? Fma.MultiplyAdd(k, Vector256.Create(Ln2ForHalf), x)
            : MultiplyAdd(k, Vector256.Create(Ln2LowForHalf), MultiplyAdd(k, Vector256.Create(Ln2HighForHalf), x));
        Vector256<float> p = MultiplyAdd(MultiplyAdd(MultiplyAdd(MultiplyAdd(Vector256.Create(SigmoidForHalfC5), u, Vector256.Create(SigmoidForHalfC4)), u, Vector256.Create(SigmoidForHalfC3)), u, Vector256.Create(SigmoidForHalfC2)), u, Vector256.Create(SigmoidForHalfC1));
        p = MultiplyAdd(p, u, Vector256.Create(2.0f));
        return Vector256.Create(1.0f) / MultiplyAdd(p, Vector256.ShiftLeft(shifted.AsInt32(), 23).AsSingle(), Vector256.Create(1.0f));
    }

    /// <summary>1 / (1 + e^-x) per element for results rounded to Half: within 2.75 float ULPs over the finite halves, relative error below 2^-16 (the …ForHalf contract) elsewhere (absolute below 2^-124 under e^-86.5); 0 below about -88.72; NaN stays NaN.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The logistic sigmoid of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> SigmoidForHalf(Vector512<float> x)
    {
        x = ClampKeepingNaN(x, Vector512.Create(SigmoidForHalfLowestArgument), Vector512.Create(SigmoidForHalfHighestArgument));
        Vector512<float> shifted = MultiplyAdd(x, Vector512.Create(-InverseLn2ForHalf), Vector512.Create(SigmoidForHalfShift));
        Vector512<float> k = shifted - Vector512.Create(SigmoidForHalfShift);
        Vector512<float> u = Avx512F.IsSupported
            ? Avx512F.FusedMultiplyAdd(k, Vector512.Create(Ln2ForHalf), x)
            : MultiplyAdd(k, Vector512.Create(Ln2LowForHalf), MultiplyAdd(k, Vector512.Create(Ln2HighForHalf), x));
        Vector512<float> p = MultiplyAdd(MultiplyAdd(MultiplyAdd(MultiplyAdd(Vector512.Create(SigmoidForHalfC5), u, Vector512.Create(SigmoidForHalfC4)), u, Vector512.Create(SigmoidForHalfC3)), u, Vector512.Create(SigmoidForHalfC2)), u, Vector512.Create(SigmoidForHalfC1));
        p = MultiplyAdd(p, u, Vector512.Create(2.0f));
        return Vector512.Create(1.0f) / MultiplyAdd(p, Vector512.ShiftLeft(shifted.AsInt32(), 23).AsSingle(), Vector512.Create(1.0f));
    }
}
