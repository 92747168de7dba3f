using System;
using System.Linq;
using System.Numerics.Tensors;
using Xunit;
using Xunit.Abstractions;

namespace Activations.Tests.Axis;

/// <summary>
/// The tensor overloads, ranks 1 to 4, every axis (positive and negative), dense and permuted (strided) layouts,
/// each line checked against the reference. The shapes put the contiguous dimension on both sides of every
/// vector width, so the row kernel, the across-lines kernel with its leftover lines, and the scalar line all run.
/// </summary>
public sealed class AxisTensorTests(ITestOutputHelper output)
{
    private static readonly nint[][] Shapes =
    {
        new nint[] { 37 },
        new nint[] { 5, 33 },
        new nint[] { 40, 3 },
        new nint[] { 3, 17, 9 },
        new nint[] { 2, 5, 20 },
        new nint[] { 2, 3, 4, 19 },
        new nint[] { 3, 2, 21, 2 },
        new nint[] { 37, 4 },      // permuted: the first dimension is the contiguous one, 37 lines side by side
        new nint[] { 19, 3, 2 },
    };

    public static TheoryData<AxisFunction, ElementType, int, bool> Cases()
    {
        var data = new TheoryData<AxisFunction, ElementType, int, bool>();
        foreach (AxisFunction function in Enum.GetValues<AxisFunction>())
        {
            foreach (ElementType type in Enum.GetValues<ElementType>())
            {
                for (int shape = 0; shape < Shapes.Length; shape++)
                {
                    data.Add(function, type, shape, false);
                    data.Add(function, type, shape, true);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryAxisOfEveryRankMatchesTheReference(AxisFunction function, ElementType type, int shape, bool permuted)
    {
        nint[] baseLengths = Shapes[shape];
        int rank = baseLengths.Length;
        double worst = 0;
        for (int axis = -rank; axis < rank; axis++)
        {
            int normalized = axis < 0 ? axis + rank : axis;
            nint[] lengths = baseLengths.ToArray();
            if (function == AxisFunction.Glu)
            {
                lengths[normalized] *= 2;
            }

            // Permuted: the data is laid out for the reversed shape and viewed through reversed strides.
            nint[] strides = permuted
                ? TensorHarness.DenseStrides(lengths.Reverse().ToArray()).Reverse().ToArray()
                : TensorHarness.DenseStrides(lengths);
            int count = (int)lengths.Aggregate((nint)1, (a, b) => a * b);
            foreach (double scale in new[] { 1.0, 30.0 })
            {
                double[] data = TensorHarness.Values(type, count, scale, seed: shape * 31 + axis);
                string context = $"{function} {type} [{string.Join(", ", lengths)}] {(permuted ? "permuted" : "dense")} axis {axis} scale {scale}";
                worst = Math.Max(worst, TensorHarness.Check(type, function, data, lengths, strides, new[] { axis }, context));
            }
        }

        output.WriteLine($"{function} {type} shape {shape} {(permuted ? "permuted" : "dense")}: max {worst:F3} ULP ({SimdPathTests.LivePath})");
    }

    public static TheoryData<AxisFunction, ElementType, int[], int[], bool> GroupCases()
    {
        var data = new TheoryData<AxisFunction, ElementType, int[], int[], bool>();
        var cases = new (int[] Shape, int[] Axes)[]
        {
            (new[] { 4, 5, 19 }, new[] { 1, 2 }),       // trailing axes: merged into one contiguous axis
            (new[] { 4, 5, 19 }, new[] { -1, -2 }),     // the same, negative and unsorted
            (new[] { 4, 5, 19 }, new[] { 0, 1 }),       // leading axes: merged into one strided axis
            (new[] { 4, 5, 19 }, new[] { 0, 2 }),       // not adjacent: gathered
            (new[] { 4, 5, 19 }, new[] { 0, 1, 2 }),    // everything
            (new[] { 2, 3, 4, 17 }, new[] { 1, 3 }),
            (new[] { 2, 3, 1, 17 }, new[] { 1, 3 }),    // adjacent but for a length-1 dimension: merged
        };
        foreach (AxisFunction function in new[] { AxisFunction.Softmax, AxisFunction.LogSoftmax })
        {
            foreach (ElementType type in Enum.GetValues<ElementType>())
            {
                foreach ((int[] shape, int[] axes) in cases)
                {
                    data.Add(function, type, shape, axes, false);
                    data.Add(function, type, shape, axes, true);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GroupCases))]
    public void SeveralAxesNormalizeEachGroupTogether(AxisFunction function, ElementType type, int[] shape, int[] axes, bool permuted)
    {
        nint[] lengths = shape.Select(l => (nint)l).ToArray();
        nint[] strides = permuted
            ? TensorHarness.DenseStrides(lengths.Reverse().ToArray()).Reverse().ToArray()
            : TensorHarness.DenseStrides(lengths);
        int count = shape.Aggregate(1, (a, b) => a * b);
        double[] data = TensorHarness.Values(type, count, 10, seed: count + axes.Sum());
        string context = $"{function} {type} [{string.Join(", ", shape)}] axes ({string.Join(", ", axes)}) {(permuted ? "permuted" : "dense")}";
        double worst = TensorHarness.Check(type, function, data, lengths, strides, axes, context);
        output.WriteLine($"{context}: max {worst:F3} ULP");
    }

    [Fact]
    public void TensorConveniencesMatchTheSpanOverloads()
    {
        float[] data = AxisInputs.Singles(3 * 4 * 10, 5, seed: 7);
        Tensor<float> x = Tensor.Create(data, new nint[] { 3, 4, 10 });
        foreach (int axis in new[] { 0, 1, 2, -1 })
        {
            var expected = new float[data.Length];
            var destination = new TensorSpan<float>(expected, new nint[] { 3, 4, 10 });
            Activation.Softmax(x.AsReadOnlyTensorSpan(), destination, axis);
            Tensor<float> actual = Activation.Softmax(x, axis);
            Assert.Equal(new nint[] { 3, 4, 10 }, actual.Lengths.ToArray());
            Assert.Equal(expected, Flatten(actual));
        }

        Tensor<float> glu = Activation.Glu(x, axis: 1);
        Assert.Equal(new nint[] { 3, 2, 10 }, glu.Lengths.ToArray());
        Tensor<float> grouped = Activation.LogSoftmax(x, stackalloc int[] { 1, 2 });
        Assert.Equal(new nint[] { 3, 4, 10 }, grouped.Lengths.ToArray());
        Tensor<float> merged = Activation.LogSoftmax(Tensor.Create(data, new nint[] { 3, 40 }), axis: -1);
        Assert.Equal(Flatten(merged), Flatten(grouped));
    }

    [Theory]
    [InlineData(AxisFunction.Softmax)]
    [InlineData(AxisFunction.LogSoftmax)]
    [InlineData(AxisFunction.Sparsemax)]
    public void TensorsMayBeComputedInPlace(AxisFunction function)
    {
        foreach (int axis in new[] { 0, 1, 2 })
        {
            double[] data = AxisInputs.Doubles(4 * 6 * 20, 8, seed: axis);
            var expected = new double[data.Length];
            nint[] lengths = { 4, 6, 20 };
            AxisCalls.Tensor(function, new ReadOnlyTensorSpan<double>(data, lengths), new TensorSpan<double>(expected, lengths), axis);
            var span = new TensorSpan<double>(data, lengths);
            AxisCalls.Tensor(function, span, span, axis);
            Assert.Equal(expected, data);
        }
    }

    private static float[] Flatten(Tensor<float> tensor)
    {
        var values = new float[tensor.FlattenedLength];
        tensor.AsReadOnlyTensorSpan().FlattenTo(values);
        return values;
    }
}
