using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

// Eight-entry table lookups (vpermps) with the table in a register. vpermps with its table as a memory operand costs about
// twice the register form on Zen 3, this project's benchmark machine (measured: twelve independent vpermps per loop
// iteration took 8.1 ns from memory against 4.1 from registers, and a separate load then the register form 4.2), and the
// JIT folds a plain load of the table into the vpermps. vlddqu is a load it does not fold, so the table arrives through a
// load port of its own. softplus's narrow-range kernel took 0.73-0.88 of the folded form's time as an isolated copy and
// 0.77-0.95 in the library (same-process A/B harnesses, n = 4096). On Intel the folded form is one fused instruction, so
// this costs one load more there.
public static partial class VectorMath
{
    /// <summary>table[index &amp; 7] per lane: the 8 floats at <paramref name="table"/>, read into a register, permuted by <paramref name="index"/>'s low 3 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector256<float> LookUp(float* table, Vector256<int> index) =>
        Avx2.PermuteVar8x32(Avx.LoadDquVector256((int*)table).AsSingle(), index);

    /// <summary>
    /// table[index &amp; 7] per lane of a Vector512 (AVX-512F), from the copy of the table whose rows are written twice
    /// (<c>CreateWideRows</c>); <paramref name="row"/> is the row's offset in the 8-float table.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector512<float> LookUp(float* wideTable, int row, Vector512<int> index) =>
        Avx512F.PermuteVar16x32(LoadRow(wideTable, row), index);

    /// <summary>A row of the copy whose rows are written twice (<c>CreateWideRows</c>): a broadcast constant, or a table whole.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector512<float> LoadRow(float* wideTable, int row) => Vector512.LoadAligned(wideTable + (2 * row));

    /// <summary>table[index &amp; 7] per lane of four Vector512 (their index bits as <c>Float512x4</c> carries them), the row loaded once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Float512x4 LookUp(float* wideTable, int row, Float512x4 index)
    {
        Vector512<float> values = LoadRow(wideTable, row);
        return new Float512x4(
            Avx512F.PermuteVar16x32(values, index.A.AsInt32()),
            Avx512F.PermuteVar16x32(values, index.B.AsInt32()),
            Avx512F.PermuteVar16x32(values, index.C.AsInt32()),
            Avx512F.PermuteVar16x32(values, index.D.AsInt32()));
    }

    /// <summary>Floats per row of the tables of 16 intervals that the Vector512 bodies of gelu and tanh_shrink read (one zmm each).</summary>
    private const int SixteenEntryRowLength = 16;

    /// <summary>Row <paramref name="row"/> of a table of 16-entry rows, entry index &amp; 15 per lane (vpermps).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector512<float> LookUp16(float* table, int row, Vector512<int> index) =>
        Avx512F.PermuteVar16x32(Vector512.LoadAligned(table + (row * SixteenEntryRowLength)), index);
}
