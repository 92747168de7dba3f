using System;
using System.Globalization;
using System.Linq;
using System.Runtime.Intrinsics;
using System.Text;
using Activations.Tests.Reference;
using Xunit;
using Xunit.Abstractions;

namespace Activations.Tests.BuiltIns;

/// <summary>
/// The accuracy table of docs/builtins.md: the maximum ULP error of every built-in over every row of its
/// reference files, per type, for the generated span kernels and the Vector128/256/512 overloads (worst of
/// the three widths), written to the test output as markdown and held to the bars. Cases waiting on the
/// math core are listed with the reason.
/// </summary>
public sealed class AccuracyTableTests(ITestOutputHelper output)
{
    [GeneratedKernelFact]
    public void EveryBuiltInMeetsTheBarsAndTheTableIsPrinted()
    {
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"SIMD path: {SimdPathTests.LivePath}, .NET {Environment.Version}");
        table.AppendLine("| function | float span | float vectors | double span | double vectors | Half span (all 65536) |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|");
        var failures = new StringBuilder();
        foreach (BuiltInCase c in BuiltInCatalog.Cases())
        {
            if (MathCoreStatus.Problem(c) is string problem)
            {
                table.AppendLine(CultureInfo.InvariantCulture, $"| {c.ReferenceName} | pending: {problem} | | | | |");
                continue;
            }

            Assert.True(ActivationRegistry.TryGet(c.Activation, out ActivationDescriptor? d), c.Activation);
            double singleSpan = SingleSpan(c, d), doubleSpan = DoubleSpan(c, d), halfSpan = HalfSpan(c, d);
            double singleVectors = SingleVectors(c), doubleVectors = DoubleVectors(c);
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {c.ReferenceName} | {singleSpan:0.##} | {singleVectors:0.##} | {doubleSpan:0.##} | {doubleVectors:0.##} | {halfSpan:0.##} |");
            if (Math.Max(singleSpan, singleVectors) > 2 || Math.Max(doubleSpan, doubleVectors) > 4 || halfSpan > 1)
            {
                failures.Append(c.ReferenceName).Append(' ');
            }
        }

        output.WriteLine(table.ToString());
        Assert.True(failures.Length == 0, "Over the bars: " + failures);
    }

    private static double SingleSpan(BuiltInCase c, ActivationDescriptor d)
    {
        var rows = ReferenceTable.Single(c.ReferenceName);
        float[] x = rows.Select(r => r.X).ToArray();
        var y = new float[x.Length];
        d.Single(x, y, c.Arguments);
        return AccuracyMeasure.Of(x, y, rows.Select(r => r.Y).ToArray()).MaxUlp;
    }

    private static double DoubleSpan(BuiltInCase c, ActivationDescriptor d)
    {
        var rows = ReferenceTable.Double(c.ReferenceName);
        double[] x = rows.Select(r => r.X).ToArray();
        var y = new double[x.Length];
        d.Double(x, y, c.Arguments);
        return AccuracyMeasure.Of(x, y, rows.Select(r => r.Y).ToArray()).MaxUlp;
    }

    private static double HalfSpan(BuiltInCase c, ActivationDescriptor d)
    {
        var rows = ReferenceTable.Half(c.ReferenceName);
        Half[] x = rows.Select(r => r.X).ToArray();
        var y = new Half[x.Length];
        d.Half(x, y, c.Arguments);
        return AccuracyMeasure.Of(x, y, rows.Select(r => r.Y).ToArray()).MaxUlp;
    }

    private static double SingleVectors(BuiltInCase c)
    {
        var rows = ReferenceTable.Single(c.ReferenceName);
        float[] x = rows.Select(r => r.X).ToArray(), expected = rows.Select(r => r.Y).ToArray();
        return new[] { typeof(Vector128<float>), typeof(Vector256<float>), typeof(Vector512<float>) }
            .Max(v => AccuracyMeasure.Of(x, VectorOverloads.Apply(c, v, x), expected).MaxUlp);
    }

    private static double DoubleVectors(BuiltInCase c)
    {
        var rows = ReferenceTable.Double(c.ReferenceName);
        double[] x = rows.Select(r => r.X).ToArray(), expected = rows.Select(r => r.Y).ToArray();
        return new[] { typeof(Vector128<double>), typeof(Vector256<double>), typeof(Vector512<double>) }
            .Max(v => AccuracyMeasure.Of(x, VectorOverloads.Apply(c, v, x), expected).MaxUlp);
    }
}
