using System;
using System.Numerics.Tensors;
using Xunit;

namespace Activations.Tests.Axis;

/// <summary>Bad input throws an exception that names the bad value, and leaves the destination untouched.</summary>
public sealed class AxisArgumentTests
{
    private const float Sentinel = -123.5f;

    private static float[] Untouched(int length)
    {
        var destination = new float[length];
        Array.Fill(destination, Sentinel);
        return destination;
    }

    private static void AssertUntouched(float[] destination) => Assert.All(destination, v => Assert.Equal(Sentinel, v));

    [Theory]
    [InlineData(2)]
    [InlineData(-3)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void AnAxisOutOfRangeIsNamed(int axis)
    {
        float[] data = AxisInputs.Singles(12, 1, 1);
        foreach (AxisFunction function in Enum.GetValues<AxisFunction>())
        {
            float[] destination = Untouched(12);
            var exception = Assert.Throws<ArgumentOutOfRangeException>(() =>
                AxisCalls.Tensor(function, new ReadOnlyTensorSpan<float>(data, new nint[] { 3, 4 }), new TensorSpan<float>(destination, new nint[] { 3, 4 }), axis));
            Assert.Equal("axis", exception.ParamName);
            Assert.Contains(axis.ToString(), exception.Message);
            AssertUntouched(destination);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => Activation.Sparsemax(Tensor.Create(data, new nint[] { 3, 4 }), axis));
    }

    [Fact]
    public void BadAxesAreNamed()
    {
        float[] data = AxisInputs.Singles(24, 1, 1);
        float[] destination = Untouched(24);
        var x = new ReadOnlyTensorSpan<float>(data, new nint[] { 2, 3, 4 });
        var y = new TensorSpan<float>(destination, new nint[] { 2, 3, 4 });

        var outOfRange = Assert.Throws<ArgumentOutOfRangeException>(() => Activation.Softmax(new ReadOnlyTensorSpan<float>(data, new nint[] { 2, 3, 4 }), new TensorSpan<float>(destination, new nint[] { 2, 3, 4 }), stackalloc int[] { 0, 5 }));
        Assert.Contains("5", outOfRange.Message);
        var repeated = Assert.Throws<ArgumentException>(() => Activation.LogSoftmax(new ReadOnlyTensorSpan<float>(data, new nint[] { 2, 3, 4 }), new TensorSpan<float>(destination, new nint[] { 2, 3, 4 }), stackalloc int[] { 1, -2 }));
        Assert.Equal("axes", repeated.ParamName);
        Assert.Contains("1", repeated.Message);
        var none = Assert.Throws<ArgumentException>(() => Activation.Softmax(new ReadOnlyTensorSpan<float>(data, new nint[] { 2, 3, 4 }), new TensorSpan<float>(destination, new nint[] { 2, 3, 4 }), ReadOnlySpan<int>.Empty));
        Assert.Equal("axes", none.ParamName);
        AssertUntouched(destination);
    }

    [Fact]
    public void ShapeMismatchIsNamed()
    {
        float[] data = AxisInputs.Singles(12, 1, 1);
        foreach (AxisFunction function in Enum.GetValues<AxisFunction>())
        {
            float[] destination = Untouched(12);
            var exception = Assert.Throws<ArgumentException>(() =>
                AxisCalls.Tensor(function, new ReadOnlyTensorSpan<float>(data, new nint[] { 3, 4 }), new TensorSpan<float>(destination, new nint[] { 4, 3 }), -1));
            Assert.Equal("destination", exception.ParamName);
            Assert.Contains("[4, 3]", exception.Message);
            AssertUntouched(destination);
        }

        // glu wants the axis halved: x's own shape is wrong for it.
        float[] same = Untouched(12);
        var glu = Assert.Throws<ArgumentException>(() => Activation.Glu(new ReadOnlyTensorSpan<float>(data, new nint[] { 3, 4 }), new TensorSpan<float>(same, new nint[] { 3, 4 }), 1));
        Assert.Contains("[3, 2]", glu.Message);
        AssertUntouched(same);
    }

    [Fact]
    public void AnOddGluLengthIsNamed()
    {
        float[] data = AxisInputs.Singles(15, 1, 1);
        float[] destination = Untouched(15);
        var span = Assert.Throws<ArgumentException>(() => Activation.Glu(data, destination));
        Assert.Contains("15", span.Message);
        var tensor = Assert.Throws<ArgumentException>(() => Activation.Glu(new ReadOnlyTensorSpan<float>(data, new nint[] { 3, 5 }), new TensorSpan<float>(destination, new nint[] { 3, 2 }), -1));
        Assert.Contains("5", tensor.Message);
        Assert.Throws<ArgumentException>(() => Activation.Glu(Tensor.Create(data, new nint[] { 5, 3 }), 0));
        AssertUntouched(destination);
    }

    [Fact]
    public void AShortDestinationIsNamed()
    {
        float[] data = AxisInputs.Singles(10, 1, 1);
        foreach (AxisFunction function in Enum.GetValues<AxisFunction>())
        {
            float[] destination = Untouched(AxisCalls.OutputLength(function, 10) - 1);
            var exception = Assert.Throws<ArgumentException>(() => AxisCalls.Span(function, data, destination));
            Assert.Equal("destination", exception.ParamName);
            Assert.Contains(destination.Length.ToString(), exception.Message);
            AssertUntouched(destination);
        }
    }

    [Fact]
    public void PartialOverlapIsRejected()
    {
        var buffer = new double[20];
        Assert.Throws<ArgumentException>(() => Activation.Softmax(buffer.AsSpan(0, 10), buffer.AsSpan(1, 10)));
        Assert.Throws<ArgumentException>(() => Activation.Glu(buffer.AsSpan(0, 10), buffer.AsSpan(2, 5)));
    }

    [Fact]
    public void ABroadcastDestinationIsRejected()
    {
        float[] data = AxisInputs.Singles(12, 1, 1);
        float[] destination = Untouched(4);
        var exception = Assert.Throws<ArgumentException>(() =>
            Activation.Softmax(new ReadOnlyTensorSpan<float>(data, new nint[] { 3, 4 }), new TensorSpan<float>(destination, new nint[] { 3, 4 }, new nint[] { 0, 1 }), -1));
        Assert.Contains("stride 0", exception.Message);
        AssertUntouched(destination);
    }

    [Fact]
    public void SpansMayBeComputedInPlaceAndEmptyInputsDoNothing()
    {
        foreach (AxisFunction function in Enum.GetValues<AxisFunction>())
        {
            float[] x = AxisInputs.Singles(100, 3, 5);
            var expected = new float[AxisCalls.OutputLength(function, x.Length)];
            AxisCalls.Span(function, x, expected);
            AxisCalls.Span(function, x, x);
            Assert.Equal(expected, x.AsSpan(0, expected.Length).ToArray());

            AxisCalls.Span(function, ReadOnlySpan<float>.Empty, Span<float>.Empty);
        }
    }
}
