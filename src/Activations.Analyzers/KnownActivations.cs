using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Activations.Analyzers;

/// <summary>
/// Every activation identifier one compilation knows: the <c>[Activation]</c> stubs it declares and those of
/// the assemblies it references (the built-ins live in Activations.Runtime). Built once per compilation, on
/// first use, and shared by every analyzer callback of that compilation.
/// </summary>
internal sealed class KnownActivations
{
    private readonly Dictionary<string, ImmutableArray<ActivationDeclaration>> _byIdentifier;

    private KnownActivations(Dictionary<string, ImmutableArray<ActivationDeclaration>> byIdentifier)
    {
        _byIdentifier = byIdentifier;
        Identifiers = byIdentifier.Keys.OrderBy(identifier => identifier, StringComparer.Ordinal).ToImmutableArray();
    }

    /// <summary>Every name and alias, sorted ordinally (so that suggestions are deterministic).</summary>
    public ImmutableArray<string> Identifiers { get; }

    public bool Contains(string identifier) => _byIdentifier.ContainsKey(identifier);

    /// <summary>The stubs that declare <paramref name="identifier"/> (more than one is a duplicate).</summary>
    public ImmutableArray<ActivationDeclaration> DeclarationsOf(string identifier) =>
        _byIdentifier.TryGetValue(identifier, out ImmutableArray<ActivationDeclaration> declarations)
            ? declarations
            : ImmutableArray<ActivationDeclaration>.Empty;

    public static KnownActivations Build(Compilation compilation, ActivationSymbols symbols, CancellationToken cancellationToken)
    {
        var byIdentifier = new Dictionary<string, List<ActivationDeclaration>>(StringComparer.Ordinal);
        foreach (ActivationDeclaration declaration in ReferencedStubs(compilation, symbols, cancellationToken)
                     .Concat(SourceStubs(compilation, symbols, cancellationToken)))
        {
            foreach (string identifier in declaration.Identifiers.Distinct(StringComparer.Ordinal))
            {
                if (!byIdentifier.TryGetValue(identifier, out List<ActivationDeclaration>? list))
                {
                    byIdentifier[identifier] = list = new List<ActivationDeclaration>();
                }

                list.Add(declaration);
            }
        }

        return new KnownActivations(byIdentifier.ToDictionary(pair => pair.Key, pair => pair.Value.ToImmutableArray(), StringComparer.Ordinal));
    }

    /// <summary>
    /// The stubs of referenced assemblies. Only the runtime itself and assemblies that reference it can declare
    /// any, so the rest (the framework) are skipped without walking their types. Metadata shows public and
    /// protected members only: a referenced assembly's internal stubs are not seen.
    /// </summary>
    private static IEnumerable<ActivationDeclaration> ReferencedStubs(
        Compilation compilation, ActivationSymbols symbols, CancellationToken cancellationToken)
    {
        IAssemblySymbol runtime = symbols.ActivationAttribute.ContainingAssembly;
        foreach (MetadataReference reference in compilation.References)
        {
            if (compilation.GetAssemblyOrModuleSymbol(reference) is not IAssemblySymbol assembly
                || SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly)
                || !(SymbolEqualityComparer.Default.Equals(assembly, runtime) || References(assembly, runtime)))
            {
                continue;
            }

            foreach (ActivationDeclaration declaration in StubsIn(assembly.GlobalNamespace, symbols, cancellationToken))
            {
                yield return declaration;
            }
        }
    }

    private static bool References(IAssemblySymbol assembly, IAssemblySymbol runtime) =>
        assembly.Modules.Any(module => module.ReferencedAssemblies.Any(identity => identity.Name == runtime.Identity.Name));

    private static IEnumerable<ActivationDeclaration> StubsIn(INamespaceOrTypeSymbol container, ActivationSymbols symbols, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (ISymbol member in container.GetMembers())
        {
            switch (member)
            {
                case INamespaceOrTypeSymbol nested:
                    foreach (ActivationDeclaration declaration in StubsIn(nested, symbols, cancellationToken))
                    {
                        yield return declaration;
                    }

                    break;
                case IMethodSymbol method when symbols.GetActivationAttribute(method) is { } attribute:
                    yield return ActivationDeclaration.FromAttribute(method, attribute);
                    break;
                case IMethodSymbol method when symbols.GetAxisActivationAttribute(method) is { } attribute:
                    // softmax and friends: registered by hand, not stubs, but valid identifiers all the same.
                    yield return ActivationDeclaration.FromAttribute(method, attribute);
                    break;
            }
        }
    }

    /// <summary>
    /// The compilation's own stubs. A cheap syntax pass finds methods carrying an attribute that may be
    /// <c>[Activation]</c> (any attribute at all in a compilation with using aliases); only those are bound.
    /// </summary>
    private static IEnumerable<ActivationDeclaration> SourceStubs(Compilation compilation, ActivationSymbols symbols, CancellationToken cancellationToken)
    {
        var candidateNames = new HashSet<string>(StringComparer.Ordinal);
        bool anyAlias = compilation.SyntaxTrees.Any(tree => HasUsingAlias(tree, cancellationToken));
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            foreach (SyntaxNode node in tree.GetRoot(cancellationToken).DescendantNodes(static node => node is not (BlockSyntax or ArrowExpressionClauseSyntax)))
            {
                if (node is MethodDeclarationSyntax { AttributeLists.Count: > 0 } method
                    && (anyAlias || method.AttributeLists.Any(list => list.Attributes.Any(IsPossiblyActivationAttribute))))
                {
                    candidateNames.Add(method.Identifier.ValueText);
                }
            }
        }

        if (candidateNames.Count == 0)
        {
            yield break;
        }

        foreach (ISymbol symbol in compilation.GetSymbolsWithName(candidateNames.Contains, SymbolFilter.Member, cancellationToken))
        {
            if (symbol is IMethodSymbol method && symbols.GetActivationAttribute(method) is { } attribute)
            {
                yield return ActivationDeclaration.FromAttribute(method, attribute);
            }
        }
    }

    private static bool HasUsingAlias(SyntaxTree tree, CancellationToken cancellationToken) =>
        tree.GetRoot(cancellationToken).DescendantNodes(static node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .OfType<UsingDirectiveSyntax>()
            .Any(directive => directive.Alias is not null);

    private static bool IsPossiblyActivationAttribute(AttributeSyntax attribute)
    {
        string name = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => string.Empty,
        };
        return name is "Activation" or "ActivationAttribute";
    }
}
