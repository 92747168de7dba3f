using System;
using System.Buffers;
using System.Runtime.CompilerServices;

namespace Activations;

/// <summary>
/// softmax and log_softmax over several axes at once (Keras's <c>axis=(1, 2)</c>): every group of elements that share
/// the other indices is normalized together. Axes that are adjacent in memory (e.g. the trailing axes of a dense
/// tensor) merge into one axis and go through <see cref="AxisDriver"/>; any other set is gathered group by group
/// into a pooled buffer (rented from <see cref="ArrayPool{T}.Shared"/>, returned at the end).
/// </summary>
internal static class AxisGroups
{
    /// <summary>Runs <typeparamref name="TKernel"/> over the groups the <paramref name="axes"/> (normalized, sorted, distinct) define.</summary>
    public static void Run<TKernel, T>(ref T x, ReadOnlySpan<nint> lengths, ReadOnlySpan<nint> xStrides, ref T destination, ReadOnlySpan<nint> destinationStrides, ReadOnlySpan<int> axes)
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

        int first = axes[0], last = axes[axes.Length - 1];
        if (TryMerge(lengths, xStrides, axes, out nint groupLength, out nint xStride) &&
            TryMerge(lengths, destinationStrides, axes, out _, out nint destinationStride))
        {
            int mergedRank = rank - (last - first);
            Span<nint> mergedLengths = stackalloc nint[mergedRank];
            Span<nint> mergedXStrides = stackalloc nint[mergedRank];
            Span<nint> mergedDestinationStrides = stackalloc nint[mergedRank];
            for (int d = 0, m = 0; d < rank; d++)
            {
                if (d > first && d <= last)
                {
                    continue;
                }

                bool merged = d == first;
                mergedLengths[m] = merged ? groupLength : lengths[d];
                mergedXStrides[m] = merged ? xStride : xStrides[d];
                mergedDestinationStrides[m] = merged ? destinationStride : destinationStrides[d];
                m++;
            }

            AxisDriver.Run<TKernel, T>(ref x, mergedLengths, mergedXStrides, ref destination, mergedDestinationStrides, first);
            return;
        }

        Gathered<TKernel, T>(ref x, lengths, xStrides, ref destination, destinationStrides, axes);
    }

    /// <summary>
    /// True when the axes span [first, last] with only length-1 dimensions between them that are not axes, and each
    /// axis's stride is the next one's stride times its length: the group is then one strided axis.
    /// </summary>
    private static bool TryMerge(ReadOnlySpan<nint> lengths, ReadOnlySpan<nint> strides, ReadOnlySpan<int> axes, out nint groupLength, out nint stride)
    {
        int first = axes[0], last = axes[axes.Length - 1];
        groupLength = 1;
        stride = 1;
        bool seen = false;
        nint expected = 0;
        for (int d = last; d >= first; d--)
        {
            if (lengths[d] == 1)
            {
                continue;
            }

            if (axes.IndexOf(d) < 0 || (seen && strides[d] != expected))
            {
                return false;
            }

            if (!seen)
            {
                stride = strides[d];
                seen = true;
            }

            groupLength = checked(groupLength * lengths[d]);
            expected = strides[d] * lengths[d];
        }

        return true;
    }

    private static void Gathered<TKernel, T>(ref T x, ReadOnlySpan<nint> lengths, ReadOnlySpan<nint> xStrides, ref T destination, ReadOnlySpan<nint> destinationStrides, ReadOnlySpan<int> axes)
        where TKernel : IAxisKernel
    {
        int rank = lengths.Length;
        Span<bool> isAxis = stackalloc bool[rank];
        int groupLength = 1;
        foreach (int axis in axes)
        {
            isAxis[axis] = true;
            groupLength = checked(groupLength * (int)lengths[axis]);
        }

        T[] buffer = ArrayPool<T>.Shared.Rent(groupLength);
        try
        {
            ref T group = ref buffer[0];
            Span<nint> outer = stackalloc nint[rank];
            Span<nint> inner = stackalloc nint[rank];
            outer.Clear();
            do
            {
                nint xBase = 0, destinationBase = 0;
                for (int d = 0; d < rank; d++)
                {
                    xBase += outer[d] * xStrides[d];
                    destinationBase += outer[d] * destinationStrides[d];
                }

                inner.Clear();
                int k = 0;
                do
                {
                    Unsafe.Add(ref group, k++) = Unsafe.Add(ref x, xBase + Offset(inner, xStrides));
                }
                while (Next(inner, lengths, isAxis, true));

                AxisDriver.Row<TKernel, T>(ref group, ref group, groupLength);

                inner.Clear();
                k = 0;
                do
                {
                    Unsafe.Add(ref destination, destinationBase + Offset(inner, destinationStrides)) = Unsafe.Add(ref group, k++);
                }
                while (Next(inner, lengths, isAxis, true));
            }
            while (Next(outer, lengths, isAxis, false));
        }
        finally
        {
            ArrayPool<T>.Shared.Return(buffer);
        }
    }

    private static nint Offset(ReadOnlySpan<nint> index, ReadOnlySpan<nint> strides)
    {
        nint offset = 0;
        for (int d = 0; d < index.Length; d++)
        {
            offset += index[d] * strides[d];
        }

        return offset;
    }

    /// <summary>Row-major odometer over the dimensions whose <paramref name="isAxis"/> equals <paramref name="axes"/>.</summary>
    private static bool Next(Span<nint> index, ReadOnlySpan<nint> lengths, ReadOnlySpan<bool> isAxis, bool axes)
    {
        for (int d = index.Length - 1; d >= 0; d--)
        {
            if (isAxis[d] != axes)
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
