using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Activations.Analyzers;

/// <summary>
/// ACT0011: stubs that call each other in a cycle (a → b → a). Each stub's calls to other stubs are
/// collected as it is analyzed; the cycles are found once, at the end of the compilation, over that call
/// graph. A stub calling itself directly is the parser's to report (ACT0010).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StubCycleAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.StubRecursionThroughOthers);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (ActivationSymbols.TryCreate(start.Compilation) is not { } symbols)
            {
                return;
            }

            var callees = new ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>>(SymbolEqualityComparer.Default);
            start.RegisterSyntaxNodeAction(
                nodeContext => CollectCalls(nodeContext, symbols, callees),
                SyntaxKind.MethodDeclaration);
            start.RegisterCompilationEndAction(endContext => ReportCycles(endContext, callees));
        });
    }

    private static void CollectCalls(
        SyntaxNodeAnalysisContext context,
        ActivationSymbols symbols,
        ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> callees)
    {
        var declaration = (MethodDeclarationSyntax)context.Node;
        SyntaxNode? body = (SyntaxNode?)declaration.ExpressionBody ?? declaration.Body;
        if (declaration.AttributeLists.Count == 0
            || body is null
            || context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not { } method
            || symbols.GetActivationAttribute(method) is null)
        {
            return;
        }

        var called = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (InvocationExpressionSyntax invocation in body.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
        {
            if (context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol is IMethodSymbol target
                && SymbolEqualityComparer.Default.Equals(target.ContainingAssembly, context.Compilation.Assembly)
                && symbols.GetActivationAttribute(target.OriginalDefinition) is not null)
            {
                called.Add(target.OriginalDefinition);
            }
        }

        callees[method] = called.ToImmutableArray();
    }

    private static void ReportCycles(
        CompilationAnalysisContext context,
        ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> callees)
    {
        foreach (IMethodSymbol stub in callees.Keys.OrderBy(stub => stub.ToDisplayString()))
        {
            // The shortest way back to the stub through at least one other stub, breadth first.
            List<IMethodSymbol>? cycle = ShortestCycle(stub, callees);
            if (cycle is null)
            {
                continue;
            }

            string path = string.Join(" → ", cycle.Select(method => method.Name));
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.StubRecursionThroughOthers,
                stub.Locations.FirstOrDefault(location => location.IsInSource) ?? Location.None,
                stub.Name,
                path));
        }
    }

    private static List<IMethodSymbol>? ShortestCycle(
        IMethodSymbol start, ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> callees)
    {
        var cameFrom = new Dictionary<IMethodSymbol, IMethodSymbol>(SymbolEqualityComparer.Default);
        var queue = new Queue<IMethodSymbol>();
        foreach (IMethodSymbol first in Callees(start, callees))
        {
            if (!SymbolEqualityComparer.Default.Equals(first, start) && !cameFrom.ContainsKey(first))
            {
                cameFrom[first] = start;
                queue.Enqueue(first);
            }
        }

        while (queue.Count > 0)
        {
            IMethodSymbol current = queue.Dequeue();
            foreach (IMethodSymbol next in Callees(current, callees))
            {
                if (SymbolEqualityComparer.Default.Equals(next, start))
                {
                    var path = new List<IMethodSymbol> { start };
                    for (IMethodSymbol step = current; !SymbolEqualityComparer.Default.Equals(step, start); step = cameFrom[step])
                    {
                        path.Add(step);
                    }

                    path.Add(start);
                    path.Reverse(1, path.Count - 2);
                    return path;
                }

                if (!cameFrom.ContainsKey(next))
                {
                    cameFrom[next] = current;
                    queue.Enqueue(next);
                }
            }
        }

        return null;
    }

    private static ImmutableArray<IMethodSymbol> Callees(
        IMethodSymbol stub, ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> callees) =>
        callees.TryGetValue(stub, out ImmutableArray<IMethodSymbol> called) ? called : ImmutableArray<IMethodSymbol>.Empty;
}
