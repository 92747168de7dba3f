using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Activations.Layers;

/// <summary>
/// The matmul of <see cref="Dense"/> for one block of one output row: <c>block[j] = Σ_i x[i] · kernel[i, start + j]</c>.
/// The block (at most a few KiB) stays in L1; the kernel rows are read contiguously, four at a time, so the
/// block is loaded and stored once per four inputs rather than once per input (a plain axpy per input).
/// Each output sums its terms in input order.
/// </summary>
internal static class DenseKernel
{
    public static void MultiplyBlock(ReadOnlySpan<float> x, ReadOnlySpan<float> kernel, int units, int start, Span<float> block)
    {
        block.Clear();
        int width = block.Length;
        ref float output = ref MemoryMarshal.GetReference(block);
        ref float w = ref MemoryMarshal.GetReference(kernel);
        int i = 0;
        for (; i <= x.Length - 4; i += 4)
        {
            ref float w0 = ref Unsafe.Add(ref w, (i * units) + start);
            ref float w1 = ref Unsafe.Add(ref w0, units);
            ref float w2 = ref Unsafe.Add(ref w1, units);
            ref float w3 = ref Unsafe.Add(ref w2, units);
            AddFourRows(ref output, width, x[i], x[i + 1], x[i + 2], x[i + 3], ref w0, ref w1, ref w2, ref w3);
        }

        for (; i < x.Length; i++)
        {
            ref float row = ref Unsafe.Add(ref w, (i * units) + start);
            AddOneRow(ref output, width, x[i], ref row);
        }
    }

    // output[j] = (((output[j] + x0·w0[j]) + x1·w1[j]) + x2·w2[j]) + x3·w3[j]
    private static void AddFourRows(
        ref float output, int width, float x0, float x1, float x2, float x3, ref float w0, ref float w1, ref float w2, ref float w3)
    {
        int j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var v0 = new Vector<float>(x0);
            var v1 = new Vector<float>(x1);
            var v2 = new Vector<float>(x2);
            var v3 = new Vector<float>(x3);
            for (; j <= width - Vector<float>.Count; j += Vector<float>.Count)
            {
                nuint at = (nuint)j;
                Vector<float> sum = Vector.LoadUnsafe(ref output, at);
                sum = MultiplyAdd(v0, Vector.LoadUnsafe(ref w0, at), sum);
                sum = MultiplyAdd(v1, Vector.LoadUnsafe(ref w1, at), sum);
                sum = MultiplyAdd(v2, Vector.LoadUnsafe(ref w2, at), sum);
                sum = MultiplyAdd(v3, Vector.LoadUnsafe(ref w3, at), sum);
                sum.StoreUnsafe(ref output, at);
            }
        }

        for (; j < width; j++)
        {
            float sum = Unsafe.Add(ref output, j);
            sum += x0 * Unsafe.Add(ref w0, j);
            sum += x1 * Unsafe.Add(ref w1, j);
            sum += x2 * Unsafe.Add(ref w2, j);
            sum += x3 * Unsafe.Add(ref w3, j);
            Unsafe.Add(ref output, j) = sum;
        }
    }

    private static void AddOneRow(ref float output, int width, float x0, ref float w0)
    {
        int j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var v0 = new Vector<float>(x0);
            for (; j <= width - Vector<float>.Count; j += Vector<float>.Count)
            {
                nuint at = (nuint)j;
                MultiplyAdd(v0, Vector.LoadUnsafe(ref w0, at), Vector.LoadUnsafe(ref output, at)).StoreUnsafe(ref output, at);
            }
        }

        for (; j < width; j++)
        {
            Unsafe.Add(ref output, j) += x0 * Unsafe.Add(ref w0, j);
        }
    }

    // One rounding where the hardware fuses (.NET 9+ exposes it for Vector<T>); .NET 8 multiplies, then adds.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> MultiplyAdd(Vector<float> a, Vector<float> b, Vector<float> addend) =>
#if NET9_0_OR_GREATER
        Vector.FusedMultiplyAdd(a, b, addend);
#else
        addend + (a * b);
#endif
}
