using System;
using System.Linq;
using Xunit;

namespace Activations.Tests.BuiltIns;

/// <summary>
/// The examples the seed page prints (relu on [-10, -5, 0, 5, 10] with each parameter set), plus the
/// reference README's combined example, through the stub and, once generated, the span kernels.
/// Zeros compare equal whatever their sign (Keras prints -0.).
/// </summary>
public sealed class PrintedExampleTests
{
    private static readonly double[] s_x = { -10, -5, 0.0, 5, 10 };

    public static TheoryData<double, double, double, double[]> ReluExamples => new()
    {
        { 0.0, double.PositiveInfinity, 0.0, new double[] { 0, 0, 0, 5, 10 } },
        { 0.5, double.PositiveInfinity, 0.0, new double[] { -5, -2.5, 0, 5, 10 } },
        { 0.0, 5.0, 0.0, new double[] { 0, 0, 0, 5, 5 } },
        { 0.0, double.PositiveInfinity, 5.0, new double[] { -0.0, -0.0, 0, 0, 10 } },
        { 0.5, 5.0, 5.0, new double[] { -7.5, -5, -2.5, 0, 5 } },
    };

    [Theory]
    [MemberData(nameof(ReluExamples))]
    public void ReluStubGivesThePrintedResult(double negativeSlope, double maxValue, double threshold, double[] expected) =>
        Assert.Equal(expected, s_x.Select(x => Activation.Relu(x, negativeSlope, maxValue, threshold)));

    [GeneratedKernelTheory]
    [MemberData(nameof(ReluExamples))]
    public void ReluKernelsGiveThePrintedResult(double negativeSlope, double maxValue, double threshold, double[] expected)
    {
        Assert.True(ActivationRegistry.TryGet("relu", out ActivationDescriptor? relu), "relu is not registered");
        double[] arguments = { negativeSlope, maxValue, threshold };

        var d = new double[s_x.Length];
        relu.Double(s_x, d, arguments);
        Assert.Equal(expected, d);

        float[] xf = s_x.Select(v => (float)v).ToArray();
        var f = new float[s_x.Length];
        relu.Single(xf, f, arguments);
        Assert.Equal(expected.Select(v => (float)v), f);

        Half[] xh = s_x.Select(v => (Half)v).ToArray();
        var h = new Half[s_x.Length];
        relu.Half(xh, h, arguments);
        Assert.Equal(expected.Select(v => (Half)v), h);
    }

    [Fact]
    public void ThresholdKeepsInputsAboveAndReplacesTheRest()
    {
        // keras.ops.threshold(x, 0.5, -1.0): x where x > 0.5, else -1; NaN stays NaN here (Keras's where gives -1).
        double[] x = { -10, 0.5, 0.50000000000000011, 7, double.PositiveInfinity, double.NegativeInfinity, double.NaN };
        double[] expected = { -1, -1, 0.50000000000000011, 7, double.PositiveInfinity, -1, double.NaN };
        Assert.Equal(expected, x.Select(v => Activation.Threshold(v, 0.5, -1.0)));
    }

    [Fact]
    public void LeakyReluIsASelectEvenForSlopesAboveOne()
    {
        // max(x, 3x) would give 3x for positive x; the function is x there.
        Assert.Equal(new double[] { -30, -3, 0, 1, 10 }, new double[] { -10, -1, 0, 1, 10 }.Select(x => Activation.LeakyRelu(x, 3.0)));
        Assert.Equal(0.0, Activation.LeakyRelu(double.NegativeInfinity, 0.0));
        Assert.Equal(double.NegativeInfinity, Activation.LeakyRelu(double.NegativeInfinity));
        Assert.True(double.IsNaN(Activation.LeakyRelu(double.NaN, 0.0)));
    }

    [Fact]
    public void ReluWithZeroSlopeIsZeroAtMinusInfinityAndNaNAtNaN()
    {
        Assert.Equal(0.0, Activation.Relu(double.NegativeInfinity));
        Assert.Equal(0.0, Activation.Relu(double.NegativeInfinity, 0, 5, 5));
        Assert.True(double.IsNaN(Activation.Relu(double.NaN)));
        Assert.True(double.IsNaN(Activation.Relu(double.NaN, 0.5, 5, 5)));
    }
}
