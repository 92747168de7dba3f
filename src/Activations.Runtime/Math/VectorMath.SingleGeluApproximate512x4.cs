using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

// gelu's tanh form (VectorMath.SingleGeluApproximate.cs) over four vectors at once, for the Vector512 loop's interleaved
// operators: the same operations on each lane in the same order as GeluApproximateFast (Vector512), so every result is
// bit for bit the one-vector result; a group with any lane off the fast path goes through the one-vector function.
public static partial class VectorMath
{
    /// <summary>gelu's tanh form of the 64 floats at <paramref name="x"/>, stored at <paramref name="destination"/> (which may
    /// be <paramref name="x"/>), as <see cref="GeluApproximate(Vector512{float})"/> computes each. For generated kernels on
    /// AVX-512 hardware.</summary>
    /// <param name="x">The first of 64 arguments.</param>
    /// <param name="destination">The first of 64 results.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void GeluApproximate512x4(ref float x, ref float destination)
    {
        // The fast lanes of GeluApproximateFastLaneSigns, as two integer maxima over the group's bits: x < -10.07 is
        // exactly "unsigned bits above -10.07's" (x + 10.07 is exact there, so its sign tells the same), and x >= 10^37,
        // +∞ and the NaNs are "signed bits from 10^37's up" or the first test; about 2% faster than four sign tests.
        Float512x4 input = Float512x4.Load(ref x);
        if (Vector512.GreaterThanAny(input.LargestBits(), Vector512.Create(-GeluFloatFastPathBound).AsUInt32())
            || Vector512.GreaterThanOrEqualAny(input.LargestSignedBits(), Vector512.Create(GeluFloatFastPathTop).AsInt32()))
        {
            GeluApproximateOneVectorAtATime(ref x, ref destination);
            return;
        }

        // w = c (c1 + c3 c²) as wh + wl, c = x capped at 8 above, as GeluApproximateFast computes it.
        Float512x4 capped = Float512x4.Min(Vector512.Create(GeluFloatArgumentCap), input);
        Float512x4 squareHigh = capped * capped;
        Float512x4 squareLow = Float512x4.MultiplySubtract(capped, capped, squareHigh);
        Float512x4 slopeHigh = Float512x4.MultiplyAdd(squareHigh, Vector512.Create(GeluCubicHigh), Vector512.Create(GeluLinearHigh));
        Float512x4 slopeError = Float512x4.MultiplySubtract(squareHigh, Vector512.Create(GeluCubicHigh), slopeHigh - Vector512.Create(GeluLinearHigh));
        Float512x4 smallTerms = Float512x4.MultiplyAdd(squareLow, Vector512.Create(GeluCubicHigh), Float512x4.MultiplyAdd(squareHigh, Vector512.Create(GeluCubicLow), Vector512.Create(GeluLinearLow)));
        Float512x4 slopeLow = slopeError + smallTerms;
        Float512x4 wHigh = capped * slopeHigh;
        Float512x4 wLow = Float512x4.MultiplyAdd(capped, slopeLow, Float512x4.MultiplySubtract(capped, slopeHigh, wHigh));

        // |w| reaches 52 on the fast path, so c_low is always added (unitRounds), as the one-vector code does.
        (MultiplyBySigmoidFast(input, wHigh, wLow, GeluUnitShift, unitRounds: true, scaledTermsNormal: true) * Vector512.Create(GeluUnit)).Store(ref destination);
    }

    // The rare groups: nothing is stored yet, so in place the inputs are still there to read again.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void GeluApproximateOneVectorAtATime(ref float x, ref float destination)
    {
        for (nuint i = 0; i < 64; i += 16)
        {
            GeluApproximate(Vector512.LoadUnsafe(ref x, i)).StoreUnsafe(ref destination, i);
        }
    }
}
