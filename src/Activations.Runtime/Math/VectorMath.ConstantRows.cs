using System;
using System.Runtime.InteropServices;

namespace Activations;

// Constants of the float-lane kernels kept in native memory, one row per constant. The JIT hoists every
// Vector256.Create(constant) out of an unrolled loop into a register and then spills the temporaries (AVX2 has 16 ymm);
// a vector loaded from a pointer held in a mutable static stays a memory operand instead.
public static partial class VectorMath
{
    /// <summary>
    /// A 64-byte-aligned table: each of <paramref name="broadcast"/>'s values fills one row of <paramref name="rowLength"/>
    /// floats, then <paramref name="rows"/> follow as they are (rows written out lane by lane, such as permute tables).
    /// Never freed: it lives as long as the process.
    /// </summary>
    private static unsafe float* CreateConstantRows(int rowLength, ReadOnlySpan<float> broadcast, ReadOnlySpan<float> rows)
    {
        int broadcastLength = broadcast.Length * rowLength;
        float* table = (float*)NativeMemory.AlignedAlloc((nuint)((broadcastLength + rows.Length) * sizeof(float)), 64);
        for (int i = 0; i < broadcast.Length; i++)
        {
            new Span<float>(table + (i * rowLength), rowLength).Fill(broadcast[i]);
        }

        rows.CopyTo(new Span<float>(table + broadcastLength, rows.Length));
        return table;
    }

    /// <summary>
    /// A copy of a table of 8-float rows with each row written twice (16 floats, 64-byte aligned), for the Vector512
    /// lookups: vpermps on a zmm picks from 16 entries by the index's low 4 bits, and with the row twice entry i + 8 is
    /// entry i, so the low 3 bits decide as in the Vector256 form. The row then comes whole from one aligned load (which
    /// the JIT folds into the vpermps) instead of a 32-byte load inserted twice. Never freed.
    /// </summary>
    private static unsafe float* CreateWideRows(float* table, int rowCount)
    {
        const int Narrow = 8;
        float* wide = (float*)NativeMemory.AlignedAlloc((nuint)(rowCount * 2 * Narrow * sizeof(float)), 64);
        for (int row = 0; row < rowCount; row++)
        {
            var source = new ReadOnlySpan<float>(table + (row * Narrow), Narrow);
            source.CopyTo(new Span<float>(wide + (row * 2 * Narrow), Narrow));
            source.CopyTo(new Span<float>(wide + (row * 2 * Narrow) + Narrow, Narrow));
        }

        return wide;
    }
}
