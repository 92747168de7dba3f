using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using Activations.Kernels;

namespace Activations.Benchmarks.MathCore;

/// <summary>float expm1 over a span: the math core in the shared unrolled span loop against TensorPrimitives.ExpM1, and the
/// previous double-lane route.</summary>
[MedianColumn]
public class FloatExpm1Benchmarks
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
            _x[i] = (float)((random.NextDouble() * 20) - 10); // elu's and selu's side (x < 0) and beyond
        }
    }

    [Benchmark(Baseline = true)]
    public void TensorPrimitivesExpM1() => TensorPrimitives.ExpM1<float>(_x, _destination);

    [Benchmark]
    public void VectorMathExpm1() => ElementwiseLoop.Run<float, Expm1Operator>(_x, _destination, default);

    [Benchmark]
    public void VectorMathExpm1ViaDouble() => ElementwiseLoop.Run<float, Expm1ViaDoubleOperator>(_x, _destination, default);
}

/// <summary>float log1p over a span: the math core in the shared unrolled span loop against TensorPrimitives.LogP1, and the
/// previous double-lane route.</summary>
[MedianColumn]
public class FloatLog1pBenchmarks
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
            _x[i] = (float)random.NextDouble(); // softplus's log1p(e^-|x|) argument range, (0, 1]
        }
    }

    [Benchmark(Baseline = true)]
    public void TensorPrimitivesLogP1() => TensorPrimitives.LogP1<float>(_x, _destination);

    [Benchmark]
    public void VectorMathLog1p() => ElementwiseLoop.Run<float, Log1pOperator>(_x, _destination, default);

    [Benchmark]
    public void VectorMathLog1pViaDouble() => ElementwiseLoop.Run<float, Log1pViaDoubleOperator>(_x, _destination, default);
}
