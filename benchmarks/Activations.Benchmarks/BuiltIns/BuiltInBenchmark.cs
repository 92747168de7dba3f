using System;
using BenchmarkDotNet.Attributes;

namespace Activations.Benchmarks.BuiltIns;

/// <summary>
/// Shared set-up for the float built-in benchmarks: inputs spread over [-10, 10] (both branches of every
/// select, the tails included), a destination, two scratch buffers for composed TensorPrimitives formulas, and
/// the memory floor (copying the same bytes). Each derived class compares one built-in with its peers;
/// TensorPrimitives is the baseline, so the Ratio column reads "time relative to TensorPrimitives".
/// </summary>
[MemoryDiagnoser]
public abstract class BuiltInBenchmark
{
    /// <summary>Elements per call: one L1/L2-resident size and one that spills to L3.</summary>
    [Params(4096, 65536)]
    public int N { get; set; }

    protected float[] X = Array.Empty<float>();
    protected float[] Destination = Array.Empty<float>();
    protected float[] Scratch = Array.Empty<float>();
    protected float[] SecondScratch = Array.Empty<float>();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261128);
        X = new float[N];
        for (int i = 0; i < N; i++) X[i] = (float)(random.NextDouble() * 20 - 10);
        Destination = new float[N];
        Scratch = new float[N];
        SecondScratch = new float[N];
    }

    /// <summary>The memory floor: no kernel can beat reading and writing the same bytes.</summary>
    [Benchmark(Description = "copy (floor)")]
    public void Copy() => X.AsSpan().CopyTo(Destination);
}
