using System;
using System.Runtime.Intrinsics;
using Xunit;
using Xunit.Abstractions;

namespace Activations.Tests.MathCore;

/// <summary>
/// The float-lane silu, <c>VectorMath.Silu</c> (the sigmoid core with x as its own factor, the clamp that makes silu(-∞) = 0
/// only on the rare path), against x · sigmoid(x) computed in double: a fixed stride through every float of [-104, 104],
/// every float where the fast path hands over to double (|x| near 80), at each vector width, and the special values.
/// </summary>
public sealed class DenseFloatSiluTests(ITestOutputHelper output)
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
        check.Sweep(0f, 104f, stride);
        check.Sweep(-0f, -104f, stride);
        check.Report(output);
    }

    [Fact]
    public void EveryFloatAroundTheFastPathEdgeIsWithinOneUlp()
    {
        DenseFloatSweep check = NewSweep();
        int stride = DenseFloatSweep.Accelerated ? 1 : SoftwareEdgeStride;
        check.Sweep(-79f, -81f, stride);
        check.Sweep(79f, 81f, stride);
        check.Report(output);
    }

    [Fact]
    public void SpecialValuesGiveTheLimits()
    {
        float[] x = { float.NegativeInfinity, -float.MaxValue, -1e4f, -0f, 0f, 1e4f, float.MaxValue, float.PositiveInfinity, float.NaN };
        float[] expected = { 0f, 0f, 0f, 0f, 0f, 1e4f, float.MaxValue, float.PositiveInfinity, float.NaN };
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(expected[i], VectorMath.Silu(x[i]));
            Assert.Equal(expected[i], VectorMath.Silu(Vector128.Create(x[i]))[0]);
            Assert.Equal(expected[i], VectorMath.Silu(Vector256.Create(x[i]))[0]);
            Assert.Equal(expected[i], VectorMath.Silu(Vector512.Create(x[i]))[0]);
        }
    }

    private static DenseFloatSweep NewSweep() => new(Silu, VectorMath.Silu, VectorMath.Silu, VectorMath.Silu, VectorMath.Silu);

    private static double Silu(double x) => x >= 0 ? x / (1 + Math.Exp(-x)) : x * Math.Exp(x) / (1 + Math.Exp(x));
}
