using System.ComponentModel;

namespace Activations.Kernels;

/// <summary>
/// An operator whose Vector512 math also comes four vectors at a time, interleaved statement by statement
/// (<c>Float512x4</c> in the math core). The JIT emits instructions in source order, so one vector's long dependency
/// chain at a time leaves the core waiting; four interleaved keep its FMA pipes busy (Zen 5: silu's core 0.187 → 0.153
/// ns per element). <see cref="ElementwiseLoop"/>'s Vector512 main loop calls <see cref="Invoke512x4"/> for each group of
/// four vectors. The generator marks the float operators whose formula is one math-core function with such a form.
/// </summary>
/// <typeparam name="T">The element type the loop reads and writes.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IInterleavedOperator<T> : IElementwiseOperator<T>
    where T : struct
{
    /// <summary>Applies the function to the four consecutive 512-bit vectors at <paramref name="x"/> and stores the results
    /// at <paramref name="destination"/>, which may be <paramref name="x"/>; each result as <c>Invoke(Vector512)</c> gives it.
    /// Called only where Vector512 is hardware accelerated.</summary>
    /// <param name="x">The first element of the four input vectors.</param>
    /// <param name="destination">The first element of the four result vectors.</param>
    void Invoke512x4(ref T x, ref T destination);
}
