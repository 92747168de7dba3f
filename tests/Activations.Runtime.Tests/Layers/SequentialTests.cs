using System;
using Activations.Layers;
using Xunit;

namespace Activations.Tests.Layers;

public sealed class SequentialTests
{
    private static readonly Func<float, float> Square = v => v * v;
    private static readonly ActivationFunction Identity = ActivationFunction.FromDelegate((float v) => v, "identity");

    [Fact]
    public void RunsTheLayersInOrder()
    {
        var first = new Dense(new float[,] { { 1, -1, 2 }, { 0, 1, 1 } }, new float[] { 0, 0, -1 }, ActivationFunction.FromDelegate(Square));
        var second = new Dense(new float[,] { { 1 }, { 1 }, { 1 } }, new float[] { 0.5f }, Identity);
        var model = new Sequential { first, new ActivationLayer(v => -v), second };

        float[] input = { 1, 2, 3, -1 };
        // Sample 1: [1, 1, 3] → square → [1, 1, 9] → negate → sum + 0.5 = -10.5.
        // Sample 2: [3, -4, 4] → [9, 16, 16] → -41 + 0.5 = -40.5.
        Assert.Equal(new[] { -10.5f, -40.5f }, model.Predict(input, batch: 2));
        Assert.Equal(1, model.GetOutputSize(2));
        Assert.Equal(3, model.Layers.Count);
    }

    [Fact]
    public void AMismatchDeepInTheModelWritesNothing()
    {
        var model = new Sequential(
            new ActivationLayer(Square),
            new Dense(new float[,] { { 1 }, { 1 }, { 1 } }, null, Identity));
        float[] output = { 7, 7 };
        var e = Assert.Throws<ArgumentException>(() => model.Forward(new float[] { 1, 2, 3, 4 }, output, batch: 2));
        Assert.Contains("takes samples of 3 values; got 2", e.Message);
        Assert.Equal(new float[] { 7, 7 }, output);
    }

    [Fact]
    public void AShortOutputWritesNothing()
    {
        var model = new Sequential(new ActivationLayer(Square), new ActivationLayer(Square));
        float[] output = { 7 };
        Assert.Throws<ArgumentException>(() => model.Forward(new float[] { 1, 2 }, output, batch: 1));
        Assert.Equal(7, output[0]);
    }

    [Fact]
    public void AnEmptyModelCopies()
    {
        Assert.Equal(new float[] { 1, 2 }, new Sequential().Predict(new float[] { 1, 2 }, batch: 2));
    }
}
