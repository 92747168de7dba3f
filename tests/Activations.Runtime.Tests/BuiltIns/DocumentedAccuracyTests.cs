using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace Activations.Tests.BuiltIns;

/// <summary>
/// The accuracy the docs promise is never better than what the kernels do: every maximum ULP error in README.md's
/// built-in table (per activation: float / double / Half) and in docs/builtins.md's accuracy table (per reference
/// file and kernel kind) must bound the error measured on the live SIMD path. A kernel that got worse, or a table
/// left stale after a kernel changed, fails here; CI runs it on every path. Every measured case must be documented.
/// </summary>
public sealed partial class DocumentedAccuracyTests
{
    [GeneratedKernelFact]
    public void TheReadmeTableBoundsEveryMeasurement()
    {
        // | `relu` | `Activation.Relu` | parameters | aliases | 0 / 0 / 0 |
        Dictionary<string, double[]> documented = ReadTable("README.md", ReadmeRow());
        var failures = new StringBuilder();
        foreach (BuiltInCase c in MeasurableCases())
        {
            if (!documented.TryGetValue(c.Activation, out double[]? bound))
            {
                failures.AppendLine(CultureInfo.InvariantCulture, $"{c.Activation}: no row in README.md's built-in table");
                continue;
            }

            BuiltInAccuracy a = BuiltInAccuracy.Measure(c);
            Check(failures, c.ReferenceName, "float", a.Single, bound[0]);
            Check(failures, c.ReferenceName, "double", a.Double, bound[1]);
            Check(failures, c.ReferenceName, "Half", a.HalfSpan, bound[2]);
        }

        Assert.True(failures.Length == 0, $"README.md promises more than the kernels do on {SimdPathTests.LivePath}:\n{failures}");
    }

    [GeneratedKernelFact]
    public void TheBuiltinsPageTableBoundsEveryMeasurement()
    {
        // | relu_max5 | float span | float vectors | double span | double vectors | Half span |
        Dictionary<string, double[]> documented = ReadTable(Path.Combine("docs", "builtins.md"), BuiltinsPageRow());
        var failures = new StringBuilder();
        foreach (BuiltInCase c in MeasurableCases())
        {
            if (!documented.TryGetValue(c.ReferenceName, out double[]? bound))
            {
                failures.AppendLine(CultureInfo.InvariantCulture, $"{c.ReferenceName}: no row in docs/builtins.md's accuracy table");
                continue;
            }

            BuiltInAccuracy a = BuiltInAccuracy.Measure(c);
            Check(failures, c.ReferenceName, "float span", a.SingleSpan, bound[0]);
            Check(failures, c.ReferenceName, "float vectors", a.SingleVectors, bound[1]);
            Check(failures, c.ReferenceName, "double span", a.DoubleSpan, bound[2]);
            Check(failures, c.ReferenceName, "double vectors", a.DoubleVectors, bound[3]);
            Check(failures, c.ReferenceName, "Half span", a.HalfSpan, bound[4]);
        }

        Assert.True(failures.Length == 0, $"docs/builtins.md promises more than the kernels do on {SimdPathTests.LivePath}:\n{failures}");
    }

    private static IEnumerable<BuiltInCase> MeasurableCases() => BuiltInCatalog.Cases().Where(c => MathCoreStatus.Problem(c) is null);

    private static void Check(StringBuilder failures, string name, string kind, double measured, double documented)
    {
        if (measured > documented)
        {
            failures.AppendLine(CultureInfo.InvariantCulture, $"{name} {kind}: measured {measured:0.##} ULP, documented {documented:0.##}");
        }
    }

    // Every line of the file that matches the row pattern: group "name", then one group "n" capture per number.
    private static Dictionary<string, double[]> ReadTable(string relativePath, Regex row)
    {
        var table = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(Path.Combine(RepositoryRoot(), relativePath)))
        {
            Match m = row.Match(line);
            if (m.Success)
            {
                table.Add(m.Groups["name"].Value, m.Groups["n"].Captures.Select(n => double.Parse(n.Value, CultureInfo.InvariantCulture)).ToArray());
            }
        }

        Assert.NotEmpty(table);
        return table;
    }

    [GeneratedRegex(@"^\| `(?<name>[a-z_0-9]+)` \| `Activation\.\w+` \|.*\| (?<n>\d+(\.\d+)?) / (?<n>\d+(\.\d+)?) / (?<n>\d+(\.\d+)?) \|$")]
    private static partial Regex ReadmeRow();

    [GeneratedRegex(@"^\| (?<name>[a-z_0-9.]+) \| (?<n>\d+(\.\d+)?) \| (?<n>\d+(\.\d+)?) \| (?<n>\d+(\.\d+)?) \| (?<n>\d+(\.\d+)?) \| (?<n>\d+(\.\d+)?) \|$")]
    private static partial Regex BuiltinsPageRow();

    private static string RepositoryRoot([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
}
