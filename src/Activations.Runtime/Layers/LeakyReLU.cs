using System;

namespace Activations.Layers;

/// <summary>Keras's <c>LeakyReLU</c> layer: <c>x</c> if <c>x ≥ 0</c>, else <c>negative_slope · x</c>.</summary>
public sealed class LeakyReLU : ElementwiseLayer
{
    /// <summary>Creates the layer; the default slope is the layer's (0.3), not the function's (0.2), as in Keras.</summary>
    /// <param name="negativeSlope">The slope for negative inputs. Must be ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="negativeSlope"/> is negative (or NaN).</exception>
    public LeakyReLU(double negativeSlope = 0.3)
        : base(Create(negativeSlope))
    {
        NegativeSlope = negativeSlope;
    }

    /// <summary>The slope for negative inputs.</summary>
    public double NegativeSlope { get; }

    private static ActivationFunction Create(double negativeSlope)
    {
        if (!(negativeSlope >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(negativeSlope), negativeSlope,
                $"The negative_slope value of a Leaky ReLU layer cannot be None or negative value. Expected a float. Received: negative_slope={negativeSlope}");
        }

        return Activation.Get("leaky_relu").With("negative_slope", negativeSlope);
    }
}
