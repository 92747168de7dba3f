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
/// <c>VectorMath.Mish</c> written out for double and Half code is, node for node, the formula of the mish built-in's
/// stub (parsed from src/Activations.Runtime/BuiltIns/Mish.cs): a stub calling the primitive computes exactly what
/// mish's double and Half kernels compute, and the analyses see the same tree.
/// </summary>
public sealed class MishExpansionTests
{
    [Fact]
    public void TheExpansionIsTheBuiltInsFormula()
    {
        // All the built-ins, as the generator sees them: mish's stub calls the [Formula] helper SideExponential.
        string directory = Path.Combine(RepositoryRoot(), "src", "Activations.Runtime", "BuiltIns");
        string[] sources = Directory.GetFiles(directory, "*.cs").OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        Compilation compilation = GeneratorHarness.CreateCompilation(sources);
        (SyntaxTree tree, MethodDeclarationSyntax syntax) = compilation.SyntaxTrees
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Select(m => (t, m)))
            .First(p => p.m.Identifier.ValueText == "Mish" && p.m.AttributeLists.Count > 0);
        SemanticModel model = compilation.GetSemanticModel(tree);
        StubParseResult result = StubParser.Parse((IMethodSymbol)model.GetDeclaredSymbol(syntax)!, syntax, model, CancellationToken.None);
        Assert.True(result.Stub is not null, string.Join("; ", result.Problems));

        Assert.Equal(result.Stub!.Formula, MishExpansion.Mish(new ElementNode()));
        Assert.Equal(new CallNode(Primitive.Mish, EquatableArray.From(new FormulaNode[] { new ElementNode() })), result.Stub.SingleFormula);
        Assert.Equal(result.Stub.Formula, SigmoidExpansion.Expand(result.Stub.SingleFormula!));
    }

    private static string RepositoryRoot([CallerFilePath] string thisFile = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
}
