using System;

namespace Activations.Samples;

/// <summary>The sample's own activation: a stub the generator compiles into kernels and registers by name.</summary>
public static partial class SampleActivations
{
    /// <summary>Swish with a slope: <c>x · sigmoid(beta · x)</c>.</summary>
    [Activation("swish_beta")]
    public static double SwishBeta(double x, [Positive] double beta = 1.0) => x / (1.0 + Math.Exp(-beta * x));
}
