using System;
using Xunit;
using Xunit.Abstractions;

namespace Activations.Tests.MathCore;

/// <summary>
/// The float-lane expm1 of non-positive arguments (VectorMath.SingleExpm1OfMinWithZero.cs, elu's negative side) against
/// an independent double reference: a fixed stride through every float of [-18, 0] and of (0, 100] (where the result is
/// 0), and every float of the delicate stretches, at each vector width. Bounds: at most 1 ULP against the correctly
/// rounded float, below 1 ULP from the exact value; NaN, ±∞, ±0 and -1 as the scalar expm1(min(x, 0)).
/// </summary>
public sealed class DenseFloatExpm1OfMinWithZeroTests(ITestOutputHelper output)
{
    /// <summary>A prime, so the sweep visits every residue of the low mantissa bits across binades.</summary>
    private const int Stride = 389;

    private const int SoftwareStride = 9973;

    private const int SoftwareEdgeStride = 61;

    [Fact]
    public void AFixedStrideThroughEveryFloatOfTheRangeIsWithinOneUlp()
    {
        DenseFloatSweep check = NewSweep();
        int stride = DenseFloatSweep.Accelerated ? Stride : SoftwareStride;
        check.Sweep(-0f, -18f, stride);
        check.Sweep(0f, 100f, stride * 16);
        check.Report(output);
    }

    [Fact]
    public void EveryFloatOfTheDelicateStretchesIsWithinOneUlp()
    {
        DenseFloatSweep check = NewSweep();
        int stride = DenseFloatSweep.Accelerated ? 1 : SoftwareEdgeStride;
        check.Sweep(-0.25f, -0.36f, stride); // k = 0 with a result just below 1/4 (the worst measured errors), and the k = 0 / -1 boundary
        check.Sweep(-0.9f, -1.1f, stride); // k = -1 / -2 boundary
        check.Sweep(-16.9f, -17.6f, stride); // k = -25 below -16.98 (2^k - 1 rounds to -1), and the rounding to -1 from -17.33
        check.Sweep(-2.9e-8f, -3.1e-8f, stride);
        check.Report(output);
    }

    [Fact]
    public void SpecialValuesAndTheClampedRangeMatchTheScalarForm()
    {
        // Results that are exact in float (NaN, ±0, -1, 0 for positive x, the subnormal or tiny x itself): bit for bit.
        float[] x =
        {
            float.NaN, -float.NaN, float.PositiveInfinity, float.NegativeInfinity, 0f, -0f, float.Epsilon, -float.Epsilon,
            1e-40f, -1e-40f, 1e-30f, -1e-30f, -17.4f, -18f, -20f, -100f, -1e30f, -float.MaxValue, 0.5f, 89f, 1e30f,
            float.MaxValue,
        };
        DenseFloatSweep check = NewSweep();
        check.Run(x);
        check.Report(output);
        check.AssertSameAsScalar(x);
    }

    private static DenseFloatSweep NewSweep() =>
        new(Exact, x => VectorMath.Expm1(VectorMath.Min(x, 0f)), VectorMath.Expm1OfMinWithZero, VectorMath.Expm1OfMinWithZero, VectorMath.Expm1OfMinWithZero);

    /// <summary>e^min(x, 0) - 1 in double, by the reference of <see cref="DenseFloatExpm1Tests"/>.</summary>
    private static double Exact(double x) => DenseFloatExpm1Tests.Exact(Math.Min(x, 0.0));
}
