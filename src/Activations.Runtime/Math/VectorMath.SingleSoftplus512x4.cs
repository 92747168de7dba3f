using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

// softplus (VectorMath.SingleSoftplus.cs) over four vectors at once, for the Vector512 loop's interleaved operators: the
// narrow form (|x| <= 10.39) over the four, with the same operations on each lane in the same order as
// SoftplusNarrowRange (Vector512), the full-range form blended in for lanes beyond it up to ±80 as Softplus(Vector512)
// does, so every result is bit for bit the one-vector result; a group with a lane beyond ±80, or NaN, goes through the
// one-vector function. log_sigmoid, -softplus(-x), is the same with the signs flipped going in and coming out, as its
// float formula computes it one vector at a time.
public static partial class VectorMath
{
    /// <summary>softplus of the 64 floats at <paramref name="x"/>, stored at <paramref name="destination"/> (which may be
    /// <paramref name="x"/>), as <see cref="Softplus(Vector512{float})"/> computes each. For generated kernels on AVX-512 hardware.</summary>
    /// <param name="x">The first of 64 arguments.</param>
    /// <param name="destination">The first of 64 results.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Softplus512x4(ref float x, ref float destination) => Softplus512x4(ref x, ref destination, negated: false);

    /// <summary>log_sigmoid, <c>-softplus(-x)</c>, of the 64 floats at <paramref name="x"/>, stored at
    /// <paramref name="destination"/> (which may be <paramref name="x"/>), as log_sigmoid's float formula computes each
    /// with <see cref="Softplus(Vector512{float})"/>. For generated kernels on AVX-512 hardware.</summary>
    /// <param name="x">The first of 64 arguments.</param>
    /// <param name="destination">The first of 64 results.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LogSigmoid512x4(ref float x, ref float destination) => Softplus512x4(ref x, ref destination, negated: true);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Softplus512x4(ref float x, ref float destination, bool negated)
    {
        float* c = s_softplusNarrowTableWide;
        Float512x4 input = Float512x4.Load(ref x);
        input = negated ? -input : input;
        Float512x4 magnitude = Float512x4.Abs(input);
        if (Vector512.GreaterThanAny(magnitude.LargestBits(), LoadRow(c, SoftplusRowBound).AsUInt32()))
        {
            SoftplusBeyondNarrowRange(ref x, ref destination, negated);
            return;
        }

        Float512x4 result = SoftplusNarrowRange(input, magnitude, c);
        (negated ? -result : result).Store(ref destination);
    }

    // A group with lanes beyond the narrow range: within ±80 (no NaN), the narrow form over the four and, in each vector
    // with such lanes, the full-range form blended in lane by lane, as Softplus(Vector512) does; else the one-vector
    // function. Nothing is stored before the inputs are all read.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe void SoftplusBeyondNarrowRange(ref float x, ref float destination, bool negated)
    {
        Float512x4 input = Float512x4.Load(ref x);
        input = negated ? -input : input;
        Float512x4 magnitude = Float512x4.Abs(input);
        if (Vector512.GreaterThanAny(magnitude.LargestBits(), Float512x4.MagnitudeBits(SoftplusFloatFastPathBound)))
        {
            SoftplusOneVectorAtATime(ref x, ref destination, negated);
            return;
        }

        float* c = s_softplusNarrowTableWide;
        Float512x4 narrow = SoftplusNarrowRange(input, magnitude, c);
        var result = new Float512x4(
            WithFullRangeLanes(input.A, narrow.A, c),
            WithFullRangeLanes(input.B, narrow.B, c),
            WithFullRangeLanes(input.C, narrow.C, c),
            WithFullRangeLanes(input.D, narrow.D, c));
        (negated ? -result : result).Store(ref destination);
    }

    // The narrow form's results with the lanes beyond it (|x| <= 80) replaced by the full-range form's, as
    // Softplus(Vector512) blends them.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector512<float> WithFullRangeLanes(Vector512<float> x, Vector512<float> narrow, float* c)
    {
        Vector512<float> beyond = Vector512.GreaterThan(Vector512.Abs(x), LoadRow(c, SoftplusRowBound));
        return beyond == Vector512<float>.Zero
            ? narrow
            : Vector512.ConditionalSelect(beyond, SoftplusFullRange(x, x | Vector512.Create(-0f)), narrow) - Vector512<float>.Zero;
    }

    // Groups with a lane beyond ±80, or NaN: nothing is stored yet, so in place the inputs are still there to read again.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void SoftplusOneVectorAtATime(ref float x, ref float destination, bool negated)
    {
        Vector512<float> sign = negated ? Vector512.Create(-0f) : Vector512<float>.Zero; // the sign bit to flip
        for (nuint i = 0; i < 64; i += 16)
        {
            (Softplus(Vector512.LoadUnsafe(ref x, i) ^ sign) ^ sign).StoreUnsafe(ref destination, i);
        }
    }

    // SoftplusNarrowRange (Vector512) over four vectors; the comments on the Vector256 body argue each step.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Float512x4 SoftplusNarrowRange(Float512x4 x, Float512x4 magnitude, float* c)
    {
        Float512x4 index = Float512x4.MultiplyAdd(magnitude, LoadRow(c, SoftplusRowMinusInverseStep), LoadRow(c, SoftplusRowShift));

        Float512x4 positive = Float512x4.WhereAbove(x, LoadRow(c, SoftplusRowFoldBound));
        Float512x4 m = Float512x4.MultiplyAdd(positive, LoadRow(c, SoftplusRowMinusTwo), x);
        Float512x4 s = m - LookUp(c, SoftplusRowCentre, index);

        Float512x4 c2 = LookUp(c, SoftplusRowC2, index);
        Float512x4 s2 = s * s;
        Float512x4 low = Float512x4.MultiplyAdd(Float512x4.MultiplySubtract(s, s, s2), c2, LoadRow(c, SoftplusRowLow));
        Float512x4 c8 = LookUp(c, SoftplusRowC8C7, index);
        Float512x4 p78 = Float512x4.MultiplyAdd(s, c8, Float512x4.ShiftLeftBits(c8, 16));
        Float512x4 p56 = Float512x4.MultiplyAdd(s, LookUp(c, SoftplusRowC6, index), LookUp(c, SoftplusRowC5, index));
        Float512x4 p34 = Float512x4.MultiplyAdd(s, LookUp(c, SoftplusRowC4, index), LookUp(c, SoftplusRowC3, index));
        Float512x4 high = Float512x4.MultiplyAdd(s2, Float512x4.MultiplyAdd(s2, p78, p56), p34);
        Float512x4 rest = Float512x4.MultiplyAdd(s2, c2, Float512x4.MultiplyAdd(s2 * s, high, low));
        Float512x4 inner = Float512x4.MultiplyAdd(s, LookUp(c, SoftplusRowC1, index), rest);
        return (LookUp(c, SoftplusRowC0, index) + inner) + positive;
    }
}
