using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

// sparse_plus of float vectors in float lanes, within 0.5 ULP and a little of the exact value: x clamped to [-1, 1] (NaN
// kept), x + 1 = sh + sl exactly (Fast2Sum: |1| >= |x|), (sh + sl)^2 = sh^2 + 2 sh sl + sl^2 with sh^2 as the rounded
// square and its exact error (FMA), sl^2 below 2^-48 of the result left out, the sum rounded once; the quarter is
// exact (the smallest nonzero square is 2^-48). Naively x + 1 and its square round twice, which kept it in double lanes.
public static partial class VectorMath
{
    /// <summary>Keras's sparse_plus: 0 at and below -1, x at and above 1, <c>(x + 1)² / 4</c> between.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>sparse_plus of <paramref name="x"/>; NaN for NaN.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SparsePlus(double x) => x <= -1.0 ? 0.0 : x >= 1.0 ? x : (x + 1.0) * (x + 1.0) * 0.25;

    /// <summary>sparse_plus of a float (computed in double, rounded once).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>sparse_plus of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SparsePlus(float x) => (float)SparsePlus((double)x);

    /// <summary>sparse_plus per float lane, within 0.5 ULP and a little (see the file's comment).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>sparse_plus of each element; NaN for NaN.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> SparsePlus(Vector128<float> x)
    {
        if (!Fma.IsSupported)
        {
            return InDoubleLanes<SparsePlusInDouble>(x);
        }

        Vector128<float> one = Vector128.Create(1f);
        Vector128<float> clamped = MinFast(one, MaxFast(-one, x));
        Vector128<float> sum = clamped + one;
        Vector128<float> square = sum * sum;
        Vector128<float> squareLow = Fma.MultiplyAdd(sum + sum, (one - sum) + clamped, Fma.MultiplySubtract(sum, sum, square));
        return Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(x, one), x, (square + squareLow) * Vector128.Create(0.25f));
    }

    /// <inheritdoc cref="SparsePlus(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> SparsePlus(Vector256<float> x)
    {
        if (!Fma.IsSupported)
        {
            return InDoubleLanes<SparsePlusInDouble>(x);
        }

        Vector256<float> one = Vector256.Create(1f);
        Vector256<float> clamped = MinFast(one, MaxFast(-one, x));
        Vector256<float> sum = clamped + one;
        Vector256<float> square = sum * sum;
        Vector256<float> squareLow = Fma.MultiplyAdd(sum + sum, (one - sum) + clamped, Fma.MultiplySubtract(sum, sum, square));
        return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, one), x, (square + squareLow) * Vector256.Create(0.25f));
    }

    /// <inheritdoc cref="SparsePlus(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> SparsePlus(Vector512<float> x)
    {
        if (!Avx512F.IsSupported)
        {
            return InDoubleLanes<SparsePlusInDouble>(x);
        }

        Vector512<float> one = Vector512.Create(1f);
        Vector512<float> clamped = MinFast(one, MaxFast(-one, x));
        Vector512<float> sum = clamped + one;
        Vector512<float> square = sum * sum;
        Vector512<float> squareLow = Avx512F.FusedMultiplyAdd(sum + sum, (one - sum) + clamped, Avx512F.FusedMultiplySubtract(sum, sum, square));
        return Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, one), x, (square + squareLow) * Vector512.Create(0.25f));
    }

    // Without FMA: the stub's formula in double lanes ((x + 1)^2 exact there but for x below 2^-29 in magnitude).
    private readonly struct SparsePlusInDouble : IDoubleLaneFormula
    {
        public static Vector128<double> Of(Vector128<double> x)
        {
            Vector128<double> one = Vector128.Create(1.0);
            Vector128<double> between = Vector128.ConditionalSelect(Vector128.LessThanOrEqual(x, -one), Vector128<double>.Zero, (x + one) * (x + one) * Vector128.Create(0.25));
            return Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(x, one), x, between);
        }
    }
}
