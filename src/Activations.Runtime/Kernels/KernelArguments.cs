using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace Activations.Kernels;

/// <summary>
/// Reads the positional arguments the registry passes to a kernel (<see cref="ActivationKernel{T}"/>):
/// trailing arguments may be left out, and then take the stub's defaults.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class KernelArguments
{
    /// <summary>Throws if more arguments were given than the activation has parameters.</summary>
    /// <exception cref="ArgumentException">Too many arguments.</exception>
    public static void ThrowIfTooMany(ReadOnlySpan<double> arguments, int parameterCount, string activationName)
    {
        if (arguments.Length > parameterCount)
        {
            ThrowTooMany(arguments.Length, parameterCount, activationName);
        }
    }

    /// <summary>The argument at <paramref name="index"/>, or <paramref name="defaultValue"/> when it was left out.</summary>
    public static double Optional(ReadOnlySpan<double> arguments, int index, double defaultValue) =>
        index < arguments.Length ? arguments[index] : defaultValue;

    /// <summary>The argument at <paramref name="index"/>, which has no default.</summary>
    /// <exception cref="ArgumentException">The argument was left out.</exception>
    public static double Required(ReadOnlySpan<double> arguments, int index, string parameterName)
    {
        if (index >= arguments.Length)
        {
            ThrowMissing(parameterName);
        }

        return arguments[index];
    }

    [DoesNotReturn]
    private static void ThrowTooMany(int given, int expected, string activationName) =>
        throw new ArgumentException(
            $"The activation '{activationName}' takes {expected} arguments; {given} were given.", "arguments");

    [DoesNotReturn]
    private static void ThrowMissing(string parameterName) =>
        throw new ArgumentException($"The parameter '{parameterName}' has no default and was not given.", "arguments");
}
