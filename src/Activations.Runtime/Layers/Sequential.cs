using System;
using System.Buffers;
using System.Collections;
using System.Collections.Generic;

namespace Activations.Layers;

/// <summary>
/// Keras's <c>Sequential</c>: layers run one after the other, each on the previous one's output.
/// Intermediate results go to two pooled buffers used in turn, so a forward pass allocates nothing once warm.
/// </summary>
/// <example>
/// <code>
/// var model = new Sequential
/// {
///     new Dense(64, activation: "relu", seed: 1),
///     new Dense(10, seed: 2),
///     new Softmax(),
/// };
/// </code>
/// </example>
public sealed class Sequential : ILayer, IEnumerable<ILayer>
{
    private readonly List<ILayer> _layers = new();

    /// <summary>A model of the given layers, in order.</summary>
    public Sequential(params ILayer[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        foreach (ILayer layer in layers)
        {
            Add(layer);
        }
    }

    /// <summary>The layers, in order.</summary>
    public IReadOnlyList<ILayer> Layers => _layers;

    /// <summary>Appends a layer.</summary>
    public void Add(ILayer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        _layers.Add(layer);
    }

    /// <inheritdoc />
    public int GetOutputSize(int inputSize)
    {
        int size = inputSize;
        foreach (ILayer layer in _layers)
        {
            size = layer.GetOutputSize(size);
        }

        return size;
    }

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<float> input, Span<float> output, int batch)
    {
        int inputSize = LayerGuard.SampleSize(input, batch);

        // Every shape is checked before any layer runs, so a mismatch deep in the model writes nothing.
        int largest = 0;
        int size = inputSize;
        for (int i = 0; i < _layers.Count; i++)
        {
            size = _layers[i].GetOutputSize(size);
            if (i < _layers.Count - 1)
            {
                largest = Math.Max(largest, size);
            }
        }

        LayerGuard.Output(output, batch, size);
        if (_layers.Count == 0)
        {
            LayerGuard.NoPartialOverlap(input, output);
            input.CopyTo(output);
            return;
        }

        float[]? front = null, back = null;
        try
        {
            if (_layers.Count > 1)
            {
                front = ArrayPool<float>.Shared.Rent(largest * batch);
                back = ArrayPool<float>.Shared.Rent(largest * batch);
            }

            ReadOnlySpan<float> current = input;
            size = inputSize;
            for (int i = 0; i < _layers.Count; i++)
            {
                int next = _layers[i].GetOutputSize(size);
                Span<float> destination = i == _layers.Count - 1 ? output.Slice(0, next * batch) : front.AsSpan(0, next * batch);
                _layers[i].Forward(current, destination, batch);
                current = destination;
                size = next;
                (front, back) = (back, front);
            }
        }
        finally
        {
            if (front is not null)
            {
                ArrayPool<float>.Shared.Return(front);
                ArrayPool<float>.Shared.Return(back!);
            }
        }
    }

    /// <summary>Runs the model on <paramref name="batch"/> samples and returns a new array of the outputs.</summary>
    public float[] Predict(ReadOnlySpan<float> input, int batch)
    {
        int inputSize = LayerGuard.SampleSize(input, batch);
        var output = new float[GetOutputSize(inputSize) * batch];
        Forward(input, output, batch);
        return output;
    }

    /// <inheritdoc />
    public IEnumerator<ILayer> GetEnumerator() => _layers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
