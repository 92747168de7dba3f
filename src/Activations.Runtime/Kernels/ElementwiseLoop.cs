using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations.Kernels;

/// <summary>
/// The one loop every generated <see cref="float"/> and <see cref="double"/> span kernel runs: the widest
/// accelerated vector (512, then 256, then 128 bits, else scalar), four vectors per iteration, and the tail as
/// one last vector that overlaps the previous one instead of a scalar loop. The 512-bit loop starts at the
/// destination's first 64-byte-aligned element. For an <see cref="ILightweightOperator{T}"/>, on hardware with AVX-512, the
/// loop loads each group of four vectors before it stores the previous group's results; an
/// <see cref="IInterleavedOperator{T}"/> gets each group of four 512-bit vectors whole, and computes them interleaved.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ElementwiseLoop
{
    /// <summary>
    /// Writes <c>op(x[i])</c> to <c>destination[i]</c> for every element of <paramref name="x"/>.
    /// <paramref name="x"/> and <paramref name="destination"/> may be the same memory.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// <paramref name="destination"/> is shorter than <paramref name="x"/> or partially overlaps it; nothing is written.
    /// </exception>
    public static void Run<T, TOperator>(ReadOnlySpan<T> x, Span<T> destination, TOperator op)
        where T : struct
        where TOperator : struct, IElementwiseOperator<T>
    {
        SpanChecks.ThrowIfInvalidDestination(x, destination);

        ref T xRef = ref MemoryMarshal.GetReference(x);
        ref T destinationRef = ref MemoryMarshal.GetReference(destination);
        nuint length = (nuint)x.Length;

        // A JIT-time constant for each operator type. Only with AVX-512, whose encoding gives 32 vector registers at every
        // width: with 16 (AVX2), elu's eight live vectors and its constants spilled, 0.33 → 0.43 ns per element at
        // Vector256. Each loop shape is a method (and a compilation root) of its own.
        bool lightweight = Avx512F.IsSupported && typeof(ILightweightOperator<T>).IsAssignableFrom(typeof(TOperator));

        // Inputs shorter than a wide vector fall through to a narrower one before the scalar loop.
        if (Vector512.IsHardwareAccelerated && length >= (nuint)Vector512<T>.Count)
        {
            if (lightweight)
            {
                RunLightweight512(ref xRef, ref destinationRef, length, op);
            }
            else
            {
                Run512(ref xRef, ref destinationRef, length, op);
            }

            return;
        }

        if (Vector256.IsHardwareAccelerated && length >= (nuint)Vector256<T>.Count)
        {
            if (lightweight)
            {
                RunLightweight256(ref xRef, ref destinationRef, length, op);
            }
            else
            {
                Run256(ref xRef, ref destinationRef, length, op);
            }

            return;
        }

        if (Vector128.IsHardwareAccelerated && length >= (nuint)Vector128<T>.Count)
        {
            if (lightweight)
            {
                RunLightweight128(ref xRef, ref destinationRef, length, op);
            }
            else
            {
                Run128(ref xRef, ref destinationRef, length, op);
            }

            return;
        }

        RunScalar(ref xRef, ref destinationRef, length, op);
    }

    // Each width is its own JIT compilation root (NoInlining): inlined into the caller, the unrolled loop with
    // its math would share the caller's inlining budget, run out of it, and leave the math as real calls.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RunScalar<T, TOperator>(ref T x, ref T destination, nuint length, TOperator op)
        where T : struct
        where TOperator : struct, IElementwiseOperator<T>
    {
        for (nuint i = 0; i < length; i++)
        {
            Unsafe.Add(ref destination, i) = op.Invoke(Unsafe.Add(ref x, i));
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Run512<T, TOperator>(ref T x, ref T destination, nuint length, TOperator op)
        where T : struct
        where TOperator : struct, IElementwiseOperator<T>
    {
        nuint count = (nuint)Vector512<T>.Count;
        nuint last = length - count;

        // From 256 elements on, the main loop starts where the destination is 64-byte aligned: every misaligned 64-byte
        // store straddles two cache lines, which cost relu a quarter of its time (Zen 5, same-process harness). The
        // elements before come from one vector at the first element, stored with its other lanes as the destination
        // holds them, so that in place the loop and the tail still read original values. Which elements share a
        // vector then depends on the destination's address, which is why every Vector512 operator computes each lane
        // on its own (NeighbourIndependenceTests). Before the tail, so that the constants the JIT hoists for the loop
        // do not live across these calls.
        nuint i = ElementsBeforeAlignedDestination(ref destination, length, (nuint)Vector512<byte>.Count);
        if (i != 0)
        {
            StoreHead512(ref x, ref destination, i, op);
        }

        // The tail is one vector ending at the last element, computed before the loop writes anything so that an
        // in-place call still reads the original values where it overlaps the main loop's last vector (the head's
        // lanes lie before it).
        Vector512<T> tail = op.Invoke(Vector512.LoadUnsafe(ref x, last));

        // A JIT-time constant; the cast then costs nothing (the JIT devirtualizes the call and drops the box).
        bool interleaved = typeof(IInterleavedOperator<T>).IsAssignableFrom(typeof(TOperator));
        for (; i + (4 * count) <= last; i += 4 * count)
        {
            if (interleaved)
            {
                // The four vectors' math interleaved; in place, they are all read before any is stored.
                ((IInterleavedOperator<T>)op).Invoke512x4(ref Unsafe.Add(ref x, i), ref Unsafe.Add(ref destination, i));
                continue;
            }

            // Stored as soon as computed: in place, each vector reads only elements no earlier store touched.
            op.Invoke(Vector512.LoadUnsafe(ref x, i)).StoreUnsafe(ref destination, i);
            op.Invoke(Vector512.LoadUnsafe(ref x, i + count)).StoreUnsafe(ref destination, i + count);
            op.Invoke(Vector512.LoadUnsafe(ref x, i + (2 * count))).StoreUnsafe(ref destination, i + (2 * count));
            op.Invoke(Vector512.LoadUnsafe(ref x, i + (3 * count))).StoreUnsafe(ref destination, i + (3 * count));
        }

        for (; i < last; i += count)
        {
            op.Invoke(Vector512.LoadUnsafe(ref x, i)).StoreUnsafe(ref destination, i);
        }

        tail.StoreUnsafe(ref destination, last);
    }

    // The loop for a lightweight operator: four results are computed while the next four inputs are loaded, and stored
    // after them. In place, each element is still loaded before any store to it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RunLightweight512<T, TOperator>(ref T x, ref T destination, nuint length, TOperator op)
        where T : struct
        where TOperator : struct, IElementwiseOperator<T>
    {
        nuint count = (nuint)Vector512<T>.Count;
        nuint last = length - count;

        // The same aligned start and blended head as Run512.
        nuint i = ElementsBeforeAlignedDestination(ref destination, length, (nuint)Vector512<byte>.Count);
        if (i != 0)
        {
            StoreHead512(ref x, ref destination, i, op);
        }

        // Loaded before anything is written, computed after the loop, where the operator's constants are in registers.
        Vector512<T> tailInput = Vector512.LoadUnsafe(ref x, last);

        if (i + (4 * count) <= last)
        {
            Vector512<T> x0 = Vector512.LoadUnsafe(ref x, i);
            Vector512<T> x1 = Vector512.LoadUnsafe(ref x, i + count);
            Vector512<T> x2 = Vector512.LoadUnsafe(ref x, i + (2 * count));
            Vector512<T> x3 = Vector512.LoadUnsafe(ref x, i + (3 * count));
            for (; i + (8 * count) <= last; i += 4 * count)
            {
                Vector512<T> r0 = op.Invoke(x0);
                Vector512<T> r1 = op.Invoke(x1);
                Vector512<T> r2 = op.Invoke(x2);
                Vector512<T> r3 = op.Invoke(x3);
                x0 = Vector512.LoadUnsafe(ref x, i + (4 * count));
                x1 = Vector512.LoadUnsafe(ref x, i + (5 * count));
                x2 = Vector512.LoadUnsafe(ref x, i + (6 * count));
                x3 = Vector512.LoadUnsafe(ref x, i + (7 * count));
                r0.StoreUnsafe(ref destination, i);
                r1.StoreUnsafe(ref destination, i + count);
                r2.StoreUnsafe(ref destination, i + (2 * count));
                r3.StoreUnsafe(ref destination, i + (3 * count));
            }

            op.Invoke(x0).StoreUnsafe(ref destination, i);
            op.Invoke(x1).StoreUnsafe(ref destination, i + count);
            op.Invoke(x2).StoreUnsafe(ref destination, i + (2 * count));
            op.Invoke(x3).StoreUnsafe(ref destination, i + (3 * count));
            i += 4 * count;
        }

        for (; i < last; i += count)
        {
            op.Invoke(Vector512.LoadUnsafe(ref x, i)).StoreUnsafe(ref destination, i);
        }

        op.Invoke(tailInput).StoreUnsafe(ref destination, last);
    }

    /// <summary>Below this many elements the Vector512 main loop starts at the first element, aligned or not.</summary>
    private const int AlignmentThreshold = 256;

    // How many elements come before the destination's first vector-aligned element: 0 below the threshold, or when the
    // destination is not even element-aligned. The address is only a hint: should the GC move the array meanwhile, the
    // loop runs unaligned with the same results. Not inlined: inlined, the pointer conversion made the JIT spill the
    // operator's temporaries (session 9, Run256).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe nuint ElementsBeforeAlignedDestination<T>(ref T destination, nuint length, nuint vectorBytes)
    {
        nuint misalignment = (nuint)Unsafe.AsPointer(ref destination) & (vectorBytes - 1);
        if (length < AlignmentThreshold || misalignment % (nuint)Unsafe.SizeOf<T>() != 0)
        {
            return 0;
        }

        return ((vectorBytes - misalignment) & (vectorBytes - 1)) / (nuint)Unsafe.SizeOf<T>();
    }

    // The first elements of a Vector512 run, before its aligned start: a compilation root of its own, as a second copy of
    // the operator's math in Run512 would change how the JIT allocates the main loop's registers.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void StoreHead512<T, TOperator>(ref T x, ref T destination, nuint elements, TOperator op)
        where T : struct
        where TOperator : struct, IElementwiseOperator<T>
    {
        // One store: the lanes from `elements` on keep what the destination holds (in place, the original values, which
        // the main loop then reads).
        Vector512<T> head = op.Invoke(Vector512.LoadUnsafe(ref x));
        Vector512<T> before = Unsafe.SizeOf<T>() == sizeof(float)
            ? Vector512.LessThan(Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), Vector512.Create((int)elements)).As<int, T>()
            : Vector512.LessThan(Vector512.Create(0L, 1, 2, 3, 4, 5, 6, 7), Vector512.Create((long)elements)).As<long, T>();
        Vector512.ConditionalSelect(before, head, Vector512.LoadUnsafe(ref destination)).StoreUnsafe(ref destination);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Run256<T, TOperator>(ref T x, ref T destination, nuint length, TOperator op)
        where T : struct
        where TOperator : struct, IElementwiseOperator<T>
    {
        nuint count = (nuint)Vector256<T>.Count;
        nuint last = length - count;

        // The tail is one vector ending at the last element, computed before anything is written so that an
        // in-place call still reads the original values where it overlaps the main loop's last vector.
        Vector256<T> tail = op.Invoke(Vector256.LoadUnsafe(ref x, last));

        nuint i = 0;
        for (; i + (4 * count) <= last; i += 4 * count)
        {
            // Stored as soon as computed: in place, each vector reads only elements no earlier store touched.
            op.Invoke(Vector256.LoadUnsafe(ref x, i)).StoreUnsafe(ref destination, i);
            op.Invoke(Vector256.LoadUnsafe(ref x, i + count)).StoreUnsafe(ref destination, i + count);
            op.Invoke(Vector256.LoadUnsafe(ref x, i + (2 * count))).StoreUnsafe(ref destination, i + (2 * count));
            op.Invoke(Vector256.LoadUnsafe(ref x, i + (3 * count))).StoreUnsafe(ref destination, i + (3 * count));
        }

        for (; i < last; i += count)
        {
            op.Invoke(Vector256.LoadUnsafe(ref x, i)).StoreUnsafe(ref destination, i);
        }

        tail.StoreUnsafe(ref destination, last);
    }

    // The loop for a lightweight operator: four results are computed while the next four inputs are loaded, and stored
    // after them. In place, each element is still loaded before any store to it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RunLightweight256<T, TOperator>(ref T x, ref T destination, nuint length, TOperator op)
        where T : struct
        where TOperator : struct, IElementwiseOperator<T>
    {
        nuint count = (nuint)Vector256<T>.Count;
        nuint last = length - count;

        // Loaded before anything is written, computed after the loop, where the operator's constants are in registers.
        Vector256<T> tailInput = Vector256.LoadUnsafe(ref x, last);
        nuint i = 0;

        if (i + (4 * count) <= last)
        {
            Vector256<T> x0 = Vector256.LoadUnsafe(ref x, i);
            Vector256<T> x1 = Vector256.LoadUnsafe(ref x, i + count);
            Vector256<T> x2 = Vector256.LoadUnsafe(ref x, i + (2 * count));
            Vector256<T> x3 = Vector256.LoadUnsafe(ref x, i + (3 * count));
            for (; i + (8 * count) <= last; i += 4 * count)
            {
                Vector256<T> r0 = op.Invoke(x0);
                Vector256<T> r1 = op.Invoke(x1);
                Vector256<T> r2 = op.Invoke(x2);
                Vector256<T> r3 = op.Invoke(x3);
                x0 = Vector256.LoadUnsafe(ref x, i + (4 * count));
                x1 = Vector256.LoadUnsafe(ref x, i + (5 * count));
                x2 = Vector256.LoadUnsafe(ref x, i + (6 * count));
                x3 = Vector256.LoadUnsafe(ref x, i + (7 * count));
                r0.StoreUnsafe(ref destination, i);
                r1.StoreUnsafe(ref destination, i + count);
                r2.StoreUnsafe(ref destination, i + (2 * count));
                r3.StoreUnsafe(ref destination, i + (3 * count));
            }

            op.Invoke(x0).StoreUnsafe(ref destination, i);
            op.Invoke(x1).StoreUnsafe(ref destination, i + count);
            op.Invoke(x2).StoreUnsafe(ref destination, i + (2 * count));
            op.Invoke(x3).StoreUnsafe(ref destination, i + (3 * count));
            i += 4 * count;
        }

        for (; i < last; i += count)
        {
            op.Invoke(Vector256.LoadUnsafe(ref x, i)).StoreUnsafe(ref destination, i);
        }

        op.Invoke(tailInput).StoreUnsafe(ref destination, last);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Run128<T, TOperator>(ref T x, ref T destination, nuint length, TOperator op)
        where T : struct
        where TOperator : struct, IElementwiseOperator<T>
    {
        nuint count = (nuint)Vector128<T>.Count;
        nuint last = length - count;

        // The tail is one vector ending at the last element, computed before anything is written so that an
        // in-place call still reads the original values where it overlaps the main loop's last vector.
        Vector128<T> tail = op.Invoke(Vector128.LoadUnsafe(ref x, last));

        nuint i = 0;
        for (; i + (4 * count) <= last; i += 4 * count)
        {
            // Stored as soon as computed: in place, each vector reads only elements no earlier store touched.
            op.Invoke(Vector128.LoadUnsafe(ref x, i)).StoreUnsafe(ref destination, i);
            op.Invoke(Vector128.LoadUnsafe(ref x, i + count)).StoreUnsafe(ref destination, i + count);
            op.Invoke(Vector128.LoadUnsafe(ref x, i + (2 * count))).StoreUnsafe(ref destination, i + (2 * count));
            op.Invoke(Vector128.LoadUnsafe(ref x, i + (3 * count))).StoreUnsafe(ref destination, i + (3 * count));
        }

        for (; i < last; i += count)
        {
            op.Invoke(Vector128.LoadUnsafe(ref x, i)).StoreUnsafe(ref destination, i);
        }

        tail.StoreUnsafe(ref destination, last);
    }

    // The loop for a lightweight operator: four results are computed while the next four inputs are loaded, and stored
    // after them. In place, each element is still loaded before any store to it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RunLightweight128<T, TOperator>(ref T x, ref T destination, nuint length, TOperator op)
        where T : struct
        where TOperator : struct, IElementwiseOperator<T>
    {
        nuint count = (nuint)Vector128<T>.Count;
        nuint last = length - count;

        // Loaded before anything is written, computed after the loop, where the operator's constants are in registers.
        Vector128<T> tailInput = Vector128.LoadUnsafe(ref x, last);
        nuint i = 0;

        if (i + (4 * count) <= last)
        {
            Vector128<T> x0 = Vector128.LoadUnsafe(ref x, i);
            Vector128<T> x1 = Vector128.LoadUnsafe(ref x, i + count);
            Vector128<T> x2 = Vector128.LoadUnsafe(ref x, i + (2 * count));
            Vector128<T> x3 = Vector128.LoadUnsafe(ref x, i + (3 * count));
            for (; i + (8 * count) <= last; i += 4 * count)
            {
                Vector128<T> r0 = op.Invoke(x0);
                Vector128<T> r1 = op.Invoke(x1);
                Vector128<T> r2 = op.Invoke(x2);
                Vector128<T> r3 = op.Invoke(x3);
                x0 = Vector128.LoadUnsafe(ref x, i + (4 * count));
                x1 = Vector128.LoadUnsafe(ref x, i + (5 * count));
                x2 = Vector128.LoadUnsafe(ref x, i + (6 * count));
                x3 = Vector128.LoadUnsafe(ref x, i + (7 * count));
                r0.StoreUnsafe(ref destination, i);
                r1.StoreUnsafe(ref destination, i + count);
                r2.StoreUnsafe(ref destination, i + (2 * count));
                r3.StoreUnsafe(ref destination, i + (3 * count));
            }

            op.Invoke(x0).StoreUnsafe(ref destination, i);
            op.Invoke(x1).StoreUnsafe(ref destination, i + count);
            op.Invoke(x2).StoreUnsafe(ref destination, i + (2 * count));
            op.Invoke(x3).StoreUnsafe(ref destination, i + (3 * count));
            i += 4 * count;
        }

        for (; i < last; i += count)
        {
            op.Invoke(Vector128.LoadUnsafe(ref x, i)).StoreUnsafe(ref destination, i);
        }

        op.Invoke(tailInput).StoreUnsafe(ref destination, last);
    }
}
