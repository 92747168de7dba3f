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
        where TOperator : struct, IElementwiseOperator<float>
    {
        SpanChecks.ThrowIfInvalidDestination(x, destination);

        // Half has no vector type of its own: its bits travel as ushort.
        ref ushort xRef = ref Unsafe.As<Half, ushort>(ref MemoryMarshal.GetReference(x));
        ref ushort destinationRef = ref Unsafe.As<Half, ushort>(ref MemoryMarshal.GetReference(destination));
        nuint length = (nuint)x.Length;

        if (Vector512.IsHardwareAccelerated && length >= (nuint)Vector512<ushort>.Count)
        {
            Run512(ref xRef, ref destinationRef, length, op);
            return;
        }

        if (Vector256.IsHardwareAccelerated && length >= (nuint)Vector256<ushort>.Count)
        {
            Run256(ref xRef, ref destinationRef, length, op);
            return;
        }

        if (Vector128.IsHardwareAccelerated && length >= (nuint)Vector128<ushort>.Count)
        {
            Run128(ref xRef, ref destinationRef, length, op);
            return;
        }

        RunScalar(ref xRef, ref destinationRef, length, op);
    }

    // Each width is its own JIT compilation root, as in ElementwiseLoop, so the math keeps the whole inlining budget.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RunScalar<TOperator>(ref ushort x, ref ushort destination, nuint length, TOperator op)
        where TOperator : struct, IElementwiseOperator<float>
    {
        for (nuint i = 0; i < length; i++)
        {
            // The vectors' conversion rules (exact round trip of every half, NaN payloads included), one element at a time.
            Unsafe.Add(ref destination, i) = VectorMath.SingleToHalfBits(op.Invoke(VectorMath.HalfBitsToSingle(Unsafe.Add(ref x, i))));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ushort> Invoke512<TOperator>(Vector512<ushort> bits, TOperator op)
        where TOperator : struct, IElementwiseOperator<float>
    {
        return VectorMath.NarrowToHalf(op.Invoke(VectorMath.WidenLowerHalf(bits)), op.Invoke(VectorMath.WidenUpperHalf(bits)));
    }

    /// <summary>As <see cref="InvokeInLanes256{TOperator}(Vector256{ushort}, TOperator)"/>, with AVX-512BW.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ushort> InvokeInLanes512<TOperator>(Vector512<ushort> bits, TOperator op)
        where TOperator : struct, IElementwiseOperator<float>
    {
        Vector512<float> lower = op.Invoke(VectorMath.WidenFiniteLowerInLanes(bits));
        Vector512<float> upper = op.Invoke(VectorMath.WidenFiniteUpperInLanes(bits));
        return VectorMath.NeedsFullHalfConversions(bits, lower, upper) ? Invoke512(bits, op) : VectorMath.NarrowFiniteInLanes(lower, upper);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Run512<TOperator>(ref ushort x, ref ushort destination, nuint length, TOperator op)
        where TOperator : struct, IElementwiseOperator<float>
    {
        nuint count = (nuint)Vector512<ushort>.Count;
        nuint last = length - count;

        // As Run256 with AVX2: the fast conversions within 128-bit lanes, each block checked. Vector512 is accelerated only
        // on x86 with AVX-512F, BW, CD, DQ and VL, so AVX-512BW is always there when this runs. As in ElementwiseLoop: the
        // overlapping tail is computed first, so in-place calls read original values; each block is read before it is written.
        Vector512<ushort> lastBlock = InvokeInLanes512(Vector512.LoadUnsafe(ref x, last), op);
        for (nuint i = 0; i < last; i += count)
        {
            InvokeInLanes512(Vector512.LoadUnsafe(ref x, i), op).StoreUnsafe(ref destination, i);
        }

        lastBlock.StoreUnsafe(ref destination, last);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ushort> Invoke256<TOperator>(Vector256<ushort> bits, TOperator op)
        where TOperator : struct, IElementwiseOperator<float>
    {
        return VectorMath.NarrowToHalf(op.Invoke(VectorMath.WidenLowerHalf(bits)), op.Invoke(VectorMath.WidenUpperHalf(bits)));
    }

    /// <summary>
    /// A block through the fast conversions of VectorMath.HalfInLanes.cs; where they do not apply (an infinity or NaN in, a
    /// result that is not a finite half out: rare), through the full ones, inlined (a call would cost every iteration:
    /// it makes the JIT keep the constants in memory rather than in registers).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ushort> InvokeInLanes256<TOperator>(Vector256<ushort> bits, TOperator op)
        where TOperator : struct, IElementwiseOperator<float>
    {
        Vector256<float> lower = op.Invoke(VectorMath.WidenFiniteLowerInLanes(bits));
        Vector256<float> upper = op.Invoke(VectorMath.WidenFiniteUpperInLanes(bits));
        return VectorMath.NeedsFullHalfConversions(bits, lower, upper) ? Invoke256(bits, op) : VectorMath.NarrowFiniteInLanes(lower, upper);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Run256<TOperator>(ref ushort x, ref ushort destination, nuint length, TOperator op)
        where TOperator : struct, IElementwiseOperator<float>
    {
        nuint count = (nuint)Vector256<ushort>.Count;
        nuint last = length - count;

        if (Avx2.IsSupported)
        {
            // As in ElementwiseLoop: the overlapping tail is computed first, so in-place calls read original values; each block
            // is read before it is written.
            Vector256<ushort> lastBlock = InvokeInLanes256(Vector256.LoadUnsafe(ref x, last), op);
            for (nuint i = 0; i < last; i += count)
            {
                InvokeInLanes256(Vector256.LoadUnsafe(ref x, i), op).StoreUnsafe(ref destination, i);
            }

            lastBlock.StoreUnsafe(ref destination, last);
            return;
        }

        // As in ElementwiseLoop: the overlapping tail is computed first, so in-place calls read original values.
        Vector256<ushort> tail = Invoke256(Vector256.LoadUnsafe(ref x, last), op);

        if (last != 0)
        {
            // Software-pipelined: each step narrows and stores the previous step's results between the operator's two long
            // dependency chains, so that the processor has independent work in its window while they wait. Every store is
            // to elements already read (in-place calls read original values).
            Vector256<ushort> bits = Vector256.LoadUnsafe(ref x, 0);
            Vector256<float> lower = op.Invoke(VectorMath.WidenLowerHalf(bits));
            Vector256<float> upper = op.Invoke(VectorMath.WidenUpperHalf(bits));
            nuint i = count;
            for (; i < last; i += count)
            {
                bits = Vector256.LoadUnsafe(ref x, i);
                Vector256<float> nextLower = op.Invoke(VectorMath.WidenLowerHalf(bits));
                VectorMath.NarrowToHalf(lower, upper).StoreUnsafe(ref destination, i - count);
                upper = op.Invoke(VectorMath.WidenUpperHalf(bits));
                lower = nextLower;
            }

            VectorMath.NarrowToHalf(lower, upper).StoreUnsafe(ref destination, i - count);
        }

        tail.StoreUnsafe(ref destination, last);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ushort> Invoke128<TOperator>(Vector128<ushort> bits, TOperator op)
        where TOperator : struct, IElementwiseOperator<float>
    {
        return VectorMath.NarrowToHalf(op.Invoke(VectorMath.WidenLowerHalf(bits)), op.Invoke(VectorMath.WidenUpperHalf(bits)));
    }

    /// <summary>
    /// A block through the fast conversions of VectorMath.HalfInLanes.cs; where they do not apply (an infinity or NaN in, a
    /// result that is not a finite half out: rare), through the full ones, inlined (a call would cost every iteration:
    /// it makes the JIT keep the constants in memory rather than in registers).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ushort> InvokeInLanes128<TOperator>(Vector128<ushort> bits, TOperator op)
        where TOperator : struct, IElementwiseOperator<float>
    {
        Vector128<float> lower = op.Invoke(VectorMath.WidenFiniteLowerInLanes(bits));
        Vector128<float> upper = op.Invoke(VectorMath.WidenFiniteUpperInLanes(bits));
        return VectorMath.NeedsFullHalfConversions(bits, lower, upper) ? Invoke128(bits, op) : VectorMath.NarrowFiniteInLanes(lower, upper);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Run128<TOperator>(ref ushort x, ref ushort destination, nuint length, TOperator op)
        where TOperator : struct, IElementwiseOperator<float>
    {
        nuint count = (nuint)Vector128<ushort>.Count;
        nuint last = length - count;

        if (Sse2.IsSupported)
        {
            // As in ElementwiseLoop: the overlapping tail is computed first, so in-place calls read original values; each block
            // is read before it is written.
            Vector128<ushort> lastBlock = InvokeInLanes128(Vector128.LoadUnsafe(ref x, last), op);
            for (nuint i = 0; i < last; i += count)
            {
                InvokeInLanes128(Vector128.LoadUnsafe(ref x, i), op).StoreUnsafe(ref destination, i);
            }

            lastBlock.StoreUnsafe(ref destination, last);
            return;
        }

        // As in ElementwiseLoop: the overlapping tail is computed first, so in-place calls read original values.
        Vector128<ushort> tail = Invoke128(Vector128.LoadUnsafe(ref x, last), op);

        if (last != 0)
        {
            // Software-pipelined: each step narrows and stores the previous step's results between the operator's two long
            // dependency chains, so that the processor has independent work in its window while they wait. Every store is
            // to elements already read (in-place calls read original values).
            Vector128<ushort> bits = Vector128.LoadUnsafe(ref x, 0);
            Vector128<float> lower = op.Invoke(VectorMath.WidenLowerHalf(bits));
            Vector128<float> upper = op.Invoke(VectorMath.WidenUpperHalf(bits));
            nuint i = count;
            for (; i < last; i += count)
            {
                bits = Vector128.LoadUnsafe(ref x, i);
                Vector128<float> nextLower = op.Invoke(VectorMath.WidenLowerHalf(bits));
                VectorMath.NarrowToHalf(lower, upper).StoreUnsafe(ref destination, i - count);
                upper = op.Invoke(VectorMath.WidenUpperHalf(bits));
                lower = nextLower;
            }

            VectorMath.NarrowToHalf(lower, upper).StoreUnsafe(ref destination, i - count);
        }

        tail.StoreUnsafe(ref destination, last);
    }
}
