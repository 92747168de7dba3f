using System;
using System.Runtime.Intrinsics;
using Xunit;
using Xunit.Abstractions;

namespace Activations.Tests.MathCore;

/// <summary>
/// The float-lane softplus against softplus computed in double (relative error a few double ULPs, far below a float ULP):
/// a fixed stride through every float of [-110, 110] (beyond, the results are 0 or x), every float around the edges of
/// the narrow-range form (the fold at 0.6926, the reduction's interval ends at odd multiples of C/2 = 0.6927, and |x| near
/// 10.39 where vectors switch to the full-range form), and tiny arguments, at each vector width; and the full-range form
/// (<c>SoftplusBeyondNarrowRange</c>, which vectors with a lane beyond 10.39 take) on its own the same way, with its edges
/// (|x| near 80, and 0.35 and 4.5 where its k changes and its tail begins). Within 1 ULP of the correctly rounded float
/// and below 1 ULP from the exact value; measured over every float of |x| in [2^-30, 80] with a throwaway harness: the
/// narrow-range form 0.9757 ULP from exact at most (x = -6.2115955), the full-range form 0.89.
/// </summary>
public sealed class DenseFloatSoftplusTests(ITestOutputHelper output)
{
    private const int Stride = 97;

    /// <summary>Without hardware intrinsics every vector operation runs in software (and the double fallback is taken).</summary>
    private const int SoftwareStride = 9973;

    private const int SoftwareEdgeStride = 13;

    [Fact]
    public void AFixedStrideThroughTheWholeRangeIsWithinOneUlp()
    {
        DenseFloatSweep check = NewSweep();
        int stride = DenseFloatSweep.Accelerated ? Stride : SoftwareStride;
        check.Sweep(0f, 110f, stride);
        check.Sweep(-0f, -110f, stride);
        check.Report(output);
    }

    [Fact]
    public void EveryFloatAroundTheFastPathEdgeAndTheTableEdgesIsWithinOneUlp()
    {
        DenseFloatSweep check = NewSweep();
        int stride = DenseFloatSweep.Accelerated ? 1 : SoftwareEdgeStride;
        check.Sweep(-79f, -81f, stride);
        check.Sweep(79f, 81f, stride);
        check.Sweep(-10.3f, -10.5f, stride); // the narrow range's end (10.39)
        check.Sweep(10.3f, 10.5f, stride);
        check.Sweep(0.68f, 0.71f, stride); // the fold (0.6926) and j = 0 to -1 (0.6927)
        check.Sweep(-0.68f, -0.71f, stride);
        check.Sweep(-2.07f, -2.09f, stride); // j = -1 to -2 (2.0781)
        check.Sweep(2.07f, 2.09f, stride);
        check.Sweep(-7.6f, -7.65f, stride); // j = -5 to -6 (7.6197)
        check.Sweep(-8.99f, -9.02f, stride); // j = -6 to -7 (9.0051)
        check.Sweep(-10.35f, -10.38f, stride); // where the worst case is
        check.Report(output);
    }

    [Fact]
    public void TinyArgumentsAreWithinOneUlp()
    {
        DenseFloatSweep check = NewSweep();
        int stride = DenseFloatSweep.Accelerated ? 13 : SoftwareStride;
        check.Sweep(float.Epsilon, 1e-3f, stride);
        check.Sweep(-float.Epsilon, -1e-3f, stride);
        check.Report(output);
    }

    [Fact]
    public void TheWorstCasesOfTheExhaustiveRunAreWithinOneUlp()
    {
        DenseFloatSweep check = NewSweep();
        check.Run(new[] { -10.366319f, -6.1860275f, -4.83396f, -8.948862f, -3.4395654f, 0.45038143f, -7.617414f, 0.45001835f, -16.256514f, 0.3184251f, -4.491703f, -5.8884473f, -6.581867f, -15.578765f });
        check.Report(output);
    }

    [Fact]
    public void TheFullRangeFormIsWithinOneUlpEverywhere()
    {
        // Vectors with any lane beyond the narrow range take this form for all their lanes, so it must hold on its own.
        DenseFloatSweep check = NewFullRangeSweep();
        int stride = DenseFloatSweep.Accelerated ? Stride : SoftwareStride;
        check.Sweep(0f, 110f, stride);
        check.Sweep(-0f, -110f, stride);
        int edgeStride = DenseFloatSweep.Accelerated ? 1 : SoftwareEdgeStride;
        check.Sweep(-0.33f, -0.36f, edgeStride); // k = 0 to -1
        check.Sweep(0.33f, 0.36f, edgeStride);
        check.Sweep(-4.4f, -4.6f, edgeStride); // k = -6 to -7, the tail's first entry
        check.Sweep(4.4f, 4.6f, edgeStride);
        check.Run(new[] { -16.256514f, 0.3184251f, -4.491703f, -5.8884473f, -6.581867f, -15.578765f });
        check.Report(output);
    }

    [Fact]
    public void AVectorWithOneLaneBeyondTheNarrowRangeGivesTheFullRangeResultInEveryLane()
    {
        Vector256<float> x = Vector256.Create(-7.617414f, 0.5f, -0f, 3f, -10f, 10.4f, 0.6926f, -2.08f);
        Vector256<float> y = VectorMath.Softplus(x);
        Vector256<float> fullRange = VectorMath.SoftplusBeyondNarrowRange(x);
        for (int i = 0; i < Vector256<float>.Count; i++)
        {
            AssertSame(fullRange[i], y[i], x[i], "Vector256 with 10.4 in a lane");
        }
    }

    [Fact]
    public void SpecialValuesGiveTheLimits()
    {
        float[] x = { float.NegativeInfinity, -float.MaxValue, -1e4f, -200f, -0f, 0f, 1e4f, float.MaxValue, float.PositiveInfinity, float.NaN };
        float[] expected = { 0f, 0f, 0f, 0f, 0.6931472f, 0.6931472f, 1e4f, float.MaxValue, float.PositiveInfinity, float.NaN };
        for (int i = 0; i < x.Length; i++)
        {
            AssertSame(expected[i], VectorMath.Softplus(x[i]), x[i], "scalar");
            AssertSame(expected[i], VectorMath.Softplus(Vector128.Create(x[i]))[0], x[i], "Vector128");
            AssertSame(expected[i], VectorMath.Softplus(Vector256.Create(x[i]))[0], x[i], "Vector256");
            AssertSame(expected[i], VectorMath.Softplus(Vector512.Create(x[i]))[0], x[i], "Vector512");
        }

        // A NaN lane stays NaN and leaves the other lanes alone, in the narrow-range form (no lane beyond 10.39) and in the
        // full-range form (79 sends the vector there): each lane is what the same form gives for that value alone.
        Vector256<float> narrow = Vector256.Create(-0f, 0f, 1f, -1f, float.NaN, 5f, -10f, 10.39f);
        Vector256<float> y = VectorMath.Softplus(narrow);
        for (int i = 0; i < Vector256<float>.Count; i++)
        {
            AssertSame(VectorMath.Softplus(Vector256.Create(narrow[i]))[0], y[i], narrow[i], "Vector256, mixed lanes, narrow range");
        }

        Vector256<float> mixed = Vector256.Create(-0f, 0f, 1f, -1f, float.NaN, 5f, -10f, 79f);
        y = VectorMath.Softplus(mixed);
        for (int i = 0; i < Vector256<float>.Count; i++)
        {
            AssertSame(VectorMath.SoftplusBeyondNarrowRange(Vector256.Create(mixed[i]))[0], y[i], mixed[i], "Vector256, mixed lanes, full range");
        }
    }

    [Fact]
    public void TheDoubleOverloadIsTheBuiltInsFormula()
    {
        // VectorMath.Softplus(double) is what double kernels of a stub calling it compute: softplus's own stub, bit for bit.
        var random = new Random(3);
        for (int i = 0; i < 20000; i++)
        {
            double x = i < 10 ? new[] { double.NegativeInfinity, -800, -708.5, -708, -1, -0.0, 0, 1, 50, double.NaN }[i] : (random.NextDouble() - 0.5) * Math.Pow(2, random.Next(-30, 11));
            Assert.Equal(BitConverter.DoubleToInt64Bits(Activation.Softplus(x)), BitConverter.DoubleToInt64Bits(VectorMath.Softplus(x)));
        }
    }

    private static void AssertSame(float expected, float actual, float x, string path) =>
        Assert.True(
            float.IsNaN(expected) ? float.IsNaN(actual) : BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(actual),
            $"{path}: softplus({x:R}) = {actual:R}, expected {expected:R}");

    private static DenseFloatSweep NewSweep() => new(Softplus, VectorMath.Softplus, VectorMath.Softplus, VectorMath.Softplus, VectorMath.Softplus);

    private static DenseFloatSweep NewFullRangeSweep() =>
        new(Softplus, VectorMath.Softplus, VectorMath.SoftplusBeyondNarrowRange, VectorMath.SoftplusBeyondNarrowRange, VectorMath.SoftplusBeyondNarrowRange);

    // max(x, 0) + log1p(e) with e = e^-|x|, log1p(e) = ln(u) e / (u - 1) for u = 1 + e rounded (exact to a few double ULPs).
    private static double Softplus(double x)
    {
        double e = Math.Exp(-Math.Abs(x));
        double u = 1.0 + e;
        return Math.Max(x, 0.0) + (u == 1.0 ? e : Math.Log(u) * e / (u - 1.0));
    }
}
