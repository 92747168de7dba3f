using Microsoft.CodeAnalysis;

namespace Activations.Generator;

/// <summary>Compiles [Activation] stubs into span and vector kernels.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class ActivationGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
    }
}
