using System;
using System.Numerics.Tensors;
using Activations;
using BenchmarkDotNet.Attributes;

namespace Activations.Benchmarks.Generator;

/// <summary>
/// The shared loop's overhead, on a formula whose math is trivial (relu: one max per element, natively in
/// float), against TensorPrimitives' own loop on the same work and against copying the bytes (the memory floor).
/// </summary>
[MemoryDiagnoser]
public class ElementwiseLoopBenchmarks
{
    private float[] _x = Array.Empty<float>();
    private float[] _destination = Array.Empty<float>();
    private Half[] _halfX = Array.Empty<Half>();
    private Half[] _halfDestination = Array.Empty<Half>();

    [Params(4096, 65536)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _x = new float[N];
        for (int i = 0; i < N; i++)
        {
            _x[i] = (float)(random.NextDouble() * 20 - 10);
        }

        _destination = new float[N];
        _halfX = Array.ConvertAll(_x, v => (Half)v);
        _halfDestination = new Half[N];
    }

    [Benchmark(Baseline = true)]
    public void Copy() => _x.AsSpan().CopyTo(_destination);

    [Benchmark]
    public void GeneratedRelu() => Activation.Relu(_x, _destination);

    [Benchmark]
    public void TensorPrimitivesMax() => TensorPrimitives.Max(_x, 0f, _destination);

    [Benchmark]
    public void GeneratedReluHalf() => Activation.Relu(_halfX, _halfDestination);

    [Benchmark]
    public void TensorPrimitivesMaxHalf() => TensorPrimitives.Max(_halfX, (Half)0, _halfDestination);
}
