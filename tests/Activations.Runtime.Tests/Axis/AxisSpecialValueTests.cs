using System;
using System.Linq;
using Xunit;

namespace Activations.Tests.Axis;

/// <summary>
/// Special values, as documented in docs/axis.md: a line with a NaN or a +∞ in it, or made only of -∞, is NaN
/// everywhere (Keras gives NaN for all -∞; +∞ is ∞/∞, undefined); -∞ among finite values gives 0 (softmax,
/// sparsemax) or -∞ (log_softmax); glu follows a · sigmoid(b) to its limits. Checked on every element type and on
/// both the row kernel and the across-lines kernel (a column of a 2-D tensor).
/// </summary>
public sealed class AxisSpecialValueTests
{
    private const double Inf = double.PositiveInfinity;
    private const double NaN = double.NaN;

    public static TheoryData<AxisFunction, double[], double[]> Cases() => new()
    {
        { AxisFunction.Softmax, new[] { -Inf, -Inf, -Inf }, new[] { NaN, NaN, NaN } },
        { AxisFunction.Softmax, new[] { 1.0, NaN, 2.0 }, new[] { NaN, NaN, NaN } },
        { AxisFunction.Softmax, new[] { 1.0, Inf, 2.0 }, new[] { NaN, NaN, NaN } },
        { AxisFunction.Softmax, new[] { -Inf, 0.0, -Inf, 0.0 }, new[] { 0.0, 0.5, 0.0, 0.5 } },
        { AxisFunction.Softmax, new[] { 3.0 }, new[] { 1.0 } },
        { AxisFunction.Softmax, new[] { 1000.0, 1000.0 }, new[] { 0.5, 0.5 } },
        { AxisFunction.LogSoftmax, new[] { -Inf, -Inf }, new[] { NaN, NaN } },
        { AxisFunction.LogSoftmax, new[] { NaN, 0.0 }, new[] { NaN, NaN } },
        { AxisFunction.LogSoftmax, new[] { Inf, 0.0 }, new[] { NaN, NaN } },
        { AxisFunction.LogSoftmax, new[] { -Inf, 5.0 }, new[] { -Inf, 0.0 } },
        { AxisFunction.LogSoftmax, new[] { 7.0 }, new[] { 0.0 } },
        { AxisFunction.Sparsemax, new[] { -Inf, -Inf }, new[] { NaN, NaN } },
        { AxisFunction.Sparsemax, new[] { NaN, 0.0 }, new[] { NaN, NaN } },
        { AxisFunction.Sparsemax, new[] { 0.0, Inf }, new[] { NaN, NaN } },
        { AxisFunction.Sparsemax, new[] { -Inf, 0.5, 0.25 }, new[] { 0.0, 0.625, 0.375 } },
        { AxisFunction.Sparsemax, new[] { -4.0 }, new[] { 1.0 } },
        { AxisFunction.Sparsemax, new[] { 1e4, 0.0 }, new[] { 1.0, 0.0 } },
        { AxisFunction.Glu, new[] { 2.0, NaN, 1.0, 0.0, 1.0, 3.0, Inf, -Inf, -Inf, 0.0, 0.0, 1.0 }, new[] { 2.0, NaN, 0.0, 0.0, 0.5, 3.0 * (1 / (1 + Math.Exp(-1.0))) } },
        { AxisFunction.Glu, new[] { Inf, -Inf, Inf, 0.0, NaN, -Inf, Inf, 2.0 }, new[] { NaN, NaN, Inf, 0.0 } },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void SpecialValuesGiveTheDocumentedResults(AxisFunction function, double[] x, double[] expected)
    {
        foreach (ElementType type in Enum.GetValues<ElementType>())
        {
            // A row (row kernel), then the same values as each of 37 side-by-side lines (across-lines kernel).
            double[] row = TensorHarness.Run(type, function, x, new nint[] { x.Length }, TensorHarness.DenseStrides(new nint[] { x.Length }), new[] { 0 }, new nint[] { expected.Length });
            AssertSame(type, expected, row, "row");

            const int lines = 37;
            double[] columns = x.SelectMany(v => Enumerable.Repeat(v, lines)).ToArray();
            double[] result = TensorHarness.Run(type, function, columns, new nint[] { x.Length, lines }, TensorHarness.DenseStrides(new nint[] { x.Length, lines }), new[] { 0 }, new nint[] { expected.Length, lines });
            for (int line = 0; line < lines; line++)
            {
                AssertSame(type, expected, Enumerable.Range(0, expected.Length).Select(k => result[k * lines + line]).ToArray(), $"line {line}");
            }
        }
    }

    private static void AssertSame(ElementType type, double[] expected, double[] actual, string where)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            double e = type switch
            {
                ElementType.Single => (float)expected[i],
                ElementType.Half => (double)(Half)expected[i],
                _ => expected[i],
            };
            Assert.True(
                e.Equals(actual[i]) || (e == 0 && actual[i] == 0) || (e == actual[i]),
                $"{type} {where}: element {i} is {actual[i]:R}, expected {e:R}");
        }
    }
}
