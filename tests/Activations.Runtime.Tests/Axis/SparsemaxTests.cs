using System;
using System.Linq;
using Xunit;

namespace Activations.Tests.Axis;

/// <summary>sparsemax is a projection onto the simplex, with the k-th cumulative sum (Keras 3 sums all k of them).</summary>
public sealed class SparsemaxTests
{
    [Fact]
    public void TheCaseKerasGetsWrongIsNotAllZeros()
    {
        // Keras 3 takes τ = (Σ of the cumulative sums over the support - 1) / k = (2.45 - 1) / 4 = 0.3625 > every x:
        // all zeros. The right τ is (0.85 - 1) / 4 = -0.0375.
        double[] x = { 0.1, 0.2, 0.3, 0.25 };
        var y = new double[4];
        Activation.Sparsemax(x, y);
        Assert.Contains(y, v => v > 0);
        double[] expected = { 0.1375, 0.2375, 0.3375, 0.2875 };
        for (int i = 0; i < 4; i++)
        {
            Assert.True(AxisAccuracy.Error(y[i], new DoubleDouble(expected[i])) <= 1, $"y[{i}] = {y[i]:R}, expected {expected[i]:R}");
        }

        var single = new float[4];
        Activation.Sparsemax(x.Select(v => (float)v).ToArray(), single);
        Assert.Equal(1f, single.Sum(), 6);
        Assert.All(single, v => Assert.True(v > 0));
    }

    [Theory]
    [InlineData(2, 0.5)]
    [InlineData(50, 0.05)]
    [InlineData(1000, 0.001)]
    [InlineData(1000, 1)]
    [InlineData(10_000, 1e-4)]
    public void TheResultIsTheProjectionOntoTheSimplex(int length, double scale)
    {
        double[] x = AxisInputs.Doubles(length, scale, seed: length);
        var y = new double[length];
        Activation.Sparsemax(x, y);

        // On the simplex.
        Assert.All(y, v => Assert.True(v >= 0));
        Assert.Equal(1.0, y.Sum(), 12);

        // Optimality (KKT) of min ||y - x||²: one τ with y = x - τ on the support and x ≤ τ off it.
        int[] support = Enumerable.Range(0, length).Where(i => y[i] > 0).ToArray();
        Assert.NotEmpty(support);
        double tau = x[support[0]] - y[support[0]];
        foreach (int i in support)
        {
            Assert.Equal(tau, x[i] - y[i], 12);
        }

        for (int i = 0; i < length; i++)
        {
            if (y[i] == 0)
            {
                Assert.True(x[i] <= tau + 1e-12, $"x[{i}] = {x[i]} is above τ = {tau} but got 0");
            }
        }
    }

    [Fact]
    public void AdversarialRowsConverge()
    {
        // A geometric row makes Michelot's iteration drop few elements per pass: it must still end, and be right.
        double[] x = Enumerable.Range(0, 200).Select(i => -Math.Pow(1.1, i) / 1e6).ToArray();
        var y = new double[x.Length];
        Activation.Sparsemax(x, y);
        AxisAccuracy.Check(y, AxisReference.Sparsemax(x), "geometric row");
    }
}
