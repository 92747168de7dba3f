using System;
using System.Numerics.Tensors;

namespace Activations;

public static partial class Activation
{
    /// <summary>
    /// Keras's <c>log_softmax</c> over a whole span of float: log_softmax: (x - max) - log Σ exp(x - max) along the axis, computed directly rather than as log(softmax(x)).
    /// A line containing NaN or +∞, or made only of -∞, gives NaN everywhere on that line; -∞ elsewhere gives -∞.
    /// </summary>
    /// <param name="x">The input: the whole span is the axis.</param>
    /// <param name="destination">The output: receives the result; it may be x itself.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps x other than exactly.</exception>
    [AxisActivation("log_softmax")]
    public static void LogSoftmax(ReadOnlySpan<float> x, Span<float> destination) => AxisOperation.Span<LogSoftmaxKernel, float>(x, destination);

    /// <summary>
    /// Keras's <c>log_softmax(x, axis)</c> on a tensor of float: log_softmax: (x - max) - log Σ exp(x - max) along the axis, computed directly rather than as log(softmax(x)).
    /// A line containing NaN or +∞, or made only of -∞, gives NaN everywhere on that line; -∞ elsewhere gives -∞.
    /// </summary>
    /// <param name="x">The input tensor, of any rank ≥ 1 and any strides.</param>
    /// <param name="destination">The output, of x's shape; it may be x itself.</param>
    /// <param name="axis">The axis; negative values count from the end (-1 is the last).</param>
    /// <exception cref="ArgumentOutOfRangeException">axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">destination's lengths differ from the result's.</exception>
    public static void LogSoftmax(in ReadOnlyTensorSpan<float> x, in TensorSpan<float> destination, int axis = -1) => AxisOperation.Tensor<LogSoftmaxKernel, float>(x, destination, axis);

    /// <summary>Keras's <c>log_softmax(x, axis)</c> on a tensor of float, into a new tensor: see <see cref="LogSoftmax(in ReadOnlyTensorSpan{float}, in TensorSpan{float}, int)"/>.</summary>
    /// <param name="x">The input tensor.</param>
    /// <param name="axis">The axis; negative values count from the end (-1 is the last).</param>
    /// <returns>A new tensor of x's shape.</returns>
    /// <exception cref="ArgumentOutOfRangeException">axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">x is null.</exception>
    public static Tensor<float> LogSoftmax(Tensor<float> x, int axis = -1) => AxisOperation.Create<LogSoftmaxKernel, float>(x, axis);

    /// <summary>
    /// Keras's <c>log_softmax(x, axis=(…))</c> over several axes at once, on a tensor of float: each group of elements
    /// sharing the other indices is normalized together. A line containing NaN or +∞, or made only of -∞, gives NaN everywhere on that line; -∞ elsewhere gives -∞.
    /// </summary>
    /// <param name="x">The input tensor, of any rank ≥ 1 and any strides.</param>
    /// <param name="destination">The output, of x's shape; it may be x itself.</param>
    /// <param name="axes">The axes (at least one, none repeated); negative values count from the end.</param>
    /// <exception cref="ArgumentOutOfRangeException">an axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">no axis, a repeated axis, or destination's lengths differ from x's.</exception>
    public static void LogSoftmax(in ReadOnlyTensorSpan<float> x, in TensorSpan<float> destination, ReadOnlySpan<int> axes) => AxisOperation.Tensor<LogSoftmaxKernel, float>(x, destination, axes);

    /// <summary>Keras's <c>log_softmax(x, axis=(…))</c> over several axes, into a new tensor: see <see cref="LogSoftmax(in ReadOnlyTensorSpan{float}, in TensorSpan{float}, ReadOnlySpan{int})"/>.</summary>
    /// <param name="x">The input tensor.</param>
    /// <param name="axes">The axes (at least one, none repeated); negative values count from the end.</param>
    /// <returns>A new tensor of x's shape.</returns>
    /// <exception cref="ArgumentOutOfRangeException">an axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">no axis or a repeated axis.</exception>
    public static Tensor<float> LogSoftmax(Tensor<float> x, ReadOnlySpan<int> axes) => AxisOperation.Create<LogSoftmaxKernel, float>(x, axes);

    /// <summary>
    /// Keras's <c>log_softmax</c> over a whole span of double: log_softmax: (x - max) - log Σ exp(x - max) along the axis, computed directly rather than as log(softmax(x)).
    /// A line containing NaN or +∞, or made only of -∞, gives NaN everywhere on that line; -∞ elsewhere gives -∞.
    /// </summary>
    /// <param name="x">The input: the whole span is the axis.</param>
    /// <param name="destination">The output: receives the result; it may be x itself.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps x other than exactly.</exception>
    public static void LogSoftmax(ReadOnlySpan<double> x, Span<double> destination) => AxisOperation.Span<LogSoftmaxKernel, double>(x, destination);

    /// <summary>
    /// Keras's <c>log_softmax(x, axis)</c> on a tensor of double: log_softmax: (x - max) - log Σ exp(x - max) along the axis, computed directly rather than as log(softmax(x)).
    /// A line containing NaN or +∞, or made only of -∞, gives NaN everywhere on that line; -∞ elsewhere gives -∞.
    /// </summary>
    /// <param name="x">The input tensor, of any rank ≥ 1 and any strides.</param>
    /// <param name="destination">The output, of x's shape; it may be x itself.</param>
    /// <param name="axis">The axis; negative values count from the end (-1 is the last).</param>
    /// <exception cref="ArgumentOutOfRangeException">axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">destination's lengths differ from the result's.</exception>
    public static void LogSoftmax(in ReadOnlyTensorSpan<double> x, in TensorSpan<double> destination, int axis = -1) => AxisOperation.Tensor<LogSoftmaxKernel, double>(x, destination, axis);

    /// <summary>Keras's <c>log_softmax(x, axis)</c> on a tensor of double, into a new tensor: see <see cref="LogSoftmax(in ReadOnlyTensorSpan{double}, in TensorSpan{double}, int)"/>.</summary>
    /// <param name="x">The input tensor.</param>
    /// <param name="axis">The axis; negative values count from the end (-1 is the last).</param>
    /// <returns>A new tensor of x's shape.</returns>
    /// <exception cref="ArgumentOutOfRangeException">axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">x is null.</exception>
    public static Tensor<double> LogSoftmax(Tensor<double> x, int axis = -1) => AxisOperation.Create<LogSoftmaxKernel, double>(x, axis);

    /// <summary>
    /// Keras's <c>log_softmax(x, axis=(…))</c> over several axes at once, on a tensor of double: each group of elements
    /// sharing the other indices is normalized together. A line containing NaN or +∞, or made only of -∞, gives NaN everywhere on that line; -∞ elsewhere gives -∞.
    /// </summary>
    /// <param name="x">The input tensor, of any rank ≥ 1 and any strides.</param>
    /// <param name="destination">The output, of x's shape; it may be x itself.</param>
    /// <param name="axes">The axes (at least one, none repeated); negative values count from the end.</param>
    /// <exception cref="ArgumentOutOfRangeException">an axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">no axis, a repeated axis, or destination's lengths differ from x's.</exception>
    public static void LogSoftmax(in ReadOnlyTensorSpan<double> x, in TensorSpan<double> destination, ReadOnlySpan<int> axes) => AxisOperation.Tensor<LogSoftmaxKernel, double>(x, destination, axes);

    /// <summary>Keras's <c>log_softmax(x, axis=(…))</c> over several axes, into a new tensor: see <see cref="LogSoftmax(in ReadOnlyTensorSpan{double}, in TensorSpan{double}, ReadOnlySpan{int})"/>.</summary>
    /// <param name="x">The input tensor.</param>
    /// <param name="axes">The axes (at least one, none repeated); negative values count from the end.</param>
    /// <returns>A new tensor of x's shape.</returns>
    /// <exception cref="ArgumentOutOfRangeException">an axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">no axis or a repeated axis.</exception>
    public static Tensor<double> LogSoftmax(Tensor<double> x, ReadOnlySpan<int> axes) => AxisOperation.Create<LogSoftmaxKernel, double>(x, axes);

    /// <summary>
    /// Keras's <c>log_softmax</c> over a whole span of <see cref="Half"/> (computed in float): log_softmax: (x - max) - log Σ exp(x - max) along the axis, computed directly rather than as log(softmax(x)).
    /// A line containing NaN or +∞, or made only of -∞, gives NaN everywhere on that line; -∞ elsewhere gives -∞.
    /// </summary>
    /// <param name="x">The input: the whole span is the axis.</param>
    /// <param name="destination">The output: receives the result; it may be x itself.</param>
    /// <exception cref="ArgumentException">destination is shorter than x, or overlaps x other than exactly.</exception>
    public static void LogSoftmax(ReadOnlySpan<Half> x, Span<Half> destination) => AxisOperation.Span<LogSoftmaxKernel, Half>(x, destination);

    /// <summary>
    /// Keras's <c>log_softmax(x, axis)</c> on a tensor of <see cref="Half"/> (computed in float): log_softmax: (x - max) - log Σ exp(x - max) along the axis, computed directly rather than as log(softmax(x)).
    /// A line containing NaN or +∞, or made only of -∞, gives NaN everywhere on that line; -∞ elsewhere gives -∞.
    /// </summary>
    /// <param name="x">The input tensor, of any rank ≥ 1 and any strides.</param>
    /// <param name="destination">The output, of x's shape; it may be x itself.</param>
    /// <param name="axis">The axis; negative values count from the end (-1 is the last).</param>
    /// <exception cref="ArgumentOutOfRangeException">axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">destination's lengths differ from the result's.</exception>
    public static void LogSoftmax(in ReadOnlyTensorSpan<Half> x, in TensorSpan<Half> destination, int axis = -1) => AxisOperation.Tensor<LogSoftmaxKernel, Half>(x, destination, axis);

    /// <summary>Keras's <c>log_softmax(x, axis)</c> on a tensor of <see cref="Half"/> (computed in float), into a new tensor: see <see cref="LogSoftmax(in ReadOnlyTensorSpan{Half}, in TensorSpan{Half}, int)"/>.</summary>
    /// <param name="x">The input tensor.</param>
    /// <param name="axis">The axis; negative values count from the end (-1 is the last).</param>
    /// <returns>A new tensor of x's shape.</returns>
    /// <exception cref="ArgumentOutOfRangeException">axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">x is null.</exception>
    public static Tensor<Half> LogSoftmax(Tensor<Half> x, int axis = -1) => AxisOperation.Create<LogSoftmaxKernel, Half>(x, axis);

    /// <summary>
    /// Keras's <c>log_softmax(x, axis=(…))</c> over several axes at once, on a tensor of <see cref="Half"/> (computed in float): each group of elements
    /// sharing the other indices is normalized together. A line containing NaN or +∞, or made only of -∞, gives NaN everywhere on that line; -∞ elsewhere gives -∞.
    /// </summary>
    /// <param name="x">The input tensor, of any rank ≥ 1 and any strides.</param>
    /// <param name="destination">The output, of x's shape; it may be x itself.</param>
    /// <param name="axes">The axes (at least one, none repeated); negative values count from the end.</param>
    /// <exception cref="ArgumentOutOfRangeException">an axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">no axis, a repeated axis, or destination's lengths differ from x's.</exception>
    public static void LogSoftmax(in ReadOnlyTensorSpan<Half> x, in TensorSpan<Half> destination, ReadOnlySpan<int> axes) => AxisOperation.Tensor<LogSoftmaxKernel, Half>(x, destination, axes);

    /// <summary>Keras's <c>log_softmax(x, axis=(…))</c> over several axes, into a new tensor: see <see cref="LogSoftmax(in ReadOnlyTensorSpan{Half}, in TensorSpan{Half}, ReadOnlySpan{int})"/>.</summary>
    /// <param name="x">The input tensor.</param>
    /// <param name="axes">The axes (at least one, none repeated); negative values count from the end.</param>
    /// <returns>A new tensor of x's shape.</returns>
    /// <exception cref="ArgumentOutOfRangeException">an axis is outside [-rank, rank).</exception>
    /// <exception cref="ArgumentException">no axis or a repeated axis.</exception>
    public static Tensor<Half> LogSoftmax(Tensor<Half> x, ReadOnlySpan<int> axes) => AxisOperation.Create<LogSoftmaxKernel, Half>(x, axes);

}
