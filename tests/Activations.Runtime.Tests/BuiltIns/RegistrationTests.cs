using System;
using System.Linq;
using Xunit;

namespace Activations.Tests.BuiltIns;

/// <summary>The built-ins as the registry sees them: names, aliases, parameters, and constraint checks in the kernels.</summary>
public sealed class RegistrationTests
{
    [GeneratedKernelTheory]
    [InlineData("swish", "silu")]
    [InlineData("hard_swish", "hard_silu")]
    public void AliasResolvesToTheBuiltIn(string alias, string name)
    {
        Assert.True(ActivationRegistry.TryGet(alias, out ActivationDescriptor? d), $"'{alias}' is not registered");
        Assert.Equal(name, d.Name);
        Assert.Contains(alias, d.Aliases);
    }

    [GeneratedKernelFact]
    public void EveryBuiltInIsRegisteredWithItsKerasParameters()
    {
        foreach ((string name, var stub) in BuiltInStubs.ByName)
        {
            Assert.True(ActivationRegistry.TryGet(name, out ActivationDescriptor? d), $"'{name}' is not registered");
            Assert.Equal(stub.GetParameters().Skip(1).Select(p => p.Name), d.Parameters.Select(p => p.Name));
        }

        Assert.True(ActivationRegistry.TryGet("relu", out ActivationDescriptor? relu));
        Assert.Equal(new[] { "negative_slope", "max_value", "threshold" }, relu.Parameters.Select(p => p.KerasName));
        Assert.Equal(new[] { 0.0, double.PositiveInfinity, 0.0 }, relu.Parameters.Select(p => p.DefaultValue));
        Assert.All(relu.Parameters, p => Assert.Equal(ParameterConstraint.NonNegative, p.Constraint));
        Assert.True(ActivationRegistry.TryGet("gelu", out ActivationDescriptor? gelu));
        Assert.True(gelu.Parameters.Single().IsSwitch);
        Assert.True(ActivationRegistry.TryGet("elu", out ActivationDescriptor? elu));
        Assert.Equal(ParameterConstraint.Positive, elu.Parameters.Single().Constraint);
    }

    [GeneratedKernelTheory]
    [InlineData("elu", 0, 0.0)]
    [InlineData("elu", 0, -1.0)]
    [InlineData("elu", 0, double.NaN)]
    [InlineData("celu", 0, 0.0)]
    [InlineData("leaky_relu", 0, -0.1)]
    [InlineData("relu", 0, -0.5)]
    [InlineData("relu", 1, -5.0)]
    [InlineData("relu", 2, -1.0)]
    [InlineData("relu", 1, double.NaN)]
    [InlineData("hard_shrink", 0, -0.5)]
    [InlineData("soft_shrink", 0, -0.5)]
    [InlineData("squareplus", 0, -4.0)]
    public void ConstraintViolationThrowsNamingTheParameterAndWritesNothing(string name, int index, double value)
    {
        Assert.True(ActivationRegistry.TryGet(name, out ActivationDescriptor? d), $"'{name}' is not registered");
        double[] arguments = d.Parameters.Select(p => p.DefaultValue).ToArray();
        arguments[index] = value;
        ActivationParameter parameter = d.Parameters[index];

        float[] x = { -2, -1, 0, 1, 2 };
        float[] destination = Enumerable.Repeat(42f, x.Length).ToArray();
        var single = Assert.Throws<ArgumentOutOfRangeException>(() => d.Single(x, destination, arguments));
        Assert.Contains(single.ParamName, new[] { parameter.Name, parameter.KerasName });
        Assert.All(destination, v => Assert.Equal(42f, v));

        double[] xd = { -2, -1, 0, 1, 2 };
        double[] destinationD = Enumerable.Repeat(42.0, x.Length).ToArray();
        var @double = Assert.Throws<ArgumentOutOfRangeException>(() => d.Double(xd, destinationD, arguments));
        Assert.Contains(@double.ParamName, new[] { parameter.Name, parameter.KerasName });
        Assert.All(destinationD, v => Assert.Equal(42.0, v));

        Half[] xh = x.Select(v => (Half)v).ToArray();
        Half[] destinationH = Enumerable.Repeat((Half)42, x.Length).ToArray();
        var half = Assert.Throws<ArgumentOutOfRangeException>(() => d.Half(xh, destinationH, arguments));
        Assert.Contains(half.ParamName, new[] { parameter.Name, parameter.KerasName });
        Assert.All(destinationH, v => Assert.Equal((Half)42, v));
    }
}
