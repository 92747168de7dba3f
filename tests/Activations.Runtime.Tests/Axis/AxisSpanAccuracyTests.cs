using System;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace Activations.Tests.Axis;

/// <summary>The span overloads (the whole span is the axis) against the double-double reference, rows of 1 to 10,000.</summary>
public sealed class AxisSpanAccuracyTests(ITestOutputHelper output)
{
    public static TheoryData<AxisFunction, int> Cases()
    {
        var data = new TheoryData<AxisFunction, int>();
        foreach (AxisFunction function in Enum.GetValues<AxisFunction>())
        {
            foreach (int length in AxisInputs.Lengths)
            {
                data.Add(function, function == AxisFunction.Glu ? 2 * length : length);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FloatRowsAreWithinTwoUlps(AxisFunction function, int length)
    {
        double worst = 0;
        foreach (double scale in AxisInputs.Scales)
        {
            float[] x = AxisInputs.Singles(length, scale, seed: length ^ (int)scale);
            var y = new float[AxisCalls.OutputLength(function, length)];
            AxisCalls.Span(function, x, y);
            worst = Math.Max(worst, AxisAccuracy.Check(y, AxisReference.Compute(function, AxisInputs.Widen(x)), $"{function} float n={length} scale={scale}"));
        }

        output.WriteLine($"{function} float n={length}: max {worst:F3} ULP ({SimdPathTests.LivePath})");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DoubleRowsAreWithinFourUlps(AxisFunction function, int length)
    {
        double worst = 0;
        foreach (double scale in AxisInputs.Scales)
        {
            double[] x = AxisInputs.Doubles(length, scale, seed: length ^ (int)scale);
            var y = new double[AxisCalls.OutputLength(function, length)];
            AxisCalls.Span(function, x, y);
            worst = Math.Max(worst, AxisAccuracy.Check(y, AxisReference.Compute(function, x), $"{function} double n={length} scale={scale}"));
        }

        output.WriteLine($"{function} double n={length}: max {worst:F3} ULP ({SimdPathTests.LivePath})");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void HalfRowsAreWithinOneUlp(AxisFunction function, int length)
    {
        double worst = 0;
        foreach (double scale in AxisInputs.Scales)
        {
            Half[] x = AxisInputs.Halves(length, scale, seed: length ^ (int)scale);
            var y = new Half[AxisCalls.OutputLength(function, length)];
            AxisCalls.Span(function, x, y);
            worst = Math.Max(worst, AxisAccuracy.Check(y, AxisReference.Compute(function, AxisInputs.Widen(x)), $"{function} Half n={length} scale={scale}"));
        }

        output.WriteLine($"{function} Half n={length}: max {worst:F3} ULP ({SimdPathTests.LivePath})");
    }

    [Theory]
    [InlineData(AxisFunction.Softmax)]
    [InlineData(AxisFunction.LogSoftmax)]
    [InlineData(AxisFunction.Sparsemax)]
    public void ResultsDoNotDependOnShiftingTheRow(AxisFunction function)
    {
        // softmax, log_softmax and sparsemax are shift-invariant; with the maximum subtracted, a shift by 1e4 changes
        // nothing but the inputs' own rounding, so integers (exact at both places) give identical results.
        double[] x = Enumerable.Range(0, 100).Select(i => (double)(i % 13 - 6)).ToArray();
        double[] shifted = x.Select(v => v + 10_000).ToArray();
        var y = new double[x.Length];
        var yShifted = new double[x.Length];
        AxisCalls.Span(function, x, y);
        AxisCalls.Span(function, shifted, yShifted);
        Assert.Equal(y, yShifted);
    }
}
