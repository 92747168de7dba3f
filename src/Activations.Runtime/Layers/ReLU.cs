using System;

namespace Activations.Layers;

/// <summary>
/// Keras's <c>ReLU</c> layer: <c>max_value</c> if <c>x ≥ max_value</c>, <c>x</c> if <c>threshold ≤ x &lt; max_value</c>,
/// else <c>negative_slope · (x − threshold)</c>. Runs the <c>relu</c> activation with those parameters.
/// </summary>
public sealed class ReLU : ElementwiseLayer
{
    /// <summary>Creates the layer, checking the arguments as Keras does.</summary>
    /// <param name="maxValue">The saturation value; <see langword="null"/> (Keras's <c>None</c>) for none. Must be ≥ 0.</param>
    /// <param name="negativeSlope">The slope below the threshold. Must be ≥ 0.</param>
    /// <param name="threshold">Where the function starts to pass values through. Must be ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is negative (or NaN).</exception>
    public ReLU(double? maxValue = null, double negativeSlope = 0.0, double threshold = 0.0)
        : base(Create(maxValue, negativeSlope, threshold))
    {
        MaxValue = maxValue;
        NegativeSlope = negativeSlope;
        Threshold = threshold;
    }

    /// <summary>The saturation value, or <see langword="null"/> for none.</summary>
    public double? MaxValue { get; }

    /// <summary>The slope below the threshold.</summary>
    public double NegativeSlope { get; }

    /// <summary>The threshold.</summary>
    public double Threshold { get; }

    private static ActivationFunction Create(double? maxValue, double negativeSlope, double threshold)
    {
        // Keras's checks and messages (its None checks become NaN checks here).
        if (maxValue is { } max && !(max >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(maxValue), max,
                $"max_value of a ReLU layer cannot be a negative value. Received: max_value={max}");
        }

        if (!(negativeSlope >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(negativeSlope), negativeSlope,
                $"negative_slope of a ReLU layer cannot be a negative value. Received: negative_slope={negativeSlope}");
        }

        if (!(threshold >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold,
                $"threshold of a ReLU layer cannot be a negative value. Received: threshold={threshold}");
        }

        return Activation.Get("relu")
            .With("negative_slope", negativeSlope)
            .With("max_value", maxValue ?? double.PositiveInfinity)
            .With("threshold", threshold);
    }
}
