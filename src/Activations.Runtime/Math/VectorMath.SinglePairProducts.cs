using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

// Products with a constant that is no float, in float lanes, rounded once: the constant as a pair high + low (high the
// constant rounded toward zero, low the rest rounded to float, of the same sign, so that signed zeros come out as the
// exact product's). Rounded to one float, a constant such as selu's scale 1.0507009873554805 is off by up to 2^-24.1 of
// itself, which with the product's own rounding reaches 1.4 ULP; the pair is off by 2^-48, and one FMA rounds the sum.
// Without FMA hardware the product is computed in double lanes and narrowed (one rounding too).
public static partial class VectorMath
{
    /// <summary>x (high + low) per float lane, rounded once: a constant factor that is no float, as a pair (the generator
    /// lowers a product of such a constant with an exact float value in float lanes to it).</summary>
    /// <param name="x">The values.</param>
    /// <param name="high">The constant rounded toward zero.</param>
    /// <param name="low">The rest of the constant, rounded to float.</param>
    /// <returns>The product for each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> MultiplyByPair(Vector128<float> x, Vector128<float> high, Vector128<float> low) =>
        Fma.IsSupported ? Fma.MultiplyAdd(high, x, low * x) : MultiplyByPairInDouble(x, Vector128<float>.Zero, high, low);

    /// <inheritdoc cref="MultiplyByPair(Vector128{float}, Vector128{float}, Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyByPair(Vector256<float> x, Vector256<float> high, Vector256<float> low) =>
        Fma.IsSupported ? Fma.MultiplyAdd(high, x, low * x) : MultiplyByPairInDouble(x, Vector256<float>.Zero, high, low);

    /// <inheritdoc cref="MultiplyByPair(Vector128{float}, Vector128{float}, Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MultiplyByPair(Vector512<float> x, Vector512<float> high, Vector512<float> low) =>
        Avx512F.IsSupported ? Avx512F.FusedMultiplyAdd(high, x, low * x) : MultiplyByPairInDouble(x, Vector512<float>.Zero, high, low);

    // (y + yLow)(high + low) rounded once, |yLow| a small fraction of |y|: high y as a rounded product and its exact error
    // (FMA), the three small terms added to the error, then one rounding. Each small term is below 2^-20 of the result and
    // rounds by 2^-24 of itself.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> MultiplyByPair(Vector128<float> y, Vector128<float> yLow, Vector128<float> high, Vector128<float> low)
    {
        if (!Fma.IsSupported)
        {
            return MultiplyByPairInDouble(y, yLow, high, low);
        }

        Vector128<float> product = high * y;
        Vector128<float> error = Fma.MultiplySubtract(high, y, product);
        return product + Fma.MultiplyAdd(high, yLow, Fma.MultiplyAdd(low, y, error));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> MultiplyByPair(Vector256<float> y, Vector256<float> yLow, Vector256<float> high, Vector256<float> low)
    {
        if (!Fma.IsSupported)
        {
            return MultiplyByPairInDouble(y, yLow, high, low);
        }

        Vector256<float> product = high * y;
        Vector256<float> error = Fma.MultiplySubtract(high, y, product);
        return product + Fma.MultiplyAdd(high, yLow, Fma.MultiplyAdd(low, y, error));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> MultiplyByPair(Vector512<float> y, Vector512<float> yLow, Vector512<float> high, Vector512<float> low)
    {
        if (!Avx512F.IsSupported)
        {
            return MultiplyByPairInDouble(y, yLow, high, low);
        }

        Vector512<float> product = high * y;
        Vector512<float> error = Avx512F.FusedMultiplySubtract(high, y, product);
        return product + Avx512F.FusedMultiplyAdd(high, yLow, Avx512F.FusedMultiplyAdd(low, y, error));
    }

    // Without FMA: (y + yLow)(high + low) in double lanes (each float product is exact there), narrowed once.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector128<float> MultiplyByPairInDouble(Vector128<float> y, Vector128<float> yLow, Vector128<float> high, Vector128<float> low)
    {
        (Vector128<double> yLower, Vector128<double> yUpper) = Vector128.Widen(y);
        (Vector128<double> yLowLower, Vector128<double> yLowUpper) = Vector128.Widen(yLow);
        (Vector128<double> highLower, Vector128<double> highUpper) = Vector128.Widen(high);
        (Vector128<double> lowLower, Vector128<double> lowUpper) = Vector128.Widen(low);
        return Vector128.Narrow(
            (highLower * yLower) + ((lowLower * yLower) + (highLower * yLowLower)),
            (highUpper * yUpper) + ((lowUpper * yUpper) + (highUpper * yLowUpper)));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<float> MultiplyByPairInDouble(Vector256<float> y, Vector256<float> yLow, Vector256<float> high, Vector256<float> low) =>
        Vector256.Create(
            MultiplyByPairInDouble(y.GetLower(), yLow.GetLower(), high.GetLower(), low.GetLower()),
            MultiplyByPairInDouble(y.GetUpper(), yLow.GetUpper(), high.GetUpper(), low.GetUpper()));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<float> MultiplyByPairInDouble(Vector512<float> y, Vector512<float> yLow, Vector512<float> high, Vector512<float> low) =>
        Vector512.Create(
            MultiplyByPairInDouble(y.GetLower(), yLow.GetLower(), high.GetLower(), low.GetLower()),
            MultiplyByPairInDouble(y.GetUpper(), yLow.GetUpper(), high.GetUpper(), low.GetUpper()));
}
