using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using Activations.Generator.Formula;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Activations.Generator.Tests;

/// <summary>
/// <c>[Formula]</c> helpers: inlined into the stubs that call them like stubs of the same compilation, with no
/// kernels or registration of their own; a bad helper is its caller's problem.
/// </summary>
public sealed class FormulaHelperTests
{
    private const string Stubs = "Helped.Functions";

    private const string Source = """
        using System;
        using Activations;

        namespace Helped;

        public static partial class Functions
        {
            /// <summary>log(1 + e^-|a|): the part of softplus that needs a transcendental.</summary>
            [Formula]
            private static double SoftplusCorrection(double a) => VectorMath.Log1p(Math.Exp(-Math.Abs(a)));

            /// <summary>softplus(a) without overflow; a helper calling a helper.</summary>
            [Formula]
            internal static double Softplus(double a) => Math.Max(a, 0.0) + SoftplusCorrection(a);

            /// <summary>Mish with a slope, damped by the correction: SoftplusCorrection is reached twice.</summary>
            [Activation("helped_mish")]
            public static double Mish(double x, [Positive] double beta = 1.0) =>
                x * Math.Tanh(Softplus(beta * x)) / (1.0 + SoftplusCorrection(beta * x));
        }
        """;

    private static readonly System.Lazy<Assembly> s_assembly = new(() => GeneratorHarness.CompileAndLoad(Source));

    private static readonly System.Lazy<IReadOnlyDictionary<string, string>> s_generated = new(() => GeneratorHarness.Run(Source).Generated);

    [Theory]
    [InlineData(new double[] { })]
    [InlineData(new double[] { 0.75 })]
    public void AStubUsingHelpersIsCompiledAndMatchesItsOwnScalarStub(double[] arguments) =>
        KernelChecks.MatchStub(s_assembly.Value, Stubs, "Mish", "helped_mish", arguments, singleUlps: 1, doubleUlps: 4, halfUlps: 1);

    [Fact]
    public void HelpersGetNoKernelsAndNoRegistrationAndAreInlinedOnce()
    {
        IReadOnlyDictionary<string, string> generated = s_generated.Value;
        Assert.Contains("Helped.Functions.Mish.g.cs", generated.Keys);
        Assert.All(generated, file => Assert.DoesNotContain("Softplus", file.Value));

        // Only the helpers themselves carry their names: no span or vector overloads were added.
        System.Type type = s_assembly.Value.GetType(Stubs)!;
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;
        Assert.Single(type.GetMethods(all), m => m.Name == "Softplus");
        Assert.Single(type.GetMethods(all), m => m.Name == "SoftplusCorrection");

        // Both uses of SoftplusCorrection are inlined and computed once.
        string mish = generated["Helped.Functions.Mish.g.cs"];
        int start = mish.IndexOf("struct MishDoubleOperator ", System.StringComparison.Ordinal);
        int member = mish.IndexOf("public double Invoke(", start, System.StringComparison.Ordinal);
        int next = mish.IndexOf("[MethodImpl", member, System.StringComparison.Ordinal);
        string body = mish.Substring(member, (next < 0 ? mish.Length : next) - member);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(body, @"Log1p\("));
    }

    [Fact]
    public void AHelperIsInlinedIntoTheTreeWithItsParametersBound()
    {
        StubModel stub = IncrementalTests.ParseOnly(Source, "Mish");
        StubModel direct = IncrementalTests.ParseOnly(Source.Replace(
            "x * Math.Tanh(Softplus(beta * x)) / (1.0 + SoftplusCorrection(beta * x))",
            "x * Math.Tanh(Math.Max(beta * x, 0.0) + VectorMath.Log1p(Math.Exp(-Math.Abs(beta * x)))) / (1.0 + VectorMath.Log1p(Math.Exp(-Math.Abs(beta * x))))"), "Mish");
        Assert.Equal(direct.Formula, stub.Formula);
    }

    public static IEnumerable<object[]> BadHelpers() => new (string Helper, StubProblemKind Kind, string Says)[]
    {
        ("[Formula] private static double H(double a) { return a * 2; }", StubProblemKind.UnsupportedConstruct, "no expression body"),
        ("[Formula] private static double H(double a, bool b = true) => b ? a : 2;", StubProblemKind.UnsupportedConstruct, "must all be double"),
        ("[Formula] private static float H(double a) => (float)a;", StubProblemKind.UnsupportedConstruct, "must all be double"),
        ("[Formula] private static double H(double a) => a * Field;", StubProblemKind.UnsupportedConstruct, "'Field'"),
        ("[Formula] private static double H(double a) => Console.Read() * a;", StubProblemKind.UnsupportedConstruct, "Console.Read"),
        ("[Formula] private static double H(double a) => F(a);", StubProblemKind.Recursion, "reached again"),
        ("[Formula] private static double H(double a) => a < 0 ? H(-a) : a;", StubProblemKind.Recursion, "calls itself"),
    }.Select(c => new object[] { c.Helper, c.Kind.ToString(), c.Says });

    [Theory]
    [MemberData(nameof(BadHelpers))]
    public void ABadHelperMakesItsCallerReportThatItCannotBeInlined(string helper, string kindName, string says)
    {
        string source = $$"""
            using System;
            using Activations;

            public partial class S
            {
                public static double Field = 1;

                {{helper}}

                [Activation("f")]
                public static double F(double x) => 1.0 + H(x);
            }
            """;
        StubParseResult result = ParserTests.Parse(source, "F");
        Assert.Null(result.Stub);
        StubProblem problem = Assert.Single(result.Problems);
        Assert.Equal(System.Enum.Parse<StubProblemKind>(kindName), problem.Kind);
        Assert.Equal("H(x)", problem.Location.SourceTree!.GetText().ToString(problem.Location.SourceSpan));
        Assert.Contains("'H' cannot be inlined", problem.Detail);
        Assert.Contains(says, problem.Detail);
    }

    [Fact]
    public void AHelperOfAnotherAssemblyIsAnUnknownMethod()
    {
        CSharpCompilation library = GeneratorHarness.CreateCompilation("""
            using Activations;

            public static class Library
            {
                [Formula]
                public static double Twice(double a) => 2.0 * a;
            }
            """);
        CSharpCompilation user = GeneratorHarness.CreateCompilation("""
            using Activations;

            public static partial class S
            {
                [Activation("f")]
                public static double F(double x) => 1.0 + Library.Twice(x);
            }
            """).AddReferences(library.ToMetadataReference());
        SyntaxTree tree = user.SyntaxTrees.Single();
        SemanticModel model = user.GetSemanticModel(tree);
        MethodDeclarationSyntax syntax = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        StubParseResult result = StubParser.Parse(model.GetDeclaredSymbol(syntax)!, syntax, model, CancellationToken.None);

        StubProblem problem = Assert.Single(result.Problems);
        Assert.Equal(StubProblemKind.UnknownMethod, problem.Kind);
        Assert.Equal("Library.Twice(x)", tree.GetText().ToString(problem.Location.SourceSpan));
        Assert.Contains("same assembly", problem.Detail);
    }

    [Fact]
    public void AnUnrelatedEditLeavesAStubWithHelpersCached()
    {
        const string unrelated = "public static class Other { public static int Answer() => 42; }";
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Source, unrelated);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        SyntaxTree tree = compilation.SyntaxTrees.Single(t => t.ToString().Contains("Answer"));
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(
            Microsoft.CodeAnalysis.Text.SourceText.From(unrelated.Replace("42", "43")))));

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        foreach (string step in new[] { "Stubs", "AllStubs" })
        {
            Assert.All(result.TrackedSteps[step].SelectMany(r => r.Outputs), output =>
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {output.Reason}"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void EditingAHelperInAnotherFileRegeneratesItsCaller()
    {
        const string helper = """
            namespace Helped;

            public static partial class Functions
            {
                [Activations.Formula]
                private static double Offset(double a) => a + 1.0;
            }
            """;
        const string stub = """
            namespace Helped;

            public static partial class Functions
            {
                [Activations.Activation("helped_offset")]
                public static double Shifted(double x) => 3.0 * Offset(x);
            }
            """;
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(helper, stub);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        SyntaxTree tree = compilation.SyntaxTrees.First();
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(
            Microsoft.CodeAnalysis.Text.SourceText.From(helper.Replace("a + 1.0", "a + 7.0")))));

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.Contains(result.TrackedSteps["AllStubs"].SelectMany(r => r.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("7.0", result.GeneratedSources.Single(s => s.HintName == "Helped.Functions.Shifted.g.cs").SourceText.ToString());
    }
}
