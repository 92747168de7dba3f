using System;
using Xunit;
using Xunit.Abstractions;

namespace Activations.Tests.MathCore;

/// <summary>
/// The float-lane vector log1p (VectorMath.SingleLog1p.cs) against an independent double reference far beyond the
/// reference rows: a fixed stride through the bit patterns of every float in [-1, float.MaxValue] (about 8 million
/// inputs) and every float of the delicate stretches (about 6 million), at each vector width. Bounds: at most 1 ULP against the
/// correctly rounded float, below 1 ULP from the exact value; NaN, ±∞ and 0 as the scalar overload.
/// </summary>
public sealed class DenseFloatLog1pTests(ITestOutputHelper output)
{
    /// <summary>A prime, so the sweep visits every residue of the low mantissa bits across binades.</summary>
    private const int Stride = 389;

    private const int SoftwareStride = 9973;

    private const int SoftwareEdgeStride = 61;

    [Fact]
    public void AFixedStrideThroughEveryFloatOfTheDomainIsWithinOneUlp()
    {
        DenseFloatSweep check = NewSweep();
        int stride = DenseFloatSweep.Accelerated ? Stride : SoftwareStride;
        check.Sweep(0f, float.MaxValue, stride);
        check.Sweep(-0f, -1f, stride);
        check.Report(output);
    }

    [Fact]
    public void EveryFloatOfTheDelicateStretchesIsWithinOneUlp()
    {
        DenseFloatSweep check = NewSweep();
        int stride = DenseFloatSweep.Accelerated ? 1 : SoftwareEdgeStride;
        check.Sweep(0.39f, 0.44f, stride); // 1 + x crosses sqrt 2: k = 0 / 1, the largest f
        check.Sweep(-0.28f, -0.31f, stride); // 1 + x crosses sqrt(1/2): k = 0 / -1
        check.Sweep(-0.99f, -1f, stride); // 1 + x tiny: large negative k, down to -∞ at -1
        check.Sweep(0.99f, 1.01f, stride); // x and 1 swap roles in the rounding error of 1 + x
        check.Sweep(1.6e7f, 1.7e7f, stride); // 1 + x rounds away the 1 (c / u is most of an ULP)
        check.Sweep(5.9e-8f, 6e-8f, stride); // 1 + x rounds to 1 or to its neighbour: the result is carried by c
        check.Sweep(-5.9e-8f, -6e-8f, stride);
        check.Sweep(1.19e-7f, 1.195e-7f, stride);
        check.Report(output);
    }

    [Fact]
    public void SpecialValuesMatchTheScalarOverload()
    {
        float[] x =
        {
            float.NaN, -float.NaN, float.PositiveInfinity, float.NegativeInfinity, 0f, -0f, float.Epsilon, -float.Epsilon,
            1e-40f, -1e-40f, 1e-30f, -1e-30f, -1f, -1.0000001f, -2f, -1e30f, -float.MaxValue, 1e30f, float.MaxValue,
        };
        DenseFloatSweep check = NewSweep();
        check.Run(x);
        check.Report(output);
        check.AssertSameAsScalar(x);
    }

    private static DenseFloatSweep NewSweep() =>
        new(Exact, VectorMath.Log1p, VectorMath.Log1p, VectorMath.Log1p, VectorMath.Log1p);

    /// <summary>ln(1 + x) in double: 1 + x is exact in double for a float x with |x| in [2^-29, 2^53] (above, its relative error 2^-53 is divided by ln x), and Math.Log
    /// is within about 0.52 double ULP; below 2^-29 the series x - x^2/2 + x^3/3 (next term below 2^-87 relative).</summary>
    private static double Exact(double x)
    {
        if (Math.Abs(x) >= 1.862645149230957e-9)
        {
            return Math.Log(1.0 + x);
        }

        return x * (1.0 - (x * (0.5 - (x / 3.0))));
    }
}
