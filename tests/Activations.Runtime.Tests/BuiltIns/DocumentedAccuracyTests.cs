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
    public void TheReadmeTableBoundsEveryMeasurement() =>
        // | `relu` | `Activation.Relu` | parameters | aliases | 0 / 0 / 0 |: one row per activation.
        AssertTableBoundsMeasurements(
            "README.md", ReadmeRow(), c => c.Activation,
            ["float", "double", "Half"], a => [a.Single, a.Double, a.HalfSpan]);

    [GeneratedKernelFact]
    public void TheBuiltinsPageTableBoundsEveryMeasurement() =>
        // | relu_max5 | 0 | 0 | 0 | 0 | 0 |: one row per reference file.
        AssertTableBoundsMeasurements(
            Path.Combine("docs", "builtins.md"), BuiltinsPageRow(), c => c.ReferenceName,
            ["float span", "float vectors", "double span", "double vectors", "Half span"],
            a => [a.SingleSpan, a.SingleVectors, a.DoubleSpan, a.DoubleVectors, a.HalfSpan]);

    // Every measurable case must have a row (found by its key) whose numbers bound the measured ones, column by column.
    private static void AssertTableBoundsMeasurements(
        string relativePath, Regex row, Func<BuiltInCase, string> key, string[] columns, Func<BuiltInAccuracy, double[]> measure)
    {
        Dictionary<string, double[]> documented = ReadTable(relativePath, row);
        var failures = new StringBuilder();
        foreach (BuiltInCase c in BuiltInCatalog.Cases().Where(c => MathCoreStatus.Problem(c) is null))
        {
            if (!documented.TryGetValue(key(c), out double[]? bound))
            {
                failures.AppendLine(CultureInfo.InvariantCulture, $"{key(c)}: no row in {relativePath}'s accuracy table");
                continue;
            }

            double[] measured = measure(BuiltInAccuracy.Measure(c));
            for (int i = 0; i < columns.Length; i++)
            {
                if (measured[i] > bound[i])
                {
                    failures.AppendLine(CultureInfo.InvariantCulture,
                        $"{c.ReferenceName} {columns[i]}: measured {measured[i]:0.##} ULP, documented {bound[i]:0.##}");
                }
            }
        }

        Assert.True(failures.Length == 0, $"{relativePath} promises more than the kernels do on {SimdPathTests.LivePath}:\n{failures}");
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
