using System;
using System.Linq;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Activations.Tests.BuiltIns;
using Activations.Tests.Reference;
using Xunit;

namespace Activations.Tests.MathCore;

/// <summary>
/// VectorMath.MultiplyBySigmoid in double (VectorMath.DoubleSigmoid.cs), the core of the double sigmoid, silu and gelu
/// tanh-form kernels: within 1 ULP of the correctly rounded sigmoid and silu on every reference row where the hardware
/// fuses multiply-adds (2 without), the same bits from the scalar and every vector width (one body over the lanes), and
/// the special values.
/// </summary>
public sealed class DoubleSigmoidTests
{
    private static double Bound => Fma.IsSupported ? 1 : 2;

    [Theory]
    [InlineData("sigmoid")]
    [InlineData("silu")]
    public void WithinOneUlpOfTheReferenceWithFma(string name)
    {
        var rows = ReferenceTable.Double(name);
        double[] x = rows.Select(r => r.X).ToArray();
        double[] y = x.Select(v => VectorMath.MultiplyBySigmoid(Factor(name, v), v)).ToArray();
        AccuracyMeasure measure = AccuracyMeasure.Of(x, y, rows.Select(r => r.Y).ToArray());
        Assert.True(measure.MaxUlp <= Bound, measure.Describe(name, "MultiplyBySigmoid(double)"));
    }

    [Theory]
    [InlineData("sigmoid")]
    [InlineData("silu")]
    public void EveryWidthGivesTheScalarsBits(string name)
    {
        bool silu = name == "silu";
        DoubleLaneWidths.AssertEveryWidthGivesTheScalarsBits(
            ReferenceTable.Double(name).Select(r => r.X),
            v => VectorMath.MultiplyBySigmoid(Factor(name, v), v),
            v => VectorMath.MultiplyBySigmoid(silu ? Vector128.Max(v, Vector128.Create(-1e30)) : Vector128<double>.One, v),
            v => VectorMath.MultiplyBySigmoid(silu ? Vector256.Max(v, Vector256.Create(-1e30)) : Vector256<double>.One, v),
            v => VectorMath.MultiplyBySigmoid(silu ? Vector512.Max(v, Vector512.Create(-1e30)) : Vector512<double>.One, v));
        Assert.True(double.IsNaN(VectorMath.MultiplyBySigmoid(Vector256.Create(double.NaN), Vector256.Create(1.0)).GetElement(0)));
        Assert.True(double.IsNaN(VectorMath.MultiplyBySigmoid(Vector512.Create(double.NaN), Vector512.Create(double.NaN)).GetElement(0)));
    }

    [Fact]
    public void ALaneBelowMinus708OrNaNLeavesItsNeighboursBits()
    {
        // The rare lanes take other paths; the lanes beside them keep the common path's bits.
        Vector512<double> a = Vector512.Create(1.0, -3, 0.5, 2, 7, -1e30, 1, 1);
        Vector512<double> x = Vector512.Create(0.25, -3, 0.5, 2, 7, double.NegativeInfinity, double.NaN, -720);
        Vector512<double> y = VectorMath.MultiplyBySigmoid(a, x);
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(VectorMath.MultiplyBySigmoid(a.GetElement(i), x.GetElement(i))), BitConverter.DoubleToInt64Bits(y.GetElement(i)));
        }

        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(y.GetElement(5)));
        Assert.True(double.IsNaN(y.GetElement(6)));
        Assert.Equal(VectorMath.MultiplyBySigmoid(1.0, -720), y.GetElement(7));
    }

    [Fact]
    public void SpecialValues()
    {
        Assert.Equal(0.5, VectorMath.MultiplyBySigmoid(1.0, 0.0));
        Assert.Equal(1.0, VectorMath.MultiplyBySigmoid(1.0, double.PositiveInfinity));
        Assert.Equal(0.0, VectorMath.MultiplyBySigmoid(1.0, double.NegativeInfinity));
        Assert.True(double.IsNaN(VectorMath.MultiplyBySigmoid(1.0, double.NaN)));
        Assert.True(double.IsNaN(VectorMath.MultiplyBySigmoid(double.NaN, 1.0)));
        Assert.Equal(double.PositiveInfinity, VectorMath.MultiplyBySigmoid(double.PositiveInfinity, double.PositiveInfinity));
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(VectorMath.MultiplyBySigmoid(-0.0, -0.0)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(VectorMath.Silu(double.NegativeInfinity)));
        Assert.Equal(1e300, VectorMath.MultiplyBySigmoid(1e300, 40));
        Assert.Equal(double.Epsilon, VectorMath.MultiplyBySigmoid(1.0, -744.5)); // e^-744.5 = 0.94 · 2^-1074
        Assert.Equal(0.0, VectorMath.MultiplyBySigmoid(1e300, -2500));
    }

    // silu's factor is x, clamped at -10³⁰ so that -∞ gives -0 (as VectorMath.Silu).
    private static double Factor(string name, double x) => name == "sigmoid" ? 1.0 : Math.Max(x, -1e30);
}
