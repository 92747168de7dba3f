using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Activations.Generator.Emit;
using Activations.Generator.Formula;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Activations.Generator;

/// <summary>
/// Compiles [Activation] stubs into span and vector kernels. Each stub is parsed into a value-equal model
/// (the formula IR and what is needed to emit it); a stub with problems produces nothing (the analyzers
/// explain why). All models are then emitted together, which keeps the file names and operator names unique
/// and gives the assembly its one module initializer.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ActivationGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<StubModel> stubs = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                StubParser.ActivationAttributeName,
                static (node, _) => node is MethodDeclarationSyntax,
                static (context, ct) => StubParser.Parse(
                    (IMethodSymbol)context.TargetSymbol, (MethodDeclarationSyntax)context.TargetNode, context.SemanticModel, ct).Stub)
            .Where(static stub => stub is not null)
            .Select(static (stub, _) => stub!)
            .WithTrackingName(TrackingNames.Stubs);

        IncrementalValueProvider<EquatableArray<StubModel>> all = stubs
            .Collect()
            .Select(static (stubs, _) => stubs.ToEquatableArray())
            .WithTrackingName(TrackingNames.AllStubs);

        context.RegisterSourceOutput(all, static (context, stubs) => Emit(context, stubs));
    }

    private static void Emit(SourceProductionContext context, EquatableArray<StubModel> stubs)
    {
        if (stubs.Count == 0)
        {
            return;
        }

        var hintNames = new HashSet<string>();
        var methodCounts = stubs.GroupBy(QualifiedMethod).ToDictionary(g => g.Key, g => g.Count());
        var methodSeen = new Dictionary<string, int>();
        foreach (StubModel stub in stubs)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            string qualified = QualifiedMethod(stub);

            // Overloaded stubs share a name: number their operator structs so they do not collide.
            methodSeen.TryGetValue(qualified, out int seen);
            methodSeen[qualified] = seen + 1;
            string prefix = methodCounts[qualified] > 1 ? $"{stub.MethodName}{seen + 1}" : stub.MethodName;

            string hint = qualified;
            for (int n = 2; !hintNames.Add(hint); n++)
            {
                hint = $"{qualified}{n}";
            }

            context.AddSource(hint + ".g.cs", StubEmitter.Emit(stub, prefix));
        }

        context.AddSource("ActivationModuleInitializer.g.cs", RegistrationEmitter.Emit(stubs));
    }

    private static string QualifiedMethod(StubModel stub) =>
        string.Join(".", new[] { stub.Namespace }.Where(n => n is not null).Concat(stub.ContainingTypes.Select(t => t.Name)).Append(stub.MethodName));
}

/// <summary>The names of the generator's pipeline steps, for incremental-caching tests.</summary>
internal static class TrackingNames
{
    public const string Stubs = nameof(Stubs);
    public const string AllStubs = nameof(AllStubs);
}
