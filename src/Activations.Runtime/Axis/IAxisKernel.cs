namespace Activations;

/// <summary>
/// An operation along one axis, as the tensor driver sees it: a contiguous row, or many adjacent lines at once.
/// The element type is float or double (Half goes through float).
/// </summary>
internal interface IAxisKernel
{
    /// <summary>One contiguous row of <paramref name="n"/> elements (the input's length along the axis).</summary>
    static abstract void Row<T>(ref T x, ref T destination, int n);

    /// <summary>
    /// <paramref name="count"/> lines side by side: line j starts at x + j and its k-th element is at
    /// x + j + k·<paramref name="xStride"/> (likewise in the destination), so the kernel vectorizes across lines.
    /// </summary>
    static abstract void Lines<T>(ref T x, nint xStride, ref T destination, nint destinationStride, int n, int count);

    /// <summary>The destination's length along the axis for an input length <paramref name="n"/>.</summary>
    static abstract int OutputLength(int n);
}
