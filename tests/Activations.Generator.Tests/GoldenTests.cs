using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Xunit;

namespace Activations.Generator.Tests;

/// <summary>
/// The generated text for a few stubs, compared line by line with the files under Golden/. After an intended
/// change, regenerate them with ACTIVATIONS_UPDATE_GOLDEN=1 and review the diff like any other code.
/// </summary>
public sealed class GoldenTests
{
    private const string Source = """
        using System;
        using Activations;

        namespace Golden;

        public static partial class Shapes
        {
            /// <summary>Leaky ReLU: exact in float.</summary>
            [Activation("golden_leaky")]
            public static double Leaky(double x, double slope = 0.2) => x >= 0 ? x : slope * x;

            /// <summary>Swish with a slope.</summary>
            [Activation("golden_swish", Aliases = new[] { "golden_swish_alias" })]
            public static double Swish(double x, [Positive] double beta = 1.0) => x * Activation.Sigmoid(beta * x);

            /// <summary>A switch and shared subexpressions.</summary>
            [Activation("golden_switch")]
            public static double Switch(double x, bool smooth = false) => smooth ? Math.Log(1 + Math.Exp(x)) / (1 + Math.Exp(x)) : Math.Max(x, 0);

            /// <summary>A logistic lifted by a non-negative floor: its Half kernel computes natively in float.</summary>
            [Activation("golden_logistic")]
            public static double Logistic(double x, [NonNegative] double floor = 0.0) =>
                floor + (x >= 0.0 ? 1.0 / (1.0 + Math.Exp(-x)) : Math.Exp(x) / (1.0 + Math.Exp(x)));
        }
        """;

    public static IEnumerable<object[]> Files() =>
        new[] { "Golden.Shapes.Leaky.g.cs", "Golden.Shapes.Swish.g.cs", "Golden.Shapes.Switch.g.cs", "Golden.Shapes.Logistic.g.cs", "ActivationModuleInitializer.g.cs" }
            .Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(Files))]
    public void GeneratedTextMatchesTheGoldenFile(string hintName)
    {
        IReadOnlyDictionary<string, string> generated = GeneratorHarness.Run(Source).Generated;
        string actual = generated[hintName].Replace("\r\n", "\n");
        string path = Path.Combine(GoldenDirectory(), hintName + ".txt");
        if (Environment.GetEnvironmentVariable("ACTIVATIONS_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"No golden file {path}: run with ACTIVATIONS_UPDATE_GOLDEN=1.");
        string[] expectedLines = File.ReadAllText(path).Replace("\r\n", "\n").Split('\n');
        string[] actualLines = actual.Split('\n');
        for (int i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            string? expected = i < expectedLines.Length ? expectedLines[i] : null;
            string? line = i < actualLines.Length ? actualLines[i] : null;
            Assert.True(expected == line, $"{hintName} line {i + 1}:\n  expected: {expected}\n  actual:   {line}");
        }
    }

    private static string GoldenDirectory([CallerFilePath] string thisFile = "") => Path.Combine(Path.GetDirectoryName(thisFile)!, "Golden");
}
