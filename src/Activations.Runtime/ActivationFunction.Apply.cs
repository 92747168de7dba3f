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
    public void Apply(ReadOnlySpan<float> x, Span<float> destination)
    {
        CheckSpans(x, destination);
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
    public void Apply(ReadOnlyTensorSpan<float> x, TensorSpan<float> destination) =>
        Apply(DenseSpan(x, destination, out Span<float> output), output);

    /// <inheritdoc cref="Apply(ReadOnlyTensorSpan{float}, TensorSpan{float})"/>
    public void Apply(ReadOnlyTensorSpan<double> x, TensorSpan<double> destination) =>
        Apply(DenseSpan(x, destination, out Span<double> output), output);

    /// <inheritdoc cref="Apply(ReadOnlyTensorSpan{float}, TensorSpan{float})"/>
    public void Apply(ReadOnlyTensorSpan<Half> x, TensorSpan<Half> destination) =>
        Apply(DenseSpan(x, destination, out Span<Half> output), output);

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
