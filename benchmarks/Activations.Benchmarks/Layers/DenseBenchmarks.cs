using System;
using System.Numerics.Tensors;
using Activations.Layers;
using BenchmarkDotNet.Attributes;

namespace Activations.Benchmarks.Layers;

/// <summary>
/// Dense forward with the fused epilogue (bias and activation per block while it is in cache) against the
/// same matmul followed by two separate passes over the whole output (bias, then activation), and against
/// the matmul alone (the floor).
/// </summary>
[MemoryDiagnoser]
public class DenseBenchmarks
{
    private Dense _fused = null!;
    private Dense _matmul = null!;
    private ActivationFunction _activation = null!;
    private float[] _kernel = null!;
    private float[] _bias = null!;
    private float[] _input = null!;
    private float[] _output = null!;

    /// <summary>Inputs per sample.</summary>
    [Params(64)]
    public int InputSize { get; set; }

    /// <summary>Outputs per sample.</summary>
    [Params(1024)]
    public int Units { get; set; }

    /// <summary>Samples per call: the small batch keeps the output in L2, the large one does not.</summary>
    [Params(16, 512)]
    public int Batch { get; set; }

    /// <summary>The activation in the epilogue.</summary>
    [Params("sigmoid")]
    public string Activation { get; set; } = "sigmoid";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var kernel = new float[InputSize, Units];
        _kernel = new float[InputSize * Units];
        for (int i = 0; i < InputSize; i++)
        {
            for (int j = 0; j < Units; j++)
            {
                kernel[i, j] = _kernel[(i * Units) + j] = (float)(random.NextDouble() - 0.5);
            }
        }

        _bias = new float[Units];
        for (int j = 0; j < Units; j++)
        {
            _bias[j] = (float)(random.NextDouble() - 0.5);
        }

        _activation = Activations.Activation.Get(Activation);
        _fused = new Dense(kernel, _bias, _activation);

        // The same matmul kernel with no bias and the identity (which the layer skips): the unfused passes start from it.
        _matmul = new Dense(kernel, null, Activations.Activation.Get("linear"));
        _input = new float[Batch * InputSize];
        for (int i = 0; i < _input.Length; i++)
        {
            _input[i] = (float)((random.NextDouble() * 2) - 1);
        }

        _output = new float[Batch * Units];
    }

    /// <summary>The layer as shipped: matmul per block, then bias and activation on the block in cache.</summary>
    [Benchmark(Baseline = true)]
    public void Fused() => _fused.Forward(_input, _output, Batch);

    /// <summary>The matmul for the whole output, then a pass adding the bias, then a pass applying the activation.</summary>
    [Benchmark]
    public void ThreePasses()
    {
        _matmul.Forward(_input, _output, Batch);

        for (int sample = 0; sample < Batch; sample++)
        {
            Span<float> row = _output.AsSpan(sample * Units, Units);
            TensorPrimitives.Add(row, _bias, row);
        }

        _activation.Apply(_output, _output);
    }

    /// <summary>The matmul alone: no bias, no activation.</summary>
    [Benchmark]
    public void MatmulOnly() => _matmul.Forward(_input, _output, Batch);

    /// <summary>The matmul as a plain axpy per input row with TensorPrimitives (what the layer did before its own kernel).</summary>
    [Benchmark]
    public void MatmulTensorPrimitives()
    {
        for (int sample = 0; sample < Batch; sample++)
        {
            ReadOnlySpan<float> x = _input.AsSpan(sample * InputSize, InputSize);
            Span<float> row = _output.AsSpan(sample * Units, Units);
            row.Clear();
            for (int i = 0; i < InputSize; i++)
            {
                TensorPrimitives.MultiplyAdd(_kernel.AsSpan(i * Units, Units), x[i], row, row);
            }
        }
    }
}
