using System;
using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Activations;

/// <summary>
/// Half computes in float: the input is converted into a float buffer (stack memory for short rows, else an array
/// rented from the shared pool and returned), the float kernel runs there in place, and the result is rounded to
/// Half once. The float kernels are within 2 float ULPs, i.e. within 0.5 + 2^-12 Half ULPs before that rounding.
/// </summary>
internal static class HalfBridge
{
    /// <summary>Rows up to this many elements convert through the stack rather than a pooled array.</summary>
    private const int StackLimit = 1024;

    public static void Row<TKernel>(ReadOnlySpan<Half> x, Span<Half> destination, int outputLength)
        where TKernel : IAxisKernel
    {
        float[]? rented = null;
        Span<float> buffer = x.Length <= StackLimit ? stackalloc float[StackLimit] : (rented = ArrayPool<float>.Shared.Rent(x.Length));
        try
        {
            buffer = buffer.Slice(0, x.Length);
            TensorPrimitives.ConvertToSingle(x, buffer);
            AxisDriver.Row<TKernel, float>(ref buffer[0], ref buffer[0], x.Length); // every kernel may run in place
            TensorPrimitives.ConvertToHalf(buffer.Slice(0, outputLength), destination.Slice(0, outputLength));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<float>.Shared.Return(rented);
            }
        }
    }

    /// <summary>A Half tensor: gathered into dense float (input, then output, in one pooled array), computed, scattered back.</summary>
    public static void Tensor<TKernel>(
        ref Half x, ReadOnlySpan<nint> lengths, ReadOnlySpan<nint> xStrides,
        ref Half destination, ReadOnlySpan<nint> destinationLengths, ReadOnlySpan<nint> destinationStrides,
        ReadOnlySpan<int> axes)
        where TKernel : IAxisKernel
    {
        int rank = lengths.Length;
        int inputLength = Count(lengths), outputLength = Count(destinationLengths);
        float[] rented = ArrayPool<float>.Shared.Rent(checked(inputLength + outputLength));
        try
        {
            Span<nint> inputStrides = stackalloc nint[rank];
            Span<nint> outputStrides = stackalloc nint[rank];
            DenseStrides(lengths, inputStrides);
            DenseStrides(destinationLengths, outputStrides);
            ref float input = ref rented[0];
            ref float output = ref rented[inputLength];

            Span<nint> index = stackalloc nint[rank];
            index.Clear();
            for (int i = 0; i < inputLength; i++)
            {
                Unsafe.Add(ref input, i) = (float)Unsafe.Add(ref x, Offset(index, xStrides));
                Increment(index, lengths);
            }

            AxisOperation.Groups<TKernel, float>(ref input, lengths, inputStrides, ref output, outputStrides, axes);

            index.Clear();
            for (int i = 0; i < outputLength; i++)
            {
                Unsafe.Add(ref destination, Offset(index, destinationStrides)) = (Half)Unsafe.Add(ref output, i);
                Increment(index, destinationLengths);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }

    private static int Count(ReadOnlySpan<nint> lengths)
    {
        nint count = 1;
        foreach (nint length in lengths)
        {
            count = checked(count * length);
        }

        return checked((int)count);
    }

    private static void DenseStrides(ReadOnlySpan<nint> lengths, Span<nint> strides)
    {
        nint stride = 1;
        for (int d = lengths.Length - 1; d >= 0; d--)
        {
            strides[d] = stride;
            stride *= lengths[d];
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

    private static void Increment(Span<nint> index, ReadOnlySpan<nint> lengths)
    {
        for (int d = index.Length - 1; d >= 0; d--)
        {
            if (++index[d] < lengths[d])
            {
                return;
            }

            index[d] = 0;
        }
    }
}
