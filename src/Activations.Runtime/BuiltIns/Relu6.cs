using System;

namespace Activations;

public static partial class Activation
{
    /// <summary>The rectified linear unit capped at 6, Keras <c>relu6</c>: <c>min(max(x, 0), 6)</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    [Activation("relu6")]
    public static double Relu6(double x) => Math.Min(Math.Max(x, 0.0), 6.0);
}
