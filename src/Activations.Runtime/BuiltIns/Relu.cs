using System;

namespace Activations;

// PROVISIONAL (generator work, to prove the pipeline): the built-ins work replaces this file with Keras's
// full relu (negative_slope, max_value, threshold).
public static partial class Activation
{
    /// <summary>The rectified linear unit, max(x, 0).</summary>
    /// <param name="x">The input.</param>
    /// <returns>max(x, 0); NaN for NaN.</returns>
    [Activation("relu")]
    public static double Relu(double x) => Math.Max(x, 0.0);
}
