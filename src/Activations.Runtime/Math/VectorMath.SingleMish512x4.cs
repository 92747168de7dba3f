using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

// mish (VectorMath.SingleMish.cs) over four vectors at once, for the Vector512 loop's interleaved operators: the same
// operations on each lane in the same order as MishFast (Vector512), so every result is bit for bit the one-vector
// result; a group with any lane beyond ±80, or NaN, goes through the one-vector function.
public static partial class VectorMath
{
    /// <summary>mish of the 64 floats at <paramref name="x"/>, stored at <paramref name="destination"/> (which may be
    /// <paramref name="x"/>), as <see cref="Mish(Vector512{float})"/> computes each. For generated kernels on AVX-512 hardware.</summary>
    /// <param name="x">The first of 64 arguments.</param>
    /// <param name="destination">The first of 64 results.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Mish512x4(ref float x, ref float destination)
    {
        Float512x4 input = Float512x4.Load(ref x);
        if (Vector512.GreaterThanAny(input.LargestMagnitudeBits(), Float512x4.MagnitudeBits(MishFloatFastPathBound)))
        {
            MishOneVectorAtATime(ref x, ref destination);
            return;
        }

        MishFast(input, input | Vector512.Create(-0f)).Store(ref destination);
    }

    // The rare groups: nothing is stored yet, so in place the inputs are still there to read again.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void MishOneVectorAtATime(ref float x, ref float destination)
    {
        for (nuint i = 0; i < 64; i += 16)
        {
            Mish(Vector512.LoadUnsafe(ref x, i)).StoreUnsafe(ref destination, i);
        }
    }

    // MishFast (Vector512) over four vectors; the comments there argue each step.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Float512x4 MishFast(Float512x4 x, Float512x4 m)
    {
        Float512x4 shifted = Float512x4.MultiplyAdd(m, Vector512.Create(InverseLn2Single), Vector512.Create(FloatRoundingShift));
        Float512x4 k = shifted - Vector512.Create(FloatRoundingShift);
        Float512x4 scale = Float512x4.ShiftLeftBits(shifted, 23);
        Float512x4 rHigh = Float512x4.MultiplyAdd(k, Vector512.Create(-Ln2HighSingle), m);
        Float512x4 r = Float512x4.MultiplyAdd(k, Vector512.Create(-Ln2LowSingle), rHigh);
        Float512x4 rLow = Float512x4.MultiplyAdd(k, Vector512.Create(-Ln2LowSingle), rHigh - r);
        Float512x4 polynomial = Float512x4.MultiplyAdd(r, Vector512.Create(ExpFloatQ4), Vector512.Create(ExpFloatQ3));
        polynomial = Float512x4.MultiplyAdd(polynomial, r, Vector512.Create(ExpFloatQ2));
        polynomial = Float512x4.MultiplyAdd(polynomial, r, Vector512.Create(ExpFloatQ1));
        polynomial = Float512x4.MultiplyAdd(polynomial, r, Vector512.Create(ExpFloatQ0));
        Float512x4 t = Float512x4.MultiplyAdd(r * r, polynomial, rLow);
        Vector512<float> one = Vector512<float>.One;
        Float512x4 sum = r + t;
        Float512x4 high = one + sum;
        Float512x4 low = (sum - (high - one)) + (t - (sum - r));
        Float512x4 eh = high * scale;
        Float512x4 el = low * scale;

        Float512x4 negative = Float512x4.SignMasks(x);
        Float512x4 twoE = eh + eh;
        Float512x4 sh = eh * eh;
        Float512x4 sl = Float512x4.MultiplyAdd(twoE, el, Float512x4.MultiplySubtract(eh, eh, sh));

        Float512x4 nBig = Float512x4.Select(negative, twoE, one);
        Float512x4 nSmall = Float512x4.Select(negative, sh, twoE);
        Float512x4 nh = nBig + nSmall;
        Float512x4 nl = ((nBig - nh) + nSmall) + ((el + el) + (sl & negative));

        Float512x4 dBig = Float512x4.Select(negative, Vector512.Create(2f), nh);
        Float512x4 dSmall = Float512x4.Select(negative, nh, sh + sh);
        Float512x4 dh = dBig + dSmall;
        Float512x4 dl = ((dBig - dh) + dSmall) + (nl + Float512x4.AndNot(sl + sl, negative));

        Float512x4 reciprocal = Float512x4.Reciprocal14(dh);
        Float512x4 q = nh * reciprocal;
        Float512x4 residual = Float512x4.MultiplyAddNegated(q, dh, nh) + (nl - (q * dl));
        Float512x4 scaled = x * Vector512.Create(MishFloatScale);
        Float512x4 result = Float512x4.MultiplyAdd(scaled, q, scaled * (residual * reciprocal)) * Vector512.Create(MishFloatUnscale);
        return result | (x & Vector512.Create(-0f));
    }
}
