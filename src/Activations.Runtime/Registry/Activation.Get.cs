using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;

namespace Activations;

public static partial class Activation
{
    private const string LinearName = "linear";

    /// <summary>
    /// Resolves an activation by its Keras identifier (<c>"relu"</c>, the alias <c>"swish"</c>), or by the
    /// name of any <see cref="ActivationAttribute"/> stub in the application's assemblies, with its default
    /// parameters. <see langword="null"/> gives <c>linear</c>, as in Keras. Matching is case-sensitive.
    /// </summary>
    /// <param name="identifier">The identifier, or <see langword="null"/> for the identity.</param>
    /// <exception cref="ArgumentException">No activation has that identifier; the message suggests the nearest ones.</exception>
    public static ActivationFunction Get([ActivationName] string? identifier)
    {
        if (TryGet(identifier, out ActivationFunction? function))
        {
            return function;
        }

        throw UnknownIdentifier(identifier ?? LinearName, nameof(identifier));
    }

    /// <summary>Resolves an activation like <see cref="Get(string?)"/>, returning <see langword="false"/> instead of throwing.</summary>
    public static bool TryGet([ActivationName] string? identifier, [NotNullWhen(true)] out ActivationFunction? function)
    {
        ActivationDescriptor? descriptor = Find(identifier ?? LinearName);
        function = descriptor is null ? null : ActivationFunction.WithDefaults(descriptor);
        return function is not null;
    }

    /// <summary>
    /// The identifier that <see cref="Deserialize"/> turns back into an equal function: the canonical name
    /// (an alias serializes to its name: <c>"swish"</c> → <c>"silu"</c>), followed by the parameters that
    /// differ from their defaults in Keras's keywords (<c>"elu(alpha=0.5)"</c>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="function"/> wraps a delegate, which has no registered name.</exception>
    public static string Serialize(ActivationFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (function.IsDelegate)
        {
            throw new ArgumentException(
                $"The activation '{function.Name}' wraps a delegate and cannot be serialized: declare it as an [Activation] stub to give it a registered name.",
                nameof(function));
        }

        return function.ToIdentifierString();
    }

    /// <summary>Turns what <see cref="Serialize"/> wrote (or any identifier <see cref="Get(string?)"/> takes) back into a function.</summary>
    /// <exception cref="ArgumentException">The text is malformed, names no activation, or names a parameter it does not have.</exception>
    public static ActivationFunction Deserialize([ActivationName] string serialized)
    {
        ArgumentNullException.ThrowIfNull(serialized);
        int open = serialized.IndexOf('(');
        if (open < 0)
        {
            return Get(serialized);
        }

        if (!serialized.EndsWith(")", StringComparison.Ordinal))
        {
            throw Malformed(serialized, "a parameter list must end with ')'");
        }

        ActivationFunction function = Get(serialized.Substring(0, open));
        string list = serialized.Substring(open + 1, serialized.Length - open - 2);
        foreach (string item in list.Split(','))
        {
            int equals = item.IndexOf('=');
            if (equals < 0)
            {
                throw Malformed(serialized, $"'{item.Trim()}' is not name=value");
            }

            string name = item.Substring(0, equals).Trim();
            string value = item.Substring(equals + 1).Trim();
            if (value is "true" or "false")
            {
                function = function.With(name, value == "true");
            }
            else if (TryParseNumber(value, out double number))
            {
                function = function.With(name, number);
            }
            else
            {
                throw Malformed(serialized, $"the value of '{name}' is not a number or true/false: '{value}'");
            }
        }

        return function;
    }

    private static bool TryParseNumber(string text, out double value)
    {
        switch (text)
        {
            case "inf" or "+inf":
                value = double.PositiveInfinity;
                return true;
            case "-inf":
                value = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }

    private static ArgumentException Malformed(string serialized, string problem) =>
        new($"Could not deserialize the activation '{serialized}': {problem}.", nameof(serialized));

    /// <summary>Looks the identifier up, first making sure the application's registrations have run.</summary>
    private static ActivationDescriptor? Find(string identifier)
    {
        ModuleInitializers.EnsureLoadedAssemblies();
        AxisActivations.EnsureRegistered();
        if (ActivationRegistry.TryGet(identifier, out ActivationDescriptor? descriptor))
        {
            return descriptor;
        }

        // A miss may be an assembly loaded since, or referenced but not yet loaded: look harder, once per miss.
        return ModuleInitializers.ScanHarder() && ActivationRegistry.TryGet(identifier, out descriptor) ? descriptor : null;
    }

    private static ArgumentException UnknownIdentifier(string identifier, string parameterName)
    {
        string message = $"Could not interpret activation function identifier: '{identifier}'.";
        IReadOnlyList<string> nearest = IdentifierSuggestions.Nearest(identifier, ActivationRegistry.Identifiers);
        if (nearest.Count > 0)
        {
            string[] quoted = nearest.Select(name => $"'{name}'").ToArray();
            string choices = quoted.Length == 1 ? quoted[0] : string.Join(", ", quoted.Take(quoted.Length - 1)) + " or " + quoted[^1];
            message += " Did you mean " + choices + "?";
        }
        else if (ActivationRegistry.Identifiers.Count > 0)
        {
            message += " Known identifiers: " + string.Join(", ", ActivationRegistry.Identifiers.OrderBy(name => name, StringComparer.Ordinal)) + ".";
        }

        return new ArgumentException(message, parameterName);
    }
}
