using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

public static partial class VectorMath
{
    /// <summary>tanh for results rounded to Half: relative error below 2^-16; ±1 beyond ±8.75; ±0 and NaN kept.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The hyperbolic tangent of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float TanhForHalf(float x)
    {
        float t = Expm1ForHalfInRange(-2.0f * Math.Abs(x));
        return MathF.CopySign(t / (-2.0f - t), x);
    }

    /// <summary>tanh per element for results rounded to Half: relative error below 2^-16; ±1 beyond ±8.75; ±0 and NaN kept.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The hyperbolic tangent of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> TanhForHalf(Vector128<float> x)
    {
        // tanh|x| = -t / (t + 2) with t = e^(-2|x|) - 1 in [-1, 0]: no cancellation anywhere, the sign is copied back.
        Vector128<float> signBit = Vector128.Create(-0.0f);
        Vector128<float> t = Expm1ForHalfClamped(AtLeastKeepingNaN(Vector128.AndNot(x, signBit) * Vector128.Create(-2.0f), Vector128.Create(Expm1ForHalfLowestArgument)));
        return Vector128.AndNot(t / (Vector128.Create(-2.0f) - t), signBit) | (x & signBit);
    }

    /// <summary>tanh per element for results rounded to Half: relative error below 2^-16; ±1 beyond ±8.75; ±0 and NaN kept.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The hyperbolic tangent of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> TanhForHalf(Vector256<float> x)
    {
        // tanh|x| = -t / (t + 2) with t = e^(-2|x|) - 1 in [-1, 0]: no cancellation anywhere, the sign is copied back.
        Vector256<float> signBit = Vector256.Create(-0.0f);
        Vector256<float> t = Expm1ForHalfClamped(AtLeastKeepingNaN(Vector256.AndNot(x, signBit) * Vector256.Create(-2.0f), Vector256.Create(Expm1ForHalfLowestArgument)));
        return Vector256.AndNot(t / (Vector256.Create(-2.0f) - t), signBit) | (x & signBit);
    }

    /// <summary>tanh per element for results rounded to Half: relative error below 2^-16; ±1 beyond ±8.75; ±0 and NaN kept.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The hyperbolic tangent of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> TanhForHalf(Vector512<float> x)
    {
        // tanh|x| = -t / (t + 2) with t = e^(-2|x|) - 1 in [-1, 0]: no cancellation anywhere, the sign is copied back.
        Vector512<float> signBit = Vector512.Create(-0.0f);
        Vector512<float> t = Expm1ForHalfClamped(AtLeastKeepingNaN(Vector512.AndNot(x, signBit) * Vector512.Create(-2.0f), Vector512.Create(Expm1ForHalfLowestArgument)));
        return Vector512.AndNot(t / (Vector512.Create(-2.0f) - t), signBit) | (x & signBit);
    }
}
