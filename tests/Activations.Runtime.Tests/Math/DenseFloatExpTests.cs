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
        var check = NewChecker();
        int stride = Vector128.IsHardwareAccelerated ? Stride : SoftwareStride;
        check.Sweep(Bits(0f), Bits(89f), stride);
        check.Sweep(Bits(-0f), Bits(-104f), stride);
        check.Report(output, 1.0);
    }

    [Fact]
    public void EveryFloatWithASubnormalOrNearlyOverflowingResultIsWithinOneUlpAndZeroAndInfinityAreExact()
    {
        var check = NewChecker();
        int stride = Vector128.IsHardwareAccelerated ? 1 : SoftwareEdgeStride;
        check.Sweep(Bits(-86f), Bits(-105f), stride); // e^x below 2^-126 from -87.34, 0 below -103.97
        check.Sweep(Bits(88f), Bits(90f), stride); // +∞ from 88.7228394
        check.Report(output, 1.0);
        Assert.True(check.ZeroAndInfinityMismatches == 0, $"{check.ZeroAndInfinityMismatches} results are 0 or ∞ where the reference is not, or the reverse");
    }

    [Fact]
    public void BeyondTheRangeTheResultIsExactlyZeroOrInfinity()
    {
        float[] x = { -104f, -105f, -1e4f, -float.MaxValue, float.NegativeInfinity, 89f, 100f, 1e10f, float.MaxValue, float.PositiveInfinity };
        var check = NewChecker();
        check.Run(x);
        Assert.True(check.ZeroAndInfinityMismatches == 0 && check.Worst == 0, $"worst {check.Worst} ULP at x = {check.WorstX:R}");
    }

    private static DenseFloatChecker NewChecker() => new(Math.Exp, VectorMath.Exp, VectorMath.Exp, VectorMath.Exp);

    private static uint Bits(float x) => BitConverter.SingleToUInt32Bits(x);
}
