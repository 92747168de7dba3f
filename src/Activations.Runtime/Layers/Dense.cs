using System;
using System.Numerics.Tensors;

namespace Activations.Layers;

/// <summary>
/// Keras's <c>Dense</c> layer: <c>output = activation(input · kernel + bias)</c>, with the kernel stored as
/// Keras stores it (input size × units, row-major). The bias add and the activation run as one epilogue
/// over each block of an output row while the block is still in cache, not as two more passes over the output.
/// </summary>
/// <example><code>var dense = new Dense(64, activation: "relu", seed: 42);</code></example>
public sealed class Dense : ILayer
{
    // Output columns per block: the accumulator (8 KiB) stays in L1 through the matmul and the epilogue, and
    // blocks are wide enough that the per-call cost of the activation kernel stays small (256 measured slower).
    private const int BlockWidth = 2048;

    private readonly object _buildGate = new();
    private readonly int? _seed;
    private volatile float[]? _kernel;
    private float[]? _bias;

    /// <summary>
    /// A layer of <paramref name="units"/> outputs whose weights are created when it first sees an input
    /// (as Keras builds a layer): the kernel by Glorot-uniform, the bias as zeros.
    /// </summary>
    /// <param name="units">The number of outputs per sample.</param>
    /// <param name="activation">The activation's identifier; <see langword="null"/> for linear.</param>
    /// <param name="useBias">Whether to add a bias.</param>
    /// <param name="seed">Seeds the initialization, for reproducible weights; <see langword="null"/> for a random seed.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="units"/> is not positive.</exception>
    /// <exception cref="ArgumentException">No activation has that identifier.</exception>
    public Dense(int units, [ActivationName] string? activation = null, bool useBias = true, int? seed = null)
        : this(units, Activations.Activation.Get(activation), useBias, seed)
    {
    }

    /// <summary>A layer of <paramref name="units"/> outputs with the given activation (see the other constructor).</summary>
    public Dense(int units, ActivationFunction activation, bool useBias = true, int? seed = null)
    {
        if (units <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(units), units, $"Received an invalid value for `units`, expected a positive integer. Received: units={units}");
        }

        ArgumentNullException.ThrowIfNull(activation);
        LayerGuard.Complete(activation);
        Units = units;
        Activation = activation;
        UseBias = useBias;
        _seed = seed;
    }

    /// <summary>A layer with explicit weights: <paramref name="kernel"/> is input size × units, as in Keras.</summary>
    /// <param name="kernel">The weights, copied.</param>
    /// <param name="bias">The bias, one per unit, copied; <see langword="null"/> for none.</param>
    /// <param name="activation">The activation's identifier; <see langword="null"/> for linear.</param>
    /// <exception cref="ArgumentException">The kernel is empty or the bias length is not the number of units.</exception>
    public Dense(float[,] kernel, float[]? bias = null, [ActivationName] string? activation = null)
        : this(kernel, bias, Activations.Activation.Get(activation))
    {
    }

    /// <summary>A layer with explicit weights and the given activation (see the other constructor).</summary>
    public Dense(float[,] kernel, float[]? bias, ActivationFunction activation)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(activation);
        LayerGuard.Complete(activation);
        int inputSize = kernel.GetLength(0), units = kernel.GetLength(1);
        if (inputSize == 0 || units == 0)
        {
            throw new ArgumentException($"The kernel must have at least one row and one column; it is {inputSize} × {units}.", nameof(kernel));
        }

        if (bias is not null && bias.Length != units)
        {
            throw new ArgumentException($"The bias has {bias.Length} values; the kernel has {units} units.", nameof(bias));
        }

        Units = units;
        Activation = activation;
        UseBias = bias is not null;
        InputSize = inputSize;
        var flat = new float[inputSize * units];
        for (int i = 0; i < inputSize; i++)
        {
            for (int j = 0; j < units; j++)
            {
                flat[(i * units) + j] = kernel[i, j];
            }
        }

        _bias = bias is null ? null : (float[])bias.Clone();
        _kernel = flat;
    }

    /// <summary>The number of outputs per sample.</summary>
    public int Units { get; }

    /// <summary>The activation applied in the epilogue.</summary>
    public ActivationFunction Activation { get; }

    /// <summary>Whether a bias is added.</summary>
    public bool UseBias { get; }

    /// <summary>The input size, once known (given weights, or the first input seen, or <see cref="Build"/>).</summary>
    public int? InputSize { get; private set; }

    /// <summary>The kernel, input size × units, row-major; empty before the layer is built.</summary>
    public ReadOnlySpan<float> Kernel => _kernel;

    /// <summary>The bias, one per unit; empty without a bias or before the layer is built.</summary>
    public ReadOnlySpan<float> Bias => _bias;

    /// <summary>Creates the weights for samples of <paramref name="inputSize"/> values, if not done yet.</summary>
    /// <exception cref="ArgumentException">The layer was built for another input size.</exception>
    public void Build(int inputSize)
    {
        if (inputSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(inputSize), inputSize, "The input size must be positive.");
        }

        lock (_buildGate)
        {
            if (_kernel is null)
            {
                // Glorot uniform (Keras's default kernel initializer): U(-limit, limit), limit = sqrt(6 / (fan_in + fan_out)).
                var random = _seed is { } seed ? new Random(seed) : new Random();
                double limit = Math.Sqrt(6.0 / (inputSize + Units));
                var kernel = new float[inputSize * Units];
                for (int i = 0; i < kernel.Length; i++)
                {
                    kernel[i] = (float)(((random.NextDouble() * 2) - 1) * limit);
                }

                _bias = UseBias ? new float[Units] : null;
                InputSize = inputSize;
                _kernel = kernel;
            }
        }

        if (InputSize != inputSize)
        {
            throw new ArgumentException(
                $"This Dense layer takes samples of {InputSize} values; got {inputSize}.", nameof(inputSize));
        }
    }

    /// <inheritdoc />
    public int GetOutputSize(int inputSize)
    {
        if (InputSize is { } expected && expected != inputSize)
        {
            throw new ArgumentException($"This Dense layer takes samples of {expected} values; got {inputSize}.", nameof(inputSize));
        }

        return Units;
    }

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<float> input, Span<float> output, int batch)
    {
        int inputSize = LayerGuard.SampleSize(input, batch);
        LayerGuard.Output(output, batch, Units);
        if (input.Overlaps(output))
        {
            throw new ArgumentException("A Dense layer cannot run in place: the input and the output overlap.", nameof(output));
        }

        if (_kernel is null)
        {
            Build(inputSize);
        }
        else if (inputSize != InputSize)
        {
            throw new ArgumentException($"This Dense layer takes samples of {InputSize} values; the input holds {input.Length} values for a batch of {batch}.", nameof(input));
        }

        ReadOnlySpan<float> kernel = _kernel;
        ReadOnlySpan<float> bias = _bias;
        bool skipActivation = Activation.IsIdentity;

        // An activation along an axis (softmax) needs the whole row, so the row is one block.
        int blockWidth = Activation.IsAlongLastAxis ? Units : BlockWidth;
        for (int sample = 0; sample < batch; sample++)
        {
            ReadOnlySpan<float> x = input.Slice(sample * inputSize, inputSize);
            Span<float> row = output.Slice(sample * Units, Units);
            for (int start = 0; start < Units; start += blockWidth)
            {
                int width = Math.Min(blockWidth, Units - start);
                Span<float> block = row.Slice(start, width);

                // The matmul for this block: block = Σ_i x[i] · kernel[i, start..start+width].
                DenseKernel.MultiplyBlock(x, kernel, Units, start, block);

                // The epilogue, while the block is in L1: bias, then activation, in place.
                if (UseBias)
                {
                    TensorPrimitives.Add(block, bias.Slice(start, width), block);
                }

                if (!skipActivation)
                {
                    Activation.Apply(block, block);
                }
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"Dense({Units}, activation: {Activation})";
}
