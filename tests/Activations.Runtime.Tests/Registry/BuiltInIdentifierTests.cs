using System;
using System.Linq;
using Activations.Tests.Reference;
using Xunit;

namespace Activations.Tests.Registry;

/// <summary>The Keras identifiers of the built-ins, the seed page's relu examples, and bound parameters on real kernels.</summary>
public sealed class BuiltInIdentifierTests
{
    private static readonly float[] SeedX = { -10f, -5f, 0f, 5f, 10f };

    private static float[] Apply(ActivationFunction function, float[] x)
    {
        float[] y = new float[x.Length];
        function.Apply(x, y);
        return y;
    }

    [Fact]
    public void TheSeedPagesReluExamples()
    {
        ActivationFunction relu = Activation.Get("relu");
        // Zeros compare equal whatever their sign (the page prints -0. for the threshold example).
        Assert.Equal(new[] { 0f, 0f, 0f, 5f, 10f }, Apply(relu, SeedX));
        Assert.Equal(new[] { -5f, -2.5f, 0f, 5f, 10f }, Apply(relu.With("negative_slope", 0.5), SeedX));
        Assert.Equal(new[] { 0f, 0f, 0f, 5f, 5f }, Apply(relu.With("max_value", 5.0), SeedX));
        Assert.Equal(new[] { -0f, -0f, 0f, 0f, 10f }, Apply(relu.With("threshold", 5.0), SeedX));
    }

    [Fact]
    public void NullIsLinear()
    {
        ActivationFunction linear = Activation.Get(null);
        Assert.Equal("linear", linear.Name);
        Assert.Equal(SeedX, Apply(linear, SeedX));
    }

    [Theory]
    [InlineData("swish", "silu")]
    [InlineData("hard_swish", "hard_silu")]
    public void AnAliasSerializesToItsCanonicalName(string alias, string name)
    {
        ActivationFunction function = Activation.Get(alias);
        Assert.Equal(name, function.Name);
        Assert.Equal(name, Activation.Serialize(function));
        Assert.Equal(function, Activation.Deserialize(Activation.Serialize(function)));
    }

    [Fact]
    public void BoundParametersRoundTripOnTheBuiltIns()
    {
        foreach (ActivationFunction function in new[]
                 {
                     Activation.Get("elu").With("alpha", 0.5),
                     Activation.Get("relu").With("max_value", 6.0),
                     Activation.Get("gelu").With("approximate", true),
                     Activation.Get("leaky_relu"),
                 })
        {
            Assert.Equal(function, Activation.Deserialize(Activation.Serialize(function)));
        }

        Assert.Equal("relu(max_value=6)", Activation.Serialize(Activation.Get("relu").With("max_value", 6.0)));
    }

    [Fact]
    public void AWrongCaseSuggestsTheKerasName()
    {
        var e = Assert.Throws<ArgumentException>(() => Activation.Get("ReLU"));
        Assert.StartsWith("Could not interpret activation function identifier: 'ReLU'. Did you mean 'relu'", e.Message);
        Assert.Contains("'gelu'", Assert.Throws<ArgumentException>(() => Activation.Get("gleu")).Message);

        // The exact case fix first, then the nearest by edit distance (ties in ordinal order), three at most.
        Assert.Equal(
            "Could not interpret activation function identifier: 'Relu'. Did you mean 'relu', 'celu' or 'elu'? (Parameter 'identifier')",
            Assert.Throws<ArgumentException>(() => Activation.Get("Relu")).Message);
    }

    [Fact]
    public void EluWithAlphaHalfMeetsTheBarOnTheReferenceValues()
    {
        // The bound alpha must reach the kernel: the reference set is elu with alpha = 0.5.
        ActivationFunction elu = Activation.Get("elu").With("alpha", 0.5);

        (float X, float Y)[] singles = ReferenceTable.Single("elu_alpha0.5");
        float[] y = new float[singles.Length];
        elu.Apply(singles.Select(p => p.X).ToArray(), y);
        double worst = singles.Select((p, i) => Ulp.Error(y[i], p.Y)).Max();
        Assert.True(worst <= 2, $"float: {worst} ULP");

        (Half X, Half Y)[] halves = ReferenceTable.Half("elu_alpha0.5");
        Half[] yh = new Half[halves.Length];
        elu.Apply(halves.Select(p => p.X).ToArray(), yh);
        double worstHalf = halves.Select((p, i) => Ulp.Error(yh[i], p.Y)).Max();
        Assert.True(worstHalf <= 1, $"Half: {worstHalf} ULP");
    }

    [Fact]
    public void TheAxisActivationsAreFoundByNameAndNormalizeEachRow()
    {
        ActivationFunction softmax = Activation.Get("softmax");
        Assert.True(softmax.IsAlongLastAxis);
        Assert.True(Activation.Get("log_softmax").IsAlongLastAxis);
        Assert.True(Activation.Get("sparsemax").IsAlongLastAxis);

        float[] y = new float[3];
        softmax.Apply(new[] { 1f, 1f, 1f }, y);
        Assert.All(y, v => Assert.Equal(1f / 3, v, 6));
    }

    [Fact]
    public void ADelegateAndTheBuiltInAgree()
    {
        float[] x = { -3f, -0.5f, 0f, 0.5f, 3f };
        Assert.Equal(Apply(Activation.Get("relu"), x), Apply(ActivationFunction.FromDelegate((float v) => MathF.Max(v, 0f)), x));
    }
}
