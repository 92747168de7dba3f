using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Activations.Layers;

/// <summary>
/// The matmul of <see cref="Dense"/> for one block of one output row: <c>block[j] = Σ_i x[i] · kernel[i, start + j]</c>.
/// Columns go in tiles of four vectors whose accumulators stay in registers for the whole sum over the inputs,
/// so each output is stored once (a per-input axpy would load and store the row once per input).
/// </summary>
internal static class DenseKernel
{
    public static void MultiplyBlock(ReadOnlySpan<float> x, ReadOnlySpan<float> kernel, int units, int start, Span<float> block)
    {
        int width = block.Length;
        int count = Vector<float>.Count;
        ref float w = ref MemoryMarshal.GetReference(kernel);
        ref float output = ref MemoryMarshal.GetReference(block);
        int j = 0;

        if (Vector.IsHardwareAccelerated)
        {
            for (; j <= width - (4 * count); j += 4 * count)
            {
                Vector<float> a0 = Vector<float>.Zero, a1 = Vector<float>.Zero, a2 = Vector<float>.Zero, a3 = Vector<float>.Zero;
                nuint column = (nuint)(start + j);
                for (int i = 0; i < x.Length; i++)
                {
                    var xi = new Vector<float>(x[i]);
                    nuint row = ((nuint)i * (nuint)units) + column;
                    a0 += xi * Vector.LoadUnsafe(ref w, row);
                    a1 += xi * Vector.LoadUnsafe(ref w, row + (nuint)count);
                    a2 += xi * Vector.LoadUnsafe(ref w, row + (nuint)(2 * count));
                    a3 += xi * Vector.LoadUnsafe(ref w, row + (nuint)(3 * count));
                }

                a0.StoreUnsafe(ref output, (nuint)j);
                a1.StoreUnsafe(ref output, (nuint)(j + count));
                a2.StoreUnsafe(ref output, (nuint)(j + (2 * count)));
                a3.StoreUnsafe(ref output, (nuint)(j + (3 * count)));
            }

            for (; j <= width - count; j += count)
            {
                Vector<float> a = Vector<float>.Zero;
                nuint column = (nuint)(start + j);
                for (int i = 0; i < x.Length; i++)
                {
                    a += new Vector<float>(x[i]) * Vector.LoadUnsafe(ref w, ((nuint)i * (nuint)units) + column);
                }

                a.StoreUnsafe(ref output, (nuint)j);
            }
        }

        // The last few columns (or all of them without SIMD), in the same order of summation.
        for (; j < width; j++)
        {
            float sum = 0;
            int column = start + j;
            for (int i = 0; i < x.Length; i++)
            {
                sum += x[i] * Unsafe.Add(ref w, (i * units) + column);
            }

            Unsafe.Add(ref output, j) = sum;
        }
    }
}
