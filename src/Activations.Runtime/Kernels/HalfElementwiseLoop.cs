using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations.Kernels;

/// <summary>
/// The loop every generated <see cref="Half"/> span kernel runs: each vector of halves is widened to two
/// vectors of <see cref="float"/>, goes through the activation's <see cref="float"/> operator, and is narrowed
/// back (rounded to nearest even). Same dispatch, unrolling and overlapping tail as <see cref="ElementwiseLoop"/>.
/// Given the activation's double operator too, it settles in double the floats that lie exactly halfway between two
/// halves (<see cref="HalfTies"/>), so that a float operator within one float ULP gives correctly rounded halves.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class HalfElementwiseLoop
{
    /// <summary>
    /// Writes <c>(Half)op((float)x[i])</c> to <c>destination[i]</c> for every element of <paramref name="x"/>.
    /// <paramref name="x"/> and <paramref name="destination"/> may be the same memory.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// <paramref name="destination"/> is shorter than <paramref name="x"/> or partially overlaps it; nothing is written.
    /// </exception>
    public static void Run<TOperator>(ReadOnlySpan<Half> x, Span<Half> destination, TOperator op)
        where TOperator : struct, IElementwiseOperator<float> =>
        Run(x, destination, op, default(NoTieBreaking));

    /// <summary>
    /// Writes <c>(Half)op((float)x[i])</c> to <c>destination[i]</c> for every element of <paramref name="x"/>, except where
    /// <c>op((float)x[i])</c> lies exactly halfway between two halves: there <c>(Half)exact((double)x[i])</c>.
    /// <paramref name="x"/> and <paramref name="destination"/> may be the same memory.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// <paramref name="destination"/> is shorter than <paramref name="x"/> or partially overlaps it; nothing is written.
    /// </exception>
    public static void Run<TOperator, TExact>(ReadOnlySpan<Half> x, Span<Half> destination, TOperator op, TExact exact)
        where TOperator : struct, IElementwiseOperator<float>
        where TExact : struct, IElementwiseOperator<double>
    {
        SpanChecks.ThrowIfInvalidDestination(x, destination);

        // Half has no vector type of its own: its bits travel as ushort.
        ref ushort xRef = ref Unsafe.As<Half, ushort>(ref MemoryMarshal.GetReference(x));
        ref ushort destinationRef = ref Unsafe.As<Half, ushort>(ref MemoryMarshal.GetReference(destination));
        nuint length = (nuint)x.Length;

        if (Vector512.IsHardwareAccelerated && length >= (nuint)Vector512<ushort>.Count)
        {
            Run512(ref xRef, ref destinationRef, length, op, exact);
            return;
        }

        if (Vector256.IsHardwareAccelerated && length >= (nuint)Vector256<ushort>.Count)
        {
            Run256(ref xRef, ref destinationRef, length, op, exact);
            return;
        }

        if (Vector128.IsHardwareAccelerated && length >= (nuint)Vector128<ushort>.Count)
        {
            Run128(ref xRef, ref destinationRef, length, op, exact);
            return;
        }

        RunScalar(ref xRef, ref destinationRef, length, op, exact);
    }

    // A JIT-time constant: whether the loop was given a double operator to settle ties with.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SettlesTies<TExact>()
        where TExact : struct, IElementwiseOperator<double> => typeof(TExact) != typeof(NoTieBreaking);

    // Each width is its own JIT compilation root, as in ElementwiseLoop, so the math keeps the whole inlining budget.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RunScalar<TOperator, TExact>(ref ushort x, ref ushort destination, nuint length, TOperator op, TExact exact)
        where TOperator : struct, IElementwiseOperator<float>
        where TExact : struct, IElementwiseOperator<double>
    {
        for (nuint i = 0; i < length; i++)
        {
            // The vectors' conversion rules (exact round trip of every half, NaN payloads included), one element at a time.
            ushort input = Unsafe.Add(ref x, i);
            float result = op.Invoke(VectorMath.HalfBitsToSingle(input));
            Unsafe.Add(ref destination, i) = SettlesTies<TExact>() ? HalfTies.Round(input, result, exact) : VectorMath.SingleToHalfBits(result);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ushort> Invoke512<TOperator>(Vector512<ushort> bits, TOperator op)
        where TOperator : struct, IElementwiseOperator<float>
    {
        return VectorMath.NarrowToHalf(op.Invoke(VectorMath.WidenLowerHalf(bits)), op.Invoke(VectorMath.WidenUpperHalf(bits)));
    }

    /// <summary>As <see cref="InvokeInLanes256{TOperator}(Vector256{ushort}, Vector256{float}, Vector256{float}, TOperator)"/>, with AVX-512BW.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ushort> InvokeInLanes512<TOperator>(Vector512<ushort> bits, Vector512<float> lower, Vector512<float> upper, TOperator op)
        where TOperator : struct, IElementwiseOperator<float>
    {
        return VectorMath.NeedsFullHalfConversions(bits, lower, upper) ? Invoke512(bits, op) : VectorMath.NarrowFiniteInLanes(lower, upper);
    }

    // The overlapping last block, computed before the loop (in place, the loop overwrites some of its inputs).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ushort> LastBlock512<TOperator, TExact>(Vector512<ushort> bits, TOperator op, TExact exact)
        where TOperator : struct, IElementwiseOperator<float>
        where TExact : struct, IElementwiseOperator<double>
    {
        if (SettlesTies<TExact>())
        {
            return SettledBlock512(bits, op, exact);
        }

        return Avx512BW.IsSupported
            ? InvokeInLanes512(bits, op.Invoke(VectorMath.WidenFiniteLowerInLanes(bits)), op.Invoke(VectorMath.WidenFiniteUpperInLanes(bits)), op)
            : Invoke512(bits, op);
    }

    // A block computed whole and its ties settled, in a local. Not inlined: the call keeps the ties' work out of the loop's code.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<ushort> SettledBlock512<TOperator, TExact>(Vector512<ushort> bits, TOperator op, TExact exact)
        where TOperator : struct, IElementwiseOperator<float>
        where TExact : struct, IElementwiseOperator<double>
    {
        bool inLanes = Avx512BW.IsSupported;
        Vector512<float> lower = op.Invoke(inLanes ? VectorMath.WidenFiniteLowerInLanes(bits) : VectorMath.WidenLowerHalf(bits));
        Vector512<float> upper = op.Invoke(inLanes ? VectorMath.WidenFiniteUpperInLanes(bits) : VectorMath.WidenUpperHalf(bits));
        Vector512<ushort> block = inLanes ? InvokeInLanes512(bits, lower, upper, op) : VectorMath.NarrowToHalf(lower, upper);
        if (VectorMath.HasHalfTies(lower, upper))
        {
            HalfTies.Settle(ref Unsafe.As<Vector512<ushort>, ushort>(ref block), bits, lower, upper, exact, inLanes);
        }

        return block;
    }

    // The blocks before the last one through the fast conversions (with AVX-512BW), each read before it is written.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RunInLanes512<TOperator, TExact>(ref ushort x, ref ushort destination, nuint last, TOperator op, TExact exact)
        where TOperator : struct, IElementwiseOperator<float>
        where TExact : struct, IElementwiseOperator<double>
    {
        nuint count = (nuint)Vector512<ushort>.Count;
        if (!SettlesTies<TExact>())
        {
            for (nuint i = 0; i < last; i += count)
            {
                Vector512<ushort> bits = Vector512.LoadUnsafe(ref x, i);
                InvokeInLanes512(bits, op.Invoke(VectorMath.WidenFiniteLowerInLanes(bits)), op.Invoke(VectorMath.WidenFiniteUpperInLanes(bits)), op).StoreUnsafe(ref destination, i);
            }

            return;
        }

        // A block with a tie is stored, then leaves the inner loop, whose variables still hold its inputs and floats, and has
        // its ties settled by a call: the inner loop has none, which would make the JIT reload its constants every iteration.
        nuint next = 0;
        while (next < last)
        {
            Vector512<ushort> bits = default;
            Vector512<float> lower = default;
            Vector512<float> upper = default;
            for (; next < last; next += count)
            {
                bits = Vector512.LoadUnsafe(ref x, next);
                lower = op.Invoke(VectorMath.WidenFiniteLowerInLanes(bits));
                upper = op.Invoke(VectorMath.WidenFiniteUpperInLanes(bits));
                InvokeInLanes512(bits, lower, upper, op).StoreUnsafe(ref destination, next);
                if (VectorMath.HasHalfTies(lower, upper))
                {
                    break;
                }
            }

            if (next < last)
            {
                // The in-lanes floats serve the full conversions' blocks too: the same values for finite inputs (HalfTies
                // skips the others).
                HalfTies.Settle(ref Unsafe.Add(ref destination, next), bits, lower, upper, exact, inLanes: true);
                next += count;
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Run512<TOperator, TExact>(ref ushort x, ref ushort destination, nuint length, TOperator op, TExact exact)
        where TOperator : struct, IElementwiseOperator<float>
        where TExact : struct, IElementwiseOperator<double>
    {
        // As Run256 with AVX2: the fast conversions within 128-bit lanes, each block checked. Vector512 is accelerated only
        // on x86 with AVX-512F, BW, CD, DQ and VL, so AVX-512BW is always there when this runs. As in ElementwiseLoop: the
        // overlapping tail is computed first, so in-place calls read original values.
        nuint last = length - (nuint)Vector512<ushort>.Count;
        Vector512<ushort> lastBlock = LastBlock512(Vector512.LoadUnsafe(ref x, last), op, exact);
        RunInLanes512(ref x, ref destination, last, op, exact);
        lastBlock.StoreUnsafe(ref destination, last);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ushort> Invoke256<TOperator>(Vector256<ushort> bits, TOperator op)
        where TOperator : struct, IElementwiseOperator<float>
    {
        return VectorMath.NarrowToHalf(op.Invoke(VectorMath.WidenLowerHalf(bits)), op.Invoke(VectorMath.WidenUpperHalf(bits)));
    }

    /// <summary>
    /// A block's results through the fast conversions of VectorMath.HalfInLanes.cs; where they do not apply (an infinity or
    /// NaN in, a result that is not a finite half out: rare), through the full ones, inlined (a call would cost every
    /// iteration: it makes the JIT keep the constants in memory rather than in registers).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ushort> InvokeInLanes256<TOperator>(Vector256<ushort> bits, Vector256<float> lower, Vector256<float> upper, TOperator op)
        where TOperator : struct, IElementwiseOperator<float>
    {
        return VectorMath.NeedsFullHalfConversions(bits, lower, upper) ? Invoke256(bits, op) : VectorMath.NarrowFiniteInLanes(lower, upper);
    }

    // The overlapping last block, computed before the loop (in place, the loop overwrites some of its inputs).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ushort> LastBlock256<TOperator, TExact>(Vector256<ushort> bits, TOperator op, TExact exact)
        where TOperator : struct, IElementwiseOperator<float>
        where TExact : struct, IElementwiseOperator<double>
    {
        if (SettlesTies<TExact>())
        {
            return SettledBlock256(bits, op, exact);
        }

        return Avx2.IsSupported
            ? InvokeInLanes256(bits, op.Invoke(VectorMath.WidenFiniteLowerInLanes(bits)), op.Invoke(VectorMath.WidenFiniteUpperInLanes(bits)), op)
            : Invoke256(bits, op);
    }

    // A block computed whole and its ties settled, in a local. Not inlined: the call keeps the ties' work out of the loop's code.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<ushort> SettledBlock256<TOperator, TExact>(Vector256<ushort> bits, TOperator op, TExact exact)
        where TOperator : struct, IElementwiseOperator<float>
        where TExact : struct, IElementwiseOperator<double>
    {
        bool inLanes = Avx2.IsSupported;
        Vector256<float> lower = op.Invoke(inLanes ? VectorMath.WidenFiniteLowerInLanes(bits) : VectorMath.WidenLowerHalf(bits));
        Vector256<float> upper = op.Invoke(inLanes ? VectorMath.WidenFiniteUpperInLanes(bits) : VectorMath.WidenUpperHalf(bits));
        Vector256<ushort> block = inLanes ? InvokeInLanes256(bits, lower, upper, op) : VectorMath.NarrowToHalf(lower, upper);
        if (VectorMath.HasHalfTies(lower, upper))
        {
            HalfTies.Settle(ref Unsafe.As<Vector256<ushort>, ushort>(ref block), bits, lower, upper, exact, inLanes);
        }

        return block;
    }

    // The blocks before the last one through the fast conversions (with AVX2), each read before it is written.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RunInLanes256<TOperator, TExact>(ref ushort x, ref ushort destination, nuint last, TOperator op, TExact exact)
        where TOperator : struct, IElementwiseOperator<float>
        where TExact : struct, IElementwiseOperator<double>
    {
        nuint count = (nuint)Vector256<ushort>.Count;
        if (!SettlesTies<TExact>())
        {
            for (nuint i = 0; i < last; i += count)
            {
                Vector256<ushort> bits = Vector256.LoadUnsafe(ref x, i);
                InvokeInLanes256(bits, op.Invoke(VectorMath.WidenFiniteLowerInLanes(bits)), op.Invoke(VectorMath.WidenFiniteUpperInLanes(bits)), op).StoreUnsafe(ref destination, i);
            }

            return;
        }

        // A block with a tie is stored, then leaves the inner loop, whose variables still hold its inputs and floats, and has
        // its ties settled by a call: the inner loop has none, which would make the JIT reload its constants every iteration.
        nuint next = 0;
        while (next < last)
        {
            Vector256<ushort> bits = default;
            Vector256<float> lower = default;
            Vector256<float> upper = default;
            for (; next < last; next += count)
            {
                bits = Vector256.LoadUnsafe(ref x, next);
                lower = op.Invoke(VectorMath.WidenFiniteLowerInLanes(bits));
                upper = op.Invoke(VectorMath.WidenFiniteUpperInLanes(bits));
                InvokeInLanes256(bits, lower, upper, op).StoreUnsafe(ref destination, next);
                if (VectorMath.HasHalfTies(lower, upper))
                {
                    break;
                }
            }

            if (next < last)
            {
                // The in-lanes floats serve the full conversions' blocks too: the same values for finite inputs (HalfTies
                // skips the others).
                HalfTies.Settle(ref Unsafe.Add(ref destination, next), bits, lower, upper, exact, inLanes: true);
                next += count;
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Run256<TOperator, TExact>(ref ushort x, ref ushort destination, nuint length, TOperator op, TExact exact)
        where TOperator : struct, IElementwiseOperator<float>
        where TExact : struct, IElementwiseOperator<double>
    {
        nuint count = (nuint)Vector256<ushort>.Count;
        nuint last = length - count;

        // As in ElementwiseLoop: the overlapping tail is computed first, so in-place calls read original values.
        Vector256<ushort> lastBlock = LastBlock256(Vector256.LoadUnsafe(ref x, last), op, exact);
        if (Avx2.IsSupported)
        {
            RunInLanes256(ref x, ref destination, last, op, exact);
        }
        else if (last != 0)
        {
            // Software-pipelined: each step narrows and stores the previous step's results between the operator's two long
            // dependency chains, so that the processor has independent work in its window while they wait. Every store is
            // to elements already read (in-place calls read original values); a block's ties are settled after its store,
            // from its inputs kept in a register.
            Vector256<ushort> bits = Vector256.LoadUnsafe(ref x, 0);
            Vector256<float> lower = op.Invoke(VectorMath.WidenLowerHalf(bits));
            Vector256<float> upper = op.Invoke(VectorMath.WidenUpperHalf(bits));
            nuint i = count;
            for (; i < last; i += count)
            {
                Vector256<ushort> nextBits = Vector256.LoadUnsafe(ref x, i);
                Vector256<float> nextLower = op.Invoke(VectorMath.WidenLowerHalf(nextBits));
                StoreSequential256(bits, ref Unsafe.Add(ref destination, i - count), lower, upper, exact);
                upper = op.Invoke(VectorMath.WidenUpperHalf(nextBits));
                lower = nextLower;
                bits = nextBits;
            }

            StoreSequential256(bits, ref Unsafe.Add(ref destination, i - count), lower, upper, exact);
        }

        lastBlock.StoreUnsafe(ref destination, last);
    }

    // The software-pipelined loop's store: the full conversion of a block's results, then its ties settled in memory.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreSequential256<TExact>(Vector256<ushort> bits, ref ushort destination, Vector256<float> lower, Vector256<float> upper, TExact exact)
        where TExact : struct, IElementwiseOperator<double>
    {
        VectorMath.NarrowToHalf(lower, upper).StoreUnsafe(ref destination);
        if (SettlesTies<TExact>() && VectorMath.HasHalfTies(lower, upper))
        {
            HalfTies.Settle(ref destination, bits, lower, upper, exact, inLanes: false);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ushort> Invoke128<TOperator>(Vector128<ushort> bits, TOperator op)
        where TOperator : struct, IElementwiseOperator<float>
    {
        return VectorMath.NarrowToHalf(op.Invoke(VectorMath.WidenLowerHalf(bits)), op.Invoke(VectorMath.WidenUpperHalf(bits)));
    }

    /// <summary>As <see cref="InvokeInLanes256{TOperator}(Vector256{ushort}, Vector256{float}, Vector256{float}, TOperator)"/>, with SSE2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ushort> InvokeInLanes128<TOperator>(Vector128<ushort> bits, Vector128<float> lower, Vector128<float> upper, TOperator op)
        where TOperator : struct, IElementwiseOperator<float>
    {
        return VectorMath.NeedsFullHalfConversions(bits, lower, upper) ? Invoke128(bits, op) : VectorMath.NarrowFiniteInLanes(lower, upper);
    }

    // The overlapping last block, computed before the loop (in place, the loop overwrites some of its inputs).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ushort> LastBlock128<TOperator, TExact>(Vector128<ushort> bits, TOperator op, TExact exact)
        where TOperator : struct, IElementwiseOperator<float>
        where TExact : struct, IElementwiseOperator<double>
    {
        if (SettlesTies<TExact>())
        {
            return SettledBlock128(bits, op, exact);
        }

        return Sse2.IsSupported
            ? InvokeInLanes128(bits, op.Invoke(VectorMath.WidenFiniteLowerInLanes(bits)), op.Invoke(VectorMath.WidenFiniteUpperInLanes(bits)), op)
            : Invoke128(bits, op);
    }

    // A block computed whole and its ties settled, in a local. Not inlined: the call keeps the ties' work out of the loop's code.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector128<ushort> SettledBlock128<TOperator, TExact>(Vector128<ushort> bits, TOperator op, TExact exact)
        where TOperator : struct, IElementwiseOperator<float>
        where TExact : struct, IElementwiseOperator<double>
    {
        bool inLanes = Sse2.IsSupported;
        Vector128<float> lower = op.Invoke(inLanes ? VectorMath.WidenFiniteLowerInLanes(bits) : VectorMath.WidenLowerHalf(bits));
        Vector128<float> upper = op.Invoke(inLanes ? VectorMath.WidenFiniteUpperInLanes(bits) : VectorMath.WidenUpperHalf(bits));
        Vector128<ushort> block = inLanes ? InvokeInLanes128(bits, lower, upper, op) : VectorMath.NarrowToHalf(lower, upper);
        if (VectorMath.HasHalfTies(lower, upper))
        {
            HalfTies.Settle(ref Unsafe.As<Vector128<ushort>, ushort>(ref block), bits, lower, upper, exact, inLanes);
        }

        return block;
    }

    // The blocks before the last one through the fast conversions (with SSE2), each read before it is written.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RunInLanes128<TOperator, TExact>(ref ushort x, ref ushort destination, nuint last, TOperator op, TExact exact)
        where TOperator : struct, IElementwiseOperator<float>
        where TExact : struct, IElementwiseOperator<double>
    {
        nuint count = (nuint)Vector128<ushort>.Count;
        if (!SettlesTies<TExact>())
        {
            for (nuint i = 0; i < last; i += count)
            {
                Vector128<ushort> bits = Vector128.LoadUnsafe(ref x, i);
                InvokeInLanes128(bits, op.Invoke(VectorMath.WidenFiniteLowerInLanes(bits)), op.Invoke(VectorMath.WidenFiniteUpperInLanes(bits)), op).StoreUnsafe(ref destination, i);
            }

            return;
        }

        // A block with a tie is stored, then leaves the inner loop, whose variables still hold its inputs and floats, and has
        // its ties settled by a call: the inner loop has none, which would make the JIT reload its constants every iteration.
        nuint next = 0;
        while (next < last)
        {
            Vector128<ushort> bits = default;
            Vector128<float> lower = default;
            Vector128<float> upper = default;
            for (; next < last; next += count)
            {
                bits = Vector128.LoadUnsafe(ref x, next);
                lower = op.Invoke(VectorMath.WidenFiniteLowerInLanes(bits));
                upper = op.Invoke(VectorMath.WidenFiniteUpperInLanes(bits));
                InvokeInLanes128(bits, lower, upper, op).StoreUnsafe(ref destination, next);
                if (VectorMath.HasHalfTies(lower, upper))
                {
                    break;
                }
            }

            if (next < last)
            {
                // The in-lanes floats serve the full conversions' blocks too: the same values for finite inputs (HalfTies
                // skips the others).
                HalfTies.Settle(ref Unsafe.Add(ref destination, next), bits, lower, upper, exact, inLanes: true);
                next += count;
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Run128<TOperator, TExact>(ref ushort x, ref ushort destination, nuint length, TOperator op, TExact exact)
        where TOperator : struct, IElementwiseOperator<float>
        where TExact : struct, IElementwiseOperator<double>
    {
        nuint count = (nuint)Vector128<ushort>.Count;
        nuint last = length - count;

        // As in ElementwiseLoop: the overlapping tail is computed first, so in-place calls read original values.
        Vector128<ushort> lastBlock = LastBlock128(Vector128.LoadUnsafe(ref x, last), op, exact);
        if (Sse2.IsSupported)
        {
            RunInLanes128(ref x, ref destination, last, op, exact);
        }
        else if (last != 0)
        {
            // Software-pipelined: each step narrows and stores the previous step's results between the operator's two long
            // dependency chains, so that the processor has independent work in its window while they wait. Every store is
            // to elements already read (in-place calls read original values); a block's ties are settled after its store,
            // from its inputs kept in a register.
            Vector128<ushort> bits = Vector128.LoadUnsafe(ref x, 0);
            Vector128<float> lower = op.Invoke(VectorMath.WidenLowerHalf(bits));
            Vector128<float> upper = op.Invoke(VectorMath.WidenUpperHalf(bits));
            nuint i = count;
            for (; i < last; i += count)
            {
                Vector128<ushort> nextBits = Vector128.LoadUnsafe(ref x, i);
                Vector128<float> nextLower = op.Invoke(VectorMath.WidenLowerHalf(nextBits));
                StoreSequential128(bits, ref Unsafe.Add(ref destination, i - count), lower, upper, exact);
                upper = op.Invoke(VectorMath.WidenUpperHalf(nextBits));
                lower = nextLower;
                bits = nextBits;
            }

            StoreSequential128(bits, ref Unsafe.Add(ref destination, i - count), lower, upper, exact);
        }

        lastBlock.StoreUnsafe(ref destination, last);
    }

    // The software-pipelined loop's store: the full conversion of a block's results, then its ties settled in memory.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreSequential128<TExact>(Vector128<ushort> bits, ref ushort destination, Vector128<float> lower, Vector128<float> upper, TExact exact)
        where TExact : struct, IElementwiseOperator<double>
    {
        VectorMath.NarrowToHalf(lower, upper).StoreUnsafe(ref destination);
        if (SettlesTies<TExact>() && VectorMath.HasHalfTies(lower, upper))
        {
            HalfTies.Settle(ref destination, bits, lower, upper, exact, inLanes: false);
        }
    }
}
