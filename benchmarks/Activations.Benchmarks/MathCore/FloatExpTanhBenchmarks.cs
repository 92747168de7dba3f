using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using Activations.Kernels;

namespace Activations.Benchmarks.MathCore;

/// <summary>float exp over a span: the math core in a plain unrolled span loop against TensorPrimitives.Exp.</summary>
[MedianColumn]
public class FloatExpBenchmarks
{
    private float[] _x = Array.Empty<float>();
    private float[] _destination = Array.Empty<float>();

    [Params(4096, 65536)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _x = new float[N];
        _destination = new float[N];
        for (int i = 0; i < N; i++)
        {
            _x[i] = (float)((random.NextDouble() * 160) - 80); // most of float exp's finite range
        }
    }

    [Benchmark(Baseline = true)]
    public void TensorPrimitivesExp() => TensorPrimitives.Exp(_x, _destination);

    [Benchmark]
    public void VectorMathExp() => ElementwiseLoop.Run<float, ExpOperator>(_x, _destination, default);
}

/// <summary>float tanh over a span: the math core in a plain unrolled span loop against TensorPrimitives.Tanh.</summary>
[MedianColumn]
public class FloatTanhBenchmarks
{
    private float[] _x = Array.Empty<float>();
    private float[] _destination = Array.Empty<float>();

    [Params(4096, 65536)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _x = new float[N];
        _destination = new float[N];
        for (int i = 0; i < N; i++)
        {
            _x[i] = (float)((random.NextDouble() * 10) - 5); // where activations live: both branches taken
        }
    }

    [Benchmark(Baseline = true)]
    public void TensorPrimitivesTanh() => TensorPrimitives.Tanh(_x, _destination);

    [Benchmark]
    public void VectorMathTanh() => ElementwiseLoop.Run<float, TanhOperator>(_x, _destination, default);
}
