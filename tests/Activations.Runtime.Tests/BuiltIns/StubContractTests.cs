using System;
using System.Linq;
using System.Reflection;
using Xunit;

namespace Activations.Tests.BuiltIns;

/// <summary>The stubs' parameters: Keras's names (in camelCase), defaults and constraints.</summary>
public sealed class StubContractTests
{
    [Theory]
    [InlineData("relu", "negativeSlope", 0.0, "NonNegative")]
    [InlineData("relu", "maxValue", double.PositiveInfinity, "NonNegative")]
    [InlineData("relu", "threshold", 0.0, "NonNegative")]
    [InlineData("leaky_relu", "negativeSlope", 0.2, "NonNegative")]
    [InlineData("elu", "alpha", 1.0, "Positive")]
    [InlineData("celu", "alpha", 1.0, "Positive")]
    [InlineData("hard_shrink", "threshold", 0.5, "NonNegative")]
    [InlineData("soft_shrink", "threshold", 0.5, "NonNegative")]
    [InlineData("squareplus", "b", 4.0, "NonNegative")]
    public void ParameterHasKerasDefaultAndConstraint(string activation, string parameter, double defaultValue, string constraint)
    {
        ParameterInfo p = BuiltInStubs.ByName[activation].GetParameters().Single(q => q.Name == parameter);
        Assert.Equal(typeof(double), p.ParameterType);
        Assert.Equal(defaultValue, (double)p.DefaultValue!);
        Assert.Single(p.GetCustomAttributes(), a => a.GetType().Name == constraint + "Attribute");
    }

    [Fact]
    public void GeluApproximateIsABoolSwitchDefaultingToFalse()
    {
        ParameterInfo p = BuiltInStubs.ByName["gelu"].GetParameters()[1];
        Assert.Equal(("approximate", typeof(bool), (object?)false), (p.Name, p.ParameterType, p.DefaultValue));
    }

    [Fact]
    public void ThresholdTakesBothArgumentsWithoutDefaults()
    {
        ParameterInfo[] p = BuiltInStubs.ByName["threshold"].GetParameters();
        Assert.Equal(new[] { "x", "threshold", "defaultValue" }, p.Select(q => q.Name));
        Assert.All(p, q => Assert.False(q.HasDefaultValue));
    }

    [Fact]
    public void ParameterlessBuiltInsTakeOnlyTheElement()
    {
        foreach (string name in new[] { "relu6", "selu", "softplus", "softsign", "silu", "tanh", "sigmoid", "exponential",
                     "hard_sigmoid", "hard_silu", "linear", "mish", "hard_tanh", "log_sigmoid", "tanh_shrink", "sparse_plus", "sparse_sigmoid" })
        {
            MethodInfo stub = BuiltInStubs.ByName[name];
            Assert.Equal(new[] { typeof(double) }, stub.GetParameters().Select(p => p.ParameterType));
            Assert.Equal(typeof(double), stub.ReturnType);
        }
    }
}
