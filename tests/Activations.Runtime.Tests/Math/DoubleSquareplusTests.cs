using System;
using System.Linq;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Activations.Tests.BuiltIns;
using Activations.Tests.Reference;
using Xunit;

namespace Activations.Tests.MathCore;

/// <summary>
/// VectorMath.Squareplus in double (VectorMath.DoubleSquareplus.cs): within 1 ULP of the correctly rounded squareplus on
/// every reference row where the hardware fuses multiply-adds (2 without), the same bits from the scalar and every vector
/// width, the same value as the written-out formula within its error elsewhere in b, and the special values.
/// </summary>
public sealed class DoubleSquareplusTests
{
    [Fact]
    public void WithinOneUlpOfTheReferenceWithFma()
    {
        var rows = ReferenceTable.Double("squareplus");
        double[] x = rows.Select(r => r.X).ToArray();
        double[] y = x.Select(v => VectorMath.Squareplus(v, 4.0)).ToArray();
        AccuracyMeasure measure = AccuracyMeasure.Of(x, y, rows.Select(r => r.Y).ToArray());
        Assert.True(measure.MaxUlp <= (Fma.IsSupported ? 1 : 2), measure.Describe("squareplus", "Squareplus(double)"));
    }

    [Theory]
    [InlineData(4.0)]
    [InlineData(1e-300)] // beyond the pairs' range: the written-out formula
    [InlineData(0.3)]
    [InlineData(1e200)] // beyond the pairs' range
    public void EveryWidthGivesTheScalarsBits(double b)
    {
        DoubleLaneWidths.AssertEveryWidthGivesTheScalarsBits(
            ReferenceTable.Double("squareplus").Select(r => r.X),
            v => VectorMath.Squareplus(v, b),
            v => VectorMath.Squareplus(v, Vector128.Create(b)),
            v => VectorMath.Squareplus(v, Vector256.Create(b)),
            v => VectorMath.Squareplus(v, Vector512.Create(b)));
    }

    [Fact]
    public void ALaneBeyondThePairsRangeLeavesItsNeighboursBits()
    {
        Vector256<double> x = Vector256.Create(-3.0, 0.5, 1e300, double.NaN);
        Vector256<double> y = VectorMath.Squareplus(x, Vector256.Create(4.0));
        Assert.Equal(BitConverter.DoubleToInt64Bits(VectorMath.Squareplus(-3.0, 4.0)), BitConverter.DoubleToInt64Bits(y.GetElement(0)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(VectorMath.Squareplus(0.5, 4.0)), BitConverter.DoubleToInt64Bits(y.GetElement(1)));
        Assert.Equal(1e300, y.GetElement(2));
        Assert.True(double.IsNaN(y.GetElement(3)));
    }

    [Fact]
    public void SpecialValues()
    {
        Assert.Equal(1.0, VectorMath.Squareplus(0.0, 4.0));
        Assert.Equal(1.0, VectorMath.Squareplus(-0.0, 4.0));
        Assert.Equal(double.PositiveInfinity, VectorMath.Squareplus(double.PositiveInfinity, 4.0));
        Assert.Equal(0.0, VectorMath.Squareplus(double.NegativeInfinity, 4.0));
        Assert.True(double.IsNaN(VectorMath.Squareplus(double.NaN, 4.0)));
        Assert.Equal(3.0, VectorMath.Squareplus(3.0, 0.0)); // b = 0 is relu
        Assert.Equal(0.0, VectorMath.Squareplus(-3.0, 0.0));
        Assert.Equal(1e-8, VectorMath.Squareplus(-1e8, 4.0), 1e-22); // b / (4 |x|), where x + √(x² + b) cancels
        Assert.Equal(double.MaxValue, VectorMath.Squareplus(double.MaxValue, 4.0));
    }
}
