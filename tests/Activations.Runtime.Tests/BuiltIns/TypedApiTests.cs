using System;
using System.Linq;
using System.Numerics;
using System.Runtime.Intrinsics;
using Xunit;

namespace Activations.Tests.BuiltIns;

/// <summary>
/// The generated API as users call it, at compile time: span kernels with named Keras parameters, the
/// vector overloads (Vector128/256/512 and Vector&lt;T&gt;), and the runtime constraint checks, each compared
/// with the scalar stub.
/// </summary>
public sealed class TypedApiTests
{
    private static readonly float[] s_printed = { -10, -5, 0, 5, 10 };

    [Fact]
    public void ReluSpanOverloadsTakeKerasParametersByName()
    {
        var destination = new float[5];
        Activation.Relu(s_printed, destination, negativeSlope: 0.5f, maxValue: 5f, threshold: 5f);
        Assert.Equal(new float[] { -7.5f, -5, -2.5f, 0, 5 }, destination);

        var d = new double[5];
        Activation.Relu(s_printed.Select(v => (double)v).ToArray(), d, maxValue: 5.0);
        Assert.Equal(new double[] { 0, 0, 0, 5, 5 }, d);

        var h = new Half[5];
        Activation.Relu(s_printed.Select(v => (Half)v).ToArray(), h, negativeSlope: 0.5f);
        Assert.Equal(new[] { -5, -2.5, 0, 5, 10 }.Select(v => (Half)v), h);
    }

    [Fact]
    public void GeluSwitchIsANamedBool()
    {
        float[] x = { -3, -1, 0, 1, 3 };
        var exact = new float[5];
        var approximate = new float[5];
        Activation.Gelu(x, exact);
        Activation.Gelu(x, approximate, approximate: true);
        Assert.Equal(x.Select(v => (float)Activation.Gelu(v)), exact);
        Assert.Equal(x.Select(v => (float)Activation.Gelu(v, approximate: true)), approximate);
        Assert.NotEqual(exact, approximate);
    }

    [Fact]
    public void VectorOverloadsMatchTheStub()
    {
        Vector128<float> x128 = Vector128.Create(-20f, -1f, 0.5f, 30f);
        Vector128<float> silu = Activation.Silu(x128);
        for (int i = 0; i < Vector128<float>.Count; i++)
        {
            Assert.Equal((float)Activation.Silu(x128.GetElement(i)), silu.GetElement(i));
        }

        Vector256<double> x256 = Vector256.Create(-800.0, -2.0, 1e-300, double.NegativeInfinity);
        Vector256<double> mish = Activation.Mish(x256);
        for (int i = 0; i < Vector256<double>.Count; i++)
        {
            Assert.Equal(Activation.Mish(x256.GetElement(i)), mish.GetElement(i));
        }

        Vector512<float> x512 = Vector512.Create(-4f);
        Assert.Equal(Vector512.Create((float)Activation.Elu(-4.0, 0.5)), Activation.Elu(x512, 0.5f));

        Vector<float> x = new(2.5f);
        Assert.Equal(new Vector<float>((float)Activation.Squareplus(2.5)), Activation.Squareplus(x));
    }

    [Fact]
    public void ConstraintViolationsThrowNamingTheParameter()
    {
        float[] x = { -1, 0, 1 };
        float[] destination = { 7, 7, 7 };
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => Activation.Elu(x, destination, alpha: 0f)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => Activation.Celu(x, destination, alpha: float.NaN)).ParamName);
        Assert.Equal("maxValue", Assert.Throws<ArgumentOutOfRangeException>(() => Activation.Relu(x, destination, maxValue: -1f)).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentOutOfRangeException>(() => Activation.Squareplus(x, destination, b: -4f)).ParamName);
        Assert.Equal(new float[] { 7, 7, 7 }, destination);
    }
}
