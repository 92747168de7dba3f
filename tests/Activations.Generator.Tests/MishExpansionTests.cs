using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Activations.Generator.Emit;
using Activations.Generator.Formula;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Activations.Generator.Tests;

/// <summary>
/// <c>VectorMath.Mish</c> written out (for Half kernels' analysis and double code rounded to float) is, node for node, the
/// formula the math core computes without FMA (VectorMath.DoubleMish.cs, MishRareLanes), as mish's stub wrote it before it
/// called the primitive; and the built-in's stub is the primitive, so its double kernels run the math core's pairs.
/// </summary>
public sealed class MishExpansionTests
{
    // The written-out formula, as the mish built-in's stub was until session 17.
    private const string WrittenOut = """
        using System;
        using Activations;
        namespace Written;
        public static partial class Stubs
        {
            [Activation("written_mish")]
            public static double Mish(double x) =>
                x < -708.0
                    ? Math.Max(x, -1e4) * SideExponential(x) * SideExponential(x)
                    : x * (x >= 0.0 ? 1.0 + 2.0 * SideExponential(x) : SideExponential(x) * (SideExponential(x) + 2.0))
                        / (x >= 0.0
                            ? 1.0 + 2.0 * SideExponential(x) * (1.0 + SideExponential(x))
                            : SideExponential(x) * (SideExponential(x) + 2.0) + 2.0);

            [Formula]
            private static double SideExponential(double x) => VectorMath.Exp(x >= 0.0 ? -x : x < -708.0 ? 0.5 * x : x);
        }
        """;

    [Fact]
    public void TheExpansionIsTheWrittenOutFormula()
    {
        StubModel stub = ParseMish(GeneratorHarness.CreateCompilation(WrittenOut));
        Assert.Equal(stub.Formula, MishExpansion.Mish(new ElementNode()));
    }

    [Fact]
    public void TheBuiltInCallsTheMathCore()
    {
        string directory = Path.Combine(RepositoryRoot(), "src", "Activations.Runtime", "BuiltIns");
        string[] sources = Directory.GetFiles(directory, "*.cs").OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        StubModel stub = ParseMish(GeneratorHarness.CreateCompilation(sources));
        Assert.Equal(new CallNode(Primitive.Mish, EquatableArray.From(new FormulaNode[] { new ElementNode() })), stub.Formula);
        Assert.Null(stub.SingleFormula);
    }

    private static StubModel ParseMish(Compilation compilation)
    {
        (SyntaxTree tree, MethodDeclarationSyntax syntax) = compilation.SyntaxTrees
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Select(m => (t, m)))
            .First(p => p.m.Identifier.ValueText == "Mish" && p.m.AttributeLists.Count > 0);
        SemanticModel model = compilation.GetSemanticModel(tree);
        StubParseResult result = StubParser.Parse((IMethodSymbol)model.GetDeclaredSymbol(syntax)!, syntax, model, CancellationToken.None);
        Assert.True(result.Stub is not null, string.Join("; ", result.Problems));
        return result.Stub!;
    }

    private static string RepositoryRoot([CallerFilePath] string thisFile = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
}
