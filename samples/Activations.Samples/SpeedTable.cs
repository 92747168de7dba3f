using System;
using System.Diagnostics;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace Activations.Samples;

/// <summary>
/// A quick, indicative speed table: ours against TensorPrimitives and a plain scalar loop, on one array that
/// stays in cache. Stopwatch timings on a shared machine are noisy; the real numbers come from
/// benchmarks/Activations.Benchmarks (BenchmarkDotNet).
/// </summary>
internal static class SpeedTable
{
    private const int Length = 16 * 1024;
    // Short runs, many of them: on a busy machine the best short run is the one the scheduler left alone.
    private static readonly TimeSpan PerRun = TimeSpan.FromMilliseconds(2);
    private const int Runs = 25;

    public static void Run()
    {
        string path = Vector512.IsHardwareAccelerated ? "Vector512" : Vector256.IsHardwareAccelerated ? "Vector256" : Vector128.IsHardwareAccelerated ? "Vector128" : "scalar";
        Show.Heading($"5. Indicative speed: ns per float, {Length} floats in cache, best of {Runs} (SIMD path: {path}; see the benchmarks for real numbers)");
        var x = new float[Length];
        var random = new Random(7);
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)((random.NextDouble() * 20) - 10);
        }

        var y = new float[Length];
        Console.WriteLine($"{"activation",-12} {"Activations",12} {"TensorPrimitives",18} {"scalar loop",12}");
        Row("relu", x, y, (a, b) => TensorPrimitives.Max(a, 0f, b), v => MathF.Max(v, 0f));
        Row("sigmoid", x, y, (a, b) => TensorPrimitives.Sigmoid(a, b), v => 1f / (1f + MathF.Exp(-v)));
        Row("tanh", x, y, (a, b) => TensorPrimitives.Tanh(a, b), MathF.Tanh);
        Row("silu", x, y, (a, b) => { TensorPrimitives.Sigmoid(a, b); TensorPrimitives.Multiply(a, b, b); }, v => v / (1f + MathF.Exp(-v)));
        Row("softplus", x, y, (a, b) => { TensorPrimitives.Exp(a, b); TensorPrimitives.Add(b, 1f, b); TensorPrimitives.Log(b, b); }, v => MathF.Log(1f + MathF.Exp(v)));
        Row("gelu", x, y, null, v => 0.5f * v * (1f + VectorMath.Erf(v * 0.70710678f)));
        Console.WriteLine("(TensorPrimitives has no silu or softplus: composed from its calls as users would; it has no erf, so no gelu.)");
    }

    private static void Row(string name, float[] x, float[] y, Action<float[], float[]>? tensorPrimitives, Func<float, float> scalar)
    {
        string ours = Activation.TryGet(name, out ActivationFunction? function)
            ? $"{Time(() => function.Apply(x, y)):F3}"
            : "n/a";
        string peer = tensorPrimitives is null ? "—" : $"{Time(() => tensorPrimitives(x, y)):F3}";
        string loop = $"{Time(() => { for (int i = 0; i < x.Length; i++) { y[i] = scalar(x[i]); } }):F3}";
        Console.WriteLine($"{name,-12} {ours,12} {peer,18} {loop,12}");
    }

    /// <summary>Nanoseconds per element: the best of several runs, each repeating the call for a fixed time.</summary>
    private static double Time(Action action)
    {
        action(); // JIT and warm the cache
        double best = double.MaxValue;
        for (int run = 0; run < Runs; run++)
        {
            long calls = 0;
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < PerRun)
            {
                action();
                action();
                calls += 2;
            }

            best = Math.Min(best, watch.Elapsed.TotalNanoseconds / (calls * (double)Length));
        }

        return best;
    }
}
