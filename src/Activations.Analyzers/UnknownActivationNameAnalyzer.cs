using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Activations.Analyzers;

/// <summary>
/// ACT0001: a constant string passed where an activation identifier is expected (<c>Activation.Get</c>,
/// <c>Activation.Deserialize</c>, any parameter marked <c>[ActivationName]</c>) names no known activation.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnknownActivationNameAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnknownActivationName);

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

            start.RegisterOperationAction(operationContext => AnalyzeArgument(operationContext, symbols), OperationKind.Argument);
        });
    }

    private static void AnalyzeArgument(OperationAnalysisContext context, ActivationSymbols symbols)
    {
        var argument = (IArgumentOperation)context.Operation;
        if (argument.ArgumentKind != ArgumentKind.Explicit
            || argument.Parameter is not { Type.SpecialType: SpecialType.System_String } parameter
            || !TakesActivationName(parameter, symbols)
            || argument.Value.ConstantValue is not { HasValue: true, Value: string text })
        {
            return;
        }

        // Deserialize also takes Serialize's form, "elu(alpha=0.5)": only the part before '(' is an identifier.
        string identifier = text;
        string parameterList = string.Empty;
        int open = text.IndexOf('(');
        if (open >= 0 && IsDeserialize(parameter, symbols))
        {
            identifier = text.Substring(0, open);
            parameterList = text.Substring(open);
        }

        KnownActivations known = CompilationCache.GetKnownActivations(context.Compilation, symbols, context.CancellationToken);
        if (known.Contains(identifier))
        {
            return;
        }

        string? suggestion = ActivationNameSuggester.Suggest(identifier, known.Identifiers);
        ImmutableDictionary<string, string?> properties = suggestion is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticDescriptors.SuggestionProperty, suggestion + parameterList);
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.UnknownActivationName,
            argument.Value.Syntax.GetLocation(),
            properties,
            identifier,
            suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?"));
    }

    private static bool IsDeserialize(IParameterSymbol parameter, ActivationSymbols symbols) =>
        parameter.ContainingSymbol is IMethodSymbol { Name: "Deserialize" } method
        && SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.ActivationClass);

    /// <summary>
    /// A parameter marked <c>[ActivationName]</c>, or the identifier of <c>Activation.Get</c> and
    /// <c>Activation.Deserialize</c> (marked or not).
    /// </summary>
    private static bool TakesActivationName(IParameterSymbol parameter, ActivationSymbols symbols)
    {
        foreach (AttributeData attribute in parameter.GetAttributes())
        {
            if (ActivationSymbols.Is(attribute, symbols.ActivationNameAttribute))
            {
                return true;
            }
        }

        return parameter is { Ordinal: 0, ContainingSymbol: IMethodSymbol { Name: "Get" or "Deserialize" } method }
            && SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.ActivationClass);
    }
}
