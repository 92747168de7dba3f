using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Activations;

/// <summary>
/// The run-time table of activations by identifier. Generated code registers every stub here from a
/// module initializer; <c>Activation.Get</c> reads it.
/// </summary>
public static class ActivationRegistry
{
    private static readonly ConcurrentDictionary<string, ActivationDescriptor> s_byName = new(StringComparer.Ordinal);

    /// <summary>Registers an activation under its name and aliases. Re-registering the same descriptor is harmless.</summary>
    /// <exception cref="ArgumentException">Another activation already holds one of the identifiers.</exception>
    public static void Register(ActivationDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        Add(descriptor.Name, descriptor);
        foreach (string alias in descriptor.Aliases)
        {
            Add(alias, descriptor);
        }
    }

    /// <summary>Finds the activation registered under <paramref name="identifier"/> (a name or an alias).</summary>
    public static bool TryGet(string identifier, [NotNullWhen(true)] out ActivationDescriptor? descriptor)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return s_byName.TryGetValue(identifier, out descriptor);
    }

    /// <summary>Every registered identifier, names and aliases alike.</summary>
    public static IReadOnlyCollection<string> Identifiers => (IReadOnlyCollection<string>)s_byName.Keys;

    private static void Add(string identifier, ActivationDescriptor descriptor)
    {
        ActivationDescriptor existing = s_byName.GetOrAdd(identifier, descriptor);
        if (!ReferenceEquals(existing, descriptor) && existing.Name != descriptor.Name)
        {
            throw new ArgumentException(
                $"The activation identifier '{identifier}' is already registered to '{existing.Name}'.", nameof(descriptor));
        }
    }
}
