using System;
using System.Numerics.Tensors;
using Xunit;

namespace Activations.Tests.Axis;

/// <summary>
/// What users compare against: TensorPrimitives.SoftMax does not subtract the maximum, so e^x overflows float above
/// about 88.72 and its result is NaN; ours subtracts it and is exact there. Shown, not only documented.
/// </summary>
public sealed class TensorPrimitivesComparisonTests
{
    [Theory]
    [InlineData(88.0f, false)]
    [InlineData(89.0f, true)]
    [InlineData(1000.0f, true)]
    public void TensorPrimitivesReturnsNaNAboveAbout88WhereOursStaysExact(float large, bool tensorPrimitivesFails)
    {
        float[] x = { large, large - 1, 0 };
        var ours = new float[3];
        var theirs = new float[3];
        Activation.Softmax(x, ours);
        TensorPrimitives.SoftMax(x, theirs);

        AxisAccuracy.Check(ours, AxisReference.Softmax(AxisInputs.Widen(x)), $"softmax at {large}");
        Assert.Equal(tensorPrimitivesFails, float.IsNaN(theirs[0]));
    }
}
