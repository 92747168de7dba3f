using System;

namespace Activations.Layers;

/// <summary>
/// A forward-only layer over a batch of samples stored one after the other in a flat <see cref="float"/>
/// buffer (row-major, the batch first, as Keras lays out a tensor).
/// </summary>
public interface ILayer
{
    /// <summary>The number of values one sample has after this layer, given the number it has before.</summary>
    /// <exception cref="ArgumentException">The layer cannot take samples of <paramref name="inputSize"/> values.</exception>
    int GetOutputSize(int inputSize);

    /// <summary>Runs the layer on <paramref name="batch"/> samples.</summary>
    /// <param name="input">The samples, <paramref name="batch"/> × the input size.</param>
    /// <param name="output">Where the results go, at least <paramref name="batch"/> × <see cref="GetOutputSize"/> long.</param>
    /// <param name="batch">The number of samples.</param>
    /// <exception cref="ArgumentException">The lengths do not fit the batch or the layer; nothing is written.</exception>
    void Forward(ReadOnlySpan<float> input, Span<float> output, int batch);
}
