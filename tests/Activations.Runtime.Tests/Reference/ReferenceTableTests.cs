using System;
using Xunit;

namespace Activations.Tests.Reference;

/// <summary>The reference data and the ULP measure are themselves checked before anything is judged by them.</summary>
public sealed class ReferenceTableTests
{
    [Fact]
    public void EveryFunctionHasAllThreeFormats()
    {
        foreach (string name in ReferenceTable.Names())
        {
            Assert.NotEmpty(ReferenceTable.Single(name));
            Assert.NotEmpty(ReferenceTable.Double(name));
            Assert.Equal(65536, ReferenceTable.Half(name).Length);
        }
    }

    [Fact]
    public void ExpReferenceAgreesWithTheSystemLibraryAtOne()
    {
        foreach ((double x, double y) in ReferenceTable.Double("exp"))
        {
            if (x == 1.0)
            {
                Assert.Equal(Math.E, y);
                return;
            }
        }

        Assert.Fail("exp.f64 has no row for x = 1.");
    }

    [Fact]
    public void UlpMeasureFollowsTheReadme()
    {
        Assert.Equal(0, Ulp.Error(1.0f, 1.0f));
        Assert.Equal(1, Ulp.Error(MathF.BitIncrement(1.0f), 1.0f));
        Assert.Equal(0.5, Ulp.Error(MathF.BitDecrement(1.0f), 1.0f)); // the spacing below 1 is half the spacing above
        Assert.Equal(0, Ulp.Error(-0.0, 0.0));
        Assert.Equal(1, Ulp.Error(double.Epsilon, 0.0));
        Assert.Equal(double.PositiveInfinity, Ulp.Error(double.NaN, 1.0));
        Assert.Equal(0, Ulp.Error(double.NaN, double.NaN));
        Assert.Equal(double.PositiveInfinity, Ulp.Error(double.MaxValue, double.PositiveInfinity));
        Assert.Equal(1, Ulp.Error(double.BitDecrement(double.MaxValue), double.MaxValue));
        Assert.Equal(1, Ulp.Error(Half.BitIncrement((Half)1), (Half)1));
    }
}
