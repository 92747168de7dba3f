using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

public static partial class VectorMath
{
    // tanh x ≈ x P(x²) / Q(x²) with P and Q of degree 3 (P(0) = Q(0) = 1): a relative-error minimax fit of ours on (0, 7]
    // (2^-19.8; 2^-19.2 as evaluated in float, with or without FMA). Odd by construction, so no sign handling, and
    // relative accuracy down to the smallest floats (x² underflowing leaves x * 1 / 1 = x). Twelve vector operations
    // where the e^-2|x| - 1 route took twenty-one. The argument is clamped to ±TanhForHalfClamp, where the quotient
    // evaluates to exactly 1 both with and without FMA (and stays at most 1 below it), so that tanh is ±1 beyond.

    private const float TanhForHalfP1 = 0.12330131f;
    private const float TanhForHalfP2 = 0.0022996962f;
    private const float TanhForHalfP3 = 4.0231703e-06f;
    private const float TanhForHalfQ1 = 0.4566294f;
    private const float TanhForHalfQ2 = 0.02118405f;
    private const float TanhForHalfQ3 = 0.00014465832f;

    /// <summary>
    /// The largest float at which the quotient is exactly 1 in float arithmetic (fused or not) and at most 1 for every
    /// smaller argument: 1 - tanh there is 2^-19.3, within the contract; beyond it tanh is ±1.
    /// </summary>
    private const float TanhForHalfClamp = 7.0276914f;

    /// <summary>tanh for results rounded to Half: relative error below 2^-16; ±1 beyond ±7.03; ±0 and NaN kept.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The hyperbolic tangent of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float TanhForHalf(float x)
    {
        // Written as comparisons so that NaN falls through both and stays NaN.
        x = x > TanhForHalfClamp ? TanhForHalfClamp : x < -TanhForHalfClamp ? -TanhForHalfClamp : x;
        float t = x * x;
        float p = (((((TanhForHalfP3 * t) + TanhForHalfP2) * t) + TanhForHalfP1) * t) + 1.0f;
        float q = (((((TanhForHalfQ3 * t) + TanhForHalfQ2) * t) + TanhForHalfQ1) * t) + 1.0f;
        return (x * p) / q;
    }

    /// <summary>tanh per element for results rounded to Half: relative error below 2^-16; ±1 beyond ±7.03; ±0 and NaN kept.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The hyperbolic tangent of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> TanhForHalf(Vector128<float> x)
    {
        x = ClampKeepingNaN(x, Vector128.Create(-TanhForHalfClamp), Vector128.Create(TanhForHalfClamp));
        Vector128<float> t = x * x;
        Vector128<float> p = MultiplyAdd(MultiplyAdd(MultiplyAdd(Vector128.Create(TanhForHalfP3), t, Vector128.Create(TanhForHalfP2)), t, Vector128.Create(TanhForHalfP1)), t, Vector128.Create(1.0f));
        Vector128<float> q = MultiplyAdd(MultiplyAdd(MultiplyAdd(Vector128.Create(TanhForHalfQ3), t, Vector128.Create(TanhForHalfQ2)), t, Vector128.Create(TanhForHalfQ1)), t, Vector128.Create(1.0f));
        return (x * p) / q;
    }

    /// <summary>tanh per element for results rounded to Half: relative error below 2^-16; ±1 beyond ±7.03; ±0 and NaN kept.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The hyperbolic tangent of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> TanhForHalf(Vector256<float> x)
    {
        x = ClampKeepingNaN(x, Vector256.Create(-TanhForHalfClamp), Vector256.Create(TanhForHalfClamp));
        Vector256<float> t = x * x;
        Vector256<float> p = MultiplyAdd(MultiplyAdd(MultiplyAdd(Vector256.Create(TanhForHalfP3), t, Vector256.Create(TanhForHalfP2)), t, Vector256.Create(TanhForHalfP1)), t, Vector256.Create(1.0f));
        Vector256<float> q = MultiplyAdd(MultiplyAdd(MultiplyAdd(Vector256.Create(TanhForHalfQ3), t, Vector256.Create(TanhForHalfQ2)), t, Vector256.Create(TanhForHalfQ1)), t, Vector256.Create(1.0f));
        return (x * p) / q;
    }

    /// <summary>tanh per element for results rounded to Half: relative error below 2^-16; ±1 beyond ±7.03; ±0 and NaN kept.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The hyperbolic tangent of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> TanhForHalf(Vector512<float> x)
    {
        x = ClampKeepingNaN(x, Vector512.Create(-TanhForHalfClamp), Vector512.Create(TanhForHalfClamp));
        Vector512<float> t = x * x;
        Vector512<float> p = MultiplyAdd(MultiplyAdd(MultiplyAdd(Vector512.Create(TanhForHalfP3), t, Vector512.Create(TanhForHalfP2)), t, Vector512.Create(TanhForHalfP1)), t, Vector512.Create(1.0f));
        Vector512<float> q = MultiplyAdd(MultiplyAdd(MultiplyAdd(Vector512.Create(TanhForHalfQ3), t, Vector512.Create(TanhForHalfQ2)), t, Vector512.Create(TanhForHalfQ1)), t, Vector512.Create(1.0f));
        return (x * p) / q;
    }
}
