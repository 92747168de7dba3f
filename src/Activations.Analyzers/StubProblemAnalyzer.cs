using System.Collections.Immutable;
using Activations.Generator.Formula;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Activations.Analyzers;

/// <summary>
/// ACT0003–ACT0008, ACT0010–ACT0012: what makes the generator skip a stub. Each <c>[Activation]</c> method is
/// judged by the generator's own parser (<see cref="StubParser"/>, compiled into this assembly), and each
/// <see cref="StubProblem"/> it finds is reported where the parser located it, one descriptor per kind.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StubProblemAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.StubNotStatic,
        DiagnosticDescriptors.StubNotInPartialType,
        DiagnosticDescriptors.StubNotExpressionBodied,
        DiagnosticDescriptors.StubBadParameterType,
        DiagnosticDescriptors.StubBadReturnType,
        DiagnosticDescriptors.StubBadName,
        DiagnosticDescriptors.StubRecursion,
        DiagnosticDescriptors.UnsupportedConstruct,
        DiagnosticDescriptors.UnknownMethodCall);

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

            start.RegisterSyntaxNodeAction(nodeContext => AnalyzeMethod(nodeContext, symbols), SyntaxKind.MethodDeclaration);
        });
    }

    private static void AnalyzeMethod(SyntaxNodeAnalysisContext context, ActivationSymbols symbols)
    {
        var declaration = (MethodDeclarationSyntax)context.Node;
        if (declaration.AttributeLists.Count == 0
            || context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not { } method
            || symbols.GetActivationAttribute(method) is null)
        {
            return;
        }

        StubParseResult result = StubParser.Parse(method, declaration, context.SemanticModel, context.CancellationToken);
        foreach (StubProblem problem in result.Problems)
        {
            context.ReportDiagnostic(Diagnostic.Create(DescriptorFor(problem.Kind), problem.Location, problem.Detail));
        }
    }

    /// <summary>One descriptor per kind; a kind added to the parser without one here fails the catalog test.</summary>
    internal static DiagnosticDescriptor DescriptorFor(StubProblemKind kind) => kind switch
    {
        StubProblemKind.NotStatic => DiagnosticDescriptors.StubNotStatic,
        StubProblemKind.NotInPartialType => DiagnosticDescriptors.StubNotInPartialType,
        StubProblemKind.NotExpressionBodied => DiagnosticDescriptors.StubNotExpressionBodied,
        StubProblemKind.BadParameterType => DiagnosticDescriptors.StubBadParameterType,
        StubProblemKind.BadReturnType => DiagnosticDescriptors.StubBadReturnType,
        StubProblemKind.BadName => DiagnosticDescriptors.StubBadName,
        StubProblemKind.Recursion => DiagnosticDescriptors.StubRecursion,
        StubProblemKind.UnknownMethod => DiagnosticDescriptors.UnknownMethodCall,
        StubProblemKind.UnsupportedConstruct => DiagnosticDescriptors.UnsupportedConstruct,
        _ => DiagnosticDescriptors.UnsupportedConstruct,
    };
}
