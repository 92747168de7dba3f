using System;
using System.Linq;
using Activations.Layers;
using Xunit;

namespace Activations.Tests.Layers;

public sealed class SoftmaxTests
{
    private static double[] Reference(double[] x)
    {
        double max = x.Max();
        double[] e = x.Select(v => Math.Exp(v - max)).ToArray();
        double sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }

    private static void AssertClose(double expected, float actual)
    {
        // Within 4 float ULPs of the double-precision reference.
        double ulp = MathF.BitIncrement((float)expected) - (float)expected;
        Assert.True(Math.Abs(actual - expected) <= 4 * ulp, $"expected {expected}, got {actual}");
    }

    [Fact]
    public void EachSampleBecomesADistributionAlongTheLastAxis()
    {
        float[] input = { 1, 2, 3, -1000, 0, 1000 };
        float[] output = new float[6];
        new Softmax().Forward(input, output, batch: 2);
        double[] first = Reference(new double[] { 1, 2, 3 });
        double[] second = Reference(new double[] { -1000, 0, 1000 });
        for (int i = 0; i < 3; i++)
        {
            AssertClose(first[i], output[i]);
            AssertClose(second[i], output[3 + i]);
        }
    }

    [Fact]
    public void AnotherAxisOfAShapedSample()
    {
        // Samples of 2 × 3; axis 1 is the sample's first axis (columns of 2 values).
        float[] input = { 0, 1, 2, 3, 5, 8 };
        float[] output = new float[6];
        new Softmax(axis: 1, inputShape: new[] { 2, 3 }).Forward(input, output, batch: 1);
        for (int column = 0; column < 3; column++)
        {
            double[] expected = Reference(new double[] { input[column], input[3 + column] });
            AssertClose(expected[0], output[column]);
            AssertClose(expected[1], output[3 + column]);
        }
    }

    [Fact]
    public void MaskedPositionsGetZeroAndTakeNoShare()
    {
        float[] input = { 1, 50, 2, 3 };
        bool[] mask = { true, false, true, false };
        float[] output = new float[4];
        new Softmax().Forward(input, output, batch: 1, mask);
        double[] expected = Reference(new double[] { 1, 2 });
        AssertClose(expected[0], output[0]);
        Assert.Equal(0f, output[1]);
        AssertClose(expected[1], output[2]);
        Assert.Equal(0f, output[3]);
    }

    [Fact]
    public void AFullyMaskedSliceIsZeros()
    {
        float[] output = { 7, 7, 7, 7 };
        // One mask per sample value, shared by both samples: the second position of each.
        new Softmax().Forward(new float[] { 1, 2, 3, 4 }, output, batch: 2, new[] { false, false });
        Assert.Equal(new float[4], output);
    }

    [Fact]
    public void BadAxesAndMasksAreRejected()
    {
        Assert.Contains("batch axis", Assert.Throws<ArgumentOutOfRangeException>(() => new Softmax(axis: 0)).Message);
        Assert.Contains("must be -1 or 1", Assert.Throws<ArgumentOutOfRangeException>(() => new Softmax(axis: 2)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Softmax(axis: -4, inputShape: new[] { 2, 3 }));

        float[] output = { 7, 7, 7, 7 };
        var e = Assert.Throws<ArgumentException>(() => new Softmax().Forward(new float[4], output, batch: 2, new bool[3]));
        Assert.Contains("The mask has 3 flags", e.Message);
        Assert.Equal(new float[] { 7, 7, 7, 7 }, output);
    }
}
