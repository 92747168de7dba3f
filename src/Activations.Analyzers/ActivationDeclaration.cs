using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Activations.Analyzers;

/// <summary>One <c>[Activation]</c> stub as the identifier checks need it: its name, aliases and where it lives.</summary>
internal sealed class ActivationDeclaration
{
    public ActivationDeclaration(IMethodSymbol method, string? name, ImmutableArray<string> aliases)
    {
        Method = method;
        Name = name;
        Aliases = aliases;
    }

    public IMethodSymbol Method { get; }

    /// <summary>The declared name; null when the attribute's argument is not a constant string (already an error).</summary>
    public string? Name { get; }

    public ImmutableArray<string> Aliases { get; }

    /// <summary>The name, then the aliases: every identifier that resolves to this stub.</summary>
    public IEnumerable<string> Identifiers
    {
        get
        {
            if (Name is not null)
            {
                yield return Name;
            }

            foreach (string alias in Aliases)
            {
                yield return alias;
            }
        }
    }

    /// <summary>How a message names it: <c>Activation.Relu</c>, and the assembly when it is a reference.</summary>
    public string Describe(Compilation compilation)
    {
        string method = Method.ContainingType.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) + "." + Method.Name;
        return SymbolEqualityComparer.Default.Equals(Method.ContainingAssembly, compilation.Assembly)
            ? "'" + method + "'"
            : "'" + method + "' in " + Method.ContainingAssembly.Name;
    }

    /// <summary>Reads a stub's attribute; null if <paramref name="attribute"/> is not usable.</summary>
    public static ActivationDeclaration FromAttribute(IMethodSymbol method, AttributeData attribute)
    {
        string? name = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        ImmutableArray<string>.Builder aliases = ImmutableArray.CreateBuilder<string>();
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == "Aliases" && argument.Value.Kind == TypedConstantKind.Array && !argument.Value.IsNull)
            {
                foreach (TypedConstant alias in argument.Value.Values)
                {
                    if (alias.Value is string text)
                    {
                        aliases.Add(text);
                    }
                }
            }
        }

        return new ActivationDeclaration(method, name, aliases.ToImmutable());
    }
}
