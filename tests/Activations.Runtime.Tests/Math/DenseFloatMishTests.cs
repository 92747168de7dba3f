using System;
using System.Runtime.Intrinsics;
using Xunit;
using Xunit.Abstractions;

namespace Activations.Tests.MathCore;

/// <summary>
/// The float-lane mish against mish computed in double (relative error near 2^-52, far below a float ULP): a fixed
/// stride through every float of [-110, 104] (below, the results round to -0; above, to x), and densely where the fast
/// path hands over to double (|x| near 80), where the results turn subnormal (x below -83, and |x| below 2^-124, where
/// the fast path's 2^64 scaling keeps its correction term out of the subnormals), at each vector width. Within 1 ULP of
/// the correctly rounded float and below 1 ULP from the exact value; measured over every float with a throwaway
/// harness: 0.72 ULP from exact at most.
/// </summary>
public sealed class DenseFloatMishTests(ITestOutputHelper output)
{
    private const int Stride = 97;

    /// <summary>Without hardware intrinsics every vector operation runs in software (and the double fallback is taken).</summary>
    private const int SoftwareStride = 9973;

    private const int SoftwareEdgeStride = 13;

    /// <summary>|x| below 2^-124 holds 3 · 2^23 floats of each sign: every 5th of them.</summary>
    private const int TinyStride = 5;

    [Fact]
    public void AFixedStrideThroughTheWholeRangeIsWithinOneUlp()
    {
        DenseFloatSweep check = NewSweep();
        int stride = DenseFloatSweep.Accelerated ? Stride : SoftwareStride;
        check.Sweep(0f, 104f, stride);
        check.Sweep(-0f, -110f, stride);
        check.Report(output);
    }

    [Fact]
    public void EveryFloatAroundTheFastPathEdgeAndTheSubnormalResultsIsWithinOneUlp()
    {
        DenseFloatSweep check = NewSweep();
        int stride = DenseFloatSweep.Accelerated ? 1 : SoftwareEdgeStride;
        check.Sweep(-79f, -81f, stride);
        check.Sweep(79f, 81f, stride);
        check.Sweep(-82f, -110f, stride); // x e^x below 2^-126 from about -83.6, rounding to -0 below about -106
        check.Report(output);
    }

    [Fact]
    public void TinyArgumentsWithSubnormalOrNearlySubnormalResultsAreWithinOneUlp()
    {
        DenseFloatSweep check = NewSweep();
        int stride = DenseFloatSweep.Accelerated ? TinyStride : SoftwareStride;
        float edge = BitConverter.UInt32BitsToSingle(0x01800000); // 2^-124
        check.Sweep(float.Epsilon, edge, stride);
        check.Sweep(-float.Epsilon, -edge, stride);
        check.Report(output);
    }

    [Fact]
    public void TheWorstCasesOfTheExhaustiveRunAreWithinOneUlp()
    {
        DenseFloatSweep check = NewSweep();
        check.Run(new[] { -5.156052f, -5.151209f, -38.42773f, -38.469643f, 0.34285137f, 1.7632436E-38f, 2.9387373E-38f });
        check.Report(output);
    }

    [Fact]
    public void SpecialValuesGiveTheLimits()
    {
        float[] x = { float.NegativeInfinity, -float.MaxValue, -1e4f, -200f, -0f, 0f, 1e4f, float.MaxValue, float.PositiveInfinity, float.NaN };
        float[] expected = { -0f, -0f, -0f, -0f, -0f, 0f, 1e4f, float.MaxValue, float.PositiveInfinity, float.NaN };
        for (int i = 0; i < x.Length; i++)
        {
            AssertSame(expected[i], VectorMath.Mish(x[i]), x[i], "scalar");
            AssertSame(expected[i], VectorMath.Mish(Vector128.Create(x[i]))[0], x[i], "Vector128");
            AssertSame(expected[i], VectorMath.Mish(Vector256.Create(x[i]))[0], x[i], "Vector256");
            AssertSame(expected[i], VectorMath.Mish(Vector512.Create(x[i]))[0], x[i], "Vector512");
        }

        // Zeros of both signs inside a fast-path vector (no lane beyond ±80) keep their sign.
        Vector256<float> zeros = Vector256.Create(-0f, 0f, 1f, -1f, -0f, 0f, 2f, -2f);
        Vector256<float> y = VectorMath.Mish(zeros);
        for (int i = 0; i < Vector256<float>.Count; i++)
        {
            AssertSame(VectorMath.Mish(zeros[i]), y[i], zeros[i], "Vector256, mixed lanes");
        }
    }

    [Fact]
    public void TheDoubleOverloadIsTheBuiltInsFormula()
    {
        // VectorMath.Mish(double) is what double kernels of a stub calling it compute: mish's own stub, bit for bit.
        var random = new Random(3);
        for (int i = 0; i < 20000; i++)
        {
            double x = i < 10 ? new[] { double.NegativeInfinity, -800, -708.5, -708, -1, -0.0, 0, 1, 50, double.NaN }[i] : (random.NextDouble() - 0.5) * Math.Pow(2, random.Next(-30, 11));
            Assert.Equal(BitConverter.DoubleToInt64Bits(Activation.Mish(x)), BitConverter.DoubleToInt64Bits(VectorMath.Mish(x)));
        }
    }

    private static void AssertSame(float expected, float actual, float x, string path) =>
        Assert.True(
            float.IsNaN(expected) ? float.IsNaN(actual) : BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(actual),
            $"{path}: mish({x:R}) = {actual:R}, expected {expected:R}");

    private static DenseFloatSweep NewSweep() => new(Mish, VectorMath.Mish, VectorMath.Mish, VectorMath.Mish, VectorMath.Mish);

    // x tanh(log(1 + e^x)) with e = e^-|x|, in double: relative error a few double ULPs.
    private static double Mish(double x)
    {
        double e = Math.Exp(-Math.Abs(x));
        return x >= 0 ? x * (1 + 2 * e) / (1 + 2 * e * (1 + e)) : x * (e * (e + 2)) / (e * (e + 2) + 2);
    }
}
