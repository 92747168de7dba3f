using System;
using System.Numerics.Tensors;

namespace Activations;

public static partial class Activation
{
    /// <summary>
    /// Keras's <c>glu</c> over a whole span of float: glu (gated linear unit): the axis splits into halves a and b, and the result a · sigmoid(b) has half the length along the axis.
    /// NaN in a or b gives NaN; b = +∞ gives a, b = -∞ gives 0 for finite a and NaN for infinite a.
    /// </summary>
    /// <param name="x">The input: the whole span is the axis.</param>
    /// <param name="destination">The output: the first <c>x.Length / 2</c> elements receive the result.</param>
    /// <exception cref="ArgumentException">x has an odd length, or destination is shorter than half of it, or overlaps x other than at its start.</exception>
    public static void Glu(ReadOnlySpan<float> x, Span<float> destination) => AxisOperation.Span<GluKernel, float>(x, destination);

    /// <summary>
    /// Keras's <c>glu(x, axis)</c> on a tensor of float: glu (gated linear unit): the axis splits into halves a and b, and the result a · sigmoid(b) has half the length along the axis.
    /// NaN in a or b gives NaN; b = +∞ gives a, b = -∞ gives 0 for finite a and NaN for infinite a.
    /// </summary>
    /// <param name="x">The input tensor, of any rank ≥ 1 and any strides.</param>
    /// <param name="destination">The output, of x's shape with the axis halved.</param>
    /// <param name="axis">The axis; negative values count from the end (-1 is the last).</param>
    /// <exception cref="ArgumentOutOfRangeException">axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">the axis has an odd length, or destination's lengths differ from the result's.</exception>
    public static void Glu(in ReadOnlyTensorSpan<float> x, in TensorSpan<float> destination, int axis = -1) => AxisOperation.Tensor<GluKernel, float>(x, destination, axis);

    /// <summary>Keras's <c>glu(x, axis)</c> on a tensor of float, into a new tensor: see <see cref="Glu(in ReadOnlyTensorSpan{float}, in TensorSpan{float}, int)"/>.</summary>
    /// <param name="x">The input tensor.</param>
    /// <param name="axis">The axis; negative values count from the end (-1 is the last).</param>
    /// <returns>A new tensor of x's shape with the axis halved.</returns>
    /// <exception cref="ArgumentOutOfRangeException">axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">the axis has an odd length.</exception>
    public static Tensor<float> Glu(Tensor<float> x, int axis = -1) => AxisOperation.Create<GluKernel, float>(x, axis);

    /// <summary>
    /// Keras's <c>glu</c> over a whole span of double: glu (gated linear unit): the axis splits into halves a and b, and the result a · sigmoid(b) has half the length along the axis.
    /// NaN in a or b gives NaN; b = +∞ gives a, b = -∞ gives 0 for finite a and NaN for infinite a.
    /// </summary>
    /// <param name="x">The input: the whole span is the axis.</param>
    /// <param name="destination">The output: the first <c>x.Length / 2</c> elements receive the result.</param>
    /// <exception cref="ArgumentException">x has an odd length, or destination is shorter than half of it, or overlaps x other than at its start.</exception>
    public static void Glu(ReadOnlySpan<double> x, Span<double> destination) => AxisOperation.Span<GluKernel, double>(x, destination);

    /// <summary>
    /// Keras's <c>glu(x, axis)</c> on a tensor of double: glu (gated linear unit): the axis splits into halves a and b, and the result a · sigmoid(b) has half the length along the axis.
    /// NaN in a or b gives NaN; b = +∞ gives a, b = -∞ gives 0 for finite a and NaN for infinite a.
    /// </summary>
    /// <param name="x">The input tensor, of any rank ≥ 1 and any strides.</param>
    /// <param name="destination">The output, of x's shape with the axis halved.</param>
    /// <param name="axis">The axis; negative values count from the end (-1 is the last).</param>
    /// <exception cref="ArgumentOutOfRangeException">axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">the axis has an odd length, or destination's lengths differ from the result's.</exception>
    public static void Glu(in ReadOnlyTensorSpan<double> x, in TensorSpan<double> destination, int axis = -1) => AxisOperation.Tensor<GluKernel, double>(x, destination, axis);

    /// <summary>Keras's <c>glu(x, axis)</c> on a tensor of double, into a new tensor: see <see cref="Glu(in ReadOnlyTensorSpan{double}, in TensorSpan{double}, int)"/>.</summary>
    /// <param name="x">The input tensor.</param>
    /// <param name="axis">The axis; negative values count from the end (-1 is the last).</param>
    /// <returns>A new tensor of x's shape with the axis halved.</returns>
    /// <exception cref="ArgumentOutOfRangeException">axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">the axis has an odd length.</exception>
    public static Tensor<double> Glu(Tensor<double> x, int axis = -1) => AxisOperation.Create<GluKernel, double>(x, axis);

    /// <summary>
    /// Keras's <c>glu</c> over a whole span of <see cref="Half"/> (computed in float): glu (gated linear unit): the axis splits into halves a and b, and the result a · sigmoid(b) has half the length along the axis.
    /// NaN in a or b gives NaN; b = +∞ gives a, b = -∞ gives 0 for finite a and NaN for infinite a.
    /// </summary>
    /// <param name="x">The input: the whole span is the axis.</param>
    /// <param name="destination">The output: the first <c>x.Length / 2</c> elements receive the result.</param>
    /// <exception cref="ArgumentException">x has an odd length, or destination is shorter than half of it, or overlaps x other than at its start.</exception>
    public static void Glu(ReadOnlySpan<Half> x, Span<Half> destination) => AxisOperation.Span<GluKernel, Half>(x, destination);

    /// <summary>
    /// Keras's <c>glu(x, axis)</c> on a tensor of <see cref="Half"/> (computed in float): glu (gated linear unit): the axis splits into halves a and b, and the result a · sigmoid(b) has half the length along the axis.
    /// NaN in a or b gives NaN; b = +∞ gives a, b = -∞ gives 0 for finite a and NaN for infinite a.
    /// </summary>
    /// <param name="x">The input tensor, of any rank ≥ 1 and any strides.</param>
    /// <param name="destination">The output, of x's shape with the axis halved.</param>
    /// <param name="axis">The axis; negative values count from the end (-1 is the last).</param>
    /// <exception cref="ArgumentOutOfRangeException">axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">the axis has an odd length, or destination's lengths differ from the result's.</exception>
    public static void Glu(in ReadOnlyTensorSpan<Half> x, in TensorSpan<Half> destination, int axis = -1) => AxisOperation.Tensor<GluKernel, Half>(x, destination, axis);

    /// <summary>Keras's <c>glu(x, axis)</c> on a tensor of <see cref="Half"/> (computed in float), into a new tensor: see <see cref="Glu(in ReadOnlyTensorSpan{Half}, in TensorSpan{Half}, int)"/>.</summary>
    /// <param name="x">The input tensor.</param>
    /// <param name="axis">The axis; negative values count from the end (-1 is the last).</param>
    /// <returns>A new tensor of x's shape with the axis halved.</returns>
    /// <exception cref="ArgumentOutOfRangeException">axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">the axis has an odd length.</exception>
    public static Tensor<Half> Glu(Tensor<Half> x, int axis = -1) => AxisOperation.Create<GluKernel, Half>(x, axis);

}
