using System;
using Activations.Layers;
using Xunit;

namespace Activations.Tests.Layers;

/// <summary>The constructor checks Keras's advanced activation layers make, with its messages.</summary>
public sealed class AdvancedActivationChecksTests
{
    [Fact]
    public void ReLURejectsANegativeMaxValue()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ReLU(maxValue: -1));
        Assert.Equal("maxValue", e.ParamName);
        Assert.Contains("max_value of a ReLU layer cannot be a negative value. Received: max_value=-1", e.Message);
    }

    [Fact]
    public void ReLURejectsANegativeSlope()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ReLU(negativeSlope: -0.5));
        Assert.Contains("negative_slope of a ReLU layer cannot be a negative value. Received: negative_slope=-0.5", e.Message);
    }

    [Fact]
    public void ReLURejectsANegativeOrNaNThreshold()
    {
        Assert.Contains("threshold of a ReLU layer cannot be a negative value", Assert.Throws<ArgumentOutOfRangeException>(() => new ReLU(threshold: -2)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReLU(threshold: double.NaN));
    }

    [Fact]
    public void LeakyReLURejectsANegativeSlope()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new LeakyReLU(-0.1));
        Assert.Contains("The negative_slope value of a Leaky ReLU layer cannot be None or negative value", e.Message);
    }
}
