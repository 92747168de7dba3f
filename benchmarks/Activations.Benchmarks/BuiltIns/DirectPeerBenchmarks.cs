using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace Activations.Benchmarks.BuiltIns;

/// <summary>sigmoid: ours against <see cref="TensorPrimitives.Sigmoid(ReadOnlySpan{float}, Span{float})"/> (bar: at least as fast).</summary>
public class SigmoidBenchmarks : BuiltInBenchmark
{
    [Benchmark(Description = "Activations")]
    public void Ours() => Activation.Sigmoid(X, Destination);

    [Benchmark(Baseline = true, Description = "TensorPrimitives")]
    public void Peer() => TensorPrimitives.Sigmoid(X, Destination);

    [Benchmark(Description = "scalar loop")]
    public void Scalar()
    {
        float[] x = X, d = Destination;
        for (int i = 0; i < x.Length; i++) d[i] = 1f / (1f + MathF.Exp(-x[i]));
    }
}

/// <summary>tanh: ours against <see cref="TensorPrimitives.Tanh(ReadOnlySpan{float}, Span{float})"/> (bar: at least as fast).</summary>
public class TanhBenchmarks : BuiltInBenchmark
{
    [Benchmark(Description = "Activations")]
    public void Ours() => Activation.Tanh(X, Destination);

    [Benchmark(Baseline = true, Description = "TensorPrimitives")]
    public void Peer() => TensorPrimitives.Tanh(X, Destination);

    [Benchmark(Description = "scalar loop")]
    public void Scalar()
    {
        float[] x = X, d = Destination;
        for (int i = 0; i < x.Length; i++) d[i] = MathF.Tanh(x[i]);
    }
}

/// <summary>exponential: ours against <see cref="TensorPrimitives.Exp(ReadOnlySpan{float}, Span{float})"/> (bar: at least as fast).</summary>
public class ExponentialBenchmarks : BuiltInBenchmark
{
    [Benchmark(Description = "Activations")]
    public void Ours() => Activation.Exponential(X, Destination);

    [Benchmark(Baseline = true, Description = "TensorPrimitives")]
    public void Peer() => TensorPrimitives.Exp(X, Destination);

    [Benchmark(Description = "scalar loop")]
    public void Scalar()
    {
        float[] x = X, d = Destination;
        for (int i = 0; i < x.Length; i++) d[i] = MathF.Exp(x[i]);
    }
}

/// <summary>relu: ours against <c>TensorPrimitives.Max(x, 0)</c> (bar: at least as fast).</summary>
public class ReluBenchmarks : BuiltInBenchmark
{
    [Benchmark(Description = "Activations")]
    public void Ours() => Activation.Relu(X, Destination);

    [Benchmark(Baseline = true, Description = "TensorPrimitives")]
    public void Peer() => TensorPrimitives.Max(X, 0f, Destination);

    [Benchmark(Description = "scalar loop")]
    public void Scalar()
    {
        float[] x = X, d = Destination;
        for (int i = 0; i < x.Length; i++) d[i] = MathF.Max(x[i], 0f);
    }
}
