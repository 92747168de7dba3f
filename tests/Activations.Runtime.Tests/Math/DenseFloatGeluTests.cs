using System;
using System.Runtime.Intrinsics;
using Xunit;
using Xunit.Abstractions;

namespace Activations.Tests.MathCore;

/// <summary>
/// The float-lane exact gelu (<see cref="VectorMath.Gelu(Vector256{float})"/>) against <c>0.5 x erfc(-x/√2)</c> computed
/// with the double erfc (x/√2's rounding in double is magnified to about 2^-45 at most, far below a float ULP): a fixed
/// stride through every float of [-14, 14] (the results underflow to -0 below about -14.1 and round to x above 5.5),
/// every float around the fast path's edge (-11.2, where the lanes go to double) and around each boundary of the
/// tabulated intervals of H (the Vector256 body's 8: |x| = 0.25, 0.75, 1.25, 2.25, 3.25, 5.25, 7.25; the Vector512 body's
/// 16 add 0.125, 0.5, 1, 1.75, 2.75, 4.25, 6.25, 9.25), the exhaustive runs' worst cases and the special values, at each
/// vector width. Within 1 ULP of the correctly rounded float and below 1 ULP from the exact value; measured over every
/// float of [-11.2, 11.2] with a throwaway harness against the double kernel: 0.8504 ULP from exact at most with the
/// Vector256 body, 0.8412 with the Vector512 one.
/// </summary>
public sealed class DenseFloatGeluTests(ITestOutputHelper output)
{
    private const int Stride = 97;

    /// <summary>Without hardware intrinsics every vector operation runs in software (and the double fallback is taken).</summary>
    private const int SoftwareStride = 9973;

    private const int SoftwareEdgeStride = 13;

    /// <summary>The interval boundaries of H(a), a = |x| (a + 0.75 at a power of two times 1, 1.25, 1.5 or 1.75).</summary>
    private static readonly float[] s_intervalBoundaries = { 0.125f, 0.25f, 0.5f, 0.75f, 1f, 1.25f, 1.75f, 2.25f, 2.75f, 3.25f, 4.25f, 5.25f, 6.25f, 7.25f, 9.25f };

    [Fact]
    public void AFixedStrideThroughTheWholeRangeIsWithinOneUlp()
    {
        DenseFloatSweep check = NewSweep();
        int stride = DenseFloatSweep.Accelerated ? Stride : SoftwareStride;
        check.Sweep(0f, 14f, stride);
        check.Sweep(-0f, -14.5f, stride);
        check.Report(output);
    }

    [Fact]
    public void EveryFloatAroundTheFastPathEdgeAndTheIntervalBoundariesIsWithinOneUlp()
    {
        DenseFloatSweep check = NewSweep();
        int stride = DenseFloatSweep.Accelerated ? 1 : SoftwareEdgeStride;
        check.Sweep(-11.15f, -11.25f, stride);
        check.Sweep(11.15f, 11.25f, stride);
        foreach (float boundary in s_intervalBoundaries)
        {
            check.Sweep(boundary - 0.001f, boundary + 0.001f, stride);
            check.Sweep(-boundary + 0.001f, -boundary - 0.001f, stride);
        }

        check.Report(output);
    }

    [Fact]
    public void TheWorstCasesOfTheExhaustiveRunAreWithinOneUlp()
    {
        DenseFloatSweep check = NewSweep();
        check.Run(new[] { -2.1932063f, -1.4275489f, -1.417993f, -2.1928158f, -1.8548723f, -2.2028902f, -1.8474605f, -11.2f, -11.200001f, 11.200001f, 1e-30f, -1e-30f, 1e-40f, -1e-40f, -14f, -14.1f });
        check.Report(output);
    }

    [Fact]
    public void SpecialValuesGiveTheLimits()
    {
        float[] x = { float.NegativeInfinity, -float.MaxValue, -1e4f, -20f, -0f, 0f, 20f, 1e4f, float.MaxValue, float.PositiveInfinity, float.NaN };
        float[] expected = { -0f, -0f, -0f, -0f, -0f, 0f, 20f, 1e4f, float.MaxValue, float.PositiveInfinity, float.NaN };
        for (int i = 0; i < x.Length; i++)
        {
            AssertSame(expected[i], VectorMath.Gelu(x[i]), x[i], "scalar");
            AssertSame(expected[i], VectorMath.Gelu(Vector128.Create(x[i]))[0], x[i], "Vector128");
            AssertSame(expected[i], VectorMath.Gelu(Vector256.Create(x[i]))[0], x[i], "Vector256");
            AssertSame(expected[i], VectorMath.Gelu(Vector512.Create(x[i]))[0], x[i], "Vector512");
        }

        // Zeros of both signs, NaN and large x inside a fast-path vector (no lane below -11.2; +∞ and NaN stay on the fast path).
        Vector256<float> mixed = Vector256.Create(-0f, 0f, float.PositiveInfinity, -1f, float.NaN, 1e30f, float.MaxValue, -11.1f);
        Vector256<float> y = VectorMath.Gelu(mixed);
        for (int i = 0; i < Vector256<float>.Count; i++)
        {
            AssertSame(VectorMath.Gelu(mixed[i]), y[i], mixed[i], "Vector256, mixed lanes");
        }
    }

    private static void AssertSame(float expected, float actual, float x, string path) =>
        Assert.True(
            float.IsNaN(expected) ? float.IsNaN(actual) : BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(actual),
            $"{path}: gelu({x:R}) = {actual:R}, expected {expected:R}");

    private static DenseFloatSweep NewSweep() =>
        new(GeluExact, VectorMath.Gelu, VectorMath.Gelu, VectorMath.Gelu, VectorMath.Gelu);

    // 0.5 x erfc(-x/√2) with the double erfc (2 ULP of double); x clamped so that -∞ gives -0.
    private static double GeluExact(double x) => 0.5 * Math.Max(x, -1e30) * VectorMath.Erfc(-(x * 0.7071067811865476));
}
