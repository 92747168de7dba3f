using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

// celu, x > 0 ? x : alpha expm1(x / alpha), of float vectors in float lanes, within 1 ULP of the exact value. Naively the
// quotient x / alpha rounds before expm1 magnifies its error (by up to |x / alpha| relative), and the product with alpha
// rounds again, which kept it in double lanes. Here:
// * x is clamped at -18 alpha (below it the result rounds to -alpha: e^-17.33 is 2^-25), so the quotient stays small.
// * x / alpha = qh + ql: qh = x (1 / alpha), the reciprocal from the hardware's estimate and one Newton step (2^-22 or
//   better), and ql = (x - qh alpha) / alpha, the remainder by FMA times the same reciprocal (2^-46 of the quotient).
// * e^(qh + ql) - 1 by the non-positive expm1 (VectorMath.SingleExpm1OfMinWithZero.cs) with ql joining its small terms,
//   and the product with alpha (a float) taken from its unrounded sum, rounded once (VectorMath.SinglePairProducts.cs).
// * Where |x / alpha| < 2^-25 the result rounds to x, which is returned (the quotient could be subnormal there).
// * alpha = 1, Keras's default, is elu: x / alpha and the product with alpha are exact, so the non-positive expm1 of x
//   alone, as elu's float kernels compute it, with or without FMA (with FMA the general path gives the same bits there, in
//   a third more time; without FMA it would compute in double lanes, which can differ from elu's in the last bit).
// Fast path for alpha in [2^-60, 2^60], where the reciprocal and the quotient stay normal; else, and without FMA, the
// stub's formula in double lanes.
public static partial class VectorMath
{
    /// <summary>The bits of 2^-60, the smallest alpha the float lanes take.</summary>
    private const uint CeluSmallestAlphaBits = 0x21800000;

    /// <summary>The bits of 2^60 less those of 2^-60: alpha's bits less <see cref="CeluSmallestAlphaBits"/> are at most this.</summary>
    private const uint CeluAlphaBitsSpan = 0x5D800000 - CeluSmallestAlphaBits;

    /// <summary>Below this |x / alpha|, alpha expm1(x / alpha) = x (1 + x / (2 alpha) + …) rounds to x: x itself, also where the
    /// quotient would lose bits in the subnormals.</summary>
    private const float CeluIdentityBound = 2.98023224e-8f; // 2^-25

    /// <summary>Keras's celu, <c>x &gt; 0 ? x : alpha (e^(x / alpha) - 1)</c>, as its stub writes it.</summary>
    /// <param name="x">The argument.</param>
    /// <param name="alpha">The positive saturation value.</param>
    /// <returns>celu of <paramref name="x"/>; NaN for NaN.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Celu(double x, double alpha) => x > 0.0 ? x : alpha * Expm1(x / alpha);

    /// <summary>celu of a float (computed in double with the float-accuracy expm1, rounded once).</summary>
    /// <param name="x">The argument.</param>
    /// <param name="alpha">The positive saturation value.</param>
    /// <returns>celu of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Celu(float x, float alpha) => x > 0f ? x : (float)(alpha * Expm1ForSingle((double)x / alpha));

    /// <summary>celu per float lane, within 1 ULP (see the file's comment).</summary>
    /// <param name="x">The arguments.</param>
    /// <param name="alpha">The positive saturation value, in every lane.</param>
    /// <returns>celu of each element; NaN for NaN.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Celu(Vector128<float> x, Vector128<float> alpha)
    {
        // Keras's default: elu, as elu's float kernels compute it (with or without FMA).
        if (Vector128.EqualsAll(alpha, Vector128<float>.One))
        {
            return Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128<float>.Zero), x, Expm1OfMinWithZero(x));
        }

        if (!Fma.IsSupported || Vector128.GreaterThanAny(alpha.AsUInt32() - Vector128.Create(CeluSmallestAlphaBits), Vector128.Create(CeluAlphaBitsSpan)))
        {
            return InDoubleLanes<CeluInDouble>(x, alpha);
        }

        Vector128<float> estimate = Sse.Reciprocal(alpha);
        Vector128<float> reciprocal = Fma.MultiplyAdd(Fma.MultiplyAddNegated(alpha, estimate, Vector128.Create(1f)), estimate, estimate);
        Vector128<float> clamped = MaxFast(alpha * Vector128.Create(-18f), x);
        Vector128<float> quotient = clamped * reciprocal;
        Vector128<float> quotientLow = Fma.MultiplyAddNegated(quotient, alpha, clamped) * reciprocal;
        Vector128<float> negativeSide = Expm1OfMinWithZero(quotient, quotientLow, alpha, Vector128<float>.Zero, argumentPair: true, timesPair: true);
        Vector128<float> itself = Vector128.GreaterThan(x, Vector128<float>.Zero) | Vector128.LessThan(Vector128.Abs(quotient), Vector128.Create(CeluIdentityBound));
        return Vector128.ConditionalSelect(itself, x, negativeSide);
    }

    /// <inheritdoc cref="Celu(Vector128{float}, Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Celu(Vector256<float> x, Vector256<float> alpha)
    {
        // Keras's default: elu, as elu's float kernels compute it (with or without FMA).
        if (Vector256.EqualsAll(alpha, Vector256<float>.One))
        {
            return Vector256.ConditionalSelect(Vector256.GreaterThan(x, Vector256<float>.Zero), x, Expm1OfMinWithZero(x));
        }

        if (!Fma.IsSupported || Vector256.GreaterThanAny(alpha.AsUInt32() - Vector256.Create(CeluSmallestAlphaBits), Vector256.Create(CeluAlphaBitsSpan)))
        {
            return InDoubleLanes<CeluInDouble>(x, alpha);
        }

        Vector256<float> estimate = Avx.Reciprocal(alpha);
        Vector256<float> reciprocal = Fma.MultiplyAdd(Fma.MultiplyAddNegated(alpha, estimate, Vector256.Create(1f)), estimate, estimate);
        Vector256<float> clamped = MaxFast(alpha * Vector256.Create(-18f), x);
        Vector256<float> quotient = clamped * reciprocal;
        Vector256<float> quotientLow = Fma.MultiplyAddNegated(quotient, alpha, clamped) * reciprocal;
        Vector256<float> negativeSide = Expm1OfMinWithZero(quotient, quotientLow, alpha, Vector256<float>.Zero, argumentPair: true, timesPair: true);
        Vector256<float> itself = Vector256.GreaterThan(x, Vector256<float>.Zero) | Vector256.LessThan(Vector256.Abs(quotient), Vector256.Create(CeluIdentityBound));
        return Vector256.ConditionalSelect(itself, x, negativeSide);
    }

    /// <inheritdoc cref="Celu(Vector128{float}, Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Celu(Vector512<float> x, Vector512<float> alpha)
    {
        // Keras's default: elu, as elu's float kernels compute it (with or without FMA).
        if (Vector512.EqualsAll(alpha, Vector512<float>.One))
        {
            return Vector512.ConditionalSelect(Vector512.GreaterThan(x, Vector512<float>.Zero), x, Expm1OfMinWithZero(x));
        }

        if (!Avx512F.IsSupported || Vector512.GreaterThanAny(alpha.AsUInt32() - Vector512.Create(CeluSmallestAlphaBits), Vector512.Create(CeluAlphaBitsSpan)))
        {
            return InDoubleLanes<CeluInDouble>(x, alpha);
        }

        Vector512<float> estimate = Avx512F.Reciprocal14(alpha);
        Vector512<float> reciprocal = Avx512F.FusedMultiplyAdd(Avx512F.FusedMultiplyAddNegated(alpha, estimate, Vector512.Create(1f)), estimate, estimate);
        Vector512<float> clamped = MaxFast(alpha * Vector512.Create(-18f), x);
        Vector512<float> quotient = clamped * reciprocal;
        Vector512<float> quotientLow = Avx512F.FusedMultiplyAddNegated(quotient, alpha, clamped) * reciprocal;
        Vector512<float> negativeSide = Expm1OfMinWithZero(quotient, quotientLow, alpha, Vector512<float>.Zero, argumentPair: true, timesPair: true);
        Vector512<float> itself = Vector512.GreaterThan(x, Vector512<float>.Zero) | Vector512.LessThan(Vector512.Abs(quotient), Vector512.Create(CeluIdentityBound));
        return Vector512.ConditionalSelect(itself, x, negativeSide);
    }

    // Without FMA, or alpha beyond [2^-60, 2^60]: the stub's formula in double lanes with the float-accuracy expm1,
    // narrowed once (VectorMath.InDoubleLanes.cs).
    private readonly struct CeluInDouble : IDoubleLaneParameterFormula
    {
        public static Vector128<double> Of(Vector128<double> x, Vector128<double> alpha) =>
            Vector128.ConditionalSelect(Vector128.GreaterThan(x, Vector128<double>.Zero), x, alpha * Expm1ForSingle(x / alpha));
    }
}
