using System;
using System.Runtime.Intrinsics;
using Xunit;
using Xunit.Abstractions;

namespace Activations.Tests.MathCore;

/// <summary>
/// The float-lane tanh form of gelu (<see cref="VectorMath.GeluApproximate(Vector256{float})"/>) against the same
/// function computed in double (w's rounding in double is magnified to about 2^-46 at most, far below a float ULP): a
/// fixed stride through every float of [-12, 12] (below -11 the results round to -0; above 10, to x), and densely where
/// the fast path hands over to double (x near -10.07) and where x is capped in w (near 8), at each vector width.
/// Within 1 ULP of the correctly rounded float and below 1 ULP from the exact value; measured over every float of
/// [-10.5, 10.5], and again over every float, with a throwaway harness: 0.7282 ULP from exact at most (0.65 on a stride
/// through the whole range).
/// </summary>
public sealed class DenseFloatGeluApproximateTests(ITestOutputHelper output)
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
        check.Sweep(0f, 12f, stride);
        check.Sweep(-0f, -12f, stride);
        check.Report(output);
    }

    [Fact]
    public void EveryFloatAroundTheFastPathEdgeAndTheCapIsWithinOneUlp()
    {
        DenseFloatSweep check = NewSweep();
        int stride = DenseFloatSweep.Accelerated ? 1 : SoftwareEdgeStride;
        check.Sweep(-10.02f, -10.12f, stride);
        check.Sweep(7.95f, 8.05f, stride);
        check.Report(output);
    }

    [Fact]
    public void TheWorstCasesOfTheExhaustiveRunAreWithinOneUlp()
    {
        DenseFloatSweep check = NewSweep();
        check.Run(new[] { -2.7653978f, -5.382702f, -5.5601506f, -1.4062386f, -10.069999f, -10.070001f, 8.000001f, 7.999999f, 9.99e36f, 1e37f, 2.3587039e38f, 1e-30f, -1e-30f, 1.4e-45f });
        check.Report(output);
    }

    [Fact]
    public void SpecialValuesGiveTheLimits()
    {
        float[] x = { float.NegativeInfinity, -float.MaxValue, -1e4f, -20f, -0f, 0f, 20f, 1e4f, float.MaxValue, float.PositiveInfinity, float.NaN };
        float[] expected = { -0f, -0f, -0f, -0f, -0f, 0f, 20f, 1e4f, float.MaxValue, float.PositiveInfinity, float.NaN };
        for (int i = 0; i < x.Length; i++)
        {
            AssertSame(expected[i], VectorMath.GeluApproximate(x[i]), x[i], "scalar");
            AssertSame(expected[i], VectorMath.GeluApproximate(Vector128.Create(x[i]))[0], x[i], "Vector128");
            AssertSame(expected[i], VectorMath.GeluApproximate(Vector256.Create(x[i]))[0], x[i], "Vector256");
            AssertSame(expected[i], VectorMath.GeluApproximate(Vector512.Create(x[i]))[0], x[i], "Vector512");
        }

        // Zeros of both signs, NaN, large x and the fast path's lowest x inside a fast-path vector (no lane below -10.07 or at ±∞).
        Vector256<float> mixed = Vector256.Create(-0f, 0f, 1f, -1f, float.NaN, 9.99e36f, -10.07f, -10.06f);
        Vector256<float> y = VectorMath.GeluApproximate(mixed);
        for (int i = 0; i < Vector256<float>.Count; i++)
        {
            AssertSame(VectorMath.GeluApproximate(mixed[i]), y[i], mixed[i], "Vector256, mixed lanes");
        }
    }

    private static void AssertSame(float expected, float actual, float x, string path) =>
        Assert.True(
            float.IsNaN(expected) ? float.IsNaN(actual) : BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(actual),
            $"{path}: gelu_tanh({x:R}) = {actual:R}, expected {expected:R}");

    private static DenseFloatSweep NewSweep() =>
        new(GeluTanh, VectorMath.GeluApproximate, VectorMath.GeluApproximate, VectorMath.GeluApproximate, VectorMath.GeluApproximate);

    // x sigmoid(w), w = 2√(2/π)(x + 0.044715 x³) in double, the sigmoid from e^-|w| on either side.
    private static double GeluTanh(double x)
    {
        double w = x * (1.5957691216057308 + (0.07135481627260025 * (x * x)));
        double e = Math.Exp(-Math.Abs(w));
        return Math.Max(x, -1e30) * (w >= 0 ? 1 / (1 + e) : e / (1 + e));
    }
}
