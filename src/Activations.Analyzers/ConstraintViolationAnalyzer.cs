using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
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
        if (argument is { ArgumentKind: ArgumentKind.Explicit, Parameter: { } deserialized }
            && IsDeserialize(deserialized, symbols)
            && argument.Value.ConstantValue is { HasValue: true, Value: string serialized })
        {
            AnalyzeSerialized(context, argument, serialized, symbols);
            return;
        }

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

    private static bool IsDeserialize(IParameterSymbol parameter, ActivationSymbols symbols) =>
        parameter is { Ordinal: 0, ContainingSymbol: IMethodSymbol { Name: "Deserialize" } method }
        && SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.ActivationClass);

    /// <summary>
    /// <c>Activation.Deserialize("elu(alpha=0)")</c>: the values in the string are arguments too, keyed by the
    /// Keras spelling of the stub's parameter names. (An unknown name is ACT0001's; an unknown keyword, the
    /// run-time's.)
    /// </summary>
    private static void AnalyzeSerialized(OperationAnalysisContext context, IArgumentOperation argument, string serialized, ActivationSymbols symbols)
    {
        if (!SerializedActivation.TryParse(serialized, out string name, out var values))
        {
            return;
        }

        KnownActivations known = CompilationCache.GetKnownActivations(context.Compilation, symbols, context.CancellationToken);
        ImmutableArray<ActivationDeclaration> declarations = known.DeclarationsOf(name);
        if (declarations.Length != 1)
        {
            return;
        }

        IMethodSymbol stub = declarations[0].Method;
        foreach (KeyValuePair<string, double> pair in values)
        {
            string keyword = pair.Key;
            double value = pair.Value;
            foreach (IParameterSymbol parameter in stub.Parameters)
            {
                if (Generator.Formula.StubParser.ToSnakeCase(parameter.Name) != keyword)
                {
                    continue;
                }

                foreach (ParameterConstraint constraint in ParameterConstraint.Read(parameter, symbols))
                {
                    if (!constraint.IsSatisfiedBy(value))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            DiagnosticDescriptors.ConstraintViolated,
                            argument.Value.Syntax.GetLocation(),
                            keyword,
                            declarations[0].Name ?? name,
                            constraint.Describe(),
                            ParameterConstraint.Format(value)));
                        break;
                    }
                }
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
