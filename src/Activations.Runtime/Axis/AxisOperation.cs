using System;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Activations;

/// <summary>
/// The public axis functions' shared body: checks the arguments, then runs a kernel over a span or a tensor.
/// Half computes in float (<see cref="HalfBridge"/>).
/// </summary>
internal static class AxisOperation
{
    public static void Span<TKernel, T>(ReadOnlySpan<T> x, Span<T> destination)
        where TKernel : IAxisKernel
    {
        if (typeof(TKernel) == typeof(GluKernel))
        {
            AxisArguments.CheckEven(x.Length, nameof(x));
        }

        int outputLength = TKernel.OutputLength(x.Length);
        AxisArguments.CheckSpans(x, destination, outputLength);
        if (x.IsEmpty)
        {
            return;
        }

        if (typeof(T) == typeof(Half))
        {
            HalfBridge.Row<TKernel>(
                MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<T, Half>(ref MemoryMarshal.GetReference(x)), x.Length),
                MemoryMarshal.CreateSpan(ref Unsafe.As<T, Half>(ref MemoryMarshal.GetReference(destination)), destination.Length),
                outputLength);
            return;
        }

        AxisDriver.Row<TKernel, T>(ref Unsafe.AsRef(in x[0]), ref destination[0], x.Length);
    }

    public static void Tensor<TKernel, T>(in ReadOnlyTensorSpan<T> x, in TensorSpan<T> destination, int axis)
        where TKernel : IAxisKernel
    {
        int normalized = AxisArguments.NormalizeAxis(axis, x.Rank, nameof(axis));
        nint n = x.Lengths[normalized];
        if (typeof(TKernel) == typeof(GluKernel))
        {
            AxisArguments.CheckEven(n, nameof(x));
        }

        AxisArguments.CheckShapes(x.Lengths, destination.Lengths, destination.Strides, normalized, TKernel.OutputLength(checked((int)n)));
        if (x.IsEmpty)
        {
            return;
        }

        if (typeof(T) == typeof(Half))
        {
            HalfBridge.Tensor<TKernel>(
                ref Unsafe.As<T, Half>(ref Unsafe.AsRef(in x.GetPinnableReference())), x.Lengths, x.Strides,
                ref Unsafe.As<T, Half>(ref destination.GetPinnableReference()), destination.Lengths, destination.Strides,
                stackalloc int[] { normalized });
            return;
        }

        AxisDriver.Run<TKernel, T>(ref Unsafe.AsRef(in x.GetPinnableReference()), x.Lengths, x.Strides, ref destination.GetPinnableReference(), destination.Strides, normalized);
    }

    public static void Tensor<TKernel, T>(in ReadOnlyTensorSpan<T> x, in TensorSpan<T> destination, ReadOnlySpan<int> axes)
        where TKernel : IAxisKernel
    {
        Span<int> normalized = axes.Length <= 16 ? stackalloc int[axes.Length] : new int[axes.Length];
        AxisArguments.NormalizeAxes(axes, x.Rank, normalized, nameof(axes));
        AxisArguments.CheckShapes(x.Lengths, destination.Lengths, destination.Strides, -1, 0);
        if (x.IsEmpty)
        {
            return;
        }

        if (typeof(T) == typeof(Half))
        {
            HalfBridge.Tensor<TKernel>(
                ref Unsafe.As<T, Half>(ref Unsafe.AsRef(in x.GetPinnableReference())), x.Lengths, x.Strides,
                ref Unsafe.As<T, Half>(ref destination.GetPinnableReference()), destination.Lengths, destination.Strides,
                normalized);
            return;
        }

        Groups<TKernel, T>(ref Unsafe.AsRef(in x.GetPinnableReference()), x.Lengths, x.Strides, ref destination.GetPinnableReference(), destination.Strides, normalized);
    }

    /// <summary>A new tensor of the result's shape (x's, with the axis length the kernel gives).</summary>
    public static Tensor<T> Create<TKernel, T>(Tensor<T> x, int axis)
        where TKernel : IAxisKernel
    {
        ArgumentNullException.ThrowIfNull(x);
        int normalized = AxisArguments.NormalizeAxis(axis, x.Rank, nameof(axis));
        if (typeof(TKernel) == typeof(GluKernel))
        {
            AxisArguments.CheckEven(x.Lengths[normalized], nameof(x));
        }

        Span<nint> lengths = stackalloc nint[x.Rank];
        x.Lengths.CopyTo(lengths);
        lengths[normalized] = TKernel.OutputLength(checked((int)lengths[normalized]));
        Tensor<T> result = System.Numerics.Tensors.Tensor.CreateFromShapeUninitialized<T>(lengths);
        Tensor<TKernel, T>(x.AsReadOnlyTensorSpan(), result.AsTensorSpan(), normalized);
        return result;
    }

    public static Tensor<T> Create<TKernel, T>(Tensor<T> x, ReadOnlySpan<int> axes)
        where TKernel : IAxisKernel
    {
        ArgumentNullException.ThrowIfNull(x);
        Span<int> normalized = axes.Length <= 16 ? stackalloc int[axes.Length] : new int[axes.Length];
        AxisArguments.NormalizeAxes(axes, x.Rank, normalized, nameof(axes));
        Tensor<T> result = System.Numerics.Tensors.Tensor.CreateFromShapeUninitialized<T>(x.Lengths);
        Tensor<TKernel, T>(x.AsReadOnlyTensorSpan(), result.AsTensorSpan(), normalized);
        return result;
    }

    internal static void Groups<TKernel, T>(ref T x, ReadOnlySpan<nint> lengths, ReadOnlySpan<nint> xStrides, ref T destination, ReadOnlySpan<nint> destinationStrides, ReadOnlySpan<int> axes)
        where TKernel : IAxisKernel
    {
        if (axes.Length == 1)
        {
            AxisDriver.Run<TKernel, T>(ref x, lengths, xStrides, ref destination, destinationStrides, axes[0]);
        }
        else
        {
            AxisGroups.Run<TKernel, T>(ref x, lengths, xStrides, ref destination, destinationStrides, axes);
        }
    }
}
