using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

public static partial class VectorMath
{
    // tanh x ≈ x P(x²) / Q(x²) with P and Q of degree 4 (P(0) = Q(0) = 1): a relative-error minimax fit of ours on
    // (0, 9.1] (tools/fits/tanh_for_half.py: 2^-25.2 with float coefficients). Odd by construction, so no sign handling,
    // and relative accuracy down to the smallest floats (x² underflowing leaves x * 1 / 1 = x). The argument is clamped to
    // ±TanhForHalfClamp, where the quotient evaluates to exactly 1 both with and without FMA (and stays at most 1 below
    // it), so that tanh is ±1 beyond. At most 3.93 float ULPs from tanh over every finite half (3.74 where the result is
    // below 1 - 2^-13, with or without FMA; tests/Activations.Runtime.Tests/Math/ForHalfAccuracyTests.cs): close enough
    // for the Half loop to settle the few results near a Half midpoint in double (Kernels/HalfTieWindows.cs) and round
    // every half correctly.

    private const float TanhForHalfP1 = 0.1337746f;
    private const float TanhForHalfP2 = 0.0034912212f;
    private const float TanhForHalfP3 = 2.0532074e-05f;
    private const float TanhForHalfP4 = 1.3238312e-08f;
    private const float TanhForHalfQ1 = 0.4671078f;
    private const float TanhForHalfQ2 = 0.025860706f;
    private const float TanhForHalfQ3 = 0.00032782703f;
    private const float TanhForHalfQ4 = 7.7309795e-07f;

    /// <summary>
    /// The largest float below the first argument where the quotient exceeds 1 (8.0019, without FMA) at which it is exactly
    /// 1 in float arithmetic, fused or not: 1 - tanh there is 2^-22.0, 4 float ULPs; beyond it tanh is ±1.
    /// </summary>
    private const float TanhForHalfClamp = 7.9771957f;

    /// <summary>tanh for results rounded to Half: within 3.93 float ULPs over the finite halves, relative error below 2^-16 (the …ForHalf contract) elsewhere; ±1 beyond ±7.98; ±0 and NaN kept.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The hyperbolic tangent of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float TanhForHalf(float x)
    {
        // Written as comparisons so that NaN falls through both and stays NaN.
        x = x > TanhForHalfClamp ? TanhForHalfClamp : x < -TanhForHalfClamp ? -TanhForHalfClamp : x;
        float t = x * x;
        float p = (((((((TanhForHalfP4 * t) + TanhForHalfP3) * t) + TanhForHalfP2) * t) + TanhForHalfP1) * t) + 1.0f;
        float q = (((((((TanhForHalfQ4 * t) + TanhForHalfQ3) * t) + TanhForHalfQ2) * t) + TanhForHalfQ1) * t) + 1.0f;
        return (x * p) / q;
    }

    /// <summary>tanh per element for results rounded to Half: within 3.93 float ULPs over the finite halves, relative error below 2^-16 (the …ForHalf contract) elsewhere; ±1 beyond ±7.98; ±0 and NaN kept.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The hyperbolic tangent of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> TanhForHalf(Vector128<float> x)
    {
        x = ClampKeepingNaN(x, Vector128.Create(-TanhForHalfClamp), Vector128.Create(TanhForHalfClamp));
        Vector128<float> t = x * x;
        Vector128<float> p = MultiplyAdd(MultiplyAdd(MultiplyAdd(MultiplyAdd(Vector128.Create(TanhForHalfP4), t, Vector128.Create(TanhForHalfP3)), t, Vector128.Create(TanhForHalfP2)), t, Vector128.Create(TanhForHalfP1)), t, Vector128.Create(1.0f));
        Vector128<float> q = MultiplyAdd(MultiplyAdd(MultiplyAdd(MultiplyAdd(Vector128.Create(TanhForHalfQ4), t, Vector128.Create(TanhForHalfQ3)), t, Vector128.Create(TanhForHalfQ2)), t, Vector128.Create(TanhForHalfQ1)), t, Vector128.Create(1.0f));
        return (x * p) / q;
    }

    /// <summary>tanh per element for results rounded to Half: within 3.93 float ULPs over the finite halves, relative error below 2^-16 (the …ForHalf contract) elsewhere; ±1 beyond ±7.98; ±0 and NaN kept.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The hyperbolic tangent of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> TanhForHalf(Vector256<float> x)
    {
        x = ClampKeepingNaN(x, Vector256.Create(-TanhForHalfClamp), Vector256.Create(TanhForHalfClamp));
        Vector256<float> t = x * x;
        Vector256<float> p = MultiplyAdd(MultiplyAdd(MultiplyAdd(MultiplyAdd(Vector256.Create(TanhForHalfP4), t, Vector256.Create(TanhForHalfP3)), t, Vector256.Create(TanhForHalfP2)), t, Vector256.Create(TanhForHalfP1)), t, Vector256.Create(1.0f));
        Vector256<float> q = MultiplyAdd(MultiplyAdd(MultiplyAdd(MultiplyAdd(Vector256.Create(TanhForHalfQ4), t, Vector256.Create(TanhForHalfQ3)), t, Vector256.Create(TanhForHalfQ2)), t, Vector256.Create(TanhForHalfQ1)), t, Vector256.Create(1.0f));
        return (x * p) / q;
    }

    /// <summary>tanh per element for results rounded to Half: within 3.93 float ULPs over the finite halves, relative error below 2^-16 (the …ForHalf contract) elsewhere; ±1 beyond ±7.98; ±0 and NaN kept.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The hyperbolic tangent of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> TanhForHalf(Vector512<float> x)
    {
        x = ClampKeepingNaN(x, Vector512.Create(-TanhForHalfClamp), Vector512.Create(TanhForHalfClamp));
        Vector512<float> t = x * x;
        Vector512<float> p = MultiplyAdd(MultiplyAdd(MultiplyAdd(MultiplyAdd(Vector512.Create(TanhForHalfP4), t, Vector512.Create(TanhForHalfP3)), t, Vector512.Create(TanhForHalfP2)), t, Vector512.Create(TanhForHalfP1)), t, Vector512.Create(1.0f));
        Vector512<float> q = MultiplyAdd(MultiplyAdd(MultiplyAdd(MultiplyAdd(Vector512.Create(TanhForHalfQ4), t, Vector512.Create(TanhForHalfQ3)), t, Vector512.Create(TanhForHalfQ2)), t, Vector512.Create(TanhForHalfQ1)), t, Vector512.Create(1.0f));
        return (x * p) / q;
    }
}
