using System;
using System.Linq;
using System.Runtime.Intrinsics;
using Xunit;

namespace Activations.Tests.MathCore;

/// <summary>VectorMath.Max/Min against Math.Max/Min, bit for bit (NaN compared as NaN), at every width, for
/// every pair of a set of awkward values: both NaNs, ±0 both ways round, ±∞, subnormals, equal values.</summary>
public sealed class MaxMinTests
{
    private static readonly double[] Values = { double.NaN, -double.NaN, 0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, 1, -1, 1.5, double.Epsilon, -double.Epsilon, double.MaxValue, -3.25 };

    [Fact]
    public void DoubleMatchesMath()
    {
        foreach (double a in Values)
        {
            foreach (double b in Values)
            {
                Check(Math.Max(a, b), VectorMath.Max(a, b), a, b, "Max scalar");
                Check(Math.Min(a, b), VectorMath.Min(a, b), a, b, "Min scalar");
                Check(Math.Max(a, b), VectorMath.Max(Vector128.Create(a), Vector128.Create(b)).GetElement(1), a, b, "Max 128");
                Check(Math.Min(a, b), VectorMath.Min(Vector128.Create(a), Vector128.Create(b)).GetElement(1), a, b, "Min 128");
                Check(Math.Max(a, b), VectorMath.Max(Vector256.Create(a), Vector256.Create(b)).GetElement(3), a, b, "Max 256");
                Check(Math.Min(a, b), VectorMath.Min(Vector256.Create(a), Vector256.Create(b)).GetElement(3), a, b, "Min 256");
                Check(Math.Max(a, b), VectorMath.Max(Vector512.Create(a), Vector512.Create(b)).GetElement(7), a, b, "Max 512");
                Check(Math.Min(a, b), VectorMath.Min(Vector512.Create(a), Vector512.Create(b)).GetElement(7), a, b, "Min 512");
            }
        }
    }

    [Fact]
    public void FloatMatchesMath()
    {
        foreach (float a in Values.Select(v => (float)v))
        {
            foreach (float b in Values.Select(v => (float)v))
            {
                Check(Math.Max(a, b), VectorMath.Max(a, b), a, b, "Max scalar");
                Check(Math.Min(a, b), VectorMath.Min(a, b), a, b, "Min scalar");
                Check(Math.Max(a, b), VectorMath.Max(Vector128.Create(a), Vector128.Create(b)).GetElement(3), a, b, "Max 128");
                Check(Math.Min(a, b), VectorMath.Min(Vector128.Create(a), Vector128.Create(b)).GetElement(3), a, b, "Min 128");
                Check(Math.Max(a, b), VectorMath.Max(Vector256.Create(a), Vector256.Create(b)).GetElement(7), a, b, "Max 256");
                Check(Math.Min(a, b), VectorMath.Min(Vector256.Create(a), Vector256.Create(b)).GetElement(7), a, b, "Min 256");
                Check(Math.Max(a, b), VectorMath.Max(Vector512.Create(a), Vector512.Create(b)).GetElement(15), a, b, "Max 512");
                Check(Math.Min(a, b), VectorMath.Min(Vector512.Create(a), Vector512.Create(b)).GetElement(15), a, b, "Min 512");
            }
        }
    }

    private static void Check(double expected, double actual, double a, double b, string what) =>
        Assert.True(
            double.IsNaN(expected) ? double.IsNaN(actual) : BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual),
            $"{what}({a:R}, {b:R}): expected {expected:R}, got {actual:R}");

    private static void Check(float expected, float actual, float a, float b, string what) =>
        Assert.True(
            float.IsNaN(expected) ? float.IsNaN(actual) : BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(actual),
            $"{what}({a:R}, {b:R}): expected {expected:R}, got {actual:R}");
}
