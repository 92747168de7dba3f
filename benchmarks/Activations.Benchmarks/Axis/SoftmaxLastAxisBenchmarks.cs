using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace Activations.Benchmarks.Axis;

/// <summary>
/// softmax of one float row (the contiguous last axis): ours against TensorPrimitives.SoftMax (the baseline;
/// bar: 1.5x faster), a plain scalar loop, and the memory floor. Inputs in [-10, 10], where TensorPrimitives is
/// still finite (it returns NaN above about 88.7: see TensorPrimitivesComparisonTests).
/// </summary>
[MemoryDiagnoser]
public class SoftmaxLastAxisBenchmarks
{
    [Params(1024, 65536)]
    public int N { get; set; }

    private float[] _x = Array.Empty<float>();
    private float[] _destination = Array.Empty<float>();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261128);
        _x = new float[N];
        for (int i = 0; i < N; i++) _x[i] = (float)(random.NextDouble() * 20 - 10);
        _destination = new float[N];
    }

    [Benchmark(Baseline = true, Description = "TensorPrimitives.SoftMax")]
    public void TensorPrimitivesSoftMax() => TensorPrimitives.SoftMax(_x, _destination);

    [Benchmark(Description = "Activation.Softmax")]
    public void Ours() => Activation.Softmax(_x, _destination);

    [Benchmark(Description = "scalar loop")]
    public void ScalarLoop()
    {
        float[] x = _x, y = _destination;
        float max = float.NegativeInfinity;
        foreach (float v in x) max = MathF.Max(max, v);
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = MathF.Exp(x[i] - max);
            sum += y[i];
        }

        float inverse = (float)(1 / sum);
        for (int i = 0; i < y.Length; i++) y[i] *= inverse;
    }

    [Benchmark(Description = "copy (floor)")]
    public void Copy() => _x.AsSpan().CopyTo(_destination);
}
