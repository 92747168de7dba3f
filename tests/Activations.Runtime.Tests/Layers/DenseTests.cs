using System;
using System.Linq;
using Activations.Layers;
using Activations.Tests.Registry;
using Xunit;

namespace Activations.Tests.Layers;

public sealed class DenseTests
{
    private static readonly ActivationFunction Relu = ActivationFunction.FromDelegate((float v) => v > 0 ? v : 0f, "test_relu");

    public DenseTests() => HandMadeActivations.EnsureRegistered();

    [Fact]
    public void ExplicitWeightsGiveTheExactProductBiasAndActivation()
    {
        var dense = new Dense(new float[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } }, new[] { 0.5f, -100f }, Relu);
        float[] output = new float[4];
        dense.Forward(new float[] { 1, 1, 1, 1, 0, -1 }, output, batch: 2);
        // Sample 1: [9, 12] + [0.5, -100] = [9.5, -88] → relu → [9.5, 0]; sample 2: [-4, -4] + bias → [0, 0].
        Assert.Equal(new[] { 9.5f, 0f, 0f, 0f }, output);
    }

    [Theory]
    [InlineData(37, 300, 5, true)]
    [InlineData(5, 2100, 2, true)]   // more units than one epilogue block (2048)
    [InlineData(8, 3, 1, false)]
    [InlineData(1, 513, 2, true)]
    public void AgreesWithANaiveReferenceWithinTheFloatDotProductBound(int inputSize, int units, int batch, bool useBias)
    {
        var random = new Random(1234);
        float[,] kernel = new float[inputSize, units];
        for (int i = 0; i < inputSize; i++)
        {
            for (int j = 0; j < units; j++)
            {
                kernel[i, j] = (float)((random.NextDouble() * 2) - 1);
            }
        }

        float[]? bias = useBias ? Enumerable.Range(0, units).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray() : null;
        float[] input = Enumerable.Range(0, inputSize * batch).Select(_ => (float)((random.NextDouble() * 4) - 2)).ToArray();

        // handmade_scale with factor 2 is exact in float, so all error comes from the matmul and the bias add.
        var dense = new Dense(kernel, bias, Activation.Get("handmade_scale"));
        float[] output = new float[units * batch];
        dense.Forward(input, output, batch);

        for (int b = 0; b < batch; b++)
        {
            for (int j = 0; j < units; j++)
            {
                double exact = 0, magnitude = 0;
                for (int i = 0; i < inputSize; i++)
                {
                    double term = (double)input[(b * inputSize) + i] * kernel[i, j];
                    exact += term;
                    magnitude += Math.Abs(term);
                }

                exact += bias?[j] ?? 0;
                magnitude += Math.Abs(bias?[j] ?? 0);

                // The classic bound for a float sum of n+1 products: |error| ≤ γ(n+1)·Σ|terms|, γ(k) ≈ k·2^-24 (then ×2 exactly).
                double bound = 2 * (inputSize + 1) * Math.Pow(2, -24) * magnitude * 1.0001;
                Assert.True(Math.Abs(output[(b * units) + j] - (2 * exact)) <= bound,
                    $"sample {b}, unit {j}: got {output[(b * units) + j]}, reference {2 * exact}, bound {bound}");
            }
        }
    }

    [Fact]
    public void WeightsAreBuiltOnFirstUseFromTheSeedByGlorotUniform()
    {
        var first = new Dense(40, Relu, seed: 7);
        Assert.Null(first.InputSize);
        Assert.True(first.Kernel.IsEmpty);
        first.Forward(new float[24], new float[40], batch: 1);
        Assert.Equal(24, first.InputSize);

        var second = new Dense(40, Relu, seed: 7);
        second.Build(24);
        Assert.Equal(first.Kernel.ToArray(), second.Kernel.ToArray());
        Assert.Equal(new float[40], first.Bias.ToArray());

        var other = new Dense(40, Relu, seed: 8);
        other.Build(24);
        Assert.NotEqual(first.Kernel.ToArray(), other.Kernel.ToArray());

        double limit = Math.Sqrt(6.0 / (24 + 40));
        Assert.All(first.Kernel.ToArray(), w => Assert.InRange(w, -limit, limit));
        // Uniform over (-limit, limit): the spread must actually use the range, not a sliver of it.
        Assert.True(first.Kernel.ToArray().Max() > limit * 0.9 && first.Kernel.ToArray().Min() < -limit * 0.9);
    }

    [Fact]
    public void WithoutBiasThereIsNoBias()
    {
        var dense = new Dense(3, Relu, useBias: false, seed: 1);
        dense.Build(2);
        Assert.True(dense.Bias.IsEmpty);
        Assert.False(dense.UseBias);
    }

    [Fact]
    public void AnUnknownActivationNameIsRejectedAtConstruction()
    {
        var e = Assert.Throws<ArgumentException>(() => new Dense(4, activation: "handmade_scael"));
        Assert.Contains("Could not interpret activation function identifier: 'handmade_scael'", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void UnitsMustBePositive(int units)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Dense(units, Relu));
        Assert.Contains($"units={units}", e.Message);
    }

    [Fact]
    public void ABiasOfTheWrongLengthIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new Dense(new float[2, 3], new float[2], Relu));
        Assert.Contains("The bias has 2 values; the kernel has 3 units", e.Message);
    }

    [Fact]
    public void WrongShapesThrowAndWriteNothing()
    {
        var dense = new Dense(new float[,] { { 1, 2 }, { 3, 4 } }, null, Relu);
        float[] output = { 9, 9, 9, 9 };

        var notWhole = Assert.Throws<ArgumentException>(() => dense.Forward(new float[5], output, batch: 2));
        Assert.Contains("5 values, which is not a whole number of samples for a batch of 2", notWhole.Message);

        var wrongSize = Assert.Throws<ArgumentException>(() => dense.Forward(new float[6], output, batch: 2));
        Assert.Contains("takes samples of 2 values", wrongSize.Message);

        var shortOutput = Assert.Throws<ArgumentException>(() => dense.Forward(new float[6], output, batch: 3));
        Assert.Contains("holds 4 values and 3 samples of 2 need 6", shortOutput.Message);

        Assert.Throws<ArgumentOutOfRangeException>(() => dense.Forward(new float[2], output, batch: 0));
        Assert.Equal(new float[] { 9, 9, 9, 9 }, output);
    }

    [Fact]
    public void InPlaceIsRejected()
    {
        var dense = new Dense(new float[,] { { 1, 2 }, { 3, 4 } }, null, Relu);
        float[] buffer = { 1, 2 };
        Assert.Throws<ArgumentException>(() => dense.Forward(buffer, buffer, batch: 1));
        Assert.Equal(new float[] { 1, 2 }, buffer);
    }

    [Fact]
    public void BuildingForAnotherSizeIsRejected()
    {
        var dense = new Dense(3, Relu, seed: 1);
        dense.Build(5);
        var e = Assert.Throws<ArgumentException>(() => dense.Build(4));
        Assert.Contains("takes samples of 5 values; got 4", e.Message);
    }
}
