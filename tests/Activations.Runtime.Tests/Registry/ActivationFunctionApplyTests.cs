using System;
using System.Numerics.Tensors;
using Xunit;

namespace Activations.Tests.Registry;

public sealed class ActivationFunctionApplyTests
{
    public ActivationFunctionApplyTests() => HandMadeActivations.EnsureRegistered();

    private static ActivationFunction Triple => Activation.Get("handmade_scale").With("factor", 3.0);

    [Fact]
    public void AppliesToFloatDoubleAndHalfSpans()
    {
        float[] singles = new float[3];
        Triple.Apply(new[] { 1f, -2f, 0.5f }, singles);
        Assert.Equal(new[] { 3f, -6f, 1.5f }, singles);

        double[] doubles = new double[3];
        Triple.Apply(new[] { 1.0, -2.0, 0.5 }, doubles);
        Assert.Equal(new[] { 3.0, -6.0, 1.5 }, doubles);

        Half[] halves = new Half[2];
        Triple.Apply(new[] { (Half)1, (Half)(-2) }, halves);
        Assert.Equal(new[] { (Half)3, (Half)(-6) }, halves);
    }

    [Fact]
    public void AppliesInPlace()
    {
        float[] x = { 1f, 2f };
        Triple.Apply(x, x);
        Assert.Equal(new[] { 3f, 6f }, x);
    }

    [Fact]
    public void AShortDestinationThrowsAndWritesNothing()
    {
        float[] destination = { 7f, 7f };
        var e = Assert.Throws<ArgumentException>(() => Triple.Apply(new[] { 1f, 2f, 3f }, destination));
        Assert.Equal("destination", e.ParamName);
        Assert.Contains("holds 2 elements and the input has 3", e.Message);
        Assert.Equal(new[] { 7f, 7f }, destination);
    }

    [Fact]
    public void PartialOverlapThrowsAndWritesNothing()
    {
        float[] buffer = { 1f, 2f, 3f, 4f };
        Assert.Throws<ArgumentException>(() => Triple.Apply((ReadOnlySpan<float>)buffer.AsSpan(0, 3), buffer.AsSpan(1, 3)));
        Assert.Equal(new[] { 1f, 2f, 3f, 4f }, buffer);
    }

    [Fact]
    public void AppliesToDenseTensorsOfEveryType()
    {
        float[] x = { 1, 2, 3, 4, 5, 6 };
        float[] y = new float[6];
        Triple.Apply(new ReadOnlyTensorSpan<float>(x, new nint[] { 2, 3 }), new TensorSpan<float>(y, new nint[] { 2, 3 }));
        Assert.Equal(new float[] { 3, 6, 9, 12, 15, 18 }, y);

        double[] xd = { 1, 2 };
        double[] yd = new double[2];
        Triple.Apply(new ReadOnlyTensorSpan<double>(xd), new TensorSpan<double>(yd));
        Assert.Equal(new double[] { 3, 6 }, yd);

        Half[] xh = { (Half)1, (Half)2 };
        Half[] yh = new Half[2];
        Triple.Apply(new ReadOnlyTensorSpan<Half>(xh), new TensorSpan<Half>(yh));
        Assert.Equal(new[] { (Half)3, (Half)6 }, yh);
    }

    [Fact]
    public void TensorsOfDifferentShapesThrowAndNothingIsWritten()
    {
        float[] x = { 1, 2, 3, 4, 5, 6 };
        float[] y = new float[6];
        var e = Assert.Throws<ArgumentException>(() =>
            Triple.Apply(new ReadOnlyTensorSpan<float>(x, new nint[] { 2, 3 }), new TensorSpan<float>(y, new nint[] { 3, 2 })));
        Assert.Contains("[3, 2] differs from the input's [2, 3]", e.Message);
        Assert.All(y, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void ANonDenseTensorThrows()
    {
        float[] x = { 1, 2, 3, 4, 5, 6 };
        float[] y = new float[3];
        // Every other element: lengths [3], stride 2.
        var e = Assert.Throws<ArgumentException>(() =>
            Triple.Apply(new ReadOnlyTensorSpan<float>(x, new nint[] { 3 }, new nint[] { 2 }), new TensorSpan<float>(y)));
        Assert.Equal("x", e.ParamName);
        Assert.All(y, v => Assert.Equal(0f, v));
    }
}
