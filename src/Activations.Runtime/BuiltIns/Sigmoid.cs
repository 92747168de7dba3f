using System;

namespace Activations;

// PROVISIONAL (generator work, to prove the pipeline): the built-ins work replaces this file.
public static partial class Activation
{
    /// <summary>The logistic sigmoid, 1 / (1 + e^-x).</summary>
    /// <param name="x">The input.</param>
    /// <returns>sigmoid(x), in [0, 1].</returns>
    [Activation("sigmoid")]
    public static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
}
