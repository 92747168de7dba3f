using System;

namespace Activations.Tests.Registry;

/// <summary>A user's own stub, declared in this (the user's) assembly: the generator registers it for Activation.Get.</summary>
public static partial class TestAssemblyActivations
{
    /// <summary>A relu scaled by a positive factor: exact in every type for the test's inputs.</summary>
    [Activation("test_scaled_relu", Aliases = new[] { "test_scaled_rectifier" })]
    public static double ScaledRelu(double x, [Positive] double scale = 2.0) => scale * Math.Max(x, 0.0);
}
