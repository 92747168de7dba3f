using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

// gelu's tanh form (VectorMath.SingleGeluApproximate.cs) over four vectors at once, for the Vector512 loop's interleaved
// operators: the operations of GeluApproximateFast (Vector512) on each lane in the same order, but for the unit and for
// the denominator's scaled terms (computed once: scaledTermsNormal, VectorMath.SingleSigmoid512x4.cs), both with the
// same roundings, so every result is bit for bit the one-vector result. Groups whose every lane is from -9.98 up (and
// below 10^37) leave the unit out: the sigmoid core computes x / (1 + E) itself, not 16 x / (2^-4 (1 + E)) scaled back,
// one multiply fewer per vector (-4% at n = 4096). Scaling by a power of two changes no rounding while every value stays
// normal, so both forms give the same bits (checked over every float); without the unit that needs E below 2^126, where
// the quotient's reciprocal estimate is normal (vrcp14ps returns subnormals too, but each costs a microcode assist: 2.2
// times as long). Groups with a lane from -10.07 to -9.98 keep the unit, four at once still; groups with a lane off the
// fast path go one vector at a time.
public static partial class VectorMath
{
    /// <summary>Below -9.98 (-9.986), k = round(-w / ln 2) passes 125 and 1 / (1 + e^-w) without the unit nears the
    /// subnormals.</summary>
    private const float GeluWithoutUnitBound = 9.98f;

    /// <summary>gelu's tanh form of the 64 floats at <paramref name="x"/>, stored at <paramref name="destination"/> (which may
    /// be <paramref name="x"/>), as <see cref="GeluApproximate(Vector512{float})"/> computes each. For generated kernels on
    /// AVX-512 hardware.</summary>
    /// <param name="x">The first of 64 arguments.</param>
    /// <param name="destination">The first of 64 results.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void GeluApproximate512x4(ref float x, ref float destination)
    {
        Float512x4 input = Float512x4.Load(ref x);
        if (HasLaneBelowOrTooLarge(input, GeluWithoutUnitBound))
        {
            GeluApproximateNearTheBounds(ref x, ref destination);
            return;
        }

        GeluApproximateGroup(input, unitShift: 0).Store(ref destination);
    }

    // Whether any lane is below -bound, or from 10^37 up, +∞ or NaN, as two integer maxima over the group's bits: x < -bound
    // is exactly "unsigned bits above -bound's", and x >= 10^37, +∞ and the NaNs are "signed bits from 10^37's up" or the
    // first test; about 2% faster than four sign tests.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool HasLaneBelowOrTooLarge(Float512x4 input, float bound) =>
        Vector512.GreaterThanAny(input.LargestBits(), Vector512.Create(-bound).AsUInt32())
        || Vector512.GreaterThanOrEqualAny(input.LargestSignedBits(), Vector512.Create(GeluFloatFastPathTop).AsInt32());

    // The groups with a lane below -9.98 or off the fast path: nothing is stored yet, so in place the inputs are still
    // there to read again.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void GeluApproximateNearTheBounds(ref float x, ref float destination)
    {
        Float512x4 input = Float512x4.Load(ref x);
        if (!HasLaneBelowOrTooLarge(input, GeluFloatFastPathBound))
        {
            (GeluApproximateGroup(input, GeluUnitShift) * Vector512.Create(GeluUnit)).Store(ref destination);
            return;
        }

        GeluApproximateOneVectorAtATime(ref x, ref destination);
    }

    // The groups with a lane off the fast path, whose lanes the one-vector function takes apart. A method of its own: in
    // GeluApproximateNearTheBounds beside the group's body, this loop ran about 25% slower.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void GeluApproximateOneVectorAtATime(ref float x, ref float destination)
    {
        for (nuint i = 0; i < 64; i += 16)
        {
            GeluApproximate(Vector512.LoadUnsafe(ref x, i)).StoreUnsafe(ref destination, i);
        }
    }

    // 2^m x sigmoid(w) with the unit 2^-m (VectorMath.SingleSigmoid.cs), for lanes on the fast path.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Float512x4 GeluApproximateGroup(Float512x4 input, int unitShift)
    {
        // w = c (c1 + c3 c²) as wh + wl, c = x capped at 8 above, as GeluApproximateFast computes it.
        Float512x4 capped = Float512x4.Min(Vector512.Create(GeluFloatArgumentCap), input);
        Float512x4 squareHigh = Float512x4.MultiplyAdd(capped, capped, Vector512.Create(SubnormalGuard));
        Float512x4 squareLow = Float512x4.MultiplySubtract(capped, capped, squareHigh);
        Float512x4 slopeHigh = Float512x4.MultiplyAdd(squareHigh, Vector512.Create(GeluCubicHigh), Vector512.Create(GeluLinearHigh));
        Float512x4 slopeError = Float512x4.MultiplySubtract(squareHigh, Vector512.Create(GeluCubicHigh), slopeHigh - Vector512.Create(GeluLinearHigh));
        Float512x4 smallTerms = Float512x4.MultiplyAdd(squareLow, Vector512.Create(GeluCubicHigh), Float512x4.MultiplyAdd(squareHigh, Vector512.Create(GeluCubicLow), Vector512.Create(GeluLinearLow)));
        Float512x4 slopeLow = slopeError + smallTerms;
        Float512x4 wHigh = capped * slopeHigh;
        Float512x4 wLow = Float512x4.MultiplyAdd(capped, slopeLow, Float512x4.MultiplySubtract(capped, slopeHigh, wHigh));

        // |w| reaches 88 on the fast path, so c_low is always added (unitRounds), as the one-vector code does; 2^(k-m) is
        // at least 2^-75, so the scaled terms are normal.
        return MultiplyBySigmoidFast(input, wHigh, wLow, unitShift, unitRounds: true, scaledTermsNormal: true);
    }
}
