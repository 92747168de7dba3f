using System;
using System.Linq;
using System.Reflection;
using Xunit;

namespace Activations.Generator.Tests;

/// <summary>Bad arguments throw a clear exception naming the bad value, before anything is written.</summary>
public sealed class ArgumentCheckTests
{
    private static ActivationDescriptor Registered(string name)
    {
        _ = EndToEndTestsAccess.Compiled;
        Assert.True(ActivationRegistry.TryGet(name, out ActivationDescriptor? descriptor));
        return descriptor!;
    }

    [Theory]
    [InlineData("user_swish_beta", new double[] { 0 }, "beta")]
    [InlineData("user_swish_beta", new double[] { -1 }, "beta")]
    [InlineData("user_swish_beta", new double[] { double.NaN }, "beta")]
    [InlineData("user_window", new double[] { 10.5, 1 }, "width")]
    [InlineData("user_window", new double[] { -0.1, 1 }, "width")]
    [InlineData("user_window", new double[] { double.NaN, 1 }, "width")]
    [InlineData("user_window", new double[] { 1, -1e-30 }, "height")]
    [InlineData("user_window", new double[] { 1, double.NaN }, "height")]
    public void AConstraintViolationNamesTheParameterAndWritesNothing(string activation, double[] arguments, string parameter)
    {
        ActivationDescriptor descriptor = Registered(activation);
        float[] single = new float[40];
        double[] @double = new double[40];
        Half[] half = new Half[40];
        float[] x = Enumerable.Range(0, 40).Select(i => (float)i).ToArray();

        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => descriptor.Single(x, single, arguments));
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(parameter, e.Message);
        Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(
            () => descriptor.Double(x.Select(v => (double)v).ToArray(), @double, arguments)).ParamName);
        Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(
            () => descriptor.Half(x.Select(v => (Half)v).ToArray(), half, arguments)).ParamName);

        Assert.All(single, v => Assert.Equal(0f, v));
        Assert.All(@double, v => Assert.Equal(0.0, v));
        Assert.All(half, v => Assert.Equal((Half)0, v));
    }

    [Theory]
    [InlineData("user_swish_beta", new double[] { 1e-30 })]
    [InlineData("user_window", new double[] { 0, 0 })]
    [InlineData("user_window", new double[] { 10, 0 })]
    public void ValuesOnTheBoundaryAreAccepted(string activation, double[] arguments)
    {
        ActivationDescriptor descriptor = Registered(activation);
        descriptor.Double(new double[] { 1, 2 }, new double[2], arguments);
    }

    [Fact]
    public void TooManyArgumentsThrow() =>
        Assert.Throws<ArgumentException>(() => Registered("user_swish_beta").Single(new float[1], new float[1], new double[] { 1, 2 }));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100)]
    public void AShortDestinationThrowsAndWritesNothing(int length)
    {
        float[] x = Enumerable.Range(1, length + 1).Select(i => (float)i).ToArray();
        float[] destination = new float[length];
        ArgumentException e = Assert.Throws<ArgumentException>(() => Activation.Sigmoid(x, destination));
        Assert.Equal("destination", e.ParamName);
        Assert.All(destination, v => Assert.Equal(0f, v));

        Half[] halfDestination = new Half[length];
        Assert.Equal("destination", Assert.Throws<ArgumentException>(
            () => Activation.Sigmoid(x.Select(v => (Half)v).ToArray(), halfDestination)).ParamName);
        Assert.All(halfDestination, v => Assert.Equal((Half)0, v));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    [InlineData(5)]
    [InlineData(-31)]
    public void APartialOverlapThrowsAndWritesNothing(int shift)
    {
        double[] buffer = Enumerable.Range(0, 200).Select(i => (double)i).ToArray();
        double[] before = (double[])buffer.Clone();
        int start = shift > 0 ? 0 : -shift;
        ArgumentException e = Assert.Throws<ArgumentException>(
            () => Activation.Sigmoid(buffer.AsSpan(start, 100), buffer.AsSpan(start + shift, 100)));
        Assert.Equal("destination", e.ParamName);
        Assert.Equal(before, buffer);
    }

    [Fact]
    public void ADisjointOrLongerDestinationIsFine()
    {
        double[] buffer = Enumerable.Range(0, 200).Select(i => i / 10.0 - 10).ToArray();
        Activation.Sigmoid(buffer.AsSpan(0, 100), buffer.AsSpan(100, 100));
        Assert.Equal(1.0 / (1.0 + Math.Exp(-buffer[5])), buffer[105], 15);

        double[] longer = new double[10];
        Activation.Sigmoid(new double[] { 0, 0 }, longer);
        Assert.Equal(new[] { 0.5, 0.5, 0, 0, 0, 0, 0, 0, 0, 0 }, longer);
    }
}

/// <summary>Shares the end-to-end tests' compiled stubs.</summary>
internal static class EndToEndTestsAccess
{
    public static Assembly Compiled => EndToEndTests.CompiledAssembly;
}
