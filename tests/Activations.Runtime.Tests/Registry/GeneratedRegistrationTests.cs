using System;
using Xunit;

namespace Activations.Tests.Registry;

/// <summary>Activation.Get on what the generator registered: the runtime's built-ins and a stub of this assembly.</summary>
public sealed class GeneratedRegistrationTests
{
    [Fact]
    public void ABuiltInResolvesAndApplies()
    {
        ActivationFunction relu = Activation.Get("relu");
        Assert.Equal("relu", relu.Name);
        float[] y = new float[5];
        relu.Apply(new[] { -10f, -5f, 0f, 5f, 10f }, y);
        Assert.Equal(new[] { 0f, 0f, 0f, 5f, 10f }, y);
    }

    [Fact]
    public void AStubOfTheUsersAssemblyIsFoundByNameAndAlias()
    {
        ActivationFunction function = Activation.Get("test_scaled_relu");
        Assert.Equal(function, Activation.Get("test_scaled_rectifier"));
        ActivationParameter scale = Assert.Single(function.Parameters);
        Assert.Equal(ParameterConstraint.Positive, scale.Constraint);
        Assert.Equal(2.0, scale.DefaultValue);

        float[] x = { -3f, 0f, 1.5f, 4f };
        float[] y = new float[4];
        function.With("scale", 0.5).Apply(x, y);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal((float)TestAssemblyActivations.ScaledRelu(x[i], 0.5), y[i]);
        }

        Assert.Equal("test_scaled_relu", Activation.Serialize(Activation.Get("test_scaled_rectifier")));
        Assert.Throws<ArgumentOutOfRangeException>(() => function.With("scale", -1.0));
    }

    [Fact]
    public void LookingHarderForAMissingNameFindsNothingAndDoesNotThrow()
    {
        Assert.False(Activation.TryGet("no_such_activation_anywhere", out _));
        Assert.False(Activation.TryGet("no_such_activation_anywhere", out _));
    }
}
