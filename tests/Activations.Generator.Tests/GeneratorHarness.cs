using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Activations.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Activations.Generator.Tests;

/// <summary>Runs the generator over source text in process, and compiles and loads the result.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
    {
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        var references = trusted.Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
        references.Add(MetadataReference.CreateFromFile(typeof(ActivationAttribute).Assembly.Location));
        return references.ToImmutableArray();
    });

    private static int s_counter;

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "UserStubs" + System.Threading.Interlocked.Increment(ref s_counter),
            sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Stub{Array.IndexOf(sources, s)}.cs")),
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                allowUnsafe: false, optimizationLevel: OptimizationLevel.Release));

    public static GeneratorDriver CreateDriver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            new[] { new ActivationGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator; returns the output compilation and the generated files by hint name.</summary>
    public static (Compilation Output, IReadOnlyDictionary<string, string> Generated, ImmutableArray<Diagnostic> GeneratorDiagnostics) Run(params string[] sources)
    {
        CSharpCompilation input = CreateCompilation(sources);
        GeneratorDriver driver = CreateDriver().RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        GeneratorDriverRunResult result = driver.GetRunResult();
        var generated = result.Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        return (output, generated, diagnostics);
    }

    /// <summary>Generates, compiles (failing the test on any error or warning) and loads the assembly, running its module initializer.</summary>
    public static Assembly CompileAndLoad(params string[] sources)
    {
        (Compilation output, IReadOnlyDictionary<string, string> generated, ImmutableArray<Diagnostic> generatorDiagnostics) = Run(sources);
        Assert.Empty(generatorDiagnostics);
        using var stream = new MemoryStream();
        var result = output.Emit(stream);
        // Documentation is checked (a bad cref in generated docs is a warning); the test stubs themselves need none.
        var problems = result.Diagnostics
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Where(d => !(d.Id == "CS1591" && d.Location.SourceTree?.FilePath.StartsWith("Stub", StringComparison.Ordinal) == true))
            .ToList();
        if (!result.Success || problems.Count > 0)
        {
            Assert.Fail("The generated code does not compile cleanly:\n" + string.Join("\n", problems)
                + "\n\n" + string.Join("\n\n", generated.Select(g => $"// ==== {g.Key}\n{g.Value}")));
        }

        Assembly assembly = Assembly.Load(stream.ToArray());
        RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        return assembly;
    }
}
