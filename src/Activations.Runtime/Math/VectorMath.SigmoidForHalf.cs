using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

public static partial class VectorMath
{
    // sigmoid x = 1 / (1 + e^-x), written out for every x: 1 + e^-x has the relative error of e^-x (nothing cancels), and
    // so does the quotient, on both sides of zero (where the expansion through e^-|x| needed a select and a second
    // quotient). e^-x = 2^(k-1) · 2e^-u with k = round(-x / ln 2) and u = x + k ln 2 in [-ln2/2, ln2/2]: ExpForHalf's
    // polynomial for 2e^r at r = -u (its odd coefficients negated), so 1 + e^-x is one multiply-add. The exponent bias is
    // folded into the rounding shift, so that the shifted float's bits, moved up by 23, are 2^(k-1) themselves. Twelve
    // vector operations where the expansion took nineteen.

    /// <summary>Above this sigmoid rounds to 1 in float: e^-17.5 is below half a float ULP of 1.</summary>
    private const float SigmoidForHalfHighestArgument = 17.5f;

    /// <summary>
    /// The argument is clamped to at least this: k = round(89 / ln 2) = 128, so 2^(k-1) is still a finite float, and e^-x
    /// overflows to +∞ (sigmoid to 0) from about -88.72 down (sigmoid is below 2^-127 there).
    /// </summary>
    private const float SigmoidForHalfLowestArgument = -89.0f;

    /// <summary>1.5 * 2^23 + 126: the rounding shift with the exponent bias of 2^(k-1) added, so its low bits are k + 126.</summary>
    private const float SigmoidForHalfShift = 12583038.0f;

    /// <summary>1 / (1 + e^-x) for results rounded to Half: relative error below 2^-16 (absolute below 2^-124 under e^-86.5); 0 below about -88.72; NaN stays NaN.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The logistic sigmoid of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SigmoidForHalf(float x)
    {
        // Written as comparisons so that NaN falls through both and stays NaN.
        x = x > SigmoidForHalfHighestArgument ? SigmoidForHalfHighestArgument : x < SigmoidForHalfLowestArgument ? SigmoidForHalfLowestArgument : x;
        float shifted = (x * -InverseLn2ForHalf) + SigmoidForHalfShift;
        float k = shifted - SigmoidForHalfShift;
        float u = (k * Ln2ForHalf) + x;
        float p = (((((((ExpForHalfC4 * u) - ExpForHalfC3) * u) + ExpForHalfC2) * u) - ExpForHalfC1) * u) + 2.0f;
        float scale = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(shifted) << 23);
        return 1.0f / ((p * scale) + 1.0f);
    }

    /// <summary>1 / (1 + e^-x) per element for results rounded to Half: relative error below 2^-16 (absolute below 2^-124 under e^-86.5); 0 below about -88.72; NaN stays NaN.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The logistic sigmoid of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> SigmoidForHalf(Vector128<float> x)
    {
        x = ClampKeepingNaN(x, Vector128.Create(SigmoidForHalfLowestArgument), Vector128.Create(SigmoidForHalfHighestArgument));
        Vector128<float> shifted = MultiplyAdd(x, Vector128.Create(-InverseLn2ForHalf), Vector128.Create(SigmoidForHalfShift));
        Vector128<float> u = MultiplyAdd(shifted - Vector128.Create(SigmoidForHalfShift), Vector128.Create(Ln2ForHalf), x);
        Vector128<float> p = MultiplyAdd(MultiplyAdd(MultiplyAdd(MultiplyAdd(Vector128.Create(ExpForHalfC4), u, Vector128.Create(-ExpForHalfC3)), u, Vector128.Create(ExpForHalfC2)), u, Vector128.Create(-ExpForHalfC1)), u, Vector128.Create(2.0f));
        return Vector128.Create(1.0f) / MultiplyAdd(p, Vector128.ShiftLeft(shifted.AsInt32(), 23).AsSingle(), Vector128.Create(1.0f));
    }

    /// <summary>1 / (1 + e^-x) per element for results rounded to Half: relative error below 2^-16 (absolute below 2^-124 under e^-86.5); 0 below about -88.72; NaN stays NaN.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The logistic sigmoid of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> SigmoidForHalf(Vector256<float> x)
    {
        x = ClampKeepingNaN(x, Vector256.Create(SigmoidForHalfLowestArgument), Vector256.Create(SigmoidForHalfHighestArgument));
        Vector256<float> shifted = MultiplyAdd(x, Vector256.Create(-InverseLn2ForHalf), Vector256.Create(SigmoidForHalfShift));
        Vector256<float> u = MultiplyAdd(shifted - Vector256.Create(SigmoidForHalfShift), Vector256.Create(Ln2ForHalf), x);
        Vector256<float> p = MultiplyAdd(MultiplyAdd(MultiplyAdd(MultiplyAdd(Vector256.Create(ExpForHalfC4), u, Vector256.Create(-ExpForHalfC3)), u, Vector256.Create(ExpForHalfC2)), u, Vector256.Create(-ExpForHalfC1)), u, Vector256.Create(2.0f));
        return Vector256.Create(1.0f) / MultiplyAdd(p, Vector256.ShiftLeft(shifted.AsInt32(), 23).AsSingle(), Vector256.Create(1.0f));
    }

    /// <summary>1 / (1 + e^-x) per element for results rounded to Half: relative error below 2^-16 (absolute below 2^-124 under e^-86.5); 0 below about -88.72; NaN stays NaN.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The logistic sigmoid of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> SigmoidForHalf(Vector512<float> x)
    {
        x = ClampKeepingNaN(x, Vector512.Create(SigmoidForHalfLowestArgument), Vector512.Create(SigmoidForHalfHighestArgument));
        Vector512<float> shifted = MultiplyAdd(x, Vector512.Create(-InverseLn2ForHalf), Vector512.Create(SigmoidForHalfShift));
        Vector512<float> u = MultiplyAdd(shifted - Vector512.Create(SigmoidForHalfShift), Vector512.Create(Ln2ForHalf), x);
        Vector512<float> p = MultiplyAdd(MultiplyAdd(MultiplyAdd(MultiplyAdd(Vector512.Create(ExpForHalfC4), u, Vector512.Create(-ExpForHalfC3)), u, Vector512.Create(ExpForHalfC2)), u, Vector512.Create(-ExpForHalfC1)), u, Vector512.Create(2.0f));
        return Vector512.Create(1.0f) / MultiplyAdd(p, Vector512.ShiftLeft(shifted.AsInt32(), 23).AsSingle(), Vector512.Create(1.0f));
    }
}
