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
/// Which formulas HalfPrecisionAnalysis lets compute natively in float for Half results: the built-ins as the
/// runtime writes them (parsed from src/Activations.Runtime/BuiltIns), and small formulas for each rule.
/// </summary>
public sealed class HalfPrecisionAnalysisTests
{
    private static readonly Lazy<CSharpCompilationAndTrees> s_builtIns = new(() =>
    {
        string directory = Path.Combine(RepositoryRoot(), "src", "Activations.Runtime", "BuiltIns");
        string[] sources = Directory.GetFiles(directory, "*.cs").OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        return new CSharpCompilationAndTrees(GeneratorHarness.CreateCompilation(sources));
    });

    private sealed record CSharpCompilationAndTrees(Compilation Compilation);

    private static string RepositoryRoot([CallerFilePath] string thisFile = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));

    private static StubModel Stub(Compilation compilation, string method)
    {
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            MethodDeclarationSyntax? syntax = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
                .FirstOrDefault(m => m.Identifier.ValueText == method && m.AttributeLists.Count > 0);
            if (syntax is not null)
            {
                SemanticModel model = compilation.GetSemanticModel(tree);
                StubParseResult result = StubParser.Parse((IMethodSymbol)model.GetDeclaredSymbol(syntax)!, syntax, model, CancellationToken.None);
                Assert.True(result.Stub is not null, $"{method}: {string.Join("; ", result.Problems)}");
                return result.Stub!;
            }
        }

        throw new InvalidOperationException($"No stub {method}.");
    }

    private static bool Native(StubModel stub) => HalfPrecisionAnalysis.RunsNativelyForHalf(stub.Formula, index => stub.Parameters[index].Constraint switch
    {
        ConstraintKind.Positive => (float.Epsilon, float.MaxValue),
        ConstraintKind.NonNegative => (0, float.MaxValue),
        _ => (-float.MaxValue, float.MaxValue),
    });

    [Theory]
    [InlineData("Sigmoid")]
    [InlineData("Tanh")]
    [InlineData("Silu")]
    [InlineData("Softplus")]
    [InlineData("LogSigmoid")]
    [InlineData("Elu")]
    [InlineData("Selu")]
    [InlineData("Mish")]
    [InlineData("HardSigmoid")]
    [InlineData("Softsign")]
    public void BuiltInsWithoutCancellationComputeInFloat(string method) =>
        Assert.True(Native(Stub(s_builtIns.Value.Compilation, method)), method);

    [Theory]
    [InlineData("TanhShrink")]  // x - tanh(x) cancels
    [InlineData("Squareplus")]  // b / x / x divides by a range that holds zero
    [InlineData("Celu")]        // x / alpha can overflow float for a tiny alpha
    [InlineData("Exponential")] // e^x overflows float where the Half result is already infinite: not worth a rule
    public void BuiltInsThatCancelOrOverflowDoNot(string method) =>
        Assert.False(Native(Stub(s_builtIns.Value.Compilation, method)), method);

    [Fact]
    public void GeluDoesNot()
    {
        StubModel gelu = Stub(s_builtIns.Value.Compilation, "Gelu");
        foreach (bool approximate in new[] { false, true })
        {
            int index = gelu.Parameters.Select((p, i) => (p, i)).First(t => t.p.IsSwitch).i;
            FormulaNode formula = FormulaSpecializer.Specialize(gelu.Formula, new System.Collections.Generic.Dictionary<int, bool> { [index] = approximate });
            Assert.False(Native(gelu with { Formula = formula }), $"gelu approximate={approximate}");
        }
    }

    private static bool NativeFormula(string body, string parameters = "")
    {
        string source = $$"""
            using System;
            using Activations;

            namespace Rules;

            public static partial class Stubs
            {
                [Activation("f")]
                public static double F(double x{{parameters}}) => {{body}};
            }
            """;
        return Native(Stub(GeneratorHarness.CreateCompilation(source), "F"));
    }

    [Theory]
    [InlineData("1.0 + VectorMath.Exp(-Math.Abs(x))", true)]               // one sign
    [InlineData("VectorMath.Exp(x) - 1.0", false)]                        // cancels near zero
    [InlineData("VectorMath.Expm1(x)", false)]                            // e^x overflows float for x > 88.7
    [InlineData("x > 0.0 ? x : VectorMath.Expm1(x)", true)]               // the branch sees x <= 0
    [InlineData("x >= 5.0 ? VectorMath.Exp(-x) : 0.0", true)]
    [InlineData("x <= 5.0 ? VectorMath.Exp(x) : 0.0", true)]
    [InlineData("5.0 >= x ? VectorMath.Exp(x) : 0.0", true)]             // constant on the left
    [InlineData("x > 5.0 || x < -5.0 ? 0.0 : VectorMath.Exp(x)", true)]
    [InlineData("!(x > 5.0) ? VectorMath.Exp(x) : 0.0", true)]
    [InlineData("VectorMath.Log(x)", false)]                              // no ForHalf log
    [InlineData("VectorMath.Log1p(x)", false)]                            // argument may be below zero
    [InlineData("VectorMath.Log1p(x * x)", true)]
    [InlineData("VectorMath.Erf(x)", false)]
    [InlineData("1.0 / x", false)]                                        // divisor may be zero
    [InlineData("1.0 / (1.0 + x * x)", true)]
    [InlineData("x * x * x * x * x * x * x * x * x", false)]                  // overflows float
    [InlineData("VectorMath.Tanh(x) * 2.0 > 1.0 ? x : 0.0", false)]      // compares a rounded value
    [InlineData("Math.Max(x, 0.0) + VectorMath.Tanh(x)", false)]          // signs differ
    [InlineData("Math.Sqrt(x * x + 1.0)", true)]
    [InlineData("x < -708.0 ? Math.Max(x, -1e4) * VectorMath.Exp(x >= 0.0 ? -x : x < -708.0 ? 0.5 * x : x) : 0.0", true)]
    [InlineData("x < 0.0 ? x * (VectorMath.Exp(x) * (VectorMath.Exp(x) + 2.0)) / (VectorMath.Exp(x) * (VectorMath.Exp(x) + 2.0) + 2.0) : 0.0", true)]
    [InlineData("x >= 0.0 ? x * (1.0 + 2.0 * VectorMath.Exp(-x)) / (1.0 + 2.0 * VectorMath.Exp(-x) * (1.0 + VectorMath.Exp(-x))) : 0.0", true)]
    public void Rules(string body, bool native) => Assert.Equal(native, NativeFormula(body));

    [Fact]
    public void ParameterConstraintsGiveSigns()
    {
        Assert.True(NativeFormula("x > 0.0 ? x : alpha * VectorMath.Expm1(x)", ", [Positive] double alpha = 1.0"));
        Assert.True(NativeFormula("alpha + VectorMath.Exp(-Math.Abs(x))", ", [NonNegative] double alpha = 1.0"));
        Assert.False(NativeFormula("alpha + VectorMath.Exp(-Math.Abs(x))", ", double alpha = 1.0")); // alpha may be negative
        Assert.False(NativeFormula("VectorMath.Exp(x / alpha)", ", [Positive] double alpha = 1.0"));
    }
}
