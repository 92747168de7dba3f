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
    /// table[index &amp; 7] per lane of a Vector512 (AVX-512F): the 8-float row broadcast to both halves, so that vpermps's
    /// 16-entry lookup reads entry i and i + 8 alike and only the index's low 3 bits matter, as in the Vector256 form.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector512<float> LookUp(float* table, Vector512<int> index) =>
        Avx512F.PermuteVar16x32(LoadRow(table), index);

    /// <summary>One 8-float row of a constant table broadcast to a Vector512 (the rows are 32 bytes: a 64-byte load would read the next row).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector512<float> LoadRow(float* row) =>
        Avx512F.InsertVector256(Vector256.Load(row).ToVector512Unsafe(), Vector256.Load(row), 1);
}
