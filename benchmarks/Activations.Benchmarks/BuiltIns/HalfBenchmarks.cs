using System;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace Activations.Benchmarks.BuiltIns;

/// <summary>
/// Half, n = 65536: sigmoid and tanh against TensorPrimitives' generic Half overloads (bar: 3x faster).
/// Ours widens to float in vectors, computes natively in float (sigmoid and tanh with the cheaper …ForHalf math, FastHalf,
/// their results near a Half midpoint settled in double), and narrows; exponential runs the float kernel and settles ties (correctly rounded, no bar) against TensorPrimitives'
/// Exp; silu and elu (no TensorPrimitives peer) run their float kernels the same way; linear is the conversions alone
/// (Half to float and back) and the copy the memory floor.
/// </summary>
/// <remarks>Min is reported besides the median: on a shared, loaded machine it is the statistic least disturbed by other processes.</remarks>
[MemoryDiagnoser]
[MinColumn]
public class HalfBenchmarks
{
    [Params(65536)]
    public int N { get; set; }

    private Half[] _x = Array.Empty<Half>();
    private Half[] _destination = Array.Empty<Half>();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261128);
        _x = new Half[N];
        for (int i = 0; i < N; i++) _x[i] = (Half)(random.NextDouble() * 20 - 10);
        _destination = new Half[N];
    }

    [Benchmark(Description = "sigmoid Activations")]
    public void SigmoidOurs() => Activation.Sigmoid(_x, _destination);

    [Benchmark(Baseline = true, Description = "sigmoid TensorPrimitives")]
    public void SigmoidPeer() => TensorPrimitives.Sigmoid<Half>(_x, _destination);

    [Benchmark(Description = "tanh Activations")]
    public void TanhOurs() => Activation.Tanh(_x, _destination);

    [Benchmark(Description = "tanh TensorPrimitives")]
    public void TanhPeer() => TensorPrimitives.Tanh<Half>(_x, _destination);

    // No bar: a Half kernel that runs the float kernel and settles Half ties in double (Kernels/HalfTies.cs), correctly
    // rounded, against TensorPrimitives' Half overload of the same function.
    [Benchmark(Description = "exponential Activations")]
    public void ExponentialOurs() => Activation.Exponential(_x, _destination);

    [Benchmark(Description = "exponential TensorPrimitives")]
    public void ExponentialPeer() => TensorPrimitives.Exp<Half>(_x, _destination);

    [Benchmark(Description = "silu Activations")]
    public void SiluOurs() => Activation.Silu(_x, _destination);

    [Benchmark(Description = "elu Activations")]
    public void EluOurs() => Activation.Elu(_x, _destination);

    [Benchmark(Description = "linear Activations (widen + narrow only)")]
    public void LinearOurs() => Activation.Linear(_x, _destination);

    [Benchmark(Description = "copy (floor)")]
    public void Copy() => _x.AsSpan().CopyTo(_destination);
}
