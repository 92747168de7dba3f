using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Activations.Generator.Formula;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Activations.Generator.Tests;

/// <summary>The pipeline caches: an unrelated edit reruns nothing downstream, and models hold no compilation objects.</summary>
public sealed class IncrementalTests
{
    private const string Stubs = """
        using System;
        using Activations;

        namespace Cached;

        public static partial class Functions
        {
            [Activation("cached_softsign")]
            public static double Softsign(double x) => x / (1 + Math.Abs(x));

            [Activation("cached_scaled")]
            public static double Scaled(double x, double scale = 2) => scale * Softsign(x);
        }
        """;

    private const string Unrelated = """
        namespace Cached;

        public static class Other
        {
            public static int Answer() => 42;
        }
        """;

    [Fact]
    public void AnUnrelatedEditLeavesEveryStepCachedOrUnchanged()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Stubs, Unrelated);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);

        SyntaxTree unrelated = compilation.SyntaxTrees.Single(t => t.ToString().Contains("Answer"));
        SyntaxTree edited = unrelated.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Unrelated.Replace("42", "43")));
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(unrelated, edited));

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        foreach (string step in new[] { "Stubs", "AllStubs" })
        {
            ImmutableArray<IncrementalGeneratorRunStep> runs = result.TrackedSteps[step];
            Assert.NotEmpty(runs);
            Assert.All(runs.SelectMany(r => r.Outputs), output =>
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {output.Reason}"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void EditingAStubRegeneratesIt()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Stubs);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);
        SyntaxTree tree = compilation.SyntaxTrees.Single();
        SyntaxTree edited = tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Stubs.Replace("1 + Math.Abs(x)", "2 + Math.Abs(x)")));
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, edited));

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.Contains(result.TrackedSteps["AllStubs"].SelectMany(r => r.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("2.0 +", result.GeneratedSources.Single(s => s.HintName == "Cached.Functions.Scaled.g.cs").SourceText.ToString());
    }

    [Fact]
    public void NoModelTypeHoldsASymbolSyntaxOrCompilation()
    {
        Type[] forbidden = { typeof(ISymbol), typeof(SyntaxNode), typeof(Compilation), typeof(SemanticModel), typeof(Location), typeof(SyntaxTree) };
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(new[] { typeof(StubModel) });
        pending.Push(typeof(FormulaNode));
        foreach (Type node in typeof(FormulaNode).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(FormulaNode))))
        {
            pending.Push(node);
        }

        while (pending.Count > 0)
        {
            Type type = pending.Pop();
            if (!seen.Add(type) || type.IsPrimitive || type == typeof(string) || type.IsEnum)
            {
                continue;
            }

            Assert.DoesNotContain(forbidden, f => f.IsAssignableFrom(type));
            foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                pending.Push(field.FieldType);
                foreach (Type argument in field.FieldType.GetGenericArguments())
                {
                    pending.Push(argument);
                }
            }
        }

        Assert.Contains(typeof(ConstantNode), seen);
        Assert.Contains(typeof(StubParameterModel), seen);
    }

    [Fact]
    public void TheSameStubParsedTwiceGivesEqualModels()
    {
        StubModel first = ParseOnly(Stubs, "Scaled");
        StubModel second = ParseOnly(Stubs, "Scaled");
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, ParseOnly(Stubs.Replace("scale = 2", "scale = 3"), "Scaled"));
    }

    internal static StubModel ParseOnly(string source, string method)
    {
        StubParseResult result = ParserTests.Parse(source, method);
        Assert.Empty(result.Problems);
        return result.Stub!;
    }
}
