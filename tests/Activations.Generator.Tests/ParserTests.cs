using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Activations.Generator.Formula;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Activations.Generator.Tests;

/// <summary>
/// The formula parser the generator and the analyzers share: malformed stubs give the right problem at the
/// right place, and the generator emits nothing for them and never throws.
/// </summary>
public sealed class ParserTests
{
    internal static StubParseResult Parse(string source, string method)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(source);
        SyntaxTree tree = compilation.SyntaxTrees.First();
        SemanticModel model = compilation.GetSemanticModel(tree);
        MethodDeclarationSyntax syntax = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First(m => m.Identifier.ValueText == method);
        return StubParser.Parse(model.GetDeclaredSymbol(syntax)!, syntax, model, CancellationToken.None);
    }

    private static string InClass(string members, string modifiers = "public static partial") => $$"""
        using System;
        using Activations;

        namespace Bad;

        {{modifiers}} class Stubs
        {
            {{members}}

            [Activation("helper_ok")]
            public static double Helper(double x) => x * 2;

            public static double NotAStub(double x) => x;

            public static double Field = 1;
        }
        """;

    public static IEnumerable<object[]> Malformed() => new (string Source, StubProblemKind Kind, string At)[]
    {
        (InClass("""[Activation("a")] public double F(double x) => x;"""), StubProblemKind.NotStatic, "F"),
        (InClass("""[Activation("a")] public static double F(double x) => x;""", "public static"), StubProblemKind.NotInPartialType, "Stubs"),
        (InClass("""[Activation("a")] public static double F(double x) { return x; }"""), StubProblemKind.NotExpressionBodied, "F"),
        (InClass("""[Activation("a")] public static double F(float x) => x;"""), StubProblemKind.BadParameterType, "float x"),
        (InClass("""[Activation("a")] public static double F(double x, int n) => x * n;"""), StubProblemKind.BadParameterType, "int n"),
        (InClass("""[Activation("a")] public static double F(double x, ref double y) => x * y;"""), StubProblemKind.BadParameterType, "ref double y"),
        (InClass("""[Activation("a")] public static double F() => 1;"""), StubProblemKind.BadParameterType, "()"),
        (InClass("""[Activation("a")] public static double F(double x, double destination) => x * destination;"""), StubProblemKind.BadParameterType, "double destination"),
        (InClass("""[Activation("a")] public static float F(double x) => (float)x;"""), StubProblemKind.BadReturnType, "float"),
        (InClass("""[Activation("")] public static double F(double x) => x;"""), StubProblemKind.BadName, "Activation(\"\")"),
        (InClass("""[Activation("Not Snake")] public static double F(double x) => x;"""), StubProblemKind.BadName, "Activation(\"Not Snake\")"),
        (InClass("""[Activation("ok", Aliases = new[] { "BadAlias" })] public static double F(double x) => x;"""), StubProblemKind.BadName, "Activation(\"ok\", Aliases = new[] { \"BadAlias\" })"),
        (InClass("""[Activation("a")] public static double F(double x) => x * Field;"""), StubProblemKind.UnsupportedConstruct, "Field"),
        (InClass("""[Activation("a")] public static double F(double x) => x + new Random().NextDouble();"""), StubProblemKind.UnknownMethod, "new Random().NextDouble()"),
        (InClass("""[Activation("a")] public static double F(double x) => x + (double)new decimal(1);"""), StubProblemKind.UnsupportedConstruct, "new decimal(1)"),
        (InClass("""[Activation("a")] public static double F(double x) => x + "s".Length;"""), StubProblemKind.UnsupportedConstruct, "\"s\".Length"),
        (InClass("""[Activation("a")] public static double F(double x) => ((Func<double, double>)(v => v))(x);"""), StubProblemKind.UnknownMethod, "((Func<double, double>)(v => v))(x)"),
        (InClass("""[Activation("a")] public static double F(double x) => x % 2;"""), StubProblemKind.UnsupportedConstruct, "x % 2"),
        (InClass("""[Activation("a")] public static double F(double x) => Math.Sin(x);"""), StubProblemKind.UnknownMethod, "Math.Sin(x)"),
        (InClass("""[Activation("a")] public static double F(double x) => NotAStub(x);"""), StubProblemKind.UnknownMethod, "NotAStub(x)"),
        (InClass("""[Activation("a")] public static double F(double x) => Math.Pow(x, 0.5);"""), StubProblemKind.UnsupportedConstruct, "0.5"),
        (InClass("""[Activation("a")] public static double F(double x) => Math.Pow(x, x);"""), StubProblemKind.UnsupportedConstruct, "x"),
        (InClass("""[Activation("a")] public static double F(double x) => x > 0 ? F(x - 1) : 0;"""), StubProblemKind.Recursion, "F(x - 1)"),
        (InClass("""[Activation("a")] public static double F(double x) => G(x); [Activation("b")] public static double G(double x) => F(x);"""), StubProblemKind.Recursion, "G(x)"),
        (InClass("""[Activation("a")] public static double F(double x) => x > 0;"""), StubProblemKind.UnsupportedConstruct, "x > 0"),
        (InClass("""[Activation("a")] public static double F<T>(double x) => x;"""), StubProblemKind.UnsupportedConstruct, "<T>"),
        (InClass("""[Activation("a")] public static double F(double x, bool a, bool b, bool c, bool d) => x;"""), StubProblemKind.UnsupportedConstruct, "bool d"),
        (InClass("""[Activation("a")] public static double F(double x) => x++;"""), StubProblemKind.UnsupportedConstruct, "x++"),
        (InClass("""[Activation("a")] public static double F(double x) => x = 2;"""), StubProblemKind.UnsupportedConstruct, "x = 2"),
        (InClass("""[Activation("a")] public static double F(double x) => Undefined(x);"""), StubProblemKind.UnknownMethod, "Undefined(x)"),
        (InClass("""[Activation("a", SingleFormula = "Missing")] public static double F(double x) => x;"""), StubProblemKind.UnknownMethod, "Activation(\"a\", SingleFormula = \"Missing\")"),
        (InClass("""[Activation("a", SingleFormula = nameof(G))] public static double F(double x, double b) => x * b; static double G(double x) => x;"""), StubProblemKind.UnknownMethod, "Activation(\"a\", SingleFormula = nameof(G))"),
        (InClass("""[Activation("a", SingleFormula = nameof(G))] public static double F(double x) => x; static double G(double x) => Math.Sin(x);"""), StubProblemKind.UnknownMethod, "Math.Sin(x)"),
    }.Select(c => new object[] { c.Source, c.Kind.ToString(), c.At });

    [Theory]
    [MemberData(nameof(Malformed))]
    public void AMalformedStubHasTheProblemAtTheRightPlace(string source, string kindName, string at)
    {
        var kind = System.Enum.Parse<StubProblemKind>(kindName);
        StubParseResult result = Parse(source, "F");
        Assert.Null(result.Stub);
        StubProblem problem = Assert.Single(result.Problems, p => p.Kind == kind);
        Assert.Equal(at, problem.Location.SourceTree!.GetText().ToString(problem.Location.SourceSpan));
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void TheGeneratorEmitsNothingForAMalformedStubAndNeverThrows(string source, string kind, string at)
    {
        _ = (kind, at);
        (Compilation _, IReadOnlyDictionary<string, string> generated, ImmutableArray<Diagnostic> diagnostics) = GeneratorHarness.Run(source);
        Assert.Empty(diagnostics); // CS8785 (generator threw) would show here
        Assert.DoesNotContain(generated.Keys, name => name.StartsWith("Bad.Stubs.F", System.StringComparison.Ordinal));
    }

    [Fact]
    public void AValidStubBecomesTheExpectedTree()
    {
        StubModel stub = IncrementalTests.ParseOnly(InClass("""
            /// <summary>Doc.</summary>
            [Activation("good_one", Aliases = new[] { "good_alias" })]
            internal static double GoodOne(double v, [Positive] double alphaValue = 1.5, bool flip = true) => flip ? -Helper(v) : alphaValue * v;
            """), "GoodOne");

        Assert.Equal("good_one", stub.Name);
        Assert.Equal(new[] { "good_alias" }, stub.Aliases);
        Assert.Equal("internal", stub.Accessibility);
        Assert.Equal("Bad", stub.Namespace);
        Assert.Equal("v", stub.ElementName);
        Assert.Equal(new StubParameterModel("alphaValue", "alpha_value", false, true, 1.5, ConstraintKind.Positive, double.NegativeInfinity, double.PositiveInfinity), stub.Parameters[0]);
        Assert.Equal(new StubParameterModel("flip", "flip", true, true, 1, ConstraintKind.None, double.NegativeInfinity, double.PositiveInfinity), stub.Parameters[1]);

        // Helper (x * 2) is inlined with its parameter bound to the element.
        var expected = new ConditionalNode(
            new ParameterNode(1, "flip", true),
            new UnaryNode(UnaryOperator.Negate, new BinaryNode(BinaryOperator.Multiply, new ElementNode(), new ConstantNode(2))),
            new BinaryNode(BinaryOperator.Multiply, new ParameterNode(0, "alphaValue", false), new ElementNode()));
        Assert.Equal(expected, stub.Formula);
    }

    [Fact]
    public void PowExpandsToSharedMultiplications()
    {
        StubModel stub = IncrementalTests.ParseOnly(InClass("""[Activation("p")] public static double P(double x) => Math.Pow(x, 4);"""), "P");
        var square = new BinaryNode(BinaryOperator.Multiply, new ElementNode(), new ElementNode());
        Assert.Equal(new BinaryNode(BinaryOperator.Multiply, square, square), stub.Formula);
    }
}
