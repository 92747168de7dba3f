using System;
using System.Numerics.Tensors;

namespace Activations.Tests.Axis;

/// <summary>The four axis functions, and a way to call each on any element type and form.</summary>
public enum AxisFunction
{
    Softmax,
    LogSoftmax,
    Glu,
    Sparsemax,
}

internal static class AxisCalls
{
    public static int OutputLength(AxisFunction function, int n) => function == AxisFunction.Glu ? n / 2 : n;

    public static void Span(AxisFunction function, ReadOnlySpan<float> x, Span<float> y)
    {
        switch (function)
        {
            case AxisFunction.Softmax: Activation.Softmax(x, y); break;
            case AxisFunction.LogSoftmax: Activation.LogSoftmax(x, y); break;
            case AxisFunction.Glu: Activation.Glu(x, y); break;
            default: Activation.Sparsemax(x, y); break;
        }
    }

    public static void Span(AxisFunction function, ReadOnlySpan<double> x, Span<double> y)
    {
        switch (function)
        {
            case AxisFunction.Softmax: Activation.Softmax(x, y); break;
            case AxisFunction.LogSoftmax: Activation.LogSoftmax(x, y); break;
            case AxisFunction.Glu: Activation.Glu(x, y); break;
            default: Activation.Sparsemax(x, y); break;
        }
    }

    public static void Span(AxisFunction function, ReadOnlySpan<Half> x, Span<Half> y)
    {
        switch (function)
        {
            case AxisFunction.Softmax: Activation.Softmax(x, y); break;
            case AxisFunction.LogSoftmax: Activation.LogSoftmax(x, y); break;
            case AxisFunction.Glu: Activation.Glu(x, y); break;
            default: Activation.Sparsemax(x, y); break;
        }
    }

    public static void Tensor(AxisFunction function, in ReadOnlyTensorSpan<float> x, in TensorSpan<float> y, int axis)
    {
        switch (function)
        {
            case AxisFunction.Softmax: Activation.Softmax(x, y, axis); break;
            case AxisFunction.LogSoftmax: Activation.LogSoftmax(x, y, axis); break;
            case AxisFunction.Glu: Activation.Glu(x, y, axis); break;
            default: Activation.Sparsemax(x, y, axis); break;
        }
    }

    public static void Tensor(AxisFunction function, in ReadOnlyTensorSpan<double> x, in TensorSpan<double> y, int axis)
    {
        switch (function)
        {
            case AxisFunction.Softmax: Activation.Softmax(x, y, axis); break;
            case AxisFunction.LogSoftmax: Activation.LogSoftmax(x, y, axis); break;
            case AxisFunction.Glu: Activation.Glu(x, y, axis); break;
            default: Activation.Sparsemax(x, y, axis); break;
        }
    }

    public static void Tensor(AxisFunction function, in ReadOnlyTensorSpan<Half> x, in TensorSpan<Half> y, int axis)
    {
        switch (function)
        {
            case AxisFunction.Softmax: Activation.Softmax(x, y, axis); break;
            case AxisFunction.LogSoftmax: Activation.LogSoftmax(x, y, axis); break;
            case AxisFunction.Glu: Activation.Glu(x, y, axis); break;
            default: Activation.Sparsemax(x, y, axis); break;
        }
    }
}
