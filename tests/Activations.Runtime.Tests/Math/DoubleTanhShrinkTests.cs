using System;
using System.Linq;
using System.Runtime.Intrinsics;
using Activations.Tests.Reference;
using Xunit;

namespace Activations.Tests.MathCore;

/// <summary>
/// VectorMath.TanhShrink in double (VectorMath.DoubleTanhShrink.cs; its accuracy on the reference is held by
/// GeneratedKernelAccuracyTests): the same bits from the scalar and every vector width, a lane beyond 1.25 leaving its
/// neighbours' bits, and the special values.
/// </summary>
public sealed class DoubleTanhShrinkTests
{
    [Fact]
    public void EveryWidthGivesTheScalarsBits()
    {
        DoubleLaneWidths.AssertEveryWidthGivesTheScalarsBits(
            ReferenceTable.Double("tanh_shrink").Select(r => r.X), VectorMath.TanhShrink, VectorMath.TanhShrink, VectorMath.TanhShrink, VectorMath.TanhShrink);
    }

    [Fact]
    public void ALaneBeyondTheConvergentLeavesItsNeighboursBits()
    {
        Vector256<double> y = VectorMath.TanhShrink(Vector256.Create(-0.3, 1e-20, 3.0, double.NaN));
        Assert.Equal(BitConverter.DoubleToInt64Bits(VectorMath.TanhShrink(-0.3)), BitConverter.DoubleToInt64Bits(y.GetElement(0)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(VectorMath.TanhShrink(1e-20)), BitConverter.DoubleToInt64Bits(y.GetElement(1)));
        Assert.Equal(3.0 - VectorMath.Tanh(3.0), y.GetElement(2));
        Assert.True(double.IsNaN(y.GetElement(3)));
    }

    [Fact]
    public void SpecialValues()
    {
        Assert.Equal(BitConverter.DoubleToInt64Bits(0.0), BitConverter.DoubleToInt64Bits(VectorMath.TanhShrink(0.0)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(VectorMath.TanhShrink(-0.0)));
        Assert.Equal(double.PositiveInfinity, VectorMath.TanhShrink(double.PositiveInfinity));
        Assert.Equal(double.NegativeInfinity, VectorMath.TanhShrink(double.NegativeInfinity));
        Assert.True(double.IsNaN(VectorMath.TanhShrink(double.NaN)));
        Assert.Equal(1e-60 / 3, VectorMath.TanhShrink(1e-20), 1e-75); // x³/3 where x - tanh x has lost every digit
        Assert.Equal(-1e-60 / 3, VectorMath.TanhShrink(-1e-20), 1e-75);
    }
}
