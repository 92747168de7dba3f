using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Activations.Analyzers;

/// <summary>
/// ACT0002: a constant argument breaks a constraint declared on a stub parameter, at a call of the stub or
/// of a kernel the generator made from it (same method name in the same type, parameter of the same name).
/// Implicit default arguments are not checked: the stub's author chose them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConstraintViolationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ConstraintViolated);

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

            // Parameter → its constraints (own or its stub's), so each overload is inspected once per compilation.
            var constraintsByParameter = new ConcurrentDictionary<IParameterSymbol, ConstrainedParameter?>(SymbolEqualityComparer.Default);
            start.RegisterOperationAction(
                operationContext => AnalyzeArgument(operationContext, symbols, constraintsByParameter),
                OperationKind.Argument);
        });
    }

    private static void AnalyzeArgument(
        OperationAnalysisContext context,
        ActivationSymbols symbols,
        ConcurrentDictionary<IParameterSymbol, ConstrainedParameter?> constraintsByParameter)
    {
        var argument = (IArgumentOperation)context.Operation;
        if (argument.ArgumentKind != ArgumentKind.Explicit
            || argument.Parameter is not { ContainingSymbol: IMethodSymbol } parameter
            || !IsNumeric(parameter.Type)
            || argument.Value.ConstantValue is not { HasValue: true, Value: { } constant }
            || ToDouble(constant) is not { } value)
        {
            return;
        }

        ConstrainedParameter? constrained = constraintsByParameter.GetOrAdd(
            parameter.OriginalDefinition, p => ConstrainedParameter.Find(p, symbols));
        if (constrained is null)
        {
            return;
        }

        foreach (ParameterConstraint constraint in constrained.Constraints)
        {
            if (!constraint.IsSatisfiedBy(value))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.ConstraintViolated,
                    argument.Syntax.GetLocation(),
                    parameter.Name,
                    constrained.ActivationName,
                    constraint.Describe(),
                    ParameterConstraint.Format(value)));
                return;
            }
        }
    }

    private static bool IsNumeric(ITypeSymbol type) =>
        type.SpecialType is SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal
            or SpecialType.System_Int16 or SpecialType.System_Int32 or SpecialType.System_Int64
            or SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_UInt16
            or SpecialType.System_UInt32 or SpecialType.System_UInt64
        || type is { Name: "Half", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    private static double? ToDouble(object constant) => constant switch
    {
        double d => d,
        float f => f,
        decimal m => (double)m,
        int i => i,
        long l => l,
        short s => s,
        sbyte b => b,
        byte b => b,
        ushort u => u,
        uint u => u,
        ulong u => u,
        _ => null,
    };

    /// <summary>A parameter's constraints and the activation they belong to, for the message.</summary>
    private sealed class ConstrainedParameter
    {
        private ConstrainedParameter(string activationName, ImmutableArray<ParameterConstraint> constraints)
        {
            ActivationName = activationName;
            Constraints = constraints;
        }

        public string ActivationName { get; }

        public ImmutableArray<ParameterConstraint> Constraints { get; }

        /// <summary>
        /// The parameter's own constraint attributes; failing those, the attributes on the same-named
        /// parameter of the stub with the same method name in the same type (the kernel's source).
        /// </summary>
        public static ConstrainedParameter? Find(IParameterSymbol parameter, ActivationSymbols symbols)
        {
            var method = (IMethodSymbol)parameter.ContainingSymbol;
            ImmutableArray<ParameterConstraint> own = ParameterConstraint.Read(parameter, symbols);
            if (!own.IsEmpty)
            {
                return new ConstrainedParameter(NameOf(method, symbols), own);
            }

            if (method.ContainingType is null || symbols.GetActivationAttribute(method) is not null)
            {
                return null;
            }

            foreach (ISymbol member in method.ContainingType.GetMembers(method.Name))
            {
                if (member is IMethodSymbol stub
                    && symbols.GetActivationAttribute(stub) is not null)
                {
                    foreach (IParameterSymbol stubParameter in stub.Parameters)
                    {
                        if (string.Equals(stubParameter.Name, parameter.Name, StringComparison.Ordinal))
                        {
                            ImmutableArray<ParameterConstraint> inherited = ParameterConstraint.Read(stubParameter, symbols);
                            return inherited.IsEmpty ? null : new ConstrainedParameter(NameOf(stub, symbols), inherited);
                        }
                    }
                }
            }

            return null;
        }

        private static string NameOf(IMethodSymbol method, ActivationSymbols symbols) =>
            symbols.GetActivationAttribute(method) is { ConstructorArguments.Length: 1 } attribute
                && attribute.ConstructorArguments[0].Value is string name
                ? name
                : method.ContainingType?.Name + "." + method.Name;
    }
}
