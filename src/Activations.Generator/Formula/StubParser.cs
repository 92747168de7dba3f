using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Activations.Generator.Formula;

/// <summary>
/// Reads an <c>[Activation]</c> stub: checks its declaration and turns its body into the formula IR. The
/// generator and the analyzers both judge stubs through this one class.
/// </summary>
internal static class StubParser
{
    /// <summary>The metadata name of the attribute that marks a stub.</summary>
    public const string ActivationAttributeName = "Activations.ActivationAttribute";

    private static readonly Regex s_snakeCase = new("^[a-z][a-z0-9]*(_[a-z0-9]+)*$", RegexOptions.CultureInvariant);

    /// <summary>Parses a stub; <see cref="StubParseResult.Stub"/> is null exactly when there are problems.</summary>
    public static StubParseResult Parse(IMethodSymbol method, MethodDeclarationSyntax syntax, SemanticModel model, CancellationToken ct)
    {
        var problems = ImmutableArray.CreateBuilder<StubProblem>();
        CheckDeclaration(method, syntax, problems);
        (string? name, ImmutableArray<string> aliases) = ReadNames(method, syntax, problems, ct);

        FormulaNode? formula = null;
        FormulaNode? singleFormula = null;
        if (syntax.ExpressionBody is { } body && HasFormulaSignature(method))
        {
            var environment = new Dictionary<IParameterSymbol, FormulaNode>(SymbolEqualityComparer.Default);
            for (int i = 0; i < method.Parameters.Length; i++)
            {
                IParameterSymbol parameter = method.Parameters[i];
                environment[parameter] = i == 0
                    ? new ElementNode()
                    : new ParameterNode(i - 1, parameter.Name, parameter.Type.SpecialType == SpecialType.System_Boolean);
            }

            var parser = new FormulaParser(method, model, problems, ct);
            formula = parser.ParseBody(body.Expression, environment);
            singleFormula = ParseSingleFormula(method, syntax, model, environment, problems, ct);
        }

        if (problems.Count > 0 || formula is null || name is null)
        {
            return new StubParseResult(null, problems.ToImmutable());
        }

        var model2 = new StubModel(
            name,
            aliases.ToEquatableArray(),
            method.Name,
            AccessibilityText(method.DeclaredAccessibility),
            method.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
            ContainingTypes(syntax).ToImmutableArray().ToEquatableArray(),
            IsAssemblyVisible(method),
            method.Parameters[0].Name,
            method.Parameters.Skip(1).Select(ReadParameter).ToImmutableArray().ToEquatableArray(),
            formula,
            singleFormula,
            ReadFastHalf(method));
        return new StubParseResult(model2, ImmutableArray<StubProblem>.Empty);
    }

    /// <summary>The metadata name of the attribute that marks a formula helper.</summary>
    public const string FormulaAttributeName = "Activations.FormulaAttribute";

    /// <summary>The name the generated span kernels give their output span, which no stub parameter may take.</summary>
    public const string GeneratedOutputParameterName = "destination";

    /// <summary>Whether a method is marked <c>[Activation]</c>.</summary>
    public static bool IsStub(IMethodSymbol method) => GetActivationAttribute(method) is not null;

    /// <summary>
    /// Whether a method is a <c>[Formula]</c> helper (and not itself a stub): stubs may call it, and it is
    /// inlined into them like a stub of the same compilation, but it has no kernels of its own.
    /// </summary>
    public static bool IsFormulaHelper(IMethodSymbol method) =>
        !IsStub(method) && method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == FormulaAttributeName);

    /// <summary>Whether a helper's signature is a formula's: every parameter and the result a double, passed by value.</summary>
    internal static bool HasHelperSignature(IMethodSymbol method) =>
        method.ReturnType.SpecialType == SpecialType.System_Double
        && !method.ReturnsByRef && !method.ReturnsByRefReadonly
        && !method.IsGenericMethod
        && method.Parameters.All(p => p.RefKind == RefKind.None && !p.IsParams && p.Type.SpecialType == SpecialType.System_Double);

    internal static AttributeData? GetActivationAttribute(IMethodSymbol method)
    {
        foreach (AttributeData attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == ActivationAttributeName)
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>Whether the parameter and return types make a formula the IR can express (so the body is worth reading).</summary>
    internal static bool HasFormulaSignature(IMethodSymbol method) =>
        method.ReturnType.SpecialType == SpecialType.System_Double
        && !method.ReturnsByRef && !method.ReturnsByRefReadonly
        && !method.IsGenericMethod
        && method.Parameters.Length > 0
        && method.Parameters[0].Type.SpecialType == SpecialType.System_Double
        && method.Parameters.All(p => p.RefKind == RefKind.None && !p.IsParams
            && p.Type.SpecialType is SpecialType.System_Double or SpecialType.System_Boolean);

    /// <summary>Checks everything about a stub's declaration except its names and its body.</summary>
    internal static void CheckDeclaration(IMethodSymbol method, MethodDeclarationSyntax syntax, ImmutableArray<StubProblem>.Builder problems)
    {
        Location at = syntax.Identifier.GetLocation();
        if (!method.IsStatic)
        {
            problems.Add(new StubProblem(StubProblemKind.NotStatic, at, $"The stub '{method.Name}' must be static."));
        }

        foreach (TypeDeclarationSyntax type in syntax.Ancestors().OfType<TypeDeclarationSyntax>())
        {
            if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                problems.Add(new StubProblem(
                    StubProblemKind.NotInPartialType, type.Identifier.GetLocation(),
                    $"The type '{type.Identifier.ValueText}' must be partial for the generator to add the kernels of '{method.Name}'."));
            }

            if (type.TypeParameterList is { } typeParameters)
            {
                problems.Add(new StubProblem(
                    StubProblemKind.UnsupportedConstruct, typeParameters.GetLocation(),
                    $"The stub '{method.Name}' cannot be in a generic type."));
            }

            if (type is InterfaceDeclarationSyntax)
            {
                problems.Add(new StubProblem(
                    StubProblemKind.UnsupportedConstruct, type.Identifier.GetLocation(),
                    $"The stub '{method.Name}' cannot be in an interface."));
            }
        }

        if (syntax.ExpressionBody is null)
        {
            problems.Add(new StubProblem(
                StubProblemKind.NotExpressionBodied, at,
                $"The stub '{method.Name}' must have an expression body: => formula."));
        }

        if (method.ReturnType.SpecialType != SpecialType.System_Double || method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            problems.Add(new StubProblem(
                StubProblemKind.BadReturnType, syntax.ReturnType.GetLocation(),
                $"The stub '{method.Name}' must return double."));
        }

        if (syntax.TypeParameterList is { } methodTypeParameters)
        {
            problems.Add(new StubProblem(
                StubProblemKind.UnsupportedConstruct, methodTypeParameters.GetLocation(),
                $"The stub '{method.Name}' cannot be generic."));
        }

        if (method.Parameters.Length == 0)
        {
            problems.Add(new StubProblem(
                StubProblemKind.BadParameterType, syntax.ParameterList.GetLocation(),
                $"The stub '{method.Name}' must take the element as a double first parameter."));
        }

        int switches = 0;
        for (int i = 0; i < method.Parameters.Length; i++)
        {
            IParameterSymbol parameter = method.Parameters[i];
            Location where = i < syntax.ParameterList.Parameters.Count ? syntax.ParameterList.Parameters[i].GetLocation() : at;
            bool isDouble = parameter.Type.SpecialType == SpecialType.System_Double;
            bool isBool = parameter.Type.SpecialType == SpecialType.System_Boolean;
            if (parameter.RefKind != RefKind.None || parameter.IsParams)
            {
                problems.Add(new StubProblem(
                    StubProblemKind.BadParameterType, where,
                    $"The parameter '{parameter.Name}' must be passed by value."));
            }
            else if (i == 0 && !isDouble)
            {
                problems.Add(new StubProblem(
                    StubProblemKind.BadParameterType, where,
                    $"The element parameter '{parameter.Name}' must be a double."));
            }
            else if (!isDouble && !isBool)
            {
                problems.Add(new StubProblem(
                    StubProblemKind.BadParameterType, where,
                    $"The parameter '{parameter.Name}' must be a double or a bool."));
            }

            if (parameter.Name == GeneratedOutputParameterName)
            {
                problems.Add(new StubProblem(
                    StubProblemKind.BadParameterType, where,
                    $"The parameter '{parameter.Name}' has the name of the generated span kernels' output parameter; rename it."));
            }

            if (i > 0 && isBool && ++switches == FormulaParser.MaximumSwitches + 1)
            {
                problems.Add(new StubProblem(
                    StubProblemKind.UnsupportedConstruct, where,
                    $"A stub takes at most {FormulaParser.MaximumSwitches} bool parameters (each doubles the kernels generated)."));
            }
        }
    }

    // The attribute's FastHalf (false when absent).
    private static bool ReadFastHalf(IMethodSymbol method) =>
        GetActivationAttribute(method)?.NamedArguments.Any(argument => argument.Key == "FastHalf" && argument.Value.Value is true) == true;

    // The attribute's SingleFormula: a method of the same type with the stub's parameter types, parsed with the
    // stub's parameters standing for its own (by position).
    private static FormulaNode? ParseSingleFormula(
        IMethodSymbol method, MethodDeclarationSyntax syntax, SemanticModel model, Dictionary<IParameterSymbol, FormulaNode> stubEnvironment,
        ImmutableArray<StubProblem>.Builder problems, CancellationToken ct)
    {
        AttributeData? attribute = GetActivationAttribute(method);
        string? name = null;
        foreach (KeyValuePair<string, TypedConstant> argument in attribute?.NamedArguments ?? ImmutableArray<KeyValuePair<string, TypedConstant>>.Empty)
        {
            if (argument.Key == "SingleFormula" && argument.Value.Value is string text)
            {
                name = text;
            }
        }

        if (name is null)
        {
            return null;
        }

        Location at = attribute?.ApplicationSyntaxReference?.GetSyntax(ct).GetLocation() ?? syntax.Identifier.GetLocation();
        IMethodSymbol? single = method.ContainingType.GetMembers(name).OfType<IMethodSymbol>().FirstOrDefault(m =>
            m.IsStatic && HasFormulaSignature(m) && m.Parameters.Length == method.Parameters.Length
            && m.Parameters.Select(p => p.Type.SpecialType).SequenceEqual(method.Parameters.Select(p => p.Type.SpecialType)));
        if (single?.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(ct) is not MethodDeclarationSyntax { ExpressionBody: { } body } declaration)
        {
            problems.Add(new StubProblem(
                StubProblemKind.UnknownMethod, at,
                $"SingleFormula '{name}' must name a static, expression-bodied method of the same type with the parameters of '{method.Name}'."));
            return null;
        }

        var environment = new Dictionary<IParameterSymbol, FormulaNode>(SymbolEqualityComparer.Default);
        for (int i = 0; i < single.Parameters.Length; i++)
        {
            environment[single.Parameters[i]] = stubEnvironment[method.Parameters[i]];
        }

        SemanticModel singleModel = declaration.SyntaxTree == model.SyntaxTree ? model : model.Compilation.GetSemanticModel(declaration.SyntaxTree);
        return new FormulaParser(single, singleModel, problems, ct).ParseBody(body.Expression, environment);
    }

    private static (string? Name, ImmutableArray<string> Aliases) ReadNames(
        IMethodSymbol method, MethodDeclarationSyntax syntax, ImmutableArray<StubProblem>.Builder problems, CancellationToken ct)
    {
        AttributeData? attribute = GetActivationAttribute(method);
        Location at = attribute?.ApplicationSyntaxReference?.GetSyntax(ct).GetLocation() ?? syntax.Identifier.GetLocation();
        string? name = attribute is { ConstructorArguments.Length: 1 } && attribute.ConstructorArguments[0].Value is string s ? s : null;
        if (string.IsNullOrEmpty(name))
        {
            problems.Add(new StubProblem(StubProblemKind.BadName, at, $"The stub '{method.Name}' needs an activation name."));
            name = null;
        }
        else if (!s_snakeCase.IsMatch(name))
        {
            problems.Add(new StubProblem(
                StubProblemKind.BadName, at,
                $"The activation name '{name}' must be snake_case: lowercase letters and digits separated by single underscores."));
            name = null;
        }

        var aliases = ImmutableArray.CreateBuilder<string>();
        foreach (KeyValuePair<string, TypedConstant> argument in attribute?.NamedArguments ?? ImmutableArray<KeyValuePair<string, TypedConstant>>.Empty)
        {
            if (argument.Key != "Aliases" || argument.Value.Kind != TypedConstantKind.Array || argument.Value.IsNull)
            {
                continue;
            }

            foreach (TypedConstant alias in argument.Value.Values)
            {
                if (alias.Value is string text && s_snakeCase.IsMatch(text))
                {
                    aliases.Add(text);
                }
                else
                {
                    problems.Add(new StubProblem(
                        StubProblemKind.BadName, at,
                        $"The alias '{alias.Value}' must be snake_case: lowercase letters and digits separated by single underscores."));
                }
            }
        }

        return (name, aliases.ToImmutable());
    }

    private static StubParameterModel ReadParameter(IParameterSymbol parameter)
    {
        bool isSwitch = parameter.Type.SpecialType == SpecialType.System_Boolean;
        double defaultValue = double.NaN;
        if (parameter.HasExplicitDefaultValue)
        {
            defaultValue = parameter.ExplicitDefaultValue switch
            {
                bool b => b ? 1 : 0,
                null => 0,
                IConvertible c => c.ToDouble(System.Globalization.CultureInfo.InvariantCulture),
                _ => double.NaN,
            };
        }

        ConstraintKind constraint = ConstraintKind.None;
        double minimum = double.NegativeInfinity, maximum = double.PositiveInfinity;
        foreach (AttributeData attribute in parameter.GetAttributes())
        {
            switch (attribute.AttributeClass?.ToDisplayString())
            {
                case "Activations.PositiveAttribute":
                    constraint = ConstraintKind.Positive;
                    break;
                case "Activations.NonNegativeAttribute":
                    constraint = ConstraintKind.NonNegative;
                    break;
                case "Activations.RangeAttribute" when attribute.ConstructorArguments.Length == 2
                    && attribute.ConstructorArguments[0].Value is double min && attribute.ConstructorArguments[1].Value is double max:
                    constraint = ConstraintKind.Range;
                    minimum = min;
                    maximum = max;
                    break;
            }
        }

        return new StubParameterModel(
            parameter.Name, ToSnakeCase(parameter.Name), isSwitch, parameter.HasExplicitDefaultValue, defaultValue,
            isSwitch ? ConstraintKind.None : constraint, minimum, maximum);
    }

    /// <summary><c>negativeSlope</c> → <c>negative_slope</c>: the Keras spelling of a parameter.</summary>
    internal static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_')
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static IEnumerable<ContainingTypeModel> ContainingTypes(MethodDeclarationSyntax syntax) =>
        syntax.Ancestors().OfType<TypeDeclarationSyntax>().Reverse().Select(type => new ContainingTypeModel(
            type switch
            {
                RecordDeclarationSyntax r when r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) => "record struct",
                RecordDeclarationSyntax => "record",
                StructDeclarationSyntax => "struct",
                _ => "class",
            },
            type.Identifier.ValueText));

    private static bool IsAssemblyVisible(ISymbol symbol)
    {
        for (ISymbol? s = symbol; s is not null and not INamespaceSymbol; s = s.ContainingType)
        {
            if (s.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }

    private static string AccessibilityText(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Public => "public",
        Accessibility.Internal => "internal",
        Accessibility.Protected => "protected",
        Accessibility.ProtectedOrInternal => "protected internal",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };
}
