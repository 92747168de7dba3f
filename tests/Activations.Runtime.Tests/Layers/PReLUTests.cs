using System;
using Activations.Layers;
using Xunit;

namespace Activations.Tests.Layers;

public sealed class PReLUTests
{
    [Fact]
    public void PerChannelAlphaIsSharedAlongTheSpatialAxes()
    {
        // Samples of 2 × 2 × 3 (height, width, channels); one alpha per channel.
        var prelu = new PReLU(new[] { 2, 2, 3 }, alpha: new[] { 0.5f, 0.25f, 2f }, sharedAxes: new[] { 1, 2 });
        Assert.Equal(new[] { 1, 1, 3 }, prelu.ParameterShape);

        float[] input = new float[2 * 12];
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = i % 2 == 0 ? -(i + 1) : i + 1;
        }

        float[] output = new float[input.Length];
        prelu.Forward(input, output, batch: 2);
        for (int i = 0; i < input.Length; i++)
        {
            float alpha = new[] { 0.5f, 0.25f, 2f }[i % 3];
            Assert.Equal(input[i] >= 0 ? input[i] : alpha * input[i], output[i]);
        }
    }

    [Fact]
    public void WithoutSharedAxesEachPositionHasItsOwnAlpha()
    {
        var prelu = new PReLU(new[] { 2, 2 }, alpha: new[] { 1f, 2f, 3f, 4f });
        float[] output = new float[4];
        prelu.Forward(new float[] { -1, -1, -1, 5 }, output, batch: 1);
        Assert.Equal(new float[] { -1, -2, -3, 5 }, output);
    }

    [Fact]
    public void TheDefaultAlphaIsZeroAsInKerasAndNaNPropagates()
    {
        var prelu = new PReLU(new[] { 40 });
        float[] input = new float[40];
        input[0] = -3;
        input[1] = float.NaN;
        input[39] = 2;
        float[] output = new float[40];
        prelu.Forward(input, output, batch: 1);
        Assert.Equal(0f, output[0]);
        Assert.True(float.IsNaN(output[1]));
        Assert.Equal(2f, output[39]);
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        Assert.Contains("needs 3", Assert.Throws<ArgumentException>(() => new PReLU(new[] { 4, 3 }, new float[4], new[] { 1 })).Message);
        Assert.Contains("between 1 and 2", Assert.Throws<ArgumentOutOfRangeException>(() => new PReLU(new[] { 4, 3 }, sharedAxes: new[] { 0 })).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PReLU(new[] { 4, 3 }, sharedAxes: new[] { 3 }));
        Assert.Throws<ArgumentException>(() => new PReLU(new[] { 4, 0 }));
    }

    [Fact]
    public void AWrongSampleSizeWritesNothing()
    {
        var prelu = new PReLU(new[] { 3 });
        float[] output = { 7, 7, 7, 7 };
        var e = Assert.Throws<ArgumentException>(() => prelu.Forward(new float[4], output, batch: 1));
        Assert.Contains("shape [3] (3 values); got 4", e.Message);
        Assert.Equal(new float[] { 7, 7, 7, 7 }, output);
    }
}
