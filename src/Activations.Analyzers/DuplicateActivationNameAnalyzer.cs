using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Activations.Analyzers;

/// <summary>
/// ACT0009: a stub's name or alias is already taken by another stub, in this compilation or a referenced
/// assembly (the built-ins included). Reported on the string that declares it, on every stub involved in
/// this compilation.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DuplicateActivationNameAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DuplicateActivationName);

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

            start.RegisterSymbolAction(symbolContext => AnalyzeMethod(symbolContext, symbols), SymbolKind.Method);
        });
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, ActivationSymbols symbols)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (symbols.GetActivationAttribute(method) is not { } attribute)
        {
            return;
        }

        KnownActivations known = CompilationCache.GetKnownActivations(context.Compilation, symbols, context.CancellationToken);
        ActivationDeclaration declaration = ActivationDeclaration.FromAttribute(method, attribute);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (string identifier in declaration.Identifiers)
        {
            // A stub that lists the same identifier twice is not a clash with another stub.
            if (!reported.Add(identifier))
            {
                continue;
            }

            ActivationDeclaration? other = known.DeclarationsOf(identifier)
                .Where(candidate => !IsSameStub(candidate.Method, method))
                .OrderBy(candidate => SymbolEqualityComparer.Default.Equals(candidate.Method.ContainingAssembly, context.Compilation.Assembly))
                .FirstOrDefault();
            if (other is null)
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.DuplicateActivationName,
                LocationOf(attribute, identifier, context.CancellationToken) ?? method.Locations[0],
                identifier,
                other.Describe(context.Compilation)));
        }
    }

    /// <summary>
    /// The same stub seen twice, or a generated overload carrying its stub's attribute: same type, same
    /// method name. (Two stubs overloading one method name would be a clash this misses: rare, and already
    /// confusing enough that the generator's overloads would clash too.)
    /// </summary>
    private static bool IsSameStub(IMethodSymbol a, IMethodSymbol b) =>
        SymbolEqualityComparer.Default.Equals(a.ContainingType, b.ContainingType) && a.Name == b.Name;

    /// <summary>The string literal in the attribute that spells <paramref name="identifier"/>.</summary>
    private static Location? LocationOf(AttributeData attribute, string identifier, System.Threading.CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax { ArgumentList: { } arguments })
        {
            return null;
        }

        foreach (SyntaxNode node in arguments.DescendantNodes())
        {
            if (node is LiteralExpressionSyntax literal && literal.Token.Value is string text && text == identifier)
            {
                return literal.GetLocation();
            }
        }

        return null;
    }
}
