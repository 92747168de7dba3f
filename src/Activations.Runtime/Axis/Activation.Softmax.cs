using System;
using System.Numerics.Tensors;

namespace Activations;

public static partial class Activation
{
    /// <summary>
    /// Keras's <c>softmax</c> over a whole span of float: softmax: exp(x - max) / Σ exp(x - max) along the axis, so the results are in [0, 1] and sum to 1.
    /// A line containing NaN or +∞, or made only of -∞, gives NaN everywhere on that line (Keras gives NaN for all -∞); -∞ elsewhere gives 0.
    /// </summary>
    /// <param name="x">The input: the whole span is the axis.</param>
    /// <param name="destination">The output: receives the result; it may be x itself.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps x other than exactly.</exception>
    [AxisActivation("softmax")]
    public static void Softmax(ReadOnlySpan<float> x, Span<float> destination) => AxisOperation.Span<SoftmaxKernel, float>(x, destination);

    /// <summary>
    /// Keras's <c>softmax(x, axis)</c> on a tensor of float: softmax: exp(x - max) / Σ exp(x - max) along the axis, so the results are in [0, 1] and sum to 1.
    /// A line containing NaN or +∞, or made only of -∞, gives NaN everywhere on that line (Keras gives NaN for all -∞); -∞ elsewhere gives 0.
    /// </summary>
    /// <param name="x">The input tensor, of any rank ≥ 1 and any strides.</param>
    /// <param name="destination">The output, of x's shape; it may be x itself.</param>
    /// <param name="axis">The axis; negative values count from the end (-1 is the last).</param>
    /// <exception cref="ArgumentOutOfRangeException">axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">destination's lengths differ from the result's.</exception>
    public static void Softmax(in ReadOnlyTensorSpan<float> x, in TensorSpan<float> destination, int axis = -1) => AxisOperation.Tensor<SoftmaxKernel, float>(x, destination, axis);

    /// <summary>Keras's <c>softmax(x, axis)</c> on a tensor of float, into a new tensor: see <see cref="Softmax(in ReadOnlyTensorSpan{float}, in TensorSpan{float}, int)"/>.</summary>
    /// <param name="x">The input tensor.</param>
    /// <param name="axis">The axis; negative values count from the end (-1 is the last).</param>
    /// <returns>A new tensor of x's shape.</returns>
    /// <exception cref="ArgumentOutOfRangeException">axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">x is null.</exception>
    public static Tensor<float> Softmax(Tensor<float> x, int axis = -1) => AxisOperation.Create<SoftmaxKernel, float>(x, axis);

    /// <summary>
    /// Keras's <c>softmax(x, axis=(…))</c> over several axes at once, on a tensor of float: each group of elements
    /// sharing the other indices is normalized together. A line containing NaN or +∞, or made only of -∞, gives NaN everywhere on that line (Keras gives NaN for all -∞); -∞ elsewhere gives 0.
    /// </summary>
    /// <param name="x">The input tensor, of any rank ≥ 1 and any strides.</param>
    /// <param name="destination">The output, of x's shape; it may be x itself.</param>
    /// <param name="axes">The axes (at least one, none repeated); negative values count from the end.</param>
    /// <exception cref="ArgumentOutOfRangeException">an axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">no axis, a repeated axis, or destination's lengths differ from x's.</exception>
    public static void Softmax(in ReadOnlyTensorSpan<float> x, in TensorSpan<float> destination, ReadOnlySpan<int> axes) => AxisOperation.Tensor<SoftmaxKernel, float>(x, destination, axes);

    /// <summary>Keras's <c>softmax(x, axis=(…))</c> over several axes, into a new tensor: see <see cref="Softmax(in ReadOnlyTensorSpan{float}, in TensorSpan{float}, ReadOnlySpan{int})"/>.</summary>
    /// <param name="x">The input tensor.</param>
    /// <param name="axes">The axes (at least one, none repeated); negative values count from the end.</param>
    /// <returns>A new tensor of x's shape.</returns>
    /// <exception cref="ArgumentOutOfRangeException">an axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">no axis or a repeated axis.</exception>
    public static Tensor<float> Softmax(Tensor<float> x, ReadOnlySpan<int> axes) => AxisOperation.Create<SoftmaxKernel, float>(x, axes);

    /// <summary>
    /// Keras's <c>softmax</c> over a whole span of double: softmax: exp(x - max) / Σ exp(x - max) along the axis, so the results are in [0, 1] and sum to 1.
    /// A line containing NaN or +∞, or made only of -∞, gives NaN everywhere on that line (Keras gives NaN for all -∞); -∞ elsewhere gives 0.
    /// </summary>
    /// <param name="x">The input: the whole span is the axis.</param>
    /// <param name="destination">The output: receives the result; it may be x itself.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps x other than exactly.</exception>
    public static void Softmax(ReadOnlySpan<double> x, Span<double> destination) => AxisOperation.Span<SoftmaxKernel, double>(x, destination);

    /// <summary>
    /// Keras's <c>softmax(x, axis)</c> on a tensor of double: softmax: exp(x - max) / Σ exp(x - max) along the axis, so the results are in [0, 1] and sum to 1.
    /// A line containing NaN or +∞, or made only of -∞, gives NaN everywhere on that line (Keras gives NaN for all -∞); -∞ elsewhere gives 0.
    /// </summary>
    /// <param name="x">The input tensor, of any rank ≥ 1 and any strides.</param>
    /// <param name="destination">The output, of x's shape; it may be x itself.</param>
    /// <param name="axis">The axis; negative values count from the end (-1 is the last).</param>
    /// <exception cref="ArgumentOutOfRangeException">axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">destination's lengths differ from the result's.</exception>
    public static void Softmax(in ReadOnlyTensorSpan<double> x, in TensorSpan<double> destination, int axis = -1) => AxisOperation.Tensor<SoftmaxKernel, double>(x, destination, axis);

    /// <summary>Keras's <c>softmax(x, axis)</c> on a tensor of double, into a new tensor: see <see cref="Softmax(in ReadOnlyTensorSpan{double}, in TensorSpan{double}, int)"/>.</summary>
    /// <param name="x">The input tensor.</param>
    /// <param name="axis">The axis; negative values count from the end (-1 is the last).</param>
    /// <returns>A new tensor of x's shape.</returns>
    /// <exception cref="ArgumentOutOfRangeException">axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">x is null.</exception>
    public static Tensor<double> Softmax(Tensor<double> x, int axis = -1) => AxisOperation.Create<SoftmaxKernel, double>(x, axis);

    /// <summary>
    /// Keras's <c>softmax(x, axis=(…))</c> over several axes at once, on a tensor of double: each group of elements
    /// sharing the other indices is normalized together. A line containing NaN or +∞, or made only of -∞, gives NaN everywhere on that line (Keras gives NaN for all -∞); -∞ elsewhere gives 0.
    /// </summary>
    /// <param name="x">The input tensor, of any rank ≥ 1 and any strides.</param>
    /// <param name="destination">The output, of x's shape; it may be x itself.</param>
    /// <param name="axes">The axes (at least one, none repeated); negative values count from the end.</param>
    /// <exception cref="ArgumentOutOfRangeException">an axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">no axis, a repeated axis, or destination's lengths differ from x's.</exception>
    public static void Softmax(in ReadOnlyTensorSpan<double> x, in TensorSpan<double> destination, ReadOnlySpan<int> axes) => AxisOperation.Tensor<SoftmaxKernel, double>(x, destination, axes);

    /// <summary>Keras's <c>softmax(x, axis=(…))</c> over several axes, into a new tensor: see <see cref="Softmax(in ReadOnlyTensorSpan{double}, in TensorSpan{double}, ReadOnlySpan{int})"/>.</summary>
    /// <param name="x">The input tensor.</param>
    /// <param name="axes">The axes (at least one, none repeated); negative values count from the end.</param>
    /// <returns>A new tensor of x's shape.</returns>
    /// <exception cref="ArgumentOutOfRangeException">an axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">no axis or a repeated axis.</exception>
    public static Tensor<double> Softmax(Tensor<double> x, ReadOnlySpan<int> axes) => AxisOperation.Create<SoftmaxKernel, double>(x, axes);

    /// <summary>
    /// Keras's <c>softmax</c> over a whole span of <see cref="Half"/> (computed in float): softmax: exp(x - max) / Σ exp(x - max) along the axis, so the results are in [0, 1] and sum to 1.
    /// A line containing NaN or +∞, or made only of -∞, gives NaN everywhere on that line (Keras gives NaN for all -∞); -∞ elsewhere gives 0.
    /// </summary>
    /// <param name="x">The input: the whole span is the axis.</param>
    /// <param name="destination">The output: receives the result; it may be x itself.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps x other than exactly.</exception>
    public static void Softmax(ReadOnlySpan<Half> x, Span<Half> destination) => AxisOperation.Span<SoftmaxKernel, Half>(x, destination);

    /// <summary>
    /// Keras's <c>softmax(x, axis)</c> on a tensor of <see cref="Half"/> (computed in float): softmax: exp(x - max) / Σ exp(x - max) along the axis, so the results are in [0, 1] and sum to 1.
    /// A line containing NaN or +∞, or made only of -∞, gives NaN everywhere on that line (Keras gives NaN for all -∞); -∞ elsewhere gives 0.
    /// </summary>
    /// <param name="x">The input tensor, of any rank ≥ 1 and any strides.</param>
    /// <param name="destination">The output, of x's shape; it may be x itself.</param>
    /// <param name="axis">The axis; negative values count from the end (-1 is the last).</param>
    /// <exception cref="ArgumentOutOfRangeException">axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">destination's lengths differ from the result's.</exception>
    public static void Softmax(in ReadOnlyTensorSpan<Half> x, in TensorSpan<Half> destination, int axis = -1) => AxisOperation.Tensor<SoftmaxKernel, Half>(x, destination, axis);

    /// <summary>Keras's <c>softmax(x, axis)</c> on a tensor of <see cref="Half"/> (computed in float), into a new tensor: see <see cref="Softmax(in ReadOnlyTensorSpan{Half}, in TensorSpan{Half}, int)"/>.</summary>
    /// <param name="x">The input tensor.</param>
    /// <param name="axis">The axis; negative values count from the end (-1 is the last).</param>
    /// <returns>A new tensor of x's shape.</returns>
    /// <exception cref="ArgumentOutOfRangeException">axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">x is null.</exception>
    public static Tensor<Half> Softmax(Tensor<Half> x, int axis = -1) => AxisOperation.Create<SoftmaxKernel, Half>(x, axis);

    /// <summary>
    /// Keras's <c>softmax(x, axis=(…))</c> over several axes at once, on a tensor of <see cref="Half"/> (computed in float): each group of elements
    /// sharing the other indices is normalized together. A line containing NaN or +∞, or made only of -∞, gives NaN everywhere on that line (Keras gives NaN for all -∞); -∞ elsewhere gives 0.
    /// </summary>
    /// <param name="x">The input tensor, of any rank ≥ 1 and any strides.</param>
    /// <param name="destination">The output, of x's shape; it may be x itself.</param>
    /// <param name="axes">The axes (at least one, none repeated); negative values count from the end.</param>
    /// <exception cref="ArgumentOutOfRangeException">an axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">no axis, a repeated axis, or destination's lengths differ from x's.</exception>
    public static void Softmax(in ReadOnlyTensorSpan<Half> x, in TensorSpan<Half> destination, ReadOnlySpan<int> axes) => AxisOperation.Tensor<SoftmaxKernel, Half>(x, destination, axes);

    /// <summary>Keras's <c>softmax(x, axis=(…))</c> over several axes, into a new tensor: see <see cref="Softmax(in ReadOnlyTensorSpan{Half}, in TensorSpan{Half}, ReadOnlySpan{int})"/>.</summary>
    /// <param name="x">The input tensor.</param>
    /// <param name="axes">The axes (at least one, none repeated); negative values count from the end.</param>
    /// <returns>A new tensor of x's shape.</returns>
    /// <exception cref="ArgumentOutOfRangeException">an axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">no axis or a repeated axis.</exception>
    public static Tensor<Half> Softmax(Tensor<Half> x, ReadOnlySpan<int> axes) => AxisOperation.Create<SoftmaxKernel, Half>(x, axes);

}
