using System.ComponentModel;
using System.Runtime.Intrinsics;

namespace Activations.Kernels;

/// <summary>
/// One element-wise function at every width the shared loops use. Generated code implements it once per
/// activation and element type as a <see langword="readonly"/> struct holding the activation's parameters, so
/// that the loops, being generic over the struct, get a specialized and fully inlined copy each.
/// </summary>
/// <typeparam name="T">The element type the loop reads and writes.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IElementwiseOperator<T>
    where T : struct
{
    /// <summary>Applies the function to one element.</summary>
    T Invoke(T x);

    /// <summary>Applies the function to each element of a 128-bit vector.</summary>
    Vector128<T> Invoke(Vector128<T> x);

    /// <summary>Applies the function to each element of a 256-bit vector.</summary>
    Vector256<T> Invoke(Vector256<T> x);

    /// <summary>Applies the function to each element of a 512-bit vector.</summary>
    Vector512<T> Invoke(Vector512<T> x);
}
