using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

// The float sigmoid core (VectorMath.SingleSigmoid.cs) over four vectors at once (Float512x4), for the Vector512 loop's
// interleaved operators (IInterleavedOperator): the same operations on each lane in the same order, so every result is
// bit for bit the one-vector result, and the same rare path (a group with any lane beyond ±80, or NaN, goes through the
// one-vector functions). AVX-512 only: the loop calls these only where Vector512 is accelerated.
public static partial class VectorMath
{
    /// <summary>sigmoid of the 64 floats at <paramref name="x"/>, stored at <paramref name="destination"/> (which may be
    /// <paramref name="x"/>), as <see cref="Sigmoid(Vector512{float})"/> computes each. For generated kernels on AVX-512 hardware.</summary>
    /// <param name="x">The first of 64 arguments.</param>
    /// <param name="destination">The first of 64 results.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sigmoid512x4(ref float x, ref float destination) => MultiplyBySigmoid512x4(ref x, ref destination, factorIsX: false);

    /// <summary>silu of the 64 floats at <paramref name="x"/>, stored at <paramref name="destination"/> (which may be
    /// <paramref name="x"/>), as <see cref="Silu(Vector512{float})"/> computes each. For generated kernels on AVX-512 hardware.</summary>
    /// <param name="x">The first of 64 arguments.</param>
    /// <param name="destination">The first of 64 results.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Silu512x4(ref float x, ref float destination) => MultiplyBySigmoid512x4(ref x, ref destination, factorIsX: true);

    // a · sigmoid(x) over 64 floats, a = 1 (sigmoid) or a = x (silu; factorIsX is a constant where this is inlined).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MultiplyBySigmoid512x4(ref float x, ref float destination, bool factorIsX)
    {
        Float512x4 input = Float512x4.Load(ref x);
        Vector512<uint> largest = input.LargestMagnitudeBits();
        if (Vector512.GreaterThanAny(largest, Float512x4.MagnitudeBits(SigmoidFloatFastPathBound)))
        {
            if (factorIsX)
            {
                SiluOneVectorAtATime(ref x, ref destination);
            }
            else
            {
                SigmoidOneVectorAtATime(ref x, ref destination);
            }

            return;
        }

        Vector512<float> one = Vector512<float>.One;
        Vector512<float> zero = Vector512<float>.Zero;
        Float512x4 factor = factorIsX ? input : new Float512x4(one, one, one, one);
        bool unitRounds = Vector512.GreaterThanAny(largest, Float512x4.MagnitudeBits(SigmoidUnitExactBound));
        MultiplyBySigmoidFast(factor, input, new Float512x4(zero, zero, zero, zero), 0, unitRounds).Store(ref destination);
    }

    // The rare groups: nothing is stored yet, so in place the inputs are still there to read again.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void SigmoidOneVectorAtATime(ref float x, ref float destination)
    {
        for (nuint i = 0; i < 64; i += 16)
        {
            Sigmoid(Vector512.LoadUnsafe(ref x, i)).StoreUnsafe(ref destination, i);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void SiluOneVectorAtATime(ref float x, ref float destination)
    {
        for (nuint i = 0; i < 64; i += 16)
        {
            Silu(Vector512.LoadUnsafe(ref x, i)).StoreUnsafe(ref destination, i);
        }
    }

    /// <summary>Up to this magnitude |k| = |round(x / ln 2)| is at most 23, so 1 + 2^k is exact and c_low is +0.</summary>
    private const float SigmoidUnitExactBound = 16f;

    // MultiplyBySigmoidFast (Vector512) over four vectors; the comments there argue each step, and each lane goes through
    // the same operations in the same order. c_low, the rounding error of c = u + 2^(k-m), is added only when unitRounds
    // says some lane may need it (sigmoid and silu pass whether any |x| is beyond ±16): where c is exact, c_low is +0, and
    // dl + (+0) gives the same quotient (dl only enters as q dl, added to a term that is +0 whenever it is zero), so every
    // result keeps the one-vector code's bits. scaledTermsNormal says that scale rH and scale t are normal floats (or
    // zero) in every lane: these products of a power of two are then exact, so each is computed once and dh and dl add
    // it, two multiplies and four adds where four FMAs stood, with the same roundings and so the same bits (checked over
    // every float). gelu's tanh form passes it (2^(k-m) >= 2^-75 there; -2.8% at n = 4096). Sigmoid and silu do not: for x
    // from 70 to 80 their products fall among the subnormals, a microcode assist each (+48% there), where the FMAs round
    // only normal sums. The one-vector code keeps the FMAs for the same reason (its rare lanes' discarded values).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Float512x4 MultiplyBySigmoidFast(Float512x4 a, Float512x4 x, Float512x4 xLow, int unitShift, bool unitRounds, bool scaledTermsNormal = false)
    {
        Vector512<float> unit = Vector512.Create(1f / (1 << unitShift));
        Float512x4 shifted = Float512x4.MultiplyAdd(x, Vector512.Create(-InverseLn2Single), Vector512.Create(FloatRoundingShift - unitShift));
        Float512x4 k = shifted - Vector512.Create(FloatRoundingShift - unitShift);
        Float512x4 scale = Float512x4.ShiftLeftBits(shifted, 23);
        Float512x4 minusRHigh = Float512x4.MultiplyAdd(k, Vector512.Create(Ln2HighSingle), x);
        Float512x4 minusRLow = Float512x4.MultiplyAdd(k, Vector512.Create(Ln2LowSingle), xLow);
        Float512x4 minusR = minusRHigh + minusRLow;

        Float512x4 r2 = Float512x4.MultiplyAdd(minusR, minusR, Vector512.Create(SubnormalGuard));
        Float512x4 polynomial = Float512x4.MultiplyAdd(minusR, Vector512.Create(ExpFloatQ4), Vector512.Create(-ExpFloatQ3));
        polynomial = Float512x4.MultiplyAdd(minusR, polynomial, Vector512.Create(ExpFloatQ2));
        polynomial = Float512x4.MultiplyAdd(minusR, polynomial, Vector512.Create(-ExpFloatQ1));
        polynomial = Float512x4.MultiplyAdd(minusR, polynomial, Vector512.Create(ExpFloatQ0));
        Float512x4 t = Float512x4.MultiplySubtract(r2, polynomial, minusRLow);

        Float512x4 c = scale + unit;
        Float512x4 dh, dl;
        if (scaledTermsNormal)
        {
            Float512x4 scaledRHigh = scale * minusRHigh;
            Float512x4 scaledT = scale * t;
            dh = (c - scaledRHigh) + scaledT;
            dl = ((c - dh) - scaledRHigh) + scaledT;
        }
        else
        {
            dh = Float512x4.MultiplyAdd(scale, t, Float512x4.MultiplyAddNegated(scale, minusRHigh, c));
            dl = Float512x4.MultiplyAdd(scale, t, Float512x4.MultiplyAddNegated(scale, minusRHigh, c - dh));
        }

        if (unitRounds)
        {
            dl += (Float512x4.Max(unit, scale) - c) + Float512x4.Min(unit, scale);
        }

        Float512x4 reciprocal = Float512x4.Reciprocal14(dh);
        Float512x4 q = a * reciprocal;
        Float512x4 excess = Float512x4.MultiplyAdd(q, dl, Float512x4.MultiplySubtract(q, dh, a));
        return Float512x4.MultiplyAddNegated(excess, reciprocal, q);
    }
}
