using System;
using System.Numerics.Tensors;

namespace Activations;

public static partial class Activation
{
    /// <summary>
    /// Keras's <c>sparsemax</c> over a whole span of float: sparsemax: the Euclidean projection onto the probability simplex along the axis, max(x - τ, 0) with τ such that the results sum to 1 (many are exactly 0).
    /// A line containing NaN or +∞, or made only of -∞, gives NaN everywhere on that line; -∞ elsewhere gives 0.
    /// </summary>
    /// <param name="x">The input: the whole span is the axis.</param>
    /// <param name="destination">The output: receives the result; it may be x itself.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps x other than exactly.</exception>
    [AxisActivation("sparsemax")]
    public static void Sparsemax(ReadOnlySpan<float> x, Span<float> destination) => AxisOperation.Span<SparsemaxKernel, float>(x, destination);

    /// <summary>
    /// Keras's <c>sparsemax(x, axis)</c> on a tensor of float: sparsemax: the Euclidean projection onto the probability simplex along the axis, max(x - τ, 0) with τ such that the results sum to 1 (many are exactly 0).
    /// A line containing NaN or +∞, or made only of -∞, gives NaN everywhere on that line; -∞ elsewhere gives 0.
    /// </summary>
    /// <param name="x">The input tensor, of any rank ≥ 1 and any strides.</param>
    /// <param name="destination">The output, of x's shape; it may be x itself.</param>
    /// <param name="axis">The axis; negative values count from the end (-1 is the last).</param>
    /// <exception cref="ArgumentOutOfRangeException">axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">destination's lengths differ from the result's.</exception>
    public static void Sparsemax(in ReadOnlyTensorSpan<float> x, in TensorSpan<float> destination, int axis = -1) => AxisOperation.Tensor<SparsemaxKernel, float>(x, destination, axis);

    /// <summary>Keras's <c>sparsemax(x, axis)</c> on a tensor of float, into a new tensor: see <see cref="Sparsemax(in ReadOnlyTensorSpan{float}, in TensorSpan{float}, int)"/>.</summary>
    /// <param name="x">The input tensor.</param>
    /// <param name="axis">The axis; negative values count from the end (-1 is the last).</param>
    /// <returns>A new tensor of x's shape.</returns>
    /// <exception cref="ArgumentOutOfRangeException">axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">x is null.</exception>
    public static Tensor<float> Sparsemax(Tensor<float> x, int axis = -1) => AxisOperation.Create<SparsemaxKernel, float>(x, axis);

    /// <summary>
    /// Keras's <c>sparsemax</c> over a whole span of double: sparsemax: the Euclidean projection onto the probability simplex along the axis, max(x - τ, 0) with τ such that the results sum to 1 (many are exactly 0).
    /// A line containing NaN or +∞, or made only of -∞, gives NaN everywhere on that line; -∞ elsewhere gives 0.
    /// </summary>
    /// <param name="x">The input: the whole span is the axis.</param>
    /// <param name="destination">The output: receives the result; it may be x itself.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps x other than exactly.</exception>
    public static void Sparsemax(ReadOnlySpan<double> x, Span<double> destination) => AxisOperation.Span<SparsemaxKernel, double>(x, destination);

    /// <summary>
    /// Keras's <c>sparsemax(x, axis)</c> on a tensor of double: sparsemax: the Euclidean projection onto the probability simplex along the axis, max(x - τ, 0) with τ such that the results sum to 1 (many are exactly 0).
    /// A line containing NaN or +∞, or made only of -∞, gives NaN everywhere on that line; -∞ elsewhere gives 0.
    /// </summary>
    /// <param name="x">The input tensor, of any rank ≥ 1 and any strides.</param>
    /// <param name="destination">The output, of x's shape; it may be x itself.</param>
    /// <param name="axis">The axis; negative values count from the end (-1 is the last).</param>
    /// <exception cref="ArgumentOutOfRangeException">axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">destination's lengths differ from the result's.</exception>
    public static void Sparsemax(in ReadOnlyTensorSpan<double> x, in TensorSpan<double> destination, int axis = -1) => AxisOperation.Tensor<SparsemaxKernel, double>(x, destination, axis);

    /// <summary>Keras's <c>sparsemax(x, axis)</c> on a tensor of double, into a new tensor: see <see cref="Sparsemax(in ReadOnlyTensorSpan{double}, in TensorSpan{double}, int)"/>.</summary>
    /// <param name="x">The input tensor.</param>
    /// <param name="axis">The axis; negative values count from the end (-1 is the last).</param>
    /// <returns>A new tensor of x's shape.</returns>
    /// <exception cref="ArgumentOutOfRangeException">axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">x is null.</exception>
    public static Tensor<double> Sparsemax(Tensor<double> x, int axis = -1) => AxisOperation.Create<SparsemaxKernel, double>(x, axis);

    /// <summary>
    /// Keras's <c>sparsemax</c> over a whole span of <see cref="Half"/> (computed in float): sparsemax: the Euclidean projection onto the probability simplex along the axis, max(x - τ, 0) with τ such that the results sum to 1 (many are exactly 0).
    /// A line containing NaN or +∞, or made only of -∞, gives NaN everywhere on that line; -∞ elsewhere gives 0.
    /// </summary>
    /// <param name="x">The input: the whole span is the axis.</param>
    /// <param name="destination">The output: receives the result; it may be x itself.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps x other than exactly.</exception>
    public static void Sparsemax(ReadOnlySpan<Half> x, Span<Half> destination) => AxisOperation.Span<SparsemaxKernel, Half>(x, destination);

    /// <summary>
    /// Keras's <c>sparsemax(x, axis)</c> on a tensor of <see cref="Half"/> (computed in float): sparsemax: the Euclidean projection onto the probability simplex along the axis, max(x - τ, 0) with τ such that the results sum to 1 (many are exactly 0).
    /// A line containing NaN or +∞, or made only of -∞, gives NaN everywhere on that line; -∞ elsewhere gives 0.
    /// </summary>
    /// <param name="x">The input tensor, of any rank ≥ 1 and any strides.</param>
    /// <param name="destination">The output, of x's shape; it may be x itself.</param>
    /// <param name="axis">The axis; negative values count from the end (-1 is the last).</param>
    /// <exception cref="ArgumentOutOfRangeException">axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">destination's lengths differ from the result's.</exception>
    public static void Sparsemax(in ReadOnlyTensorSpan<Half> x, in TensorSpan<Half> destination, int axis = -1) => AxisOperation.Tensor<SparsemaxKernel, Half>(x, destination, axis);

    /// <summary>Keras's <c>sparsemax(x, axis)</c> on a tensor of <see cref="Half"/> (computed in float), into a new tensor: see <see cref="Sparsemax(in ReadOnlyTensorSpan{Half}, in TensorSpan{Half}, int)"/>.</summary>
    /// <param name="x">The input tensor.</param>
    /// <param name="axis">The axis; negative values count from the end (-1 is the last).</param>
    /// <returns>A new tensor of x's shape.</returns>
    /// <exception cref="ArgumentOutOfRangeException">axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">x is null.</exception>
    public static Tensor<Half> Sparsemax(Tensor<Half> x, int axis = -1) => AxisOperation.Create<SparsemaxKernel, Half>(x, axis);

}
