using System;
using System.Runtime.Intrinsics;
using Xunit;
using Xunit.Abstractions;

namespace Activations.Tests.MathCore;

/// <summary>
/// The float-lane tanh (VectorMath.SingleTanh.cs) against Math.Tanh in double (relative error near 2^-52, far below a
/// float ULP): a fixed stride through every float of [0, 10.5] of both signs (tanh has rounded to 1 from 9.0109), a
/// sample of the small arguments where 1 - e^-2|x| cancels, every float around the last results below 1, the fast
/// path's edge at |x| = 40 (beyond it a rare path clamps), and every float around the worst cases, at each vector width. Within 1 ULP of the correctly rounded float and below 1 ULP from
/// the exact value; measured over all 2^32 floats with a throwaway harness: 0.5628 ULP from the exact value at most
/// (x = ±0.17315982, where the reduction's k leaves 0).
/// </summary>
public sealed class DenseFloatTanhTests(ITestOutputHelper output)
{
    private const int Stride = 97;

    /// <summary>Without hardware intrinsics every vector operation runs in software (and the double route is taken).</summary>
    private const int SoftwareStride = 9973;

    private const int SoftwareEdgeStride = 13;

    [Fact]
    public void AFixedStrideThroughTheWholeRangeIsWithinOneUlp()
    {
        DenseFloatSweep check = NewSweep();
        int stride = DenseFloatSweep.Accelerated ? Stride : SoftwareStride;
        check.Sweep(0f, 10.5f, stride);
        check.Sweep(-0f, -10.5f, stride);
        check.Report(output);
    }

    [Fact]
    public void EveryFloatAroundTheWorstCasesAndTheEdgesIsWithinOneUlp()
    {
        DenseFloatSweep check = NewSweep();
        int stride = DenseFloatSweep.Accelerated ? 1 : SoftwareEdgeStride;
        check.Sweep(0.1725f, 0.1740f, stride); // the measured worst, x = 0.17315982 (2|x| near ln 2 / 2: k leaves 0)
        check.Sweep(-0.1725f, -0.1740f, stride);
        check.Sweep(0.0624f, 0.0627f, stride); // worst in the small arguments, where n = 1 - e^-2|x| cancels to ~2|x|
        check.Sweep(1.5480f, 1.5485f, stride); // worst where tanh >= 0.5 (x = 1.5482262, 0.5061 ULP)
        check.Sweep(-8.9f, -10.1f, stride); // the last results below 1
        check.Sweep(8.9f, 10.1f, stride);
        check.Sweep(39.5f, 40.5f, stride); // the fast path's edge
        check.Sweep(-39.5f, -40.5f, stride);
        check.Report(output);
    }

    [Fact]
    public void TinyArgumentsGiveThemselvesOrAreWithinOneUlp()
    {
        DenseFloatSweep check = NewSweep();
        int stride = DenseFloatSweep.Accelerated ? 101 : SoftwareStride;
        check.Sweep(0f, 0.02f, stride); // subnormals (tanh x = x) and the cancelling range
        check.Sweep(-0f, -0.02f, stride);
        check.Report(output);
    }

    [Fact]
    public void SpecialValuesGiveTheLimits()
    {
        float[] x = { float.NegativeInfinity, -float.MaxValue, -1e4f, -9.02f, -float.Epsilon, -0f, 0f, float.Epsilon, 1e-40f, 9.02f, 1e4f, float.MaxValue, float.PositiveInfinity, float.NaN };
        float[] expected = { -1f, -1f, -1f, -1f, -float.Epsilon, -0f, 0f, float.Epsilon, 1e-40f, 1f, 1f, 1f, 1f, float.NaN };
        for (int i = 0; i < x.Length; i++)
        {
            AssertSame(expected[i], VectorMath.Tanh(Vector128.Create(x[i]))[0]);
            AssertSame(expected[i], VectorMath.Tanh(Vector256.Create(x[i]))[0]);
            AssertSame(expected[i], VectorMath.Tanh(Vector512.Create(x[i]))[0]);
        }
    }

    private static void AssertSame(float expected, float actual) =>
        Assert.True(
            float.IsNaN(expected) ? float.IsNaN(actual) : BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(actual),
            $"expected {expected:R}, got {actual:R}");

    private static DenseFloatSweep NewSweep() => new(Math.Tanh, VectorMath.Tanh, VectorMath.Tanh, VectorMath.Tanh, VectorMath.Tanh);
}
