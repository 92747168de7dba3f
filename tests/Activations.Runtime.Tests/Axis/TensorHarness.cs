using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics.Tensors;
using Xunit;

namespace Activations.Tests.Axis;

public enum ElementType
{
    Single,
    Double,
    Half,
}

/// <summary>
/// Runs the tensor overloads on a view of a dense row-major array (any lengths, any strides: dense, or permuted so
/// that the axis or every dimension is strided) and checks every line (or group of axes) against the reference.
/// </summary>
internal static class TensorHarness
{
    public static double[] Values(ElementType type, int count, double scale, int seed)
    {
        double[] values = AxisInputs.Doubles(count, scale, seed);
        return type switch
        {
            ElementType.Single => values.Select(v => (double)(float)v).ToArray(),
            ElementType.Half => values.Select(v => (double)(Half)v).ToArray(),
            _ => values,
        };
    }

    public static nint[] DenseStrides(nint[] lengths)
    {
        var strides = new nint[lengths.Length];
        nint stride = 1;
        for (int d = lengths.Length - 1; d >= 0; d--)
        {
            strides[d] = lengths[d] == 1 ? 0 : stride; // System.Numerics.Tensors rejects other strides on length-1 dimensions
            stride *= lengths[d];
        }

        return strides;
    }

    /// <summary>Runs the function on the view (data, lengths, strides) into a dense destination; returns it widened.</summary>
    public static double[] Run(ElementType type, AxisFunction function, double[] data, nint[] lengths, nint[] strides, int[] axes, nint[] outputLengths)
    {
        int outputCount = (int)outputLengths.Aggregate((nint)1, (a, b) => a * b);
        switch (type)
        {
            case ElementType.Single:
            {
                float[] input = data.Select(v => (float)v).ToArray();
                var output = new float[outputCount];
                var x = new ReadOnlyTensorSpan<float>(input, lengths, strides);
                var y = new TensorSpan<float>(output, outputLengths, DenseStrides(outputLengths));
                if (axes.Length == 1)
                {
                    AxisCalls.Tensor(function, x, y, axes[0]);
                }
                else if (function == AxisFunction.Softmax)
                {
                    Activation.Softmax(x, y, axes);
                }
                else
                {
                    Activation.LogSoftmax(x, y, axes);
                }

                return output.Select(v => (double)v).ToArray();
            }

            case ElementType.Double:
            {
                double[] input = data.ToArray();
                var output = new double[outputCount];
                var x = new ReadOnlyTensorSpan<double>(input, lengths, strides);
                var y = new TensorSpan<double>(output, outputLengths, DenseStrides(outputLengths));
                if (axes.Length == 1)
                {
                    AxisCalls.Tensor(function, x, y, axes[0]);
                }
                else if (function == AxisFunction.Softmax)
                {
                    Activation.Softmax(x, y, axes);
                }
                else
                {
                    Activation.LogSoftmax(x, y, axes);
                }

                return output;
            }

            default:
            {
                Half[] input = data.Select(v => (Half)v).ToArray();
                var output = new Half[outputCount];
                var x = new ReadOnlyTensorSpan<Half>(input, lengths, strides);
                var y = new TensorSpan<Half>(output, outputLengths, DenseStrides(outputLengths));
                if (axes.Length == 1)
                {
                    AxisCalls.Tensor(function, x, y, axes[0]);
                }
                else if (function == AxisFunction.Softmax)
                {
                    Activation.Softmax(x, y, axes);
                }
                else
                {
                    Activation.LogSoftmax(x, y, axes);
                }

                return output.Select(v => (double)v).ToArray();
            }
        }
    }

    public static double Error(ElementType type, double actual, DoubleDouble expected) => type switch
    {
        ElementType.Single => AxisAccuracy.Error((float)actual, expected),
        ElementType.Half => AxisAccuracy.Error((Half)actual, expected),
        _ => AxisAccuracy.Error(actual, expected),
    };

    public static double Bound(ElementType type) => type switch
    {
        ElementType.Single => AxisAccuracy.FloatBound,
        ElementType.Half => AxisAccuracy.HalfBound,
        _ => AxisAccuracy.DoubleBound,
    };

    /// <summary>
    /// Checks a run: for every group (the elements sharing the indices outside <paramref name="axes"/>), the reference
    /// over the group's inputs in row-major order of the axes, against the dense output at the same indices.
    /// </summary>
    public static double Check(ElementType type, AxisFunction function, double[] data, nint[] lengths, nint[] strides, int[] axes, string context)
    {
        int rank = lengths.Length;
        int[] normalized = axes.Select(a => a < 0 ? a + rank : a).OrderBy(a => a).ToArray();
        nint[] outputLengths = lengths.ToArray();
        if (function == AxisFunction.Glu)
        {
            outputLengths[normalized[0]] /= 2;
        }

        double[] output = Run(type, function, data, lengths, strides, axes, outputLengths);
        nint[] outputStrides = DenseStrides(outputLengths);
        double worst = 0;
        foreach (nint[] outer in Indices(lengths, d => !normalized.Contains(d)))
        {
            var groupInputs = new List<double>();
            var groupPositions = new List<nint[]>();
            foreach (nint[] inner in Indices(lengths, d => normalized.Contains(d)))
            {
                nint[] index = outer.Zip(inner, (o, i) => o + i).ToArray();
                groupInputs.Add(data[(int)Offset(index, strides)]);
                groupPositions.Add(index);
            }

            DoubleDouble[] expected = AxisReference.Compute(function, groupInputs.ToArray());
            for (int k = 0; k < expected.Length; k++)
            {
                double actual = output[(int)Offset(groupPositions[k], outputStrides)];
                double error = Error(type, actual, expected[k]);
                if (!(error <= Bound(type)))
                {
                    Assert.Fail($"{context}: at [{string.Join(", ", groupPositions[k])}] got {actual:R}, reference {expected[k]}: {error:G4} ULP > {Bound(type)}.");
                }

                worst = Math.Max(worst, error);
            }
        }

        return worst;
    }

    private static nint Offset(nint[] index, nint[] strides)
    {
        nint offset = 0;
        for (int d = 0; d < index.Length; d++)
        {
            offset += index[d] * strides[d];
        }

        return offset;
    }

    /// <summary>Every index over the selected dimensions (others 0), row-major.</summary>
    private static IEnumerable<nint[]> Indices(nint[] lengths, Func<int, bool> selected)
    {
        var index = new nint[lengths.Length];
        while (true)
        {
            yield return index.ToArray();
            int d = lengths.Length - 1;
            for (; d >= 0; d--)
            {
                if (!selected(d))
                {
                    continue;
                }

                if (++index[d] < lengths[d])
                {
                    break;
                }

                index[d] = 0;
            }

            if (d < 0)
            {
                yield break;
            }
        }
    }
}
