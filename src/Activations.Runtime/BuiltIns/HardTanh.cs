using System;

namespace Activations;

public static partial class Activation
{
    /// <summary>The hard hyperbolic tangent, Keras <c>hard_tanh</c>: <c>min(max(x, -1), 1)</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    [Activation("hard_tanh")]
    public static double HardTanh(double x) => Math.Min(Math.Max(x, -1.0), 1.0);
}
