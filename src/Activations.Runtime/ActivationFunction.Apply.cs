using System;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Activations;

public sealed partial class ActivationFunction
{
    /// <summary>Computes the activation of each element of <paramref name="x"/> into <paramref name="destination"/>.</summary>
    /// <param name="x">The input.</param>
    /// <param name="destination">Where the results go; it may be <paramref name="x"/> itself (in place).</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="x"/>, or they partly overlap.</exception>
    /// <exception cref="InvalidOperationException">A parameter without a default is not bound (see <see cref="IsComplete"/>).</exception>
    public void Apply(ReadOnlySpan<float> x, Span<float> destination)
    {
        CheckSpans(x, destination);
        ThrowIfIncomplete();
        if (_descriptor is { } descriptor)
        {
            descriptor.Single(x, destination, _arguments);
        }
        else
        {
            ApplyDelegate(x, destination);
        }
    }

    /// <inheritdoc cref="Apply(ReadOnlySpan{float}, Span{float})"/>
    public void Apply(ReadOnlySpan<double> x, Span<double> destination)
    {
        CheckSpans(x, destination);
        ThrowIfIncomplete();
        if (_descriptor is { } descriptor)
        {
            descriptor.Double(x, destination, _arguments);
        }
        else
        {
            ApplyDelegate(x, destination);
        }
    }

    /// <inheritdoc cref="Apply(ReadOnlySpan{float}, Span{float})"/>
    public void Apply(ReadOnlySpan<Half> x, Span<Half> destination)
    {
        CheckSpans(x, destination);
        ThrowIfIncomplete();
        if (_descriptor is { } descriptor)
        {
            descriptor.Half(x, destination, _arguments);
        }
        else
        {
            ApplyDelegate(x, destination);
        }
    }

    /// <summary>Computes the activation of each element of a dense (contiguous) tensor into a tensor of the same shape.</summary>
    /// <param name="x">The input tensor.</param>
    /// <param name="destination">The output tensor, of the same shape; it may be <paramref name="x"/> itself.</param>
    /// <exception cref="ArgumentException">The shapes differ, a tensor is not dense, or the two partly overlap.</exception>
    /// <remarks>An activation along an axis (<see cref="ActivationDescriptor.IsAlongLastAxis"/>) runs on each slice of the last axis.</remarks>
    public void Apply(ReadOnlyTensorSpan<float> x, TensorSpan<float> destination)
    {
        ReadOnlySpan<float> input = DenseSpan(x, destination, out Span<float> output);
        for (int start = 0, row = RowLength(x.Lengths); start < input.Length; start += row)
        {
            Apply(input.Slice(start, row), output.Slice(start, row));
        }
    }

    /// <inheritdoc cref="Apply(ReadOnlyTensorSpan{float}, TensorSpan{float})"/>
    public void Apply(ReadOnlyTensorSpan<double> x, TensorSpan<double> destination)
    {
        ReadOnlySpan<double> input = DenseSpan(x, destination, out Span<double> output);
        for (int start = 0, row = RowLength(x.Lengths); start < input.Length; start += row)
        {
            Apply(input.Slice(start, row), output.Slice(start, row));
        }
    }

    /// <inheritdoc cref="Apply(ReadOnlyTensorSpan{float}, TensorSpan{float})"/>
    public void Apply(ReadOnlyTensorSpan<Half> x, TensorSpan<Half> destination)
    {
        ReadOnlySpan<Half> input = DenseSpan(x, destination, out Span<Half> output);
        for (int start = 0, row = RowLength(x.Lengths); start < input.Length; start += row)
        {
            Apply(input.Slice(start, row), output.Slice(start, row));
        }
    }

    /// <summary>How many elements one kernel call covers: all of them, or one slice of the last axis for an activation along an axis.</summary>
    private int RowLength(ReadOnlySpan<nint> lengths)
    {
        long total = 1;
        foreach (nint length in lengths)
        {
            total *= length;
        }

        return IsAlongLastAxis && lengths.Length > 0 ? (int)lengths[^1] : (int)Math.Min(total, int.MaxValue);
    }

    // Checked here too (the generated kernels check as well) so that a delegate function behaves the same,
    // and nothing is written before the exception.
    private static void CheckSpans<T>(ReadOnlySpan<T> x, Span<T> destination)
    {
        if (destination.Length < x.Length)
        {
            throw new ArgumentException(
                $"The destination is too short: it holds {destination.Length} elements and the input has {x.Length}.", nameof(destination));
        }

        if (x.Overlaps(destination, out int offset) && offset != 0)
        {
            throw new ArgumentException(
                "The input and the destination overlap partly; they must be the same memory or not overlap at all.", nameof(destination));
        }
    }

    private static ReadOnlySpan<T> DenseSpan<T>(ReadOnlyTensorSpan<T> x, TensorSpan<T> destination, out Span<T> output)
    {
        if (!x.Lengths.SequenceEqual(destination.Lengths))
        {
            throw new ArgumentException(
                $"The destination's shape [{string.Join(", ", destination.Lengths.ToArray())}] differs from the input's [{string.Join(", ", x.Lengths.ToArray())}].",
                nameof(destination));
        }

        if (!x.IsDense)
        {
            throw new ArgumentException("The input tensor is not dense (contiguous); copy it into a dense tensor first.", nameof(x));
        }

        if (!destination.IsDense)
        {
            throw new ArgumentException("The destination tensor is not dense (contiguous).", nameof(destination));
        }

        int length = checked((int)x.FlattenedLength);
        output = length == 0 ? Span<T>.Empty : MemoryMarshal.CreateSpan(ref destination.GetPinnableReference(), length);
        return length == 0 ? ReadOnlySpan<T>.Empty : MemoryMarshal.CreateReadOnlySpan(ref Unsafe.AsRef(in x.GetPinnableReference()), length);
    }
}
