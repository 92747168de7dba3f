using System.IO.Compression;
using System.Linq;
using Xunit;

namespace Activations.Package.Tests;

/// <summary>
/// The first hour of a new user: one package reference, and the runtime, the generator and the analyzers
/// all work, from a project outside this solution.
/// </summary>
[Trait("Category", "Package")]
public sealed class PackageTests(PackedLibrary library) : IClassFixture<PackedLibrary>
{
    [Fact]
    public void ThePackageHoldsTheRuntimeAndTheAnalyzers()
    {
        using ZipArchive archive = ZipFile.OpenRead(library.Package);
        string[] entries = archive.Entries.Select(e => e.FullName).ToArray();
        Assert.Contains("lib/net10.0/Activations.Runtime.dll", entries);
        Assert.Contains("lib/net8.0/Activations.Runtime.dll", entries);
        Assert.Contains("lib/net10.0/Activations.Runtime.xml", entries);
        Assert.Contains("analyzers/dotnet/cs/Activations.Generator.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Activations.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Activations.CodeFixes.dll", entries);
        Assert.Contains("README.md", entries);
        Assert.Contains("LICENSE", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", System.StringComparison.Ordinal) && e.Contains("Generator"));
        Assert.True(System.IO.File.Exists(System.IO.Path.ChangeExtension(library.Package, ".snupkg")), "no symbols package");
    }

    [Fact]
    public void ACustomActivationBuildsAndRuns()
    {
        string project = library.CreateConsumer("Consumer", """
            using Activations;

            float[] x = [-2f, -0.5f, 0f, 1.5f, 3f];
            float[] y = new float[x.Length];
            MyActivations.DoubledRelu(x, y);
            Console.WriteLine("doubled_relu: " + string.Join(" ", y));

            Activation.Relu(x, y);
            Console.WriteLine("relu: " + string.Join(" ", y));

            Console.WriteLine("registered: " + ActivationRegistry.TryGet("doubled_relu", out _));

            public static partial class MyActivations
            {
                /// <summary>Twice the rectifier.</summary>
                [Activation("doubled_relu")]
                public static double DoubledRelu(double x) => 2 * Math.Max(x, 0);
            }
            """);

        (int exitCode, string output) = DotNetCli.Run(project, library.Environment, "run", "-c", "Release");

        Assert.True(exitCode == 0, output);
        Assert.Contains("doubled_relu: 0 0 0 3 6", output);
        Assert.Contains("relu: 0 0 0 1.5 3", output);
        Assert.Contains("registered: True", output);
    }

    [Fact]
    public void AMisspeltIdentifierFailsTheBuildWithTheAnalyzersError()
    {
        string project = library.CreateConsumer("Misspelt", """
            using Activations;

            Console.WriteLine(ActivationRegistry.TryGet("rleu", out _));
            var relu = Activation.Get("rleu");
            """);

        (int exitCode, string output) = DotNetCli.Run(project, library.Environment, "build", "-c", "Release");

        Assert.NotEqual(0, exitCode);
        Assert.Matches(@"Program\.cs\(4,\d+\): error ACT\d{4}: .*'rleu'.*'relu'", output);
    }
}
