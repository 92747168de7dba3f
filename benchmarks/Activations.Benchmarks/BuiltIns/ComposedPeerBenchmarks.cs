using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace Activations.Benchmarks.BuiltIns;

/// <summary>silu: ours (one fused pass) against <c>x * Sigmoid(x)</c> composed from TensorPrimitives (bar: 2x faster).</summary>
public class SiluBenchmarks : BuiltInBenchmark
{
    [Benchmark(Description = "Activations")]
    public void Ours() => Activation.Silu(X, Destination);

    [Benchmark(Baseline = true, Description = "TensorPrimitives composed")]
    public void Composed()
    {
        TensorPrimitives.Sigmoid(X, Scratch);
        TensorPrimitives.Multiply(X, Scratch, Destination);
    }

    [Benchmark(Description = "scalar loop")]
    public void Scalar()
    {
        float[] x = X, d = Destination;
        for (int i = 0; i < x.Length; i++) d[i] = x[i] / (1f + MathF.Exp(-x[i]));
    }
}

/// <summary>softplus: ours against Keras's printed <c>log(exp(x) + 1)</c> composed from TensorPrimitives (bar: 2x faster).</summary>
public class SoftplusBenchmarks : BuiltInBenchmark
{
    [Benchmark(Description = "Activations")]
    public void Ours() => Activation.Softplus(X, Destination);

    [Benchmark(Baseline = true, Description = "TensorPrimitives composed")]
    public void Composed()
    {
        TensorPrimitives.Exp(X, Destination);
        TensorPrimitives.Add(Destination, 1f, Destination);
        TensorPrimitives.Log(Destination, Destination);
    }

    [Benchmark(Description = "scalar loop")]
    public void Scalar()
    {
        float[] x = X, d = Destination;
        for (int i = 0; i < x.Length; i++) d[i] = MathF.Max(x[i], 0f) + MathF.Log(1f + MathF.Exp(-MathF.Abs(x[i])));
    }
}

/// <summary>mish: ours against <c>x * tanh(log(exp(x) + 1))</c> composed from TensorPrimitives (bar: 2x faster).</summary>
public class MishBenchmarks : BuiltInBenchmark
{
    [Benchmark(Description = "Activations")]
    public void Ours() => Activation.Mish(X, Destination);

    [Benchmark(Baseline = true, Description = "TensorPrimitives composed")]
    public void Composed()
    {
        TensorPrimitives.Exp(X, Scratch);
        TensorPrimitives.Add(Scratch, 1f, Scratch);
        TensorPrimitives.Log(Scratch, Scratch);
        TensorPrimitives.Tanh(Scratch, Scratch);
        TensorPrimitives.Multiply(X, Scratch, Destination);
    }

    [Benchmark(Description = "scalar loop")]
    public void Scalar()
    {
        float[] x = X, d = Destination;
        for (int i = 0; i < x.Length; i++) d[i] = x[i] * MathF.Tanh(MathF.Log(1f + MathF.Exp(x[i])));
    }
}

/// <summary>
/// gelu: each form against the same formula composed from TensorPrimitives (bar: 2x faster): the exact form against
/// <c>0.5 x (1 + erf(x/√2))</c> with erf built from its calls (it has none; <see cref="ComposedGelu"/>), the tanh form
/// against <c>0.5 x (1 + tanh(√(2/π) (x + 0.044715 x³)))</c>, the baseline. The exact form is also read against the tanh
/// form's peer, a cheaper formula.
/// </summary>
public class GeluBenchmarks : BuiltInBenchmark
{
    [Benchmark(Description = "Activations exact (erfc)")]
    public void OursExact() => Activation.Gelu(X, Destination);

    [Benchmark(Description = "TensorPrimitives composed exact form")]
    public void ComposedExact() => ComposedGelu.ExactForm(X, Scratch, SecondScratch, Destination);

    [Benchmark(Description = "Activations tanh form")]
    public void OursApproximate() => Activation.Gelu(X, Destination, approximate: true);

    [Benchmark(Baseline = true, Description = "TensorPrimitives composed tanh form")]
    public void Composed() => ComposedGelu.TanhForm(X, Scratch, Destination);

    [Benchmark(Description = "scalar loop tanh form")]
    public void Scalar()
    {
        float[] x = X, d = Destination;
        for (int i = 0; i < x.Length; i++)
        {
            float v = x[i];
            d[i] = 0.5f * v * (1f + MathF.Tanh(0.7978845608f * (v + 0.044715f * v * v * v)));
        }
    }
}

/// <summary>elu: ours against <c>max(x, 0) + min(alpha (exp(x) - 1), 0)</c> composed from TensorPrimitives (bar: 2x faster).</summary>
public class EluBenchmarks : BuiltInBenchmark
{
    [Benchmark(Description = "Activations")]
    public void Ours() => Activation.Elu(X, Destination);

    [Benchmark(Baseline = true, Description = "TensorPrimitives composed")]
    public void Composed() => Compose(X, Scratch, Destination);

    /// <summary>elu with alpha 1 from TensorPrimitives calls (also celu's peer, which is elu at alpha 1).</summary>
    internal static void Compose(float[] x, float[] scratch, float[] destination)
    {
        TensorPrimitives.Exp(x, scratch);
        TensorPrimitives.Add(scratch, -1f, scratch);
        TensorPrimitives.Min(scratch, 0f, scratch);
        TensorPrimitives.Max(x, 0f, destination);
        TensorPrimitives.Add(destination, scratch, destination);
    }

    [Benchmark(Description = "scalar loop")]
    public void Scalar()
    {
        float[] x = X, d = Destination;
        for (int i = 0; i < x.Length; i++) d[i] = x[i] > 0f ? x[i] : MathF.Exp(x[i]) - 1f;
    }
}
