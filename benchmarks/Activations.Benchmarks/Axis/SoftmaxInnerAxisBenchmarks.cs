using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace Activations.Benchmarks.Axis;

/// <summary>
/// softmax of a dense float [Rows, 1024] tensor along axis 0, a strided inner axis (elements 1024 apart):
/// ours (vectorized across the 1024 contiguous columns, nothing gathered) against a scalar loop per column
/// (the baseline; bar: 4x faster).
/// </summary>
[MemoryDiagnoser]
public class SoftmaxInnerAxisBenchmarks
{
    private const int Columns = 1024;

    [Params(64, 1024)]
    public int Rows { get; set; }

    private float[] _x = Array.Empty<float>();
    private float[] _destination = Array.Empty<float>();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261128);
        _x = new float[Rows * Columns];
        for (int i = 0; i < _x.Length; i++) _x[i] = (float)(random.NextDouble() * 20 - 10);
        _destination = new float[_x.Length];
    }

    [Benchmark(Baseline = true, Description = "scalar loop per column")]
    public void ScalarLoop()
    {
        float[] x = _x, y = _destination;
        int rows = Rows;
        for (int j = 0; j < Columns; j++)
        {
            float max = float.NegativeInfinity;
            for (int k = 0; k < rows; k++) max = MathF.Max(max, x[k * Columns + j]);
            double sum = 0;
            for (int k = 0; k < rows; k++)
            {
                float e = MathF.Exp(x[k * Columns + j] - max);
                y[k * Columns + j] = e;
                sum += e;
            }

            float inverse = (float)(1 / sum);
            for (int k = 0; k < rows; k++) y[k * Columns + j] *= inverse;
        }
    }

    [Benchmark(Description = "Activation.Softmax axis 0")]
    public void Ours()
    {
        ReadOnlySpan<nint> lengths = stackalloc nint[] { Rows, Columns };
        Activation.Softmax(new ReadOnlyTensorSpan<float>(_x, lengths), new TensorSpan<float>(_destination, lengths), axis: 0);
    }

    [Benchmark(Description = "Activation.Softmax last axis (same size)")]
    public void OursLastAxis()
    {
        ReadOnlySpan<nint> lengths = stackalloc nint[] { Columns, Rows };
        Activation.Softmax(new ReadOnlyTensorSpan<float>(_x, lengths), new TensorSpan<float>(_destination, lengths), axis: -1);
    }
}
