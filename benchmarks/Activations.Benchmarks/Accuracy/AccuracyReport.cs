using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics.Tensors;
using System.Text;
using Activations.Benchmarks.BuiltIns;
using Activations.Tests.Reference;

namespace Activations.Benchmarks.Accuracy;

/// <summary>
/// Measures float accuracy, ours beside TensorPrimitives (called directly where it has the function, composed
/// from its calls as a user would where it does not), on every row of the reference files, and writes
/// docs/accuracy.md (the table) and docs/charts/accuracy.csv (the chart's points, for make_charts.py).
/// Run: dotnet run -c Release --project benchmarks/Activations.Benchmarks -- accuracy
/// </summary>
internal static class AccuracyReport
{
    private delegate void SpanFunction(ReadOnlySpan<float> x, Span<float> destination);

    private sealed record Entry(string Reference, string Peer, SpanFunction Ours, SpanFunction? Theirs, bool Charted);

    private static IEnumerable<Entry> Entries()
    {
        yield return new("exponential", "TensorPrimitives.Exp", Kernel("exponential"), TensorPrimitives.Exp, false);
        yield return new("sigmoid", "TensorPrimitives.Sigmoid", Kernel("sigmoid"), TensorPrimitives.Sigmoid, false);
        yield return new("tanh", "TensorPrimitives.Tanh", Kernel("tanh"), TensorPrimitives.Tanh, true);
        yield return new("softplus", "TP: Log(Exp(x) + 1)", Kernel("softplus"), (x, d) =>
        {
            TensorPrimitives.Exp(x, d);
            TensorPrimitives.Add(d, 1f, d);
            TensorPrimitives.Log(d, d);
        }, true);
        yield return new("silu", "TP: x * Sigmoid(x)", Kernel("silu"), (x, d) =>
        {
            TensorPrimitives.Sigmoid(x, d);
            TensorPrimitives.Multiply(x, d, d);
        }, false);
        yield return new("mish", "TP: x * Tanh(Log(Exp(x) + 1))", Kernel("mish"), (x, d) =>
        {
            TensorPrimitives.Exp(x, d);
            TensorPrimitives.Add(d, 1f, d);
            TensorPrimitives.Log(d, d);
            TensorPrimitives.Tanh(d, d);
            TensorPrimitives.Multiply(x, d, d);
        }, false);
        yield return new("gelu_approximate", "TP: 0.5x(1 + Tanh(c(x + 0.044715x³)))", (x, d) => Activation.Gelu(x, d, approximate: true),
            (x, d) => ComposedGelu.TanhForm(x, d, d), false);
        yield return new("gelu", "TP: 0.5x(1 + erf(x/√2)), erf by A&S 7.1.26", Kernel("gelu"), (x, d) =>
        {
            var magnitude = new float[x.Length];
            var t = new float[x.Length];
            ComposedGelu.ExactForm(x, magnitude, t, d);
        }, true);
    }

    public static void Run()
    {
        string root = RepositoryRoot();
        var table = new StringBuilder();
        table.AppendLine("| function | Activations: max ULP | rows > 1 ULP | peer | peer: max ULP | peer: rows > 2 ULP |");
        table.AppendLine("|---|---:|---:|---|---:|---:|");
        var points = new StringBuilder("function,x,ours_ulp,peer_ulp,peer\n");
        foreach (Entry entry in Entries())
        {
            (float X, float Y)[] rows = ReferenceTable.Single(entry.Reference);
            float[] x = rows.Select(r => r.X).ToArray();
            double[] ours = Errors(entry.Ours, x, rows);
            double[]? theirs = entry.Theirs is null ? null : Errors(entry.Theirs, x, rows);
            table.Append(CultureInfo.InvariantCulture, $"| {entry.Reference} | {Format(ours.Max())} | {ours.Count(e => e > 1)} of {rows.Length} | {entry.Peer} | ");
            table.AppendLine(theirs is null ? "— | — |" : $"{Format(theirs.Max())} | {theirs.Count(e => e > 2)} of {rows.Length} |");
            if (entry.Charted)
            {
                for (int i = 0; i < rows.Length; i++)
                {
                    string peer = theirs is null ? "" : Format(theirs[i]);
                    points.Append(CultureInfo.InvariantCulture, $"{entry.Reference},{x[i].ToString("R", CultureInfo.InvariantCulture)},{Format(ours[i])},{peer},{(theirs is null ? "" : entry.Peer)}\n");
                }
            }
        }

        string tableText = table.ToString();
        File.WriteAllText(Path.Combine(root, "docs", "charts", "accuracy.csv"), points.ToString());
        File.WriteAllText(Path.Combine(root, "docs", "accuracy.md"),
            "# Float accuracy beside TensorPrimitives\n\n" +
            "Made by `dotnet run -c Release --project benchmarks/Activations.Benchmarks -- accuracy` on " +
            $"{Environment.Version} ({SimdPath()} path), over every row of the float reference files (correctly rounded, " +
            "`tests/Activations.Runtime.Tests/Reference/data`), with the ULP measure the reference README defines. " +
            "Where TensorPrimitives lacks the function it is composed from its calls, as a user would.\n\n" + tableText);
        Console.Write(tableText);
    }

    private static double[] Errors(SpanFunction function, float[] x, (float X, float Y)[] rows)
    {
        var y = new float[x.Length];
        function(x, y);
        return rows.Select((r, i) => Ulp.Error(y[i], r.Y)).ToArray();
    }

    private static SpanFunction Kernel(string name)
    {
        if (!ActivationRegistry.TryGet(name, out ActivationDescriptor? descriptor))
        {
            throw new InvalidOperationException($"'{name}' is not registered.");
        }

        return (x, d) => descriptor.Single(x, d, default);
    }

    private static string Format(double ulp) =>
        double.IsPositiveInfinity(ulp) ? "inf" : ulp.ToString(ulp < 10 ? "0.##" : "0.###e0", CultureInfo.InvariantCulture);

    private static string SimdPath() =>
        System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? "Vector512"
        : System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? "Vector256"
        : System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated ? "Vector128" : "scalar";

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Activations.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Activations.sln not found above " + AppContext.BaseDirectory);
    }
}
