using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations.Kernels;

/// <summary>
/// Settles the Half results whose float lies exactly halfway between two halves, or within a window of float ULPs of such a
/// point (VectorMath.HalfTies.cs): those elements are computed again by the activation's double operator and rounded from
/// double to Half (correctly, by .NET's conversion). A float within one ULP of the true value that is no tie already
/// rounds the right way, so with the built-ins' float kernels every Half result is correctly rounded; a float within E
/// ULPs that is more than E ULPs from every midpoint too. Ties are rare (about one float in 8192 lands on one, 2W + 1 in
/// 8192 within a window W), so this runs outside the loops' hot path, one element at a time.
/// </summary>
internal static class HalfTies
{
    /// <summary>
    /// Rewrites, in the block of halves at <paramref name="block"/> (the results of <paramref name="bits"/>, already stored),
    /// the elements whose float in <paramref name="lower"/> or <paramref name="upper"/> is a Half tie (or within
    /// <paramref name="window"/> float ULPs of one). <paramref name="inLanes"/>:
    /// the floats came from VectorMath.HalfInLanes.cs's widening (each 128-bit lane's lower four halves in
    /// <paramref name="lower"/>, its upper four in <paramref name="upper"/>), else from the sequential one (the block's first
    /// half in <paramref name="lower"/>). Only the tied lanes are visited. Non-finite inputs and results are left as they are
    /// (the in-lanes floats of non-finite inputs are garbage). The inputs come from <paramref name="bits"/>, so in place works.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Settle<TExact>(ref ushort block, Vector128<ushort> bits, Vector128<float> lower, Vector128<float> upper, TExact exact, uint window, bool inLanes)
        where TExact : struct, IElementwiseOperator<double>
    {
        PendingHalfTies pending = default;
        Defer(ref pending, ref block, 0, bits, lower, upper, exact, window, inLanes);
        pending.Settle(ref block, exact);
    }

    /// <inheritdoc cref="Settle{TExact}(ref ushort, Vector128{ushort}, Vector128{float}, Vector128{float}, TExact, uint, bool)"/>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Settle<TExact>(ref ushort block, Vector256<ushort> bits, Vector256<float> lower, Vector256<float> upper, TExact exact, uint window, bool inLanes)
        where TExact : struct, IElementwiseOperator<double>
    {
        PendingHalfTies pending = default;
        Defer(ref pending, ref block, 0, bits, lower, upper, exact, window, inLanes);
        pending.Settle(ref block, exact);
    }

    /// <inheritdoc cref="Settle{TExact}(ref ushort, Vector128{ushort}, Vector128{float}, Vector128{float}, TExact, uint, bool)"/>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Settle<TExact>(ref ushort block, Vector512<ushort> bits, Vector512<float> lower, Vector512<float> upper, TExact exact, uint window, bool inLanes)
        where TExact : struct, IElementwiseOperator<double>
    {
        PendingHalfTies pending = default;
        Defer(ref pending, ref block, 0, bits, lower, upper, exact, window, inLanes);
        pending.Settle(ref block, exact);
    }

    /// <summary>
    /// As <see cref="Settle{TExact}(ref ushort, Vector128{ushort}, Vector128{float}, Vector128{float}, TExact, uint, bool)"/>
    /// for a block at offset <paramref name="block"/> of <paramref name="destination"/>, but leaves the flagged elements to
    /// <paramref name="pending"/>, which settles them in groups.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Defer<TExact>(ref PendingHalfTies pending, ref ushort destination, nuint block, Vector128<ushort> bits, Vector128<float> lower, Vector128<float> upper, TExact exact, uint window, bool inLanes)
        where TExact : struct, IElementwiseOperator<double>
    {
        ref ushort inputs = ref Unsafe.As<Vector128<ushort>, ushort>(ref bits);
        DeferLanes(ref pending, ref destination, block, ref inputs, ref Unsafe.As<Vector128<float>, float>(ref lower), VectorMath.HalfTieLaneBits(lower, window), inLanes, upper: false, Vector128<float>.Count, exact);
        DeferLanes(ref pending, ref destination, block, ref inputs, ref Unsafe.As<Vector128<float>, float>(ref upper), VectorMath.HalfTieLaneBits(upper, window), inLanes, upper: true, Vector128<float>.Count, exact);
    }

    /// <inheritdoc cref="Defer{TExact}(ref PendingHalfTies, ref ushort, nuint, Vector128{ushort}, Vector128{float}, Vector128{float}, TExact, uint, bool)"/>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Defer<TExact>(ref PendingHalfTies pending, ref ushort destination, nuint block, Vector256<ushort> bits, Vector256<float> lower, Vector256<float> upper, TExact exact, uint window, bool inLanes)
        where TExact : struct, IElementwiseOperator<double>
    {
        ref ushort inputs = ref Unsafe.As<Vector256<ushort>, ushort>(ref bits);
        DeferLanes(ref pending, ref destination, block, ref inputs, ref Unsafe.As<Vector256<float>, float>(ref lower), VectorMath.HalfTieLaneBits(lower, window), inLanes, upper: false, Vector256<float>.Count, exact);
        DeferLanes(ref pending, ref destination, block, ref inputs, ref Unsafe.As<Vector256<float>, float>(ref upper), VectorMath.HalfTieLaneBits(upper, window), inLanes, upper: true, Vector256<float>.Count, exact);
    }

    /// <inheritdoc cref="Defer{TExact}(ref PendingHalfTies, ref ushort, nuint, Vector128{ushort}, Vector128{float}, Vector128{float}, TExact, uint, bool)"/>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Defer<TExact>(ref PendingHalfTies pending, ref ushort destination, nuint block, Vector512<ushort> bits, Vector512<float> lower, Vector512<float> upper, TExact exact, uint window, bool inLanes)
        where TExact : struct, IElementwiseOperator<double>
    {
        ref ushort inputs = ref Unsafe.As<Vector512<ushort>, ushort>(ref bits);
        DeferLanes(ref pending, ref destination, block, ref inputs, ref Unsafe.As<Vector512<float>, float>(ref lower), VectorMath.HalfTieLaneBits(lower, window), inLanes, upper: false, Vector512<float>.Count, exact);
        DeferLanes(ref pending, ref destination, block, ref inputs, ref Unsafe.As<Vector512<float>, float>(ref upper), VectorMath.HalfTieLaneBits(upper, window), inLanes, upper: true, Vector512<float>.Count, exact);
    }

    // The flagged lanes of one of a block's two float vectors, lowest first, those with a finite input and result.
    private static void DeferLanes<TExact>(ref PendingHalfTies pending, ref ushort destination, nuint block, ref ushort inputs, ref float results, ulong lanes, bool inLanes, bool upper, int count, TExact exact)
        where TExact : struct, IElementwiseOperator<double>
    {
        for (; lanes != 0; lanes &= lanes - 1)
        {
            int lane = BitOperations.TrailingZeroCount(lanes);
            int index = upper ? UpperIndex(lane, inLanes, count) : LowerIndex(lane, inLanes);
            ushort input = Unsafe.Add(ref inputs, index);
            if (Half.IsFinite(BitConverter.UInt16BitsToHalf(input)) && float.IsFinite(Unsafe.Add(ref results, lane)))
            {
                pending.Add(ref destination, block + (nuint)index, input, exact);
            }
        }
    }

    /// <summary>The bits of the Half result of one element: the float rounded, or where it is a tie (within <paramref name="window"/> float ULPs of one), the double result rounded.</summary>
    public static ushort Round<TExact>(ushort input, float single, TExact exact, uint window)
        where TExact : struct, IElementwiseOperator<double>
    {
        return VectorMath.IsHalfTie(single, window) && Half.IsFinite(BitConverter.UInt16BitsToHalf(input))
            ? FromDouble(input, exact)
            : VectorMath.SingleToHalfBits(single);
    }

    // In-lanes widening: float lane i of the lower vector holds half 8 (i / 4) + i % 4 (a 128-bit lane's lower four halves),
    // of the upper one that plus 4. Sequential: lane i of the lower vector holds half i, of the upper one half count + i.
    private static int LowerIndex(int lane, bool inLanes) => inLanes ? (8 * (lane >> 2)) + (lane & 3) : lane;

    private static int UpperIndex(int lane, bool inLanes, int count) => inLanes ? (8 * (lane >> 2)) + 4 + (lane & 3) : count + lane;

    /// <summary>The bits of <c>(Half)exact((double)input)</c>.</summary>
    public static ushort FromDouble<TExact>(ushort input, TExact exact)
        where TExact : struct, IElementwiseOperator<double> =>
        BitConverter.HalfToUInt16Bits((Half)exact.Invoke((double)BitConverter.UInt16BitsToHalf(input)));
}

/// <summary>
/// The Half loop's "no ties to settle": for Half operators (whose error exceeds a float ULP, so that the test would mean
/// nothing) and exact float operators (whose ties are the true values'). Never invoked.
/// </summary>
internal readonly struct NoTieBreaking : IElementwiseOperator<double>
{
    public double Invoke(double x) => throw new InvalidOperationException();

    public Vector128<double> Invoke(Vector128<double> x) => throw new InvalidOperationException();

    public Vector256<double> Invoke(Vector256<double> x) => throw new InvalidOperationException();

    public Vector512<double> Invoke(Vector512<double> x) => throw new InvalidOperationException();
}
