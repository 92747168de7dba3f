using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

// hard_sigmoid and hard_silu of float vectors in float lanes, within 0.5 ULP (and a little) of the exact value (hard_silu
// 1.0 at results near the subnormals, where the small products round too). Naively,
// (x + 3) / 6 rounds twice (x + 3 rounds wherever x has bits below 3's last place) and 1/6 is no float, which keeps
// both in double lanes, at a widening, a double division and a narrowing per vector. Here:
// * x is clamped to [-3, 3] (NaN kept), which gives both ends of hard_sigmoid, 0 and 1.
// * x + 3 = sum + low exactly (Fast2Sum: |3| >= |x|).
// * hard_silu's x (sum + low) = product + productLow: the rounded product and its exact error by FMA, plus x low
//   (|productLow| below 2^-22 of the product; its own rounding weighs 2^-46).
// * Times 1/6 as a float pair (high rounded toward zero, low the rest, 2^-49 off), rounded once
//   (VectorMath.SinglePairProducts.cs). Without FMA both compute their stub's formula in double lanes.
// Exact for hard_sigmoid at both ends: 6 (1/6) rounds to 1, and -3 gives +0. hard_silu's zeros take the sign of x (-0
// for -0) and +0 at and below -3, as its stub gives; above 3 it is x itself.
public static partial class VectorMath
{
    /// <summary>1/6 rounded toward zero to float.</summary>
    private const float SixthHigh = 0.1666666567325592f;

    /// <summary>1/6 - <see cref="SixthHigh"/>, rounded to float.</summary>
    private const float SixthLow = 9.934107758624577e-09f;

    /// <summary>Keras's hard_sigmoid, <c>min(max((x + 3) / 6, 0), 1)</c>.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>hard_sigmoid of <paramref name="x"/>; NaN for NaN.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double HardSigmoid(double x) => System.Math.Min(System.Math.Max((x + 3.0) / 6.0, 0.0), 1.0);

    /// <summary>hard_sigmoid of a float (computed in double, rounded once).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>hard_sigmoid of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float HardSigmoid(float x) => (float)HardSigmoid((double)x);

    /// <summary>Keras's hard_silu, <c>x hard_sigmoid(x)</c>: 0 at and below -3, x at and above 3, <c>x (x + 3) / 6</c> between.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>hard_silu of <paramref name="x"/>; NaN for NaN.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double HardSilu(double x) => x <= -3.0 ? 0.0 : x >= 3.0 ? x : x * (x + 3.0) / 6.0;

    /// <summary>hard_silu of a float (computed in double, rounded once).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>hard_silu of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float HardSilu(float x) => (float)HardSilu((double)x);

    /// <summary>hard_sigmoid per float lane, within 0.5 ULP and a little (see the file's comment).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>hard_sigmoid of each element; NaN for NaN.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> HardSigmoid(Vector128<float> x)
    {
        if (!Fma.IsSupported)
        {
            return InDoubleLanes<HardSigmoidInDouble>(x);
        }

        Vector128<float> three = Vector128.Create(3f);
        Vector128<float> clamped = MinFast(three, MaxFast(-three, x));
        Vector128<float> sum = clamped + three;
        return MultiplyByPair(sum, (three - sum) + clamped, Vector128.Create(SixthHigh), Vector128.Create(SixthLow));
    }

    /// <inheritdoc cref="HardSigmoid(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> HardSigmoid(Vector256<float> x)
    {
        if (!Fma.IsSupported)
        {
            return InDoubleLanes<HardSigmoidInDouble>(x);
        }

        Vector256<float> three = Vector256.Create(3f);
        Vector256<float> clamped = MinFast(three, MaxFast(-three, x));
        Vector256<float> sum = clamped + three;
        return MultiplyByPair(sum, (three - sum) + clamped, Vector256.Create(SixthHigh), Vector256.Create(SixthLow));
    }

    /// <inheritdoc cref="HardSigmoid(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> HardSigmoid(Vector512<float> x)
    {
        if (!Avx512F.IsSupported)
        {
            return InDoubleLanes<HardSigmoidInDouble>(x);
        }

        Vector512<float> three = Vector512.Create(3f);
        Vector512<float> clamped = MinFast(three, MaxFast(-three, x));
        Vector512<float> sum = clamped + three;
        return MultiplyByPair(sum, (three - sum) + clamped, Vector512.Create(SixthHigh), Vector512.Create(SixthLow));
    }

    /// <summary>hard_silu per float lane, within 0.5 ULP and a little (see the file's comment).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>hard_silu of each element; NaN for NaN.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> HardSilu(Vector128<float> x)
    {
        if (!Fma.IsSupported)
        {
            return InDoubleLanes<HardSiluInDouble>(x);
        }

        Vector128<float> three = Vector128.Create(3f);
        Vector128<float> clamped = MinFast(three, MaxFast(-three, x));
        Vector128<float> sum = clamped + three;
        Vector128<float> product = clamped * sum;
        Vector128<float> productLow = Fma.MultiplyAdd(clamped, (three - sum) + clamped, Fma.MultiplySubtract(clamped, sum, product));
        Vector128<float> result = MultiplyByPair(product, productLow, Vector128.Create(SixthHigh), Vector128.Create(SixthLow))
            | (clamped & Vector128.Create(-0f)); // the sums give +0 for -0
        result = Vector128.ConditionalSelect(Vector128.LessThanOrEqual(x, -three), Vector128<float>.Zero, result);
        return Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(x, three), x, result);
    }

    /// <inheritdoc cref="HardSilu(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> HardSilu(Vector256<float> x)
    {
        if (!Fma.IsSupported)
        {
            return InDoubleLanes<HardSiluInDouble>(x);
        }

        Vector256<float> three = Vector256.Create(3f);
        Vector256<float> clamped = MinFast(three, MaxFast(-three, x));
        Vector256<float> sum = clamped + three;
        Vector256<float> product = clamped * sum;
        Vector256<float> productLow = Fma.MultiplyAdd(clamped, (three - sum) + clamped, Fma.MultiplySubtract(clamped, sum, product));
        Vector256<float> result = MultiplyByPair(product, productLow, Vector256.Create(SixthHigh), Vector256.Create(SixthLow))
            | (clamped & Vector256.Create(-0f)); // the sums give +0 for -0
        result = Vector256.ConditionalSelect(Vector256.LessThanOrEqual(x, -three), Vector256<float>.Zero, result);
        return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, three), x, result);
    }

    /// <inheritdoc cref="HardSilu(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> HardSilu(Vector512<float> x)
    {
        if (!Avx512F.IsSupported)
        {
            return InDoubleLanes<HardSiluInDouble>(x);
        }

        Vector512<float> three = Vector512.Create(3f);
        Vector512<float> clamped = MinFast(three, MaxFast(-three, x));
        Vector512<float> sum = clamped + three;
        Vector512<float> product = clamped * sum;
        Vector512<float> productLow = Avx512F.FusedMultiplyAdd(clamped, (three - sum) + clamped, Avx512F.FusedMultiplySubtract(clamped, sum, product));
        Vector512<float> result = MultiplyByPair(product, productLow, Vector512.Create(SixthHigh), Vector512.Create(SixthLow))
            | (clamped & Vector512.Create(-0f)); // the sums give +0 for -0
        result = Vector512.ConditionalSelect(Vector512.LessThanOrEqual(x, -three), Vector512<float>.Zero, result);
        return Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, three), x, result);
    }

    // Without FMA: (x + 3) / 6 in double lanes (exact but for the division, so that a result halfway between two floats
    // rounds to even as the stub's does). A NaN stays NaN through both bounds (Vector128.Max and Min keep a NaN second
    // operand on .NET 8 and any NaN on .NET 10).
    private readonly struct HardSigmoidInDouble : IDoubleLaneFormula
    {
        public static Vector128<double> Of(Vector128<double> x) =>
            Vector128.Min(Vector128.Create(1.0), Vector128.Max(Vector128<double>.Zero, (x + Vector128.Create(3.0)) / Vector128.Create(6.0)));
    }

    // Without FMA: x (x + 3) / 6 in double lanes (exact but for the division).
    private readonly struct HardSiluInDouble : IDoubleLaneFormula
    {
        public static Vector128<double> Of(Vector128<double> x)
        {
            Vector128<double> three = Vector128.Create(3.0);
            Vector128<double> between = Vector128.ConditionalSelect(Vector128.LessThanOrEqual(x, -three), Vector128<double>.Zero, x * (x + three) / Vector128.Create(6.0));
            return Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(x, three), x, between);
        }
    }
}
