using System;
using System.Numerics.Tensors;
using Xunit;
using Xunit.Abstractions;

namespace Activations.Tests.Axis;

/// <summary>
/// What users compare against: TensorPrimitives.SoftMax does not subtract the maximum, so e^x overflows float above
/// about 88.72 and its result is NaN; ours subtracts it and is exact there. Shown, not only documented.
/// </summary>
public sealed class TensorPrimitivesComparisonTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1024, 10.0)]
    [InlineData(65536, 10.0)]
    [InlineData(1024, 80.0)]
    public void OursIsWithinTwoUlpsWhereTensorPrimitivesIsFinite(int length, double scale)
    {
        // Inside TensorPrimitives' finite range, the accuracy comparison the docs quote: ours is checked against the
        // bar, theirs only reported (it is the peer, not under test).
        float[] x = AxisInputs.Singles(length, scale, seed: length);
        DoubleDouble[] reference = AxisReference.Softmax(AxisInputs.Widen(x));
        var ours = new float[length];
        var theirs = new float[length];
        Activation.Softmax(x, ours);
        TensorPrimitives.SoftMax(x, theirs);
        double oursWorst = AxisAccuracy.Check(ours, reference, $"softmax n={length} scale={scale}");
        double theirsWorst = 0;
        for (int i = 0; i < length; i++)
        {
            theirsWorst = Math.Max(theirsWorst, AxisAccuracy.Error(theirs[i], reference[i]));
        }

        output.WriteLine($"softmax float n={length} x in [-{scale}, {scale}]: ours max {oursWorst} ULP, TensorPrimitives.SoftMax max {theirsWorst} ULP");
    }

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
