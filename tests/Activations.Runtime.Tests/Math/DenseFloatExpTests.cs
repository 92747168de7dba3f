using System;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Activations.Tests.Reference;
using Xunit;
using Xunit.Abstractions;

namespace Activations.Tests.MathCore;

/// <summary>
/// The float vector exp against <c>(float)Math.Exp(x)</c> far beyond the reference rows: a fixed stride through
/// the bit patterns of every float in [-104, 89] (about 23 million inputs: every binade, both signs), and every
/// single float where the result is subnormal or near the overflow edge, at each vector width (a width that is
/// not accelerated runs in .NET's software fallback). Outside [-104, 89] the result is exactly 0 or +∞.
/// Two measures: the project's (<see cref="Ulp"/> against the correctly rounded float, at most 1), and the
/// distance to the unrounded <c>Math.Exp(x)</c> in ULPs of the float result, also below 1 (so every result is
/// one of the two floats around the exact value, not merely next to the rounded one).
/// </summary>
public sealed class DenseFloatExpTests(ITestOutputHelper output)
{
    /// <summary>A prime, so the sweep visits every residue of the low mantissa bits across binades.</summary>
    private const int Stride = 97;

    /// <summary>With hardware intrinsics off every vector operation runs in software, about 30 times slower, and
    /// computes exactly what the unfused Vector128 path computes (which CI sweeps densely): a sample suffices.</summary>
    private const int SoftwareStride = 9973;

    /// <summary>The edge sweeps take every float when accelerated, every 13th in software.</summary>
    private const int SoftwareEdgeStride = 13;

    [Fact]
    public void AFixedStrideThroughEveryFloatOfTheFiniteRangeIsWithinOneUlp()
    {
        DenseFloatSweep check = NewSweep();
        int stride = DenseFloatSweep.Accelerated ? Stride : SoftwareStride;
        check.Sweep(0f, 89f, stride);
        check.Sweep(-0f, -104f, stride);
        check.Report(output);
    }

    [Fact]
    public void EveryFloatWithASubnormalOrNearlyOverflowingResultIsWithinOneUlpAndZeroAndInfinityAreExact()
    {
        DenseFloatSweep check = NewSweep();
        int stride = DenseFloatSweep.Accelerated ? 1 : SoftwareEdgeStride;
        check.Sweep(-86f, -105f, stride); // e^x below 2^-126 from -87.34, 0 below -103.97
        check.Sweep(88f, 90f, stride); // +∞ from 88.7228394
        check.Report(output);
    }

    [Fact]
    public void BeyondTheRangeTheResultIsExactlyZeroOrInfinity()
    {
        float[] x = { -104f, -105f, -1e4f, -float.MaxValue, float.NegativeInfinity, 89f, 100f, 1e10f, float.MaxValue, float.PositiveInfinity };
        DenseFloatSweep check = NewSweep();
        check.Run(x);
        check.Report(output);
        check.AssertSameAsScalar(x);
    }

    private static DenseFloatSweep NewSweep() => new(Math.Exp, VectorMath.Exp, VectorMath.Exp, VectorMath.Exp, VectorMath.Exp);
}
