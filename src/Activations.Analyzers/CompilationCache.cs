using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Activations.Analyzers;

/// <summary>
/// Per-compilation facts shared by all the analyzers (the identifier index is built once, not once per
/// analyzer). Entries die with their compilation.
/// </summary>
internal static class CompilationCache
{
    private static readonly ConditionalWeakTable<Compilation, KnownActivationsHolder> s_known = new();

    public static KnownActivations GetKnownActivations(Compilation compilation, ActivationSymbols symbols, CancellationToken cancellationToken)
    {
        KnownActivationsHolder holder = s_known.GetValue(compilation, static _ => new KnownActivationsHolder());
        return holder.Get(compilation, symbols, cancellationToken);
    }

    private sealed class KnownActivationsHolder
    {
        private readonly object _gate = new();
        private KnownActivations? _value;

        public KnownActivations Get(Compilation compilation, ActivationSymbols symbols, CancellationToken cancellationToken)
        {
            // Not Lazy<T>: a build cancelled half-way must not be cached as a failure.
            lock (_gate)
            {
                return _value ??= KnownActivations.Build(compilation, symbols, cancellationToken);
            }
        }
    }
}
