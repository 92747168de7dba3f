using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace Activations.Benchmarks.BuiltIns;

// The built-ins whose float kernels moved from double lanes to float lanes in sessions 14 and 15 (exact pairs of floats,
// one rounding), each against the same function composed from TensorPrimitives calls. No bar: they show what the float
// lanes bought (docs/math-core.md, "Products with constants that are no float, and the hard functions").

/// <summary>selu: ours against <c>scale max(x, 0) + scale alpha min(exp(x) - 1, 0)</c> composed from TensorPrimitives.</summary>
public class SeluBenchmarks : BuiltInBenchmark
{
    [Benchmark(Description = "Activations")]
    public void Ours() => Activation.Selu(X, Destination);

    [Benchmark(Baseline = true, Description = "TensorPrimitives composed")]
    public void Composed()
    {
        TensorPrimitives.Exp(X, Scratch);
        TensorPrimitives.Add(Scratch, -1f, Scratch);
        TensorPrimitives.Min(Scratch, 0f, Scratch);
        TensorPrimitives.Multiply(Scratch, 1.7580993f, Scratch);
        TensorPrimitives.Max(X, 0f, Destination);
        TensorPrimitives.Multiply(Destination, 1.050701f, Destination);
        TensorPrimitives.Add(Destination, Scratch, Destination);
    }
}

/// <summary>hard_sigmoid: ours against <c>min(max((x + 3) / 6, 0), 1)</c> composed from TensorPrimitives.</summary>
public class HardSigmoidBenchmarks : BuiltInBenchmark
{
    [Benchmark(Description = "Activations")]
    public void Ours() => Activation.HardSigmoid(X, Destination);

    [Benchmark(Baseline = true, Description = "TensorPrimitives composed")]
    public void Composed()
    {
        TensorPrimitives.Add(X, 3f, Destination);
        TensorPrimitives.Divide(Destination, 6f, Destination);
        TensorPrimitives.Max(Destination, 0f, Destination);
        TensorPrimitives.Min(Destination, 1f, Destination);
    }
}

/// <summary>hard_silu: ours against <c>x min(max((x + 3) / 6, 0), 1)</c> composed from TensorPrimitives.</summary>
public class HardSiluBenchmarks : BuiltInBenchmark
{
    [Benchmark(Description = "Activations")]
    public void Ours() => Activation.HardSilu(X, Destination);

    [Benchmark(Baseline = true, Description = "TensorPrimitives composed")]
    public void Composed()
    {
        TensorPrimitives.Add(X, 3f, Scratch);
        TensorPrimitives.Divide(Scratch, 6f, Scratch);
        TensorPrimitives.Max(Scratch, 0f, Scratch);
        TensorPrimitives.Min(Scratch, 1f, Scratch);
        TensorPrimitives.Multiply(X, Scratch, Destination);
    }
}

/// <summary>softsign: ours against <c>x / (|x| + 1)</c> composed from TensorPrimitives.</summary>
public class SoftsignBenchmarks : BuiltInBenchmark
{
    [Benchmark(Description = "Activations")]
    public void Ours() => Activation.Softsign(X, Destination);

    [Benchmark(Baseline = true, Description = "TensorPrimitives composed")]
    public void Composed()
    {
        TensorPrimitives.Abs(X, Scratch);
        TensorPrimitives.Add(Scratch, 1f, Scratch);
        TensorPrimitives.Divide(X, Scratch, Destination);
    }
}

/// <summary>sparse_plus: ours against <c>max((min(max(x, -1), 1) + 1)² / 4, x)</c> (the same function) composed from TensorPrimitives.</summary>
public class SparsePlusBenchmarks : BuiltInBenchmark
{
    [Benchmark(Description = "Activations")]
    public void Ours() => Activation.SparsePlus(X, Destination);

    [Benchmark(Baseline = true, Description = "TensorPrimitives composed")]
    public void Composed()
    {
        TensorPrimitives.Max(X, -1f, Scratch);
        TensorPrimitives.Min(Scratch, 1f, Scratch);
        TensorPrimitives.Add(Scratch, 1f, Scratch);
        TensorPrimitives.Multiply(Scratch, Scratch, Scratch);
        TensorPrimitives.Multiply(Scratch, 0.25f, Scratch);
        TensorPrimitives.Max(Scratch, X, Destination);
    }
}

/// <summary>sparse_sigmoid: ours against <c>min(max((x + 1) / 2, 0), 1)</c> composed from TensorPrimitives.</summary>
public class SparseSigmoidBenchmarks : BuiltInBenchmark
{
    [Benchmark(Description = "Activations")]
    public void Ours() => Activation.SparseSigmoid(X, Destination);

    [Benchmark(Baseline = true, Description = "TensorPrimitives composed")]
    public void Composed()
    {
        TensorPrimitives.Add(X, 1f, Destination);
        TensorPrimitives.Multiply(Destination, 0.5f, Destination);
        TensorPrimitives.Max(Destination, 0f, Destination);
        TensorPrimitives.Min(Destination, 1f, Destination);
    }
}

/// <summary>celu (alpha 1, where it is elu): ours, which takes any alpha, against <c>max(x, 0) + min(exp(x) - 1, 0)</c> composed from TensorPrimitives.</summary>
public class CeluBenchmarks : BuiltInBenchmark
{
    [Benchmark(Description = "Activations")]
    public void Ours() => Activation.Celu(X, Destination);

    [Benchmark(Baseline = true, Description = "TensorPrimitives composed")]
    public void Composed() => EluBenchmarks.Compose(X, Scratch, Destination);
}

/// <summary>squareplus (b 4): ours against Keras's printed <c>(x + sqrt(x² + b)) / 2</c> composed from TensorPrimitives.</summary>
public class SquareplusBenchmarks : BuiltInBenchmark
{
    [Benchmark(Description = "Activations")]
    public void Ours() => Activation.Squareplus(X, Destination);

    [Benchmark(Baseline = true, Description = "TensorPrimitives composed")]
    public void Composed()
    {
        TensorPrimitives.Multiply(X, X, Scratch);
        TensorPrimitives.Add(Scratch, 4f, Scratch);
        TensorPrimitives.Sqrt<float>(Scratch, Scratch);
        TensorPrimitives.Add(Scratch, X, Destination);
        TensorPrimitives.Multiply(Destination, 0.5f, Destination);
    }
}

/// <summary>tanh_shrink: ours against Keras's printed <c>x - tanh(x)</c> composed from TensorPrimitives.</summary>
public class TanhShrinkBenchmarks : BuiltInBenchmark
{
    [Benchmark(Description = "Activations")]
    public void Ours() => Activation.TanhShrink(X, Destination);

    [Benchmark(Baseline = true, Description = "TensorPrimitives composed")]
    public void Composed()
    {
        TensorPrimitives.Tanh(X, Scratch);
        TensorPrimitives.Subtract(X, Scratch, Destination);
    }
}
