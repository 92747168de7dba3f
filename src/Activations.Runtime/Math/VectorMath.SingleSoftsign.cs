using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

// softsign x / (|x| + 1) of float vectors in float lanes, within 0.5 ULP and a little of the exact value. Naively the
// sum |x| + 1 rounds (wherever |x| has bits below 1's last place, or 1 below |x|'s), and the quotient rounds again,
// which kept it in double lanes. Here:
// * a = |x| capped at 2^60 (above it the result rounds to 1, as the stub returns; ±∞ included), NaN kept.
// * a + 1 = dh + dl exactly (Fast2Sum on the larger of a and 1).
// * a / (dh + dl) as the sigmoid core's quotient (VectorMath.SingleSigmoid.cs): q = a / dh (at 512 bits a times the
//   14-bit reciprocal estimate), the excess q dh - a + q dl exactly by FMA but for q dl's rounding, and q - excess / d
//   with the estimate for 1 / d, which leaves at most 2^-28 of the result.
// * The sign of x put back (-0 stays -0).
public static partial class VectorMath
{
    /// <summary>From 2^60 up, x / (|x| + 1) rounds to ±1 in every format: |x| is capped here.</summary>
    private const float SoftsignCap = 1.152921504606846976e18f;

    /// <summary>Keras's softsign, <c>x / (|x| + 1)</c>, ±1 beyond 2^60 (so that ±∞ gives ±1, not ∞ / ∞).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>softsign of <paramref name="x"/>; NaN for NaN.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Softsign(double x) =>
        System.Math.Abs(x) > SoftsignCap ? System.Math.CopySign(1.0, x) : x / (System.Math.Abs(x) + 1.0);

    /// <summary>softsign of a float (computed in double, rounded once).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>softsign of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Softsign(float x) => (float)Softsign((double)x);

    /// <summary>softsign per float lane, within 0.5 ULP and a little (see the file's comment).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>softsign of each element; NaN for NaN, ±1 for ±∞.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Softsign(Vector128<float> x)
    {
        if (!Fma.IsSupported)
        {
            return InDoubleLanes<SoftsignInDouble>(x);
        }

        Vector128<float> one = Vector128.Create(1f);
        Vector128<float> a = MinFast(Vector128.Create(SoftsignCap), Vector128.Abs(x));
        Vector128<float> larger = MaxFast(one, a);
        Vector128<float> smaller = MinFast(one, a);
        Vector128<float> dh = larger + smaller;
        Vector128<float> dl = (larger - dh) + smaller;
        Vector128<float> q = a / dh;
        Vector128<float> excess = Fma.MultiplyAdd(q, dl, Fma.MultiplySubtract(q, dh, a));
        return Fma.MultiplyAddNegated(excess, Sse.Reciprocal(dh), q) | (x & Vector128.Create(-0f));
    }

    /// <inheritdoc cref="Softsign(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Softsign(Vector256<float> x)
    {
        if (!Fma.IsSupported)
        {
            return InDoubleLanes<SoftsignInDouble>(x);
        }

        Vector256<float> one = Vector256.Create(1f);
        Vector256<float> a = MinFast(Vector256.Create(SoftsignCap), Vector256.Abs(x));
        Vector256<float> larger = MaxFast(one, a);
        Vector256<float> smaller = MinFast(one, a);
        Vector256<float> dh = larger + smaller;
        Vector256<float> dl = (larger - dh) + smaller;
        Vector256<float> q = a / dh;
        Vector256<float> excess = Fma.MultiplyAdd(q, dl, Fma.MultiplySubtract(q, dh, a));
        return Fma.MultiplyAddNegated(excess, Avx.Reciprocal(dh), q) | (x & Vector256.Create(-0f));
    }

    /// <inheritdoc cref="Softsign(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Softsign(Vector512<float> x)
    {
        if (!Avx512F.IsSupported)
        {
            return InDoubleLanes<SoftsignInDouble>(x);
        }

        Vector512<float> one = Vector512.Create(1f);
        Vector512<float> a = MinFast(Vector512.Create(SoftsignCap), Vector512.Abs(x));
        Vector512<float> larger = MaxFast(one, a);
        Vector512<float> smaller = MinFast(one, a);
        Vector512<float> dh = larger + smaller;
        Vector512<float> dl = (larger - dh) + smaller;
        Vector512<float> reciprocal = Avx512F.Reciprocal14(dh);
        Vector512<float> q = a * reciprocal;
        Vector512<float> excess = Avx512F.FusedMultiplyAdd(q, dl, Avx512F.FusedMultiplySubtract(q, dh, a));
        return Avx512F.FusedMultiplyAddNegated(excess, reciprocal, q) | (x & Vector512.Create(-0f));
    }

    // Without FMA: the stub's formula in double lanes, the cap first (the constant first, so that a NaN stays NaN).
    private readonly struct SoftsignInDouble : IDoubleLaneFormula
    {
        public static Vector128<double> Of(Vector128<double> x)
        {
            Vector128<double> a = Vector128.Min(Vector128.Create((double)SoftsignCap), Vector128.Abs(x));
            return (a / (a + Vector128.Create(1.0))) | (x & Vector128.Create(-0.0));
        }
    }
}
