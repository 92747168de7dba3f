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
}
