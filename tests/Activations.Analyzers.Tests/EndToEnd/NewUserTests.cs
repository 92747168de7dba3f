using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Activations.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Activations.Analyzers.Tests.EndToEnd;

/// <summary>
/// The library tried as a new user would: a fresh console project that references it, a misspelt identifier
/// and an argument that breaks a constraint. <c>dotnet build</c> must fail with exactly those two errors, at
/// their lines; once the code fix is applied to the first and the second is corrected, it must build and run.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class NewUserTests : IDisposable
{
    private const int MisspeltLine = 7;
    private const int ConstraintLine = 8;

    private const string Program = """
        using System;
        using Activations;

        float[] x = { -2f, -0.5f, 0f, 0.5f, 2f };
        float[] y = new float[x.Length];

        var relu = Activation.Get("rleu");
        Activation.Elu(x, y, alpha: 0);
        Console.WriteLine(relu.Name + ": " + string.Join(" ", y));
        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "activations-new-user-" + Guid.NewGuid().ToString("N"));

    public NewUserTests() => Directory.CreateDirectory(_directory);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp folder is cleaned by the system.
        }
    }

    [Fact]
    public async Task Misspelt_identifier_and_bad_alpha_fail_the_build_and_the_fixes_make_it_pass()
    {
        string root = DotNetBuild.RepositoryRoot();
        string src = Path.Combine(root, "src");
        File.WriteAllText(Path.Combine(_directory, "NewUser.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{src}/Activations.Runtime/Activations.Runtime.csproj" />
                <ProjectReference Include="{src}/Activations.Generator/Activations.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                <ProjectReference Include="{src}/Activations.Analyzers/Activations.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
            </Project>
            """);
        string programPath = Path.Combine(_directory, "Program.cs");
        File.WriteAllText(programPath, Program);
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

        // The repository's projects were built with this test project, in the same configuration: do not rebuild them.
        string[] build = { "build", "-c", configuration, "-nodeReuse:false", "-p:BuildProjectReferences=false" };
        (int exitCode, string output) = DotNetBuild.Run(_directory, build);
        Assert.NotEqual(0, exitCode);
        IReadOnlyList<DotNetBuild.BuildError> errors = DotNetBuild.Errors(output);
        Assert.True(errors.Count == 2, "Expected exactly two errors:\n" + output);
        Assert.Equal(("Program.cs", MisspeltLine, "ACT0001"), (errors[0].File, errors[0].Line, errors[0].Id));
        Assert.Contains("did you mean 'relu'?", errors[0].Message);
        Assert.Equal(("Program.cs", ConstraintLine, "ACT0002"), (errors[1].File, errors[1].Line, errors[1].Id));
        Assert.Contains("'alpha' of 'elu' must be greater than 0", errors[1].Message);

        // The IDE's light bulb: the code fix rewrites the identifier; alpha has no single right value, so the user picks one.
        string fixedProgram = await ApplyIdentifierFixAsync(Program);
        Assert.Contains("Activation.Get(\"relu\")", fixedProgram);
        fixedProgram = fixedProgram.Replace("alpha: 0)", "alpha: 1)");
        File.WriteAllText(programPath, fixedProgram);

        (exitCode, output) = DotNetBuild.Run(_directory, [.. build, "--no-restore"]);
        Assert.True(exitCode == 0, "The fixed program should build:\n" + output);
        Assert.Empty(DotNetBuild.Errors(output));

        (exitCode, output) = DotNetBuild.Run(_directory, "run", "--no-build", "-c", configuration);
        Assert.True(exitCode == 0, output);
        Assert.StartsWith("relu: ", output.Trim());
    }

    /// <summary>Runs the analyzer over the program and applies the code fix it offers, as the IDE would.</summary>
    private static async Task<string> ApplyIdentifierFixAsync(string program)
    {
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        IEnumerable<MetadataReference> references = Directory.GetFiles(frameworkDirectory, "*.dll")
            .Where(IsManagedAssembly)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(ActivationAttribute).Assembly.Location));

        using var workspace = new AdhocWorkspace();
        Project project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "NewUser", "NewUser", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
            metadataReferences: references));
        Document document = workspace.AddDocument(project.Id, "Program.cs", SourceText.From(program));

        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new UnknownActivationNameAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        Diagnostic misspelt = Assert.Single(diagnostics);
        Assert.Equal(MisspeltLine, misspelt.Location.GetLineSpan().StartLinePosition.Line + 1);

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, misspelt, (action, _) => actions.Add(action), CancellationToken.None);
        await new UnknownActivationNameCodeFixProvider().RegisterCodeFixesAsync(context);
        CodeAction fix = Assert.Single(actions);
        ImmutableArray<CodeActionOperation> operations = await fix.GetOperationsAsync(CancellationToken.None);
        Solution changed = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
        return (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
