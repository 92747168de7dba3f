using System;
using Xunit;
using Xunit.Abstractions;

namespace Activations.Tests.MathCore;

/// <summary>
/// The float-lane vector expm1 (VectorMath.SingleExpm1.cs) against an independent double reference far beyond the
/// reference rows: a fixed stride through the bit patterns of every float in [-18, 89.5] (about 6 million inputs,
/// every binade, both signs) and every float of the delicate stretches (about 6 million), at each vector width. Bounds: at most 1 ULP
/// against the correctly rounded float, below 1 ULP from the exact value; NaN, ±∞, 0 and -1 as the scalar overload.
/// </summary>
public sealed class DenseFloatExpm1Tests(ITestOutputHelper output)
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
        check.Sweep(0f, 89.5f, stride);
        check.Sweep(-0f, -18f, stride);
        check.Report(output);
    }

    [Fact]
    public void EveryFloatOfTheDelicateStretchesIsWithinOneUlp()
    {
        DenseFloatSweep check = NewSweep();
        int stride = DenseFloatSweep.Accelerated ? 1 : SoftwareEdgeStride;
        check.Sweep(0.3f, 0.43f, stride); // k = 0 / 1 boundary: 2 e^r - 1 cancels for k = 1, the worst measured errors
        check.Sweep(-0.33f, -0.36f, stride); // k = 0 / -1 boundary
        check.Sweep(-16.9f, -17.6f, stride); // k = -25, where 2^k - 1 is not a float, and the rounding to -1 from -17.33
        check.Sweep(88.5f, 89f, stride); // overflow to +∞ from 88.7228
        check.Sweep(2.9e-8f, 3.1e-8f, stride); // around the 2^-25 bound below which x itself is returned
        check.Sweep(-2.9e-8f, -3.1e-8f, stride);
        check.Report(output);
    }

    [Fact]
    public void SpecialValuesAndTheClampedRangeMatchTheScalarOverload()
    {
        // Results that are exact in float (NaN, ±∞, ±0, -1, the subnormal or tiny x itself): bit for bit.
        float[] x =
        {
            float.NaN, -float.NaN, float.PositiveInfinity, float.NegativeInfinity, 0f, -0f, float.Epsilon, -float.Epsilon,
            1e-40f, -1e-40f, 1e-30f, -1e-30f, -17.4f, -18f, -20f, -100f, -1e30f, -float.MaxValue, 88.72284f, 89f, 100f,
            1e30f, float.MaxValue,
        };
        DenseFloatSweep check = NewSweep();
        check.Run(x);
        check.Report(output);
        check.AssertSameAsScalar(x);
    }

    private static DenseFloatSweep NewSweep() =>
        new(Exact, VectorMath.Expm1, VectorMath.Expm1, VectorMath.Expm1, VectorMath.Expm1);

    /// <summary>e^x - 1 in double: the Taylor series for |x| &lt; 1/16 (no cancellation; the first omitted term is below
    /// 2^-45 relative), Math.Exp(x) - 1 above (cancellation costs at most a factor 17 on a 2^-53 error). The reference of
    /// the other expm1 sweeps too.</summary>
    internal static double Exact(double x)
    {
        if (Math.Abs(x) >= 0.0625)
        {
            return Math.Exp(x) - 1.0;
        }

        double sum = 0;
        for (int n = 10; n >= 2; n--)
        {
            sum = (sum + 1.0) * x / n;
        }

        return (sum + 1.0) * x;
    }
}
