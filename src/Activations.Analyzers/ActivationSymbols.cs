using Microsoft.CodeAnalysis;

namespace Activations.Analyzers;

/// <summary>
/// The Activations runtime's attribute types as one compilation sees them, resolved once per compilation.
/// </summary>
internal sealed class ActivationSymbols
{
    private ActivationSymbols(
        INamedTypeSymbol activationAttribute,
        INamedTypeSymbol? activationNameAttribute,
        INamedTypeSymbol? positiveAttribute,
        INamedTypeSymbol? nonNegativeAttribute,
        INamedTypeSymbol? rangeAttribute,
        INamedTypeSymbol? activationClass)
    {
        ActivationAttribute = activationAttribute;
        ActivationNameAttribute = activationNameAttribute;
        PositiveAttribute = positiveAttribute;
        NonNegativeAttribute = nonNegativeAttribute;
        RangeAttribute = rangeAttribute;
        ActivationClass = activationClass;
    }

    public INamedTypeSymbol ActivationAttribute { get; }

    public INamedTypeSymbol? ActivationNameAttribute { get; }

    public INamedTypeSymbol? PositiveAttribute { get; }

    public INamedTypeSymbol? NonNegativeAttribute { get; }

    public INamedTypeSymbol? RangeAttribute { get; }

    /// <summary><c>Activations.Activation</c>, whose <c>Get</c> and <c>Deserialize</c> take identifiers.</summary>
    public INamedTypeSymbol? ActivationClass { get; }

    /// <summary>Null when the compilation does not see the Activations runtime: nothing to analyze then.</summary>
    public static ActivationSymbols? TryCreate(Compilation compilation)
    {
        INamedTypeSymbol? activationAttribute = compilation.GetTypeByMetadataName("Activations.ActivationAttribute");
        if (activationAttribute is null)
        {
            return null;
        }

        return new ActivationSymbols(
            activationAttribute,
            compilation.GetTypeByMetadataName("Activations.ActivationNameAttribute"),
            compilation.GetTypeByMetadataName("Activations.PositiveAttribute"),
            compilation.GetTypeByMetadataName("Activations.NonNegativeAttribute"),
            compilation.GetTypeByMetadataName("Activations.RangeAttribute"),
            compilation.GetTypeByMetadataName("Activations.Activation"))
        {
            AxisActivationAttribute = compilation.GetTypeByMetadataName("Activations.AxisActivationAttribute"),
        };
    }

    /// <summary><c>[AxisActivation]</c>: the identifier of a hand-written activation along an axis (softmax).</summary>
    public INamedTypeSymbol? AxisActivationAttribute { get; private init; }

    /// <summary>The method's <c>[AxisActivation]</c> attribute, or null.</summary>
    public AttributeData? GetAxisActivationAttribute(IMethodSymbol method)
    {
        if (AxisActivationAttribute is null)
        {
            return null;
        }

        foreach (AttributeData attribute in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, AxisActivationAttribute))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>The method's <c>[Activation]</c> attribute, or null if it is not a stub.</summary>
    public AttributeData? GetActivationAttribute(IMethodSymbol method)
    {
        foreach (AttributeData attribute in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, ActivationAttribute))
            {
                return attribute;
            }
        }

        return null;
    }

    public static bool Is(AttributeData attribute, INamedTypeSymbol? type) =>
        type is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type);
}
