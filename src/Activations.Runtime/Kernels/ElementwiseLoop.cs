using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Activations.Kernels;

/// <summary>
/// The one loop every generated <see cref="float"/> and <see cref="double"/> span kernel runs: the widest
/// accelerated vector (512, then 256, then 128 bits, else scalar), four vectors per iteration, and the tail as
/// one last vector that overlaps the previous one instead of a scalar loop.
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

        // Inputs shorter than a wide vector fall through to a narrower one before the scalar loop.
        if (Vector512.IsHardwareAccelerated && length >= (nuint)Vector512<T>.Count)
        {
            Run512(ref xRef, ref destinationRef, length, op);
            return;
        }

        if (Vector256.IsHardwareAccelerated && length >= (nuint)Vector256<T>.Count)
        {
            Run256(ref xRef, ref destinationRef, length, op);
            return;
        }

        if (Vector128.IsHardwareAccelerated && length >= (nuint)Vector128<T>.Count)
        {
            Run128(ref xRef, ref destinationRef, length, op);
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

        // The tail is one vector ending at the last element, computed before anything is written so that an
        // in-place call still reads the original values where it overlaps the main loop's last vector.
        Vector512<T> tail = op.Invoke(Vector512.LoadUnsafe(ref x, last));

        nuint i = 0;
        for (; i + (4 * count) <= last; i += 4 * count)
        {
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
}
