namespace Activations;

/// <summary>
/// An operation along one axis, as the tensor driver sees it: bodies written once, generic over the double lanes
/// (<see cref="ILanes{TV}"/>); <see cref="AxisDriver"/> picks the vector width (512 → 256 → 128 → the scalar line)
/// for every kernel. The element type is float or double (Half goes through float).
/// </summary>
internal interface IAxisKernel
{
    /// <summary>One contiguous row of <paramref name="n"/> elements (the input's length along the axis), vectorized along it.</summary>
    static abstract void Row<TL, TV, T>(ref T x, ref T destination, int n)
        where TL : struct, ILanes<TV> where TV : struct;

    /// <summary>
    /// <paramref name="count"/> lines side by side: line j starts at x + j and its k-th element is at
    /// x + j + k·<paramref name="xStride"/> (likewise in the destination), vectorized across lines.
    /// Returns how many lines (from the first) it did; the driver runs the rest through <see cref="Line"/>.
    /// </summary>
    static abstract int Lanes<TL, TV, T>(ref T x, nint xStride, ref T destination, nint destinationStride, int n, int count)
        where TL : struct, ILanes<TV> where TV : struct;

    /// <summary>One line, elements <paramref name="xStride"/> apart, scalar: the scalar SIMD path and leftover lines.</summary>
    static abstract void Line<T>(ref T x, nint xStride, ref T destination, nint destinationStride, int n);

    /// <summary>The destination's length along the axis for an input length <paramref name="n"/>.</summary>
    static abstract int OutputLength(int n);
}
