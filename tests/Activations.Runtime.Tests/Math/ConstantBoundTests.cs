using System;
using System.Linq;
using System.Runtime.Intrinsics;
using Xunit;

namespace Activations.Tests.MathCore;

/// <summary>
/// The one-instruction clamps generated kernels use against a constant (MaxWithConstant, MinWithConstant,
/// MaxWithZero) against Math.Max/Min, bit for bit (NaN compared as NaN), at every width, for every awkward x
/// (both NaNs, ±0, ±∞, subnormals, values equal to the constant) and every constant they accept.
/// </summary>
public sealed class ConstantBoundTests
{
    private static readonly double[] Values = { double.NaN, -double.NaN, 0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, 1, -1, 1.5, 6, double.Epsilon, -double.Epsilon, double.MaxValue, -3.25, -1e30 };

    // Max takes any number but zero; Min also takes +0 (the generator never passes -0 or NaN).
    private static readonly double[] MaxConstants = { 1, -1, 6, -1e30, double.Epsilon, -double.Epsilon, double.PositiveInfinity, double.NegativeInfinity };
    private static readonly double[] MinConstants = MaxConstants.Append(0.0).ToArray();

    [Fact]
    public void DoubleMatchesMath()
    {
        foreach (double x in Values)
        {
            foreach (double c in MaxConstants)
            {
                double expected = Math.Max(x, c);
                Check(expected, VectorMath.MaxWithConstant(Vector128.Create(x), Vector128.Create(c)).GetElement(1), x, c, "MaxWithConstant 128");
                Check(expected, VectorMath.MaxWithConstant(Vector256.Create(x), Vector256.Create(c)).GetElement(3), x, c, "MaxWithConstant 256");
                Check(expected, VectorMath.MaxWithConstant(Vector512.Create(x), Vector512.Create(c)).GetElement(7), x, c, "MaxWithConstant 512");
            }

            foreach (double c in MinConstants)
            {
                double expected = Math.Min(x, c);
                Check(expected, VectorMath.MinWithConstant(Vector128.Create(x), Vector128.Create(c)).GetElement(1), x, c, "MinWithConstant 128");
                Check(expected, VectorMath.MinWithConstant(Vector256.Create(x), Vector256.Create(c)).GetElement(3), x, c, "MinWithConstant 256");
                Check(expected, VectorMath.MinWithConstant(Vector512.Create(x), Vector512.Create(c)).GetElement(7), x, c, "MinWithConstant 512");
            }

            double relu = Math.Max(x, 0.0);
            Check(relu, VectorMath.MaxWithZero(Vector128.Create(x)).GetElement(1), x, 0.0, "MaxWithZero 128");
            Check(relu, VectorMath.MaxWithZero(Vector256.Create(x)).GetElement(3), x, 0.0, "MaxWithZero 256");
            Check(relu, VectorMath.MaxWithZero(Vector512.Create(x)).GetElement(7), x, 0.0, "MaxWithZero 512");
        }
    }

    [Fact]
    public void FloatMatchesMath()
    {
        foreach (float x in Values.Select(v => (float)v))
        {
            foreach (float c in MaxConstants.Select(v => (float)v).Where(v => v != 0f))
            {
                float expected = Math.Max(x, c);
                Check(expected, VectorMath.MaxWithConstant(Vector128.Create(x), Vector128.Create(c)).GetElement(3), x, c, "MaxWithConstant 128");
                Check(expected, VectorMath.MaxWithConstant(Vector256.Create(x), Vector256.Create(c)).GetElement(7), x, c, "MaxWithConstant 256");
                Check(expected, VectorMath.MaxWithConstant(Vector512.Create(x), Vector512.Create(c)).GetElement(15), x, c, "MaxWithConstant 512");
            }

            foreach (float c in MinConstants.Select(v => (float)v).Where(v => v != 0f || !float.IsNegative(v)))
            {
                float expected = Math.Min(x, c);
                Check(expected, VectorMath.MinWithConstant(Vector128.Create(x), Vector128.Create(c)).GetElement(3), x, c, "MinWithConstant 128");
                Check(expected, VectorMath.MinWithConstant(Vector256.Create(x), Vector256.Create(c)).GetElement(7), x, c, "MinWithConstant 256");
                Check(expected, VectorMath.MinWithConstant(Vector512.Create(x), Vector512.Create(c)).GetElement(15), x, c, "MinWithConstant 512");
            }

            float relu = Math.Max(x, 0f);
            Check(relu, VectorMath.MaxWithZero(Vector128.Create(x)).GetElement(3), x, 0f, "MaxWithZero 128");
            Check(relu, VectorMath.MaxWithZero(Vector256.Create(x)).GetElement(7), x, 0f, "MaxWithZero 256");
            Check(relu, VectorMath.MaxWithZero(Vector512.Create(x)).GetElement(15), x, 0f, "MaxWithZero 512");
        }
    }

    private static void Check(double expected, double actual, double x, double c, string what) =>
        Assert.True(
            double.IsNaN(expected) ? double.IsNaN(actual) : BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual),
            $"{what}({x:R}, {c:R}): expected {expected:R}, got {actual:R}");

    private static void Check(float expected, float actual, float x, float c, string what) =>
        Assert.True(
            float.IsNaN(expected) ? float.IsNaN(actual) : BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(actual),
            $"{what}({x:R}, {c:R}): expected {expected:R}, got {actual:R}");
}
