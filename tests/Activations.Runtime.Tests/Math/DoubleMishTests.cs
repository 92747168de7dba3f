using System;
using System.Linq;
using System.Runtime.Intrinsics;
using Activations.Tests.Reference;
using Xunit;

namespace Activations.Tests.MathCore;

/// <summary>
/// VectorMath.Mish in double (VectorMath.DoubleMish.cs; its accuracy on the reference is held by
/// GeneratedKernelAccuracyTests): the same bits from the scalar and every vector width, a lane beyond ±708 leaving its
/// neighbours' bits, and the special values.
/// </summary>
public sealed class DoubleMishTests
{
    [Fact]
    public void EveryWidthGivesTheScalarsBits()
    {
        DoubleLaneWidths.AssertEveryWidthGivesTheScalarsBits(
            ReferenceTable.Double("mish").Select(r => r.X), VectorMath.Mish, VectorMath.Mish, VectorMath.Mish, VectorMath.Mish);
    }

    [Fact]
    public void ALaneBeyond708LeavesItsNeighboursBits()
    {
        Vector256<double> y = VectorMath.Mish(Vector256.Create(-0.3, 2.5, -720, double.NaN));
        Assert.Equal(BitConverter.DoubleToInt64Bits(VectorMath.Mish(-0.3)), BitConverter.DoubleToInt64Bits(y.GetElement(0)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(VectorMath.Mish(2.5)), BitConverter.DoubleToInt64Bits(y.GetElement(1)));
        Assert.Equal(VectorMath.Mish(-720.0), y.GetElement(2));
        Assert.True(double.IsNaN(y.GetElement(3)));
    }

    [Fact]
    public void SpecialValues()
    {
        Assert.Equal(BitConverter.DoubleToInt64Bits(0.0), BitConverter.DoubleToInt64Bits(VectorMath.Mish(0.0)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(VectorMath.Mish(-0.0)));
        Assert.Equal(double.PositiveInfinity, VectorMath.Mish(double.PositiveInfinity));
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(VectorMath.Mish(double.NegativeInfinity)));
        Assert.True(double.IsNaN(VectorMath.Mish(double.NaN)));
        Assert.Equal(1e300, VectorMath.Mish(1e300));
        Assert.Equal(-720 * Math.Exp(-720), VectorMath.Mish(-720.0), 1e-320); // x e^x below -708
        Assert.Equal(0.0, VectorMath.Mish(-2000.0));
    }
}
