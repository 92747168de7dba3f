using System;
using System.Linq;
using System.Numerics;

namespace Activations.Layers;

/// <summary>
/// Keras's <c>PReLU</c> layer: <c>x</c> if <c>x ≥ 0</c>, else <c>alpha · x</c>, with a learned <c>alpha</c> per
/// position of a sample, shared along <c>shared_axes</c> (per-channel alpha for images: shared axes 1 and 2).
/// </summary>
/// <example>
/// <code>
/// // Images of 32 × 32 × 3 with one alpha per channel.
/// var prelu = new PReLU(new[] { 32, 32, 3 }, alpha: new[] { 0.1f, 0.2f, 0.3f }, sharedAxes: new[] { 1, 2 });
/// </code>
/// </example>
public sealed class PReLU : ILayer
{
    // alpha broadcast to a whole sample once, so the forward pass is one vectorized select per sample.
    private readonly float[] _alphaPerPosition;
    private readonly float[] _alpha;

    /// <summary>A layer with every alpha set to <paramref name="alpha"/> (Keras initializes them to zero).</summary>
    /// <param name="inputShape">The shape of one sample, without the batch (Keras's <c>input_shape[1:]</c>).</param>
    /// <param name="alpha">The initial value of every alpha.</param>
    /// <param name="sharedAxes">Axes along which alpha is shared, counted as Keras does: 1 is a sample's first axis (0 is the batch).</param>
    public PReLU(int[] inputShape, float alpha = 0f, int[]? sharedAxes = null)
        : this(inputShape, sharedAxes, parameterShape => Enumerable.Repeat(alpha, Product(parameterShape)).ToArray())
    {
    }

    /// <summary>A layer with explicit alphas, laid out in the parameter shape (the sample shape with each shared axis set to 1).</summary>
    /// <param name="inputShape">The shape of one sample, without the batch.</param>
    /// <param name="alpha">The alphas, row-major in the parameter shape; copied.</param>
    /// <param name="sharedAxes">Axes along which alpha is shared, counted from 1 as in Keras.</param>
    /// <exception cref="ArgumentException">The alpha length does not match the parameter shape.</exception>
    public PReLU(int[] inputShape, float[] alpha, int[]? sharedAxes = null)
        : this(inputShape, sharedAxes, parameterShape => CheckedAlpha(alpha, parameterShape))
    {
    }

    private PReLU(int[] inputShape, int[]? sharedAxes, Func<int[], float[]> makeAlpha)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        if (inputShape.Length == 0 || inputShape.Any(length => length <= 0))
        {
            throw new ArgumentException($"The input shape must have at least one axis, each of positive length; got [{string.Join(", ", inputShape)}].", nameof(inputShape));
        }

        InputShape = (int[])inputShape.Clone();
        SharedAxes = sharedAxes is null ? Array.Empty<int>() : (int[])sharedAxes.Clone();
        ParameterShape = (int[])inputShape.Clone();
        foreach (int axis in SharedAxes)
        {
            if (axis < 1 || axis > inputShape.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(sharedAxes), axis,
                    $"A shared axis must be between 1 and {inputShape.Length} (axis 0 is the batch, which alpha never spans); got {axis}.");
            }

            ParameterShape[axis - 1] = 1;
        }

        _alpha = makeAlpha(ParameterShape);
        _alphaPerPosition = Broadcast(_alpha, ParameterShape, InputShape);
    }

    /// <summary>The shape of one sample.</summary>
    public int[] InputShape { get; }

    /// <summary>The axes alpha is shared along (from 1).</summary>
    public int[] SharedAxes { get; }

    /// <summary>The shape of <see cref="Alpha"/>: the sample shape with each shared axis set to 1.</summary>
    public int[] ParameterShape { get; }

    /// <summary>The alphas, row-major in <see cref="ParameterShape"/>.</summary>
    public ReadOnlySpan<float> Alpha => _alpha;

    /// <inheritdoc />
    public int GetOutputSize(int inputSize)
    {
        if (inputSize != _alphaPerPosition.Length)
        {
            throw new ArgumentException(
                $"This PReLU layer takes samples of shape [{string.Join(", ", InputShape)}] ({_alphaPerPosition.Length} values); got {inputSize} values.", nameof(inputSize));
        }

        return inputSize;
    }

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<float> input, Span<float> output, int batch)
    {
        int sampleSize = GetOutputSize(LayerGuard.SampleSize(input, batch));
        LayerGuard.Output(output, batch, sampleSize);
        LayerGuard.NoPartialOverlap(input, output);
        for (int sample = 0; sample < batch; sample++)
        {
            Select(input.Slice(sample * sampleSize, sampleSize), _alphaPerPosition, output.Slice(sample * sampleSize, sampleSize));
        }
    }

    // x >= 0 ? x : alpha * x. NaN fails the comparison and gives alpha * NaN = NaN, as Keras's relu(x) - alpha * relu(-x) does.
    private static void Select(ReadOnlySpan<float> x, ReadOnlySpan<float> alpha, Span<float> destination)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<float>.Count)
        {
            for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var v = new Vector<float>(x.Slice(i));
                var a = new Vector<float>(alpha.Slice(i));
                Vector.ConditionalSelect(Vector.GreaterThanOrEqual(v, Vector<float>.Zero), v, v * a).CopyTo(destination.Slice(i));
            }
        }

        for (; i < x.Length; i++)
        {
            destination[i] = x[i] >= 0 ? x[i] : alpha[i] * x[i];
        }
    }

    private static float[] CheckedAlpha(float[] alpha, int[] parameterShape)
    {
        ArgumentNullException.ThrowIfNull(alpha);
        int expected = Product(parameterShape);
        if (alpha.Length != expected)
        {
            throw new ArgumentException(
                $"alpha has {alpha.Length} values; the parameter shape [{string.Join(", ", parameterShape)}] needs {expected}.", nameof(alpha));
        }

        return (float[])alpha.Clone();
    }

    /// <summary>Repeats the alphas along the shared axes (where the parameter shape has 1) to fill a sample.</summary>
    private static float[] Broadcast(float[] alpha, int[] parameterShape, int[] inputShape)
    {
        var full = new float[Product(inputShape)];
        var index = new int[inputShape.Length];
        for (int flat = 0; flat < full.Length; flat++)
        {
            int source = 0;
            for (int axis = 0; axis < inputShape.Length; axis++)
            {
                source = (source * parameterShape[axis]) + (parameterShape[axis] == 1 ? 0 : index[axis]);
            }

            full[flat] = alpha[source];

            // Advance the multi-index, last axis fastest (row-major).
            for (int axis = inputShape.Length - 1; axis >= 0 && ++index[axis] == inputShape[axis]; axis--)
            {
                index[axis] = 0;
            }
        }

        return full;
    }

    private static int Product(int[] shape)
    {
        long product = 1;
        foreach (int length in shape)
        {
            product *= length;
        }

        return checked((int)product);
    }
}
