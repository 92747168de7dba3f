using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

// tanh (VectorMath.SingleTanh.cs) over four vectors at once, for the Vector512 loop's interleaved operators: the same
// operations on each lane in the same order as TanhFloatFast (Vector512), so every result is bit for bit the one-vector
// result; a group with any lane beyond ±40, or NaN, goes through the one-vector function.
public static partial class VectorMath
{
    /// <summary>tanh of the 64 floats at <paramref name="x"/>, stored at <paramref name="destination"/> (which may be
    /// <paramref name="x"/>), as <see cref="Tanh(Vector512{float})"/> computes each. For generated kernels on AVX-512 hardware.</summary>
    /// <param name="x">The first of 64 arguments.</param>
    /// <param name="destination">The first of 64 results.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Tanh512x4(ref float x, ref float destination)
    {
        Float512x4 input = Float512x4.Load(ref x);
        Float512x4 a = Float512x4.Abs(input);
        if (Vector512.GreaterThanAny(a.LargestBits(), Float512x4.MagnitudeBits(TanhFloatFastPathBound)))
        {
            TanhOneVectorAtATime(ref x, ref destination);
            return;
        }

        TanhFloatFast(a, input ^ a).Store(ref destination);
    }

    // The rare groups: nothing is stored yet, so in place the inputs are still there to read again.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void TanhOneVectorAtATime(ref float x, ref float destination)
    {
        for (nuint i = 0; i < 64; i += 16)
        {
            Tanh(Vector512.LoadUnsafe(ref x, i)).StoreUnsafe(ref destination, i);
        }
    }

    // TanhFloatFast (Vector512) over four vectors; the comments there argue each step.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Float512x4 TanhFloatFast(Float512x4 a, Float512x4 sign)
    {
        Vector512<float> one = Vector512<float>.One;
        Float512x4 y = a + a;
        Float512x4 shifted = Float512x4.MultiplyAdd(a, Vector512.Create(-2f * InverseLn2Single), Vector512.Create(FloatRoundingShift));
        Float512x4 k = shifted - Vector512.Create(FloatRoundingShift);
        Float512x4 scale = Float512x4.ShiftLeftBits(shifted, 23);
        Float512x4 minusRHigh = Float512x4.MultiplyAdd(k, Vector512.Create(Ln2HighSingle), y);
        Float512x4 minusRLow = k * Vector512.Create(Ln2LowSingle);
        Float512x4 minusR = Float512x4.MultiplyAdd(k, Vector512.Create(Ln2Single), y);

        Float512x4 r2 = minusR * minusR;
        Float512x4 r2Low = Float512x4.MultiplySubtract(minusR, minusR, r2);
        Float512x4 s01 = Float512x4.MultiplyAdd(minusR, Vector512.Create(-TanhFloatS1), Vector512.Create(TanhFloatS0));
        Float512x4 s23 = Float512x4.MultiplyAdd(minusR, Vector512.Create(-TanhFloatS3), Vector512.Create(TanhFloatS2));
        Float512x4 s234 = Float512x4.MultiplyAdd(r2, Vector512.Create(TanhFloatS4), s23);
        Float512x4 minusS = Float512x4.MultiplyAdd(r2, s234, s01);
        Float512x4 r3 = r2 * minusR;
        Float512x4 tLow = Float512x4.MultiplyAddNegated(r3, minusS, Float512x4.MultiplySubtract(r2Low, Vector512.Create(0.5f), minusRLow));
        Float512x4 tHigh = r2 * Vector512.Create(0.5f);

        Float512x4 c = one - scale;
        Float512x4 scaledRHighAndCLow = Float512x4.MultiplyAdd(scale, minusRHigh, (one - c) - scale);
        Float512x4 nh = Float512x4.MultiplyAdd(scale * r3, minusS, Float512x4.MultiplyAddNegated(scale, tHigh, Float512x4.MultiplyAdd(scale, minusRHigh, c)));
        Float512x4 nl = Float512x4.MultiplyAddNegated(scale, tLow, Float512x4.MultiplyAddNegated(scale, tHigh, (c - nh) + scaledRHighAndCLow));

        Vector512<float> two = Vector512.Create(2f);
        Float512x4 dh = two - nh;
        Float512x4 dl = ((two - dh) - nh) - nl;

        Float512x4 q = nh / dh;
        Float512x4 excess = Float512x4.MultiplySubtract(q, dh, nh) + Float512x4.MultiplySubtract(q, dl, nl);
        return Float512x4.MultiplyAddNegated(excess, Float512x4.Reciprocal14(dh), q) ^ sign;
    }
}
