using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

/// <summary>
/// Walks a strided tensor and hands an axis kernel the largest pieces it can vectorize:
/// contiguous rows when the axis has stride 1; otherwise blocks of adjacent lines across a stride-1 dimension
/// (an inner axis of a dense tensor: vectorized across the contiguous dimension, nothing gathered);
/// otherwise (no stride-1 dimension at all) the scalar strided line kernel.
/// </summary>
internal static class AxisDriver
{
    /// <summary>
    /// Runs <typeparamref name="TKernel"/> along <paramref name="axis"/>. x and destination have the same lengths except
    /// along the axis, where the destination has <c>TKernel.OutputLength(n)</c>; each has its own strides.
    /// </summary>
    public static void Run<TKernel, T>(ref T x, ReadOnlySpan<nint> lengths, ReadOnlySpan<nint> xStrides, ref T destination, ReadOnlySpan<nint> destinationStrides, int axis)
        where TKernel : IAxisKernel
    {
        int rank = lengths.Length;
        foreach (nint length in lengths)
        {
            if (length == 0)
            {
                return;
            }
        }

        int n = checked((int)lengths[axis]);
        nint xStride = xStrides[axis], destinationStride = destinationStrides[axis];
        bool contiguousAxis = xStride == 1 && destinationStride == 1;

        // The line dimension: the last other dimension that is contiguous in both tensors.
        int lineDimension = -1;
        if (!contiguousAxis)
        {
            for (int d = rank - 1; d >= 0; d--)
            {
                if (d != axis && lengths[d] > 1 && xStrides[d] == 1 && destinationStrides[d] == 1)
                {
                    lineDimension = d;
                    break;
                }
            }
        }

        int lineCount = lineDimension >= 0 ? checked((int)lengths[lineDimension]) : 1;
        Span<nint> index = stackalloc nint[rank];
        index.Clear();
        while (true)
        {
            nint xOffset = 0, destinationOffset = 0;
            for (int d = 0; d < rank; d++)
            {
                xOffset += index[d] * xStrides[d];
                destinationOffset += index[d] * destinationStrides[d];
            }

            ref T xLine = ref Unsafe.Add(ref x, xOffset);
            ref T destinationLine = ref Unsafe.Add(ref destination, destinationOffset);
            if (contiguousAxis)
            {
                Row<TKernel, T>(ref xLine, ref destinationLine, n);
            }
            else
            {
                Lines<TKernel, T>(ref xLine, xStride, ref destinationLine, destinationStride, n, lineCount);
            }

            if (!Next(index, lengths, axis, lineDimension))
            {
                return;
            }
        }
    }

    /// <summary>One contiguous row through <typeparamref name="TKernel"/> at the widest accelerated vector width.</summary>
    public static void Row<TKernel, T>(ref T x, ref T destination, int n)
        where TKernel : IAxisKernel
    {
        if (Vector512.IsHardwareAccelerated)
        {
            TKernel.Row<Lanes512, Vector512<double>, T>(ref x, ref destination, n);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            TKernel.Row<Lanes256, Vector256<double>, T>(ref x, ref destination, n);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            TKernel.Row<Lanes128, Vector128<double>, T>(ref x, ref destination, n);
        }
        else
        {
            TKernel.Line(ref x, 1, ref destination, 1, n);
        }
    }

    /// <summary>
    /// <paramref name="count"/> adjacent lines (see <see cref="IAxisKernel.Lanes"/>): vectorized across lines at the
    /// widest accelerated width, the lines left over one by one.
    /// </summary>
    public static void Lines<TKernel, T>(ref T x, nint xStride, ref T destination, nint destinationStride, int n, int count)
        where TKernel : IAxisKernel
    {
        int done = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            done = TKernel.Lanes<Lanes512, Vector512<double>, T>(ref x, xStride, ref destination, destinationStride, n, count);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            done = TKernel.Lanes<Lanes256, Vector256<double>, T>(ref x, xStride, ref destination, destinationStride, n, count);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            done = TKernel.Lanes<Lanes128, Vector128<double>, T>(ref x, xStride, ref destination, destinationStride, n, count);
        }

        for (int j = done; j < count; j++)
        {
            TKernel.Line(ref Unsafe.Add(ref x, j), xStride, ref Unsafe.Add(ref destination, j), destinationStride, n);
        }
    }

    /// <summary>Advances a row-major odometer over every dimension except the two skipped ones; false when done.</summary>
    internal static bool Next(Span<nint> index, ReadOnlySpan<nint> lengths, int skip, int alsoSkip)
    {
        for (int d = index.Length - 1; d >= 0; d--)
        {
            if (d == skip || d == alsoSkip)
            {
                continue;
            }

            if (++index[d] < lengths[d])
            {
                return true;
            }

            index[d] = 0;
        }

        return false;
    }
}
