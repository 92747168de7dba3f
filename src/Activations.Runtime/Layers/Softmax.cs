using System;
using System.Numerics.Tensors;

namespace Activations.Layers;

/// <summary>
/// Keras's <c>Softmax</c> layer: softmax along an axis of each sample, optionally with a mask. Masked
/// positions take no part (as if their input were −∞) and output 0; a slice with every position masked
/// outputs zeros, as Keras's layer does.
/// </summary>
public sealed class Softmax : ILayer
{
    /// <summary>Softmax along <paramref name="axis"/>, counted as Keras does (−1 is the last axis; 0 is the batch).</summary>
    /// <param name="axis">The axis, over the full shape including the batch.</param>
    /// <param name="inputShape">
    /// The shape of one sample, without the batch; needed only for an axis other than the last, and then
    /// checked against each input. <see langword="null"/>: each sample is one vector.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">The axis is the batch axis or outside the shape.</exception>
    public Softmax(int axis = -1, int[]? inputShape = null)
    {
        int rank = (inputShape?.Length ?? 1) + 1;
        int resolved = axis < 0 ? axis + rank : axis;
        if (resolved == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(axis), axis, "Softmax along the batch axis mixes samples; choose an axis of the sample (1 or more, or negative).");
        }

        if (resolved < 0 || resolved >= rank)
        {
            throw new ArgumentOutOfRangeException(nameof(axis), axis,
                inputShape is null
                    ? $"Without an input shape a sample is one vector, so the axis must be -1 or 1; got {axis}. Pass the sample's shape for other axes."
                    : $"The axis must be between {-rank} and {rank - 1} for samples of shape [{string.Join(", ", inputShape)}]; got {axis}.");
        }

        if (inputShape is not null)
        {
            foreach (int length in inputShape)
            {
                if (length <= 0)
                {
                    throw new ArgumentException($"Every axis of the input shape must have a positive length; got [{string.Join(", ", inputShape)}].", nameof(inputShape));
                }
            }
        }

        Axis = axis;
        InputShape = inputShape is null ? null : (int[])inputShape.Clone();
        _sampleAxis = resolved - 1;
    }

    // The axis within one sample (the batch removed).
    private readonly int _sampleAxis;

    /// <summary>The axis as given.</summary>
    public int Axis { get; }

    /// <summary>The shape of one sample, or <see langword="null"/> when each sample is one vector.</summary>
    public int[]? InputShape { get; }

    /// <inheritdoc />
    public int GetOutputSize(int inputSize)
    {
        if (InputShape is not null && inputSize != SampleSize(InputShape))
        {
            throw new ArgumentException(
                $"This Softmax layer takes samples of shape [{string.Join(", ", InputShape)}] ({SampleSize(InputShape)} values); got {inputSize} values.", nameof(inputSize));
        }

        return inputSize;
    }

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<float> input, Span<float> output, int batch) => Forward(input, output, batch, ReadOnlySpan<bool>.Empty);

    /// <summary>Runs the layer with a mask: <see langword="false"/> marks a position to leave out.</summary>
    /// <param name="input">The samples.</param>
    /// <param name="output">Where the results go.</param>
    /// <param name="batch">The number of samples.</param>
    /// <param name="mask">One flag per input value, or one per value of a sample (the same mask for every sample); empty for none.</param>
    /// <exception cref="ArgumentException">The lengths do not fit; nothing is written.</exception>
    public void Forward(ReadOnlySpan<float> input, Span<float> output, int batch, ReadOnlySpan<bool> mask)
    {
        int sampleSize = GetOutputSize(LayerGuard.SampleSize(input, batch));
        LayerGuard.Output(output, batch, sampleSize);
        LayerGuard.NoPartialOverlap(input, output);
        if (!mask.IsEmpty && mask.Length != input.Length && mask.Length != sampleSize)
        {
            throw new ArgumentException(
                $"The mask has {mask.Length} flags; it needs one per input value ({input.Length}) or one per value of a sample ({sampleSize}).", nameof(mask));
        }

        // The batch as one tensor, [batch, ...sample shape], and Activation.Softmax along the axis.
        int rank = (InputShape?.Length ?? 1) + 1;
        Span<nint> lengths = stackalloc nint[rank];
        lengths[0] = batch;
        for (int axis = 1; axis < rank; axis++)
        {
            lengths[axis] = InputShape?[axis - 1] ?? sampleSize;
        }

        Span<float> result = output.Slice(0, input.Length);
        if (mask.IsEmpty)
        {
            Activation.Softmax(new ReadOnlyTensorSpan<float>(input, lengths), new TensorSpan<float>(result, lengths), _sampleAxis + 1);
            return;
        }

        // Masked positions enter as −∞ (weight 0), and leave as 0: that also clears the NaN softmax gives a slice
        // that is all −∞, so a fully masked slice is zeros, as in Keras's layer.
        for (int i = 0; i < input.Length; i++)
        {
            result[i] = Keep(mask, i, sampleSize) ? input[i] : float.NegativeInfinity;
        }

        Activation.Softmax(new ReadOnlyTensorSpan<float>(result, lengths), new TensorSpan<float>(result, lengths), _sampleAxis + 1);
        for (int i = 0; i < result.Length; i++)
        {
            if (!Keep(mask, i, sampleSize))
            {
                result[i] = 0f;
            }
        }
    }

    private static bool Keep(ReadOnlySpan<bool> mask, int index, int sampleSize) =>
        mask.Length == sampleSize ? mask[index % sampleSize] : mask[index];

    private static int SampleSize(int[] shape)
    {
        long product = 1;
        foreach (int length in shape)
        {
            product *= length;
        }

        return checked((int)product);
    }
}
