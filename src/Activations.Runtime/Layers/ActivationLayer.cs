using System;

namespace Activations.Layers;

/// <summary>Keras's <c>Activation</c> layer: applies an activation, given by identifier, function or delegate, to every value.</summary>
/// <example><code>var layer = new ActivationLayer("relu");</code></example>
public sealed class ActivationLayer : ElementwiseLayer
{
    /// <summary>The activation named <paramref name="identifier"/> (<see langword="null"/> for linear).</summary>
    /// <exception cref="ArgumentException">No activation has that identifier.</exception>
    public ActivationLayer([ActivationName] string? identifier)
        : base(Activation.Get(identifier))
    {
    }

    /// <summary>The given activation, with its bound parameters.</summary>
    public ActivationLayer(ActivationFunction function)
        : base(function)
    {
    }

    /// <summary>A user function applied element by element (Keras's "callable").</summary>
    public ActivationLayer(Func<float, float> function)
        : base(ActivationFunction.FromDelegate(function))
    {
    }
}
