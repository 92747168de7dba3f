using System;
using Xunit;

namespace Activations.Tests.Registry;

public sealed class FromDelegateTests
{
    [Fact]
    public void AFloatDelegateAppliesElementByElementToEveryType()
    {
        ActivationFunction square = ActivationFunction.FromDelegate((float v) => v * v, "square");
        Assert.Equal("square", square.Name);
        Assert.True(square.IsDelegate);
        Assert.Empty(square.Parameters);

        float[] singles = new float[3];
        square.Apply(new[] { 1f, -2f, 3f }, singles);
        Assert.Equal(new[] { 1f, 4f, 9f }, singles);

        double[] doubles = new double[2];
        square.Apply(new[] { 1.5, -3.0 }, doubles);
        Assert.Equal(new[] { 2.25, 9.0 }, doubles);

        Half[] halves = new Half[2];
        square.Apply(new[] { (Half)2, (Half)(-0.5) }, halves);
        Assert.Equal(new[] { (Half)4, (Half)0.25 }, halves);
    }

    [Fact]
    public void ADoubleDelegateServesFloatThroughDouble()
    {
        ActivationFunction tanh = ActivationFunction.FromDelegate(Math.Tanh);
        Assert.Equal("Tanh", tanh.Name);
        float[] y = new float[1];
        tanh.Apply(new[] { 0.5f }, y);
        Assert.Equal((float)Math.Tanh(0.5), y[0]);
    }

    [Fact]
    public void ALambdaIsNamedCustom() =>
        Assert.Equal("custom", ActivationFunction.FromDelegate((double v) => v).Name);

    [Fact]
    public void AShortDestinationThrowsBeforeTheDelegateRuns()
    {
        int calls = 0;
        ActivationFunction counting = ActivationFunction.FromDelegate((float v) => { calls++; return v; });
        float[] destination = new float[1];
        Assert.Throws<ArgumentException>(() => counting.Apply(new[] { 1f, 2f }, destination));
        Assert.Equal(0, calls);
        Assert.Equal(0f, destination[0]);
    }

    [Fact]
    public void EqualityIsByDelegate()
    {
        Func<float, float> f = MathF.Tanh;
        Assert.Equal(ActivationFunction.FromDelegate(f), ActivationFunction.FromDelegate(f));
        Assert.NotEqual(ActivationFunction.FromDelegate(f), ActivationFunction.FromDelegate(MathF.Exp));
    }
}
