using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Activations.Benchmarks.MathCore;

/// <summary>
/// The loop a generated kernel runs, in small: the widest accelerated vector, unrolled four times, then single
/// vectors, then one overlapping last vector for the tail (loaded before anything is stored, so in-place works).
/// </summary>
internal static class FloatSpanLoop
{
    public static void Apply<TOperator>(ReadOnlySpan<float> x, Span<float> destination)
        where TOperator : struct, IUnaryFloatOperator
    {
        if (destination.Length < x.Length)
        {
            throw new ArgumentException("Destination is too short.", nameof(destination));
        }

        ref float source = ref MemoryMarshal.GetReference(x);
        ref float target = ref MemoryMarshal.GetReference(destination);
        nuint length = (nuint)x.Length;

        if (Vector512.IsHardwareAccelerated && length >= (nuint)Vector512<float>.Count)
        {
            nuint count = (nuint)Vector512<float>.Count;
            Vector512<float> last = Vector512.LoadUnsafe(ref source, length - count);
            nuint i = 0;
            for (; i + (4 * count) <= length; i += 4 * count)
            {
                Vector512<float> a = Vector512.LoadUnsafe(ref source, i);
                Vector512<float> b = Vector512.LoadUnsafe(ref source, i + count);
                Vector512<float> c = Vector512.LoadUnsafe(ref source, i + (2 * count));
                Vector512<float> d = Vector512.LoadUnsafe(ref source, i + (3 * count));
                TOperator.Invoke(a).StoreUnsafe(ref target, i);
                TOperator.Invoke(b).StoreUnsafe(ref target, i + count);
                TOperator.Invoke(c).StoreUnsafe(ref target, i + (2 * count));
                TOperator.Invoke(d).StoreUnsafe(ref target, i + (3 * count));
            }

            for (; i + count <= length; i += count)
            {
                TOperator.Invoke(Vector512.LoadUnsafe(ref source, i)).StoreUnsafe(ref target, i);
            }

            if (i < length)
            {
                TOperator.Invoke(last).StoreUnsafe(ref target, length - count);
            }

            return;
        }

        if (Vector256.IsHardwareAccelerated && length >= (nuint)Vector256<float>.Count)
        {
            nuint count = (nuint)Vector256<float>.Count;
            Vector256<float> last = Vector256.LoadUnsafe(ref source, length - count);
            nuint i = 0;
            for (; i + (4 * count) <= length; i += 4 * count)
            {
                Vector256<float> a = Vector256.LoadUnsafe(ref source, i);
                Vector256<float> b = Vector256.LoadUnsafe(ref source, i + count);
                Vector256<float> c = Vector256.LoadUnsafe(ref source, i + (2 * count));
                Vector256<float> d = Vector256.LoadUnsafe(ref source, i + (3 * count));
                TOperator.Invoke(a).StoreUnsafe(ref target, i);
                TOperator.Invoke(b).StoreUnsafe(ref target, i + count);
                TOperator.Invoke(c).StoreUnsafe(ref target, i + (2 * count));
                TOperator.Invoke(d).StoreUnsafe(ref target, i + (3 * count));
            }

            for (; i + count <= length; i += count)
            {
                TOperator.Invoke(Vector256.LoadUnsafe(ref source, i)).StoreUnsafe(ref target, i);
            }

            if (i < length)
            {
                TOperator.Invoke(last).StoreUnsafe(ref target, length - count);
            }

            return;
        }

        if (Vector128.IsHardwareAccelerated && length >= (nuint)Vector128<float>.Count)
        {
            nuint count = (nuint)Vector128<float>.Count;
            Vector128<float> last = Vector128.LoadUnsafe(ref source, length - count);
            nuint i = 0;
            for (; i + (4 * count) <= length; i += 4 * count)
            {
                Vector128<float> a = Vector128.LoadUnsafe(ref source, i);
                Vector128<float> b = Vector128.LoadUnsafe(ref source, i + count);
                Vector128<float> c = Vector128.LoadUnsafe(ref source, i + (2 * count));
                Vector128<float> d = Vector128.LoadUnsafe(ref source, i + (3 * count));
                TOperator.Invoke(a).StoreUnsafe(ref target, i);
                TOperator.Invoke(b).StoreUnsafe(ref target, i + count);
                TOperator.Invoke(c).StoreUnsafe(ref target, i + (2 * count));
                TOperator.Invoke(d).StoreUnsafe(ref target, i + (3 * count));
            }

            for (; i + count <= length; i += count)
            {
                TOperator.Invoke(Vector128.LoadUnsafe(ref source, i)).StoreUnsafe(ref target, i);
            }

            if (i < length)
            {
                TOperator.Invoke(last).StoreUnsafe(ref target, length - count);
            }

            return;
        }

        for (nuint i = 0; i < length; i++)
        {
            Unsafe.Add(ref target, i) = TOperator.Invoke(Unsafe.Add(ref source, i));
        }
    }
}
