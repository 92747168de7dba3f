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
/// back (rounded to nearest even). Same dispatch and overlapping tail as <see cref="ElementwiseLoop"/>; with AVX2 or
/// AVX-512 the halves go through a chunk of floats on the stack in three passes (widen, compute, narrow), except for
/// the exact lightweight operators (relu …), which take each block in one step. Given the activation's double operator
/// too, it settles in double the floats that lie exactly halfway between two halves (<see cref="HalfTies"/>), so that a
/// float operator within one float ULP gives correctly rounded halves; given a tie window W too, every float within W
/// float ULPs of such a point, so that an operator within W - 1/2 ULPs does (<see cref="HalfTieWindows"/>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class HalfElementwiseLoop
{
    /// <summary>The widest tie window: a quarter of the 8192 float ULPs between two halves.</summary>
    public const int MaximumTieWindow = 2048;

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
        where TExact : struct, IElementwiseOperator<double> =>
        Run(x, destination, op, exact, tieWindow: 0);

    /// <summary>
    /// Writes <c>(Half)op((float)x[i])</c> to <c>destination[i]</c> for every element of <paramref name="x"/>, except where
    /// <c>op((float)x[i])</c> lies within <paramref name="tieWindow"/> float ULPs of a point halfway between two halves: there
    /// <c>(Half)exact((double)x[i])</c>. An operator within E float ULPs of the true value, with a window above E + 1/2, gives
    /// correctly rounded halves (see VectorMath.HalfTies.cs; 0 is the exact test, for operators within one ULP).
    /// <paramref name="x"/> and <paramref name="destination"/> may be the same memory.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// <paramref name="destination"/> is shorter than <paramref name="x"/> or partially overlaps it; nothing is written.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="tieWindow"/> is negative or above <see cref="MaximumTieWindow"/>; nothing is written.
    /// </exception>
    public static void Run<TOperator, TExact>(ReadOnlySpan<Half> x, Span<Half> destination, TOperator op, TExact exact, int tieWindow)
        where TOperator : struct, IElementwiseOperator<float>
        where TExact : struct, IElementwiseOperator<double>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tieWindow);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tieWindow, MaximumTieWindow);
        uint window = (uint)tieWindow;

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
            Run512(ref xRef, ref destinationRef, length, op, exact, window);
            return;
        }

        if (Vector256.IsHardwareAccelerated && length >= (nuint)Vector256<ushort>.Count)
        {
            Run256(ref xRef, ref destinationRef, length, op, exact, window);
            return;
        }

        if (Vector128.IsHardwareAccelerated && length >= (nuint)Vector128<ushort>.Count)
        {
            Run128(ref xRef, ref destinationRef, length, op, exact, window);
            return;
        }

        RunScalar(ref xRef, ref destinationRef, length, op, exact, window);
    }

    // Each width is its own JIT compilation root, as in ElementwiseLoop, so the math keeps the whole inlining budget.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RunScalar<TOperator, TExact>(ref ushort x, ref ushort destination, nuint length, TOperator op, TExact exact, uint window)
        where TOperator : struct, IElementwiseOperator<float>
        where TExact : struct, IElementwiseOperator<double>
    {
        for (nuint i = 0; i < length; i++)
        {
            // The vectors' conversion rules (exact round trip of every half, NaN payloads included), one element at a time.
            ushort input = Unsafe.Add(ref x, i);
            float result = op.Invoke(VectorMath.HalfBitsToSingle(input));
            Unsafe.Add(ref destination, i) = typeof(TExact) != typeof(NoTieBreaking) ? HalfTies.Round(input, result, exact, window) : VectorMath.SingleToHalfBits(result);
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
    private static Vector512<ushort> SettledBlock512<TOperator, TExact>(Vector512<ushort> bits, TOperator op, TExact exact, uint window)
        where TOperator : struct, IElementwiseOperator<float>
        where TExact : struct, IElementwiseOperator<double>
    {
        bool inLanes = Avx512BW.IsSupported;
        Vector512<float> lower = op.Invoke(inLanes ? VectorMath.WidenFiniteLowerInLanes(bits) : VectorMath.WidenLowerHalf(bits));
        Vector512<float> upper = op.Invoke(inLanes ? VectorMath.WidenFiniteUpperInLanes(bits) : VectorMath.WidenUpperHalf(bits));
        Vector512<ushort> block = inLanes ? InvokeInLanes512(bits, lower, upper, op) : VectorMath.NarrowToHalf(lower, upper);
        if (typeof(TExact) != typeof(NoTieBreaking) && VectorMath.HasHalfTies(lower, upper, window))
        {
            HalfTies.Settle(ref Unsafe.As<Vector512<ushort>, ushort>(ref block), bits, lower, upper, exact, window, inLanes);
        }

        return block;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Run512<TOperator, TExact>(ref ushort x, ref ushort destination, nuint length, TOperator op, TExact exact, uint window)
        where TOperator : struct, IElementwiseOperator<float>
        where TExact : struct, IElementwiseOperator<double>
    {
        // The fast conversions within 128-bit lanes, each block checked. Vector512 is accelerated only on x86 with AVX-512F,
        // BW, CD, DQ and VL, so AVX-512BW is always there when this runs. An exact lightweight operator (relu, relu6,
        // hard_tanh …: a few selects, no ties to settle) goes through each block in one step; every other operator in
        // chunks (RunChunked).
        if (!typeof(ILightweightOperator<float>).IsAssignableFrom(typeof(TOperator)) || typeof(TExact) != typeof(NoTieBreaking))
        {
            RunChunked<Width512, TOperator, TExact>(ref x, ref destination, length, op, exact, window);
            return;
        }

        // As in ElementwiseLoop: the overlapping last block is read first, so that in place it holds original values, and
        // computed inline before the loop (measured 2–3% faster than after it through a call).
        nuint count = (nuint)Vector512<ushort>.Count;
        nuint last = length - count;
        Vector512<ushort> lastBits = Vector512.LoadUnsafe(ref x, last);
        Vector512<ushort> lastBlock = InvokeInLanes512(lastBits, op.Invoke(VectorMath.WidenFiniteLowerInLanes(lastBits)), op.Invoke(VectorMath.WidenFiniteUpperInLanes(lastBits)), op);
        for (nuint i = 0; i < last; i += count)
        {
            // The blocks that need the full conversions take them inline (as a call it cost more).
            Vector512<ushort> input = Vector512.LoadUnsafe(ref x, i);
            InvokeInLanes512(input, op.Invoke(VectorMath.WidenFiniteLowerInLanes(input)), op.Invoke(VectorMath.WidenFiniteUpperInLanes(input)), op).StoreUnsafe(ref destination, i);
        }

        lastBlock.StoreUnsafe(ref destination, last);
    }

    // A chunk of blocks at a time, through floats on the stack, in three passes: the blocks are widened into the chunk, the
    // operator computes it in place (four vectors at a time, interleaved where the operator has that form), and the blocks
    // are narrowed back and checked. Each pass is a short loop of independent iterations, as the float loop is. Block by
    // block (widen, compute, check, narrow), each iteration was one long dependency chain, of which the core's out-of-order
    // window held about two: on Zen 5 at n = 65536, silu 0.41 → 0.30 ns per element (the float kernel: 0.16), softplus
    // 0.56 → 0.31, sigmoid 0.258 → 0.179, exact gelu 0.63 → 0.54. The exact lightweight operators (relu …) measured the
    // same or 3–6% slower so, and keep the one-step loop. One loop for both widths (TWidth: Width512 or Width256,
    // HalfElementwiseLoop.ChunkWidths.cs), measured as fast as the two written out.
    [MethodImpl(MethodImplOptions.NoInlining)]
    [SkipLocalsInit]
    private static unsafe void RunChunked<TWidth, TOperator, TExact>(ref ushort x, ref ushort destination, nuint length, TOperator op, TExact exact, uint window)
        where TWidth : struct, IChunkWidth
        where TOperator : struct, IElementwiseOperator<float>
        where TExact : struct, IElementwiseOperator<double>
    {
        // The blocks starting before the overlapping last one (the final one may reach into it) go through chunks in order;
        // the last block goes with the final chunk, its inputs read first so that in place they are the original values.
        nuint count = TWidth.BlockHalves;
        nuint chunkBlocks = ChunkHalves / count;
        nuint last = length - count;
        nuint regular = (last + count - 1) / count;
        ushort* lastHalves = stackalloc ushort[Vector512<ushort>.Count];
        TWidth.CopyHalves(ref Unsafe.Add(ref x, last), ref *lastHalves);

        // The chunk, 64-byte aligned so that no vector access splits a cache line.
        float* chunk = stackalloc float[ChunkHalves + Vector512<ushort>.Count + Vector512<float>.Count]; // and an odd block's copy, and room to align
        ref float floats = ref Unsafe.AsRef<float>((void*)(((nuint)chunk + 63) & ~(nuint)63));
        PendingHalfTies pending = default;

        for (nuint k = 0; ; k += chunkBlocks)
        {
            nuint blocks = System.Math.Min(regular - k, chunkBlocks);
            for (nuint b = 0; b < blocks; b++)
            {
                TWidth.Widen(ref Unsafe.Add(ref x, (k + b) * count), ref Unsafe.Add(ref floats, b * count));
            }

            // The final chunk: the one with room for the last block after the others.
            bool final = regular - k < chunkBlocks;
            nuint computed = blocks;
            if (final)
            {
                TWidth.Widen(ref *lastHalves, ref Unsafe.Add(ref floats, blocks * count));
                computed++;
            }

            // The compute pass takes two blocks (four vectors) at a time: an odd count is rounded up with a copy of the last.
            if ((computed & 1) != 0)
            {
                TWidth.CopyFloats(ref Unsafe.Add(ref floats, (computed - 1) * count), ref Unsafe.Add(ref floats, computed * count));
            }

            for (nuint f = 0; f < computed * count; f += 2 * count)
            {
                TWidth.Compute(ref Unsafe.Add(ref floats, f), op);
            }

            for (nuint b = 0; b < blocks; b++)
            {
                nuint at = (k + b) * count;
                TWidth.Store(ref Unsafe.Add(ref x, at), ref Unsafe.Add(ref floats, b * count), ref destination, at, ref pending, op, exact, window);
            }

            if (final)
            {
                TWidth.Store(ref *lastHalves, ref Unsafe.Add(ref floats, blocks * count), ref destination, last, ref pending, op, exact, window);
                if (typeof(TExact) != typeof(NoTieBreaking) && !pending.IsEmpty)
                {
                    pending.Settle(ref destination, exact);
                }

                return;
            }
        }
    }

    /// <summary>Halves per chunk of <see cref="RunChunked"/> (16 blocks at 512 bits, 32 at 256): 2 KiB of floats, well inside L1 (8 to 64 blocks measured the same).</summary>
    private const int ChunkHalves = 512;

    // One block computed whole, through the operator's four-vector method where it has one (which the chunked loop then
    // inlines once only), its ties settled.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ushort> SettledBlockOfAnyOperator512<TOperator, TExact>(Vector512<ushort> bits, TOperator op, TExact exact, uint window)
        where TOperator : struct, IElementwiseOperator<float>
        where TExact : struct, IElementwiseOperator<double> =>
        typeof(IInterleavedOperator<float>).IsAssignableFrom(typeof(TOperator)) ? SettledInterleavedBlock512(bits, op, exact, window) : SettledBlock512(bits, op, exact, window);

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
    // method inlines the four-vector method once only), its ties settled, into a local: the blocks the chunked loop
    // leaves to it. Not inlined, for the loop's inlining budget.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<ushort> SettledInterleavedBlock512<TOperator, TExact>(Vector512<ushort> bits, TOperator op, TExact exact, uint window)
        where TOperator : struct, IElementwiseOperator<float>
        where TExact : struct, IElementwiseOperator<double>
    {
        Float512x4 buffer = default;
        Float512x4 results = InvokeInterleaved512(bits, bits, ref Unsafe.As<Float512x4, float>(ref buffer), op);
        Vector512<ushort> block = VectorMath.NeedsFullHalfConversions(bits, results.A, results.B)
            ? FullConversionsInterleaved512(bits, op)
            : VectorMath.NarrowFiniteInLanes(results.A, results.B);
        if (typeof(TExact) != typeof(NoTieBreaking) && VectorMath.HasHalfTies(results.A, results.B, window))
        {
            HalfTies.Settle(ref Unsafe.As<Vector512<ushort>, ushort>(ref block), bits, results.A, results.B, exact, window, inLanes: true);
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
    private static Vector256<ushort> SettledBlock256<TOperator, TExact>(Vector256<ushort> bits, TOperator op, TExact exact, uint window)
        where TOperator : struct, IElementwiseOperator<float>
        where TExact : struct, IElementwiseOperator<double>
    {
        bool inLanes = Avx2.IsSupported;
        Vector256<float> lower = op.Invoke(inLanes ? VectorMath.WidenFiniteLowerInLanes(bits) : VectorMath.WidenLowerHalf(bits));
        Vector256<float> upper = op.Invoke(inLanes ? VectorMath.WidenFiniteUpperInLanes(bits) : VectorMath.WidenUpperHalf(bits));
        Vector256<ushort> block = inLanes ? InvokeInLanes256(bits, lower, upper, op) : VectorMath.NarrowToHalf(lower, upper);
        if (typeof(TExact) != typeof(NoTieBreaking) && VectorMath.HasHalfTies(lower, upper, window))
        {
            HalfTies.Settle(ref Unsafe.As<Vector256<ushort>, ushort>(ref block), bits, lower, upper, exact, window, inLanes);
        }

        return block;
    }

    // The blocks before the last one through the fast conversions (with AVX2), each read before it is written: the exact
    // lightweight operators, which have no ties to settle (Run256 hands every other operator to RunChunked).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RunInLanes256<TOperator>(ref ushort x, ref ushort destination, nuint last, TOperator op)
        where TOperator : struct, IElementwiseOperator<float>
    {
        // The blocks that need the full conversions take them inline (as a call it cost more).
        nuint count = (nuint)Vector256<ushort>.Count;
        for (nuint i = 0; i < last; i += count)
        {
            Vector256<ushort> input = Vector256.LoadUnsafe(ref x, i);
            InvokeInLanes256(input, op.Invoke(VectorMath.WidenFiniteLowerInLanes(input)), op.Invoke(VectorMath.WidenFiniteUpperInLanes(input)), op).StoreUnsafe(ref destination, i);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Run256<TOperator, TExact>(ref ushort x, ref ushort destination, nuint length, TOperator op, TExact exact, uint window)
        where TOperator : struct, IElementwiseOperator<float>
        where TExact : struct, IElementwiseOperator<double>
    {
        // With AVX2, as Run512: an exact lightweight operator block by block (RunInLanes256), every other one in chunks.
        if (Avx2.IsSupported && (!typeof(ILightweightOperator<float>).IsAssignableFrom(typeof(TOperator)) || typeof(TExact) != typeof(NoTieBreaking)))
        {
            RunChunked<Width256, TOperator, TExact>(ref x, ref destination, length, op, exact, window);
            return;
        }

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
            RunInLanes256(ref x, ref destination, last, op);
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
                StoreSequential256(bits, ref Unsafe.Add(ref destination, i - count), lower, upper, exact, window);
                upper = op.Invoke(VectorMath.WidenUpperHalf(nextBits));
                lower = nextLower;
                bits = nextBits;
            }

            StoreSequential256(bits, ref Unsafe.Add(ref destination, i - count), lower, upper, exact, window);
        }

        (typeof(TExact) != typeof(NoTieBreaking) ? SettledBlock256(lastBits, op, exact, window) : lastBlock).StoreUnsafe(ref destination, last);
    }

    // The software-pipelined loop's store: the full conversion of a block's results, then its ties settled in memory.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreSequential256<TExact>(Vector256<ushort> bits, ref ushort destination, Vector256<float> lower, Vector256<float> upper, TExact exact, uint window)
        where TExact : struct, IElementwiseOperator<double>
    {
        VectorMath.NarrowToHalf(lower, upper).StoreUnsafe(ref destination);
        if (typeof(TExact) != typeof(NoTieBreaking) && VectorMath.HasHalfTies(lower, upper, window))
        {
            HalfTies.Settle(ref destination, bits, lower, upper, exact, window, inLanes: false);
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
    private static Vector128<ushort> SettledBlock128<TOperator, TExact>(Vector128<ushort> bits, TOperator op, TExact exact, uint window)
        where TOperator : struct, IElementwiseOperator<float>
        where TExact : struct, IElementwiseOperator<double>
    {
        bool inLanes = Sse2.IsSupported;
        Vector128<float> lower = op.Invoke(inLanes ? VectorMath.WidenFiniteLowerInLanes(bits) : VectorMath.WidenLowerHalf(bits));
        Vector128<float> upper = op.Invoke(inLanes ? VectorMath.WidenFiniteUpperInLanes(bits) : VectorMath.WidenUpperHalf(bits));
        Vector128<ushort> block = inLanes ? InvokeInLanes128(bits, lower, upper, op) : VectorMath.NarrowToHalf(lower, upper);
        if (typeof(TExact) != typeof(NoTieBreaking) && VectorMath.HasHalfTies(lower, upper, window))
        {
            HalfTies.Settle(ref Unsafe.As<Vector128<ushort>, ushort>(ref block), bits, lower, upper, exact, window, inLanes);
        }

        return block;
    }

    // The blocks before the last one through the fast conversions (with SSE2), each read before it is written.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RunInLanes128<TOperator, TExact>(ref ushort x, ref ushort destination, nuint last, TOperator op, TExact exact, uint window)
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
                if (VectorMath.HasHalfTies(lower, upper, window))
                {
                    break;
                }
            }

            if (next < last)
            {
                if (full)
                {
                    SettledBlock128(bits, op, exact, window).StoreUnsafe(ref destination, next);
                }
                else
                {
                    HalfTies.Settle(ref Unsafe.Add(ref destination, next), bits, lower, upper, exact, window, inLanes: true);
                }

                next += count;
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Run128<TOperator, TExact>(ref ushort x, ref ushort destination, nuint length, TOperator op, TExact exact, uint window)
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
            RunInLanes128(ref x, ref destination, last, op, exact, window);
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
                StoreSequential128(bits, ref Unsafe.Add(ref destination, i - count), lower, upper, exact, window);
                upper = op.Invoke(VectorMath.WidenUpperHalf(nextBits));
                lower = nextLower;
                bits = nextBits;
            }

            StoreSequential128(bits, ref Unsafe.Add(ref destination, i - count), lower, upper, exact, window);
        }

        (typeof(TExact) != typeof(NoTieBreaking) ? SettledBlock128(lastBits, op, exact, window) : lastBlock).StoreUnsafe(ref destination, last);
    }

    // The software-pipelined loop's store: the full conversion of a block's results, then its ties settled in memory.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreSequential128<TExact>(Vector128<ushort> bits, ref ushort destination, Vector128<float> lower, Vector128<float> upper, TExact exact, uint window)
        where TExact : struct, IElementwiseOperator<double>
    {
        VectorMath.NarrowToHalf(lower, upper).StoreUnsafe(ref destination);
        if (typeof(TExact) != typeof(NoTieBreaking) && VectorMath.HasHalfTies(lower, upper, window))
        {
            HalfTies.Settle(ref destination, bits, lower, upper, exact, window, inLanes: false);
        }
    }
}
