using System;

namespace Activations.Layers;

/// <summary>
/// A layer that applies one activation to every value (or, for an activation along an axis such as softmax, to each
/// sample): the output has the input's shape. It may run in place.
/// </summary>
public abstract class ElementwiseLayer : ILayer
{
    /// <summary>Wraps <paramref name="function"/>.</summary>
    protected ElementwiseLayer(ActivationFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        LayerGuard.Complete(function);
        Function = function;
    }

    /// <summary>The activation applied to each value.</summary>
    public ActivationFunction Function { get; }

    /// <inheritdoc />
    public int GetOutputSize(int inputSize) => inputSize;

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<float> input, Span<float> output, int batch)
    {
        int sampleSize = LayerGuard.SampleSize(input, batch);
        LayerGuard.Output(output, batch, sampleSize);
        if (Function.IsAlongLastAxis)
        {
            // softmax and the like normalize each sample on its own.
            LayerGuard.NoPartialOverlap(input, output);
            for (int sample = 0; sample < batch; sample++)
            {
                Function.Apply(input.Slice(sample * sampleSize, sampleSize), output.Slice(sample * sampleSize, sampleSize));
            }
        }
        else
        {
            Function.Apply(input, output.Slice(0, input.Length));
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name}({Function})";
}
