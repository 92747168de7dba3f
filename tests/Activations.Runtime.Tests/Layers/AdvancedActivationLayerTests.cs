using System;
using System.Linq;
using Activations.Layers;
using Xunit;

namespace Activations.Tests.Layers;

/// <summary>Keras's advanced activation layers on the built-in kernels.</summary>
public sealed class AdvancedActivationLayerTests
{
    private static readonly float[] SeedX = { -10f, -5f, 0f, 5f, 10f };

    private static float[] Forward(ILayer layer, float[] x)
    {
        float[] y = new float[layer.GetOutputSize(x.Length)];
        layer.Forward(x, y, batch: 1);
        return y;
    }

    [Fact]
    public void ReLUReproducesTheSeedPagesExamples()
    {
        Assert.Equal(new[] { 0f, 0f, 0f, 5f, 10f }, Forward(new ReLU(), SeedX));
        Assert.Equal(new[] { -5f, -2.5f, 0f, 5f, 10f }, Forward(new ReLU(negativeSlope: 0.5), SeedX));
        Assert.Equal(new[] { 0f, 0f, 0f, 5f, 5f }, Forward(new ReLU(maxValue: 5), SeedX));
        Assert.Equal(new[] { 0f, 0f, 0f, 0f, 10f }, Forward(new ReLU(threshold: 5), SeedX));
        Assert.Equal("relu(max_value=6)", new ReLU(maxValue: 6).Function.ToString());
    }

    [Fact]
    public void LeakyReLUDefaultsToTheLayersSlope()
    {
        Assert.Equal(new[] { -3f, -1.5f, 0f, 5f, 10f }, Forward(new LeakyReLU(), SeedX));
        Assert.Equal(new[] { -1f, -0.5f, 0f, 5f, 10f }, Forward(new LeakyReLU(0.1), SeedX));
    }

    [Fact]
    public void ELUBindsAlphaAndRejectsANonPositiveOne()
    {
        float[] expected = new float[SeedX.Length];
        Activation.Get("elu").With("alpha", 0.5).Apply(SeedX, expected);
        Assert.Equal(expected, Forward(new ELU(0.5), SeedX));
        Assert.Equal(-0.5f, Forward(new ELU(0.5), new[] { -100f })[0]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ELU(0));
        Assert.Equal("alpha", e.ParamName);
    }

    [Fact]
    public void ActivationLayerByNameRunsInPlace()
    {
        float[] x = { -1f, 2f, -3f, 4f };
        new ActivationLayer("relu").Forward(x, x, batch: 2);
        Assert.Equal(new[] { 0f, 2f, 0f, 4f }, x);
    }

    [Fact]
    public void ActivationLayerRejectsAShortOutputAndWritesNothing()
    {
        float[] output = { 7f, 7f, 7f };
        Assert.Throws<ArgumentException>(() => new ActivationLayer("tanh").Forward(new float[4], output, batch: 2));
        Assert.Equal(new[] { 7f, 7f, 7f }, output);
    }

    [Fact]
    public void DenseDefaultsToLinearAndTakesSoftmaxByName()
    {
        var linear = new Dense(new float[,] { { 1, -2 } }, new[] { 0f, 1f });
        Assert.Equal("linear", linear.Activation.Name);
        Assert.Equal(new[] { 3f, -5f }, Forward(linear, new[] { 3f }));

        var softmax = new Dense(new float[,] { { 1, 2, 3 }, { -1, 0, 1 } }, null, "softmax");
        float[] output = new float[6];
        softmax.Forward(new[] { 1f, 0f, 0f, 1f }, output, batch: 2);
        for (int sample = 0; sample < 2; sample++)
        {
            Assert.Equal(1f, output.Skip(sample * 3).Take(3).Sum(), 5);
        }

        Assert.True(output[2] > output[1] && output[1] > output[0]);
    }

    [Fact]
    public void ASequentialModelWithBuiltInsMatchesTheLayersRunOneByOne()
    {
        var first = new Dense(8, activation: "gelu", seed: 1);
        var second = new Dense(3, activation: "tanh", seed: 2);
        var model = new Sequential(first, second, new Softmax());
        float[] input = Enumerable.Range(0, 20).Select(i => (i - 10) / 7f).ToArray();
        float[] output = model.Predict(input, batch: 4);

        float[] hidden = new float[4 * 8], logits = new float[4 * 3], expected = new float[4 * 3];
        first.Forward(input, hidden, 4);
        second.Forward(hidden, logits, 4);
        new Softmax().Forward(logits, expected, 4);
        Assert.Equal(expected, output);
    }
}
