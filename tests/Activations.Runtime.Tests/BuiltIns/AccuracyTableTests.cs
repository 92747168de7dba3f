using System;
using System.Globalization;
using System.Text;
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

            BuiltInAccuracy a = BuiltInAccuracy.Measure(c);
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {c.ReferenceName} | {a.SingleSpan:0.##} | {a.SingleVectors:0.##} | {a.DoubleSpan:0.##} | {a.DoubleVectors:0.##} | {a.HalfSpan:0.##} |");
            if (a.Single > 2 || a.Double > 4 || a.HalfSpan > 1)
            {
                failures.Append(c.ReferenceName).Append(' ');
            }
        }

        output.WriteLine(table.ToString());
        Assert.True(failures.Length == 0, "Over the bars: " + failures);
    }
}
