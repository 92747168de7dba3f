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
        // Below, "typeof(TExact) != typeof(NoTieBreaking)" (whether there are ties to settle) is written out where it is
        // tested: the JIT folds it as it reads the code, so the other branch is never imported. Behind a helper method
        // it folded only after inlining, and the dead branch's inlinees used up the method's inlining budget (past which
        // the JIT inlines nothing, not even the conversions: elu's Half kernel took 0.72 ns per element instead of 0.37).
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
            Unsafe.Add(ref destination, i) = typeof(TExact) != typeof(NoTieBreaking) ? HalfTies.Round(input, result, exact) : VectorMath.SingleToHalfBits(result);
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
        if (typeof(TExact) != typeof(NoTieBreaking) && VectorMath.HasHalfTies(lower, upper))
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
        // With ties to settle, a block that needs more than the fast conversions leaves the inner loop, which then has no
        // call (that would make the JIT reload its constants every iteration) and one copy of the operator's math (which
        // keeps the method within the JIT's inlining budget: past it, the JIT inlines nothing more, not even the
        // conversions). An infinity or NaN in, or a result that is no finite half, leaves before the store (in place, the
        // inputs are still there) and is computed again whole; a block with a tie is stored and has its ties settled from
        // the loop's variables.
        nuint count = (nuint)Vector512<ushort>.Count;
        if (typeof(TExact) == typeof(NoTieBreaking))
        {
            // No ties to settle: the blocks that need the full conversions take them inline (as a call it cost more).
            for (nuint i = 0; i < last; i += count)
            {
                Vector512<ushort> input = Vector512.LoadUnsafe(ref x, i);
                InvokeInLanes512(input, op.Invoke(VectorMath.WidenFiniteLowerInLanes(input)), op.Invoke(VectorMath.WidenFiniteUpperInLanes(input)), op).StoreUnsafe(ref destination, i);
            }

            return;
        }

        nuint next = 0;
        while (next < last)
        {
            Vector512<ushort> bits = default;
            Vector512<float> lower = default;
            Vector512<float> upper = default;
            bool full = false;
            for (; next < last; next += count)
            {
                bits = Vector512.LoadUnsafe(ref x, next);
                lower = op.Invoke(VectorMath.WidenFiniteLowerInLanes(bits));
                upper = op.Invoke(VectorMath.WidenFiniteUpperInLanes(bits));
                if (VectorMath.NeedsFullHalfConversions(bits, lower, upper))
                {
                    full = true;
                    break;
                }

                VectorMath.NarrowFiniteInLanes(lower, upper).StoreUnsafe(ref destination, next);
                if (VectorMath.HasHalfTies(lower, upper))
                {
                    break;
                }
            }

            if (next < last)
            {
                if (full)
                {
                    SettledBlock512(bits, op, exact).StoreUnsafe(ref destination, next);
                }
                else
                {
                    HalfTies.Settle(ref Unsafe.Add(ref destination, next), bits, lower, upper, exact, inLanes: true);
                }

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
        // overlapping last block is read first, so that in place it holds original values; it is computed after the loop
        // (a call before it would leave the loop's constants in memory).
        if (typeof(IInterleavedOperator<float>).IsAssignableFrom(typeof(TOperator)))
        {
            RunInterleaved512(ref x, ref destination, length, op, exact);
            return;
        }

        nuint last = length - (nuint)Vector512<ushort>.Count;
        Vector512<ushort> lastBits = Vector512.LoadUnsafe(ref x, last);
        if (typeof(TExact) == typeof(NoTieBreaking))
        {
            // No ties to settle: the last block computed inline, before the loop, as it always was (measured 2–3% faster
            // for the Half sigmoid and tanh than after the loop through the call).
            Vector512<ushort> lastBlock = InvokeInLanes512(lastBits, op.Invoke(VectorMath.WidenFiniteLowerInLanes(lastBits)), op.Invoke(VectorMath.WidenFiniteUpperInLanes(lastBits)), op);
            RunInLanes512(ref x, ref destination, last, op, exact);
            lastBlock.StoreUnsafe(ref destination, last);
            return;
        }

        RunInLanes512(ref x, ref destination, last, op, exact);
        SettledBlock512(lastBits, op, exact).StoreUnsafe(ref destination, last);
    }

    // An interleaved float operator (IInterleavedOperator, AVX-512) gets two blocks at a time: 64 halves widened into four
    // float vectors, which its four-vector method computes interleaved, as the float loop gives them (through a local
    // buffer: the method works in memory), and nothing else, so that the one method's math fits the JIT's inlining budget
    // (with the one-vector math beside it, neither was inlined). A single block goes with a copy of itself.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RunInterleaved512<TOperator, TExact>(ref ushort x, ref ushort destination, nuint length, TOperator op, TExact exact)
        where TOperator : struct, IElementwiseOperator<float>
        where TExact : struct, IElementwiseOperator<double>
    {
        nuint count = (nuint)Vector512<ushort>.Count;
        nuint last = length - count;
        Float512x4 floats = default;
        ref float buffer = ref Unsafe.As<Float512x4, float>(ref floats);

        // As in Run512: the overlapping last block is read first and computed after the loop.
        Vector512<ushort> lastBits = Vector512.LoadUnsafe(ref x, last);

        // A pair of blocks that needs more than the fast conversions (an infinity or NaN in, a result that is no finite half,
        // a tie) leaves the inner loop before it is stored (in place, its inputs are still there) and is computed again, a
        // block at a time, by calls: the inner loop has none, which would make the JIT reload its constants every iteration.
        nuint next = 0;
        while (next < last)
        {
            for (; next < last; next += 2 * count)
            {
                // The second block of the last pair may be the first again (its results are then stored twice, the same). The
                // inputs are loaded again after the math rather than kept in registers through it, which spilled its values.
                nuint secondAt = next + count < last ? next + count : next;
                Float512x4 results = InvokeInterleaved512(Vector512.LoadUnsafe(ref x, next), Vector512.LoadUnsafe(ref x, secondAt), ref buffer, op);
                if (VectorMath.NeedsFullHalfConversions(Vector512.LoadUnsafe(ref x, next), results.A, results.B)
                    | VectorMath.NeedsFullHalfConversions(Vector512.LoadUnsafe(ref x, secondAt), results.C, results.D)
                    | (typeof(TExact) != typeof(NoTieBreaking) && VectorMath.HasHalfTies(results.A, results.B, results.C, results.D)))
                {
                    break;
                }

                VectorMath.NarrowFiniteInLanes(results.A, results.B).StoreUnsafe(ref destination, next);
                VectorMath.NarrowFiniteInLanes(results.C, results.D).StoreUnsafe(ref destination, secondAt);
            }

            if (next < last)
            {
                SettledInterleavedBlock512(Vector512.LoadUnsafe(ref x, next), op, exact).StoreUnsafe(ref destination, next);
                if (next + count < last)
                {
                    SettledInterleavedBlock512(Vector512.LoadUnsafe(ref x, next + count), op, exact).StoreUnsafe(ref destination, next + count);
                }

                next += 2 * count;
            }
        }

        SettledInterleavedBlock512(lastBits, op, exact).StoreUnsafe(ref destination, last);
    }

    // Two blocks' halves widened within 128-bit lanes and computed by the operator's four-vector method.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Float512x4 InvokeInterleaved512<TOperator>(Vector512<ushort> first, Vector512<ushort> second, ref float buffer, TOperator op)
        where TOperator : struct, IElementwiseOperator<float>
    {
        new Float512x4(
            VectorMath.WidenFiniteLowerInLanes(first),
            VectorMath.WidenFiniteUpperInLanes(first),
            VectorMath.WidenFiniteLowerInLanes(second),
            VectorMath.WidenFiniteUpperInLanes(second)).Store(ref buffer);
        ((IInterleavedOperator<float>)op).Invoke512x4(ref buffer, ref buffer);
        return Float512x4.Load(ref buffer);
    }

    // A block through the full conversions: the sequential widening (its copy in the other two vectors), the four-vector
    // method, the full narrowing.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<ushort> FullConversionsInterleaved512<TOperator>(Vector512<ushort> bits, TOperator op)
        where TOperator : struct, IElementwiseOperator<float>
    {
        Float512x4 buffer = new(VectorMath.WidenLowerHalf(bits), VectorMath.WidenUpperHalf(bits), VectorMath.WidenLowerHalf(bits), VectorMath.WidenUpperHalf(bits));
        ref float floats = ref Unsafe.As<Float512x4, float>(ref buffer);
        ((IInterleavedOperator<float>)op).Invoke512x4(ref floats, ref floats);
        return VectorMath.NarrowToHalf(buffer.A, buffer.B);
    }

    // One block (with a copy of itself) through the four-vector method, the full conversions if it needs them (a call: this
    // method inlines the four-vector method once only), its ties settled, into a local: the overlapping last block and
    // the blocks the loop leaves to it. Not inlined, for the loop's inlining budget.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<ushort> SettledInterleavedBlock512<TOperator, TExact>(Vector512<ushort> bits, TOperator op, TExact exact)
        where TOperator : struct, IElementwiseOperator<float>
        where TExact : struct, IElementwiseOperator<double>
    {
        Float512x4 buffer = default;
        Float512x4 results = InvokeInterleaved512(bits, bits, ref Unsafe.As<Float512x4, float>(ref buffer), op);
        Vector512<ushort> block = VectorMath.NeedsFullHalfConversions(bits, results.A, results.B)
            ? FullConversionsInterleaved512(bits, op)
            : VectorMath.NarrowFiniteInLanes(results.A, results.B);
        if (typeof(TExact) != typeof(NoTieBreaking) && VectorMath.HasHalfTies(results.A, results.B))
        {
            HalfTies.Settle(ref Unsafe.As<Vector512<ushort>, ushort>(ref block), bits, results.A, results.B, exact, inLanes: true);
        }

        return block;
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
        if (typeof(TExact) != typeof(NoTieBreaking) && VectorMath.HasHalfTies(lower, upper))
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
        // With ties to settle, a block that needs more than the fast conversions leaves the inner loop, which then has no
        // call (that would make the JIT reload its constants every iteration) and one copy of the operator's math (which
        // keeps the method within the JIT's inlining budget: past it, the JIT inlines nothing more, not even the
        // conversions). An infinity or NaN in, or a result that is no finite half, leaves before the store (in place, the
        // inputs are still there) and is computed again whole; a block with a tie is stored and has its ties settled from
        // the loop's variables.
        nuint count = (nuint)Vector256<ushort>.Count;
        if (typeof(TExact) == typeof(NoTieBreaking))
        {
            // No ties to settle: the blocks that need the full conversions take them inline (as a call it cost more).
            for (nuint i = 0; i < last; i += count)
            {
                Vector256<ushort> input = Vector256.LoadUnsafe(ref x, i);
                InvokeInLanes256(input, op.Invoke(VectorMath.WidenFiniteLowerInLanes(input)), op.Invoke(VectorMath.WidenFiniteUpperInLanes(input)), op).StoreUnsafe(ref destination, i);
            }

            return;
        }

        nuint next = 0;
        while (next < last)
        {
            Vector256<ushort> bits = default;
            Vector256<float> lower = default;
            Vector256<float> upper = default;
            bool full = false;
            for (; next < last; next += count)
            {
                bits = Vector256.LoadUnsafe(ref x, next);
                lower = op.Invoke(VectorMath.WidenFiniteLowerInLanes(bits));
                upper = op.Invoke(VectorMath.WidenFiniteUpperInLanes(bits));
                if (VectorMath.NeedsFullHalfConversions(bits, lower, upper))
                {
                    full = true;
                    break;
                }

                VectorMath.NarrowFiniteInLanes(lower, upper).StoreUnsafe(ref destination, next);
                if (VectorMath.HasHalfTies(lower, upper))
                {
                    break;
                }
            }

            if (next < last)
            {
                if (full)
                {
                    SettledBlock256(bits, op, exact).StoreUnsafe(ref destination, next);
                }
                else
                {
                    HalfTies.Settle(ref Unsafe.Add(ref destination, next), bits, lower, upper, exact, inLanes: true);
                }

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

        // As in ElementwiseLoop: the overlapping last block is read first, so that in place it holds original values. With
        // ties to settle it is computed after the loop (a call before it would leave the loop's constants in memory), else
        // inline before it, as in Run512.
        Vector256<ushort> lastBits = Vector256.LoadUnsafe(ref x, last);
        Vector256<ushort> lastBlock = default;
        if (typeof(TExact) == typeof(NoTieBreaking))
        {
            lastBlock = Avx2.IsSupported
                ? InvokeInLanes256(lastBits, op.Invoke(VectorMath.WidenFiniteLowerInLanes(lastBits)), op.Invoke(VectorMath.WidenFiniteUpperInLanes(lastBits)), op)
                : Invoke256(lastBits, op);
        }

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

        (typeof(TExact) != typeof(NoTieBreaking) ? SettledBlock256(lastBits, op, exact) : lastBlock).StoreUnsafe(ref destination, last);
    }

    // The software-pipelined loop's store: the full conversion of a block's results, then its ties settled in memory.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreSequential256<TExact>(Vector256<ushort> bits, ref ushort destination, Vector256<float> lower, Vector256<float> upper, TExact exact)
        where TExact : struct, IElementwiseOperator<double>
    {
        VectorMath.NarrowToHalf(lower, upper).StoreUnsafe(ref destination);
        if (typeof(TExact) != typeof(NoTieBreaking) && VectorMath.HasHalfTies(lower, upper))
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
        if (typeof(TExact) != typeof(NoTieBreaking) && VectorMath.HasHalfTies(lower, upper))
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
        // With ties to settle, a block that needs more than the fast conversions leaves the inner loop, which then has no
        // call (that would make the JIT reload its constants every iteration) and one copy of the operator's math (which
        // keeps the method within the JIT's inlining budget: past it, the JIT inlines nothing more, not even the
        // conversions). An infinity or NaN in, or a result that is no finite half, leaves before the store (in place, the
        // inputs are still there) and is computed again whole; a block with a tie is stored and has its ties settled from
        // the loop's variables.
        nuint count = (nuint)Vector128<ushort>.Count;
        if (typeof(TExact) == typeof(NoTieBreaking))
        {
            // No ties to settle: the blocks that need the full conversions take them inline (as a call it cost more).
            for (nuint i = 0; i < last; i += count)
            {
                Vector128<ushort> input = Vector128.LoadUnsafe(ref x, i);
                InvokeInLanes128(input, op.Invoke(VectorMath.WidenFiniteLowerInLanes(input)), op.Invoke(VectorMath.WidenFiniteUpperInLanes(input)), op).StoreUnsafe(ref destination, i);
            }

            return;
        }

        nuint next = 0;
        while (next < last)
        {
            Vector128<ushort> bits = default;
            Vector128<float> lower = default;
            Vector128<float> upper = default;
            bool full = false;
            for (; next < last; next += count)
            {
                bits = Vector128.LoadUnsafe(ref x, next);
                lower = op.Invoke(VectorMath.WidenFiniteLowerInLanes(bits));
                upper = op.Invoke(VectorMath.WidenFiniteUpperInLanes(bits));
                if (VectorMath.NeedsFullHalfConversions(bits, lower, upper))
                {
                    full = true;
                    break;
                }

                VectorMath.NarrowFiniteInLanes(lower, upper).StoreUnsafe(ref destination, next);
                if (VectorMath.HasHalfTies(lower, upper))
                {
                    break;
                }
            }

            if (next < last)
            {
                if (full)
                {
                    SettledBlock128(bits, op, exact).StoreUnsafe(ref destination, next);
                }
                else
                {
                    HalfTies.Settle(ref Unsafe.Add(ref destination, next), bits, lower, upper, exact, inLanes: true);
                }

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

        // As in ElementwiseLoop: the overlapping last block is read first, so that in place it holds original values. With
        // ties to settle it is computed after the loop (a call before it would leave the loop's constants in memory), else
        // inline before it, as in Run512.
        Vector128<ushort> lastBits = Vector128.LoadUnsafe(ref x, last);
        Vector128<ushort> lastBlock = default;
        if (typeof(TExact) == typeof(NoTieBreaking))
        {
            lastBlock = Sse2.IsSupported
                ? InvokeInLanes128(lastBits, op.Invoke(VectorMath.WidenFiniteLowerInLanes(lastBits)), op.Invoke(VectorMath.WidenFiniteUpperInLanes(lastBits)), op)
                : Invoke128(lastBits, op);
        }

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

        (typeof(TExact) != typeof(NoTieBreaking) ? SettledBlock128(lastBits, op, exact) : lastBlock).StoreUnsafe(ref destination, last);
    }

    // The software-pipelined loop's store: the full conversion of a block's results, then its ties settled in memory.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreSequential128<TExact>(Vector128<ushort> bits, ref ushort destination, Vector128<float> lower, Vector128<float> upper, TExact exact)
        where TExact : struct, IElementwiseOperator<double>
    {
        VectorMath.NarrowToHalf(lower, upper).StoreUnsafe(ref destination);
        if (typeof(TExact) != typeof(NoTieBreaking) && VectorMath.HasHalfTies(lower, upper))
        {
            HalfTies.Settle(ref destination, bits, lower, upper, exact, inLanes: false);
        }
    }
}
