using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Activations;

/// <summary>
/// An activation resolved by <see cref="Activation.Get(string?)"/> (a registered activation with its
/// parameters bound) or made from a delegate with <see cref="FromDelegate(Func{float, float}, string?)"/>.
/// Immutable and thread-safe: <see cref="With(string, double)"/> returns a new instance.
/// </summary>
/// <example>
/// <code>
/// ActivationFunction elu = Activation.Get("elu").With("alpha", 0.5);
/// elu.Apply(x, destination);
/// </code>
/// </example>
public sealed partial class ActivationFunction : IEquatable<ActivationFunction>
{
    private readonly ActivationDescriptor? _descriptor;

    // The bound arguments, positional in the stub's order, passed to the kernels as they are (no copy per call).
    private readonly double[] _arguments;

    // The parameters without a default that are not bound yet (threshold's threshold and default_value), or null.
    private readonly string? _unbound;

    internal ActivationFunction(ActivationDescriptor descriptor, double[] arguments)
    {
        _descriptor = descriptor;
        _arguments = arguments;
        Name = descriptor.Name;
        _unbound = UnboundParameters(descriptor, arguments);
    }

    /// <summary>
    /// Whether every parameter has a value: a parameter without a default (its <see cref="ActivationParameter.DefaultValue"/>
    /// is NaN) must be bound with <see cref="With(string, double)"/> before <c>Apply</c>.
    /// </summary>
    public bool IsComplete => _unbound is null;

    // With never stores NaN, so NaN marks a parameter without a default that nobody bound.
    private static string? UnboundParameters(ActivationDescriptor descriptor, double[] arguments)
    {
        string? names = null;
        for (int i = 0; i < arguments.Length; i++)
        {
            if (double.IsNaN(arguments[i]))
            {
                string name = "'" + descriptor.Parameters[i].KerasName + "'";
                names = names is null ? name : names + " and " + name;
            }
        }

        return names;
    }

    private void ThrowIfIncomplete()
    {
        if (_unbound is not null)
        {
            throw new InvalidOperationException(
                $"The activation '{Name}' needs {_unbound}, which have no default: bind them first, e.g. Activation.Get(\"{Name}\").With(...).");
        }
    }

    /// <summary>The canonical identifier (<c>"silu"</c> for <c>Activation.Get("swish")</c>), or a delegate's name.</summary>
    public string Name { get; }

    /// <summary>The registered activation behind this function, or <see langword="null"/> for a delegate.</summary>
    public ActivationDescriptor? Descriptor => _descriptor;

    /// <summary>Whether this function wraps a user delegate rather than a registered activation.</summary>
    public bool IsDelegate => _descriptor is null;

    /// <summary>The scalar parameters, in the stub's order (empty for a delegate).</summary>
    public IReadOnlyList<ActivationParameter> Parameters => _descriptor?.Parameters ?? Array.Empty<ActivationParameter>();

    /// <summary>The bound values of <see cref="Parameters"/>, in the same order (a switch as 0 or 1).</summary>
    public ReadOnlySpan<double> Arguments => _arguments;

    /// <summary>
    /// Whether the function normalizes a whole vector (softmax) rather than mapping each element on its own:
    /// <c>Apply</c> on a span then treats the span as one vector, and layers apply it once per sample.
    /// </summary>
    public bool IsAlongLastAxis => _descriptor?.IsAlongLastAxis ?? false;

    /// <summary>Whether this is the identity (<c>linear</c>), which callers such as a layer may skip.</summary>
    internal bool IsIdentity => _descriptor is not null && _descriptor.Name == "linear";

    internal static ActivationFunction WithDefaults(ActivationDescriptor descriptor)
    {
        var arguments = new double[descriptor.Parameters.Count];
        for (int i = 0; i < arguments.Length; i++)
        {
            arguments[i] = descriptor.Parameters[i].DefaultValue;
        }

        return new ActivationFunction(descriptor, arguments);
    }

    /// <summary>The bound value of a parameter, by its Keras name (<c>negative_slope</c>) or C# name (<c>negativeSlope</c>).</summary>
    /// <exception cref="ArgumentException">The activation has no such parameter.</exception>
    public double GetArgument(string parameterName) => _arguments[IndexOf(parameterName)];

    /// <summary>
    /// A copy of this function with one parameter bound to <paramref name="value"/>, named by its Keras name
    /// (<c>max_value</c>) or C# name (<c>maxValue</c>). Keras's <c>None</c> for <c>max_value</c> is
    /// <see cref="double.PositiveInfinity"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The activation has no such parameter, or it is a switch (pass a <see cref="bool"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or breaks the parameter's constraint.</exception>
    public ActivationFunction With(string parameterName, double value)
    {
        int index = IndexOf(parameterName);
        ActivationParameter parameter = _descriptor!.Parameters[index];
        if (parameter.IsSwitch)
        {
            throw new ArgumentException(
                $"The parameter '{parameter.KerasName}' of '{Name}' is a switch: pass true or false, not {Format(value)}.", nameof(value));
        }

        Validate(parameter, value);
        return WithArgument(index, value);
    }

    /// <summary>A copy of this function with a switch parameter (gelu's <c>approximate</c>) set.</summary>
    /// <exception cref="ArgumentException">The activation has no such parameter, or it is not a switch.</exception>
    public ActivationFunction With(string parameterName, bool value)
    {
        int index = IndexOf(parameterName);
        ActivationParameter parameter = _descriptor!.Parameters[index];
        if (!parameter.IsSwitch)
        {
            throw new ArgumentException(
                $"The parameter '{parameter.KerasName}' of '{Name}' is a number, not a switch: pass a number.", nameof(value));
        }

        return WithArgument(index, value ? 1.0 : 0.0);
    }

    private ActivationFunction WithArgument(int index, double value)
    {
        double[] arguments = (double[])_arguments.Clone();
        arguments[index] = value;
        return new ActivationFunction(_descriptor!, arguments);
    }

    private int IndexOf(string parameterName)
    {
        ArgumentNullException.ThrowIfNull(parameterName);
        IReadOnlyList<ActivationParameter> parameters = Parameters;
        for (int i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].KerasName == parameterName || parameters[i].Name == parameterName)
            {
                return i;
            }
        }

        string known = parameters.Count == 0 ? "it takes none" : "it takes " + string.Join(", ", KerasNames(parameters));
        throw new ArgumentException($"The activation '{Name}' has no parameter '{parameterName}': {known}.", nameof(parameterName));
    }

    private static IEnumerable<string> KerasNames(IReadOnlyList<ActivationParameter> parameters)
    {
        foreach (ActivationParameter parameter in parameters)
        {
            yield return "'" + parameter.KerasName + "'";
        }
    }

    private void Validate(ActivationParameter parameter, double value)
    {
        string? problem =
            double.IsNaN(value) ? "must be a number"
            : parameter.Constraint == ParameterConstraint.Positive && !(value > 0) ? "must be greater than 0"
            : parameter.Constraint == ParameterConstraint.NonNegative && !(value >= 0) ? "must be greater than or equal to 0"
            : parameter.Constraint == ParameterConstraint.Range && !(value >= parameter.Minimum && value <= parameter.Maximum)
                ? $"must be between {Format(parameter.Minimum)} and {Format(parameter.Maximum)}"
            : null;
        if (problem is not null)
        {
            throw new ArgumentOutOfRangeException(
                parameter.KerasName, value, $"The parameter '{parameter.KerasName}' of '{Name}' {problem}; got {Format(value)}.");
        }
    }

    /// <summary>Keras's spelling: the name alone when every parameter has its default, else <c>elu(alpha=0.5)</c>.</summary>
    internal string ToIdentifierString()
    {
        var text = new StringBuilder(Name);
        int written = 0;
        for (int i = 0; i < _arguments.Length; i++)
        {
            ActivationParameter parameter = _descriptor!.Parameters[i];
            if (_arguments[i].Equals(parameter.DefaultValue))
            {
                continue;
            }

            text.Append(written++ == 0 ? "(" : ", ").Append(parameter.KerasName).Append('=');
            text.Append(parameter.IsSwitch ? (_arguments[i] != 0 ? "true" : "false") : Format(_arguments[i]));
        }

        return written == 0 ? Name : text.Append(')').ToString();
    }

    internal static string Format(double value) =>
        double.IsPositiveInfinity(value) ? "inf"
        : double.IsNegativeInfinity(value) ? "-inf"
        : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The Keras-style spelling, for example <c>relu</c> or <c>elu(alpha=0.5)</c>.</summary>
    public override string ToString() => IsDelegate ? Name : ToIdentifierString();

    /// <summary>Same registered activation with the same arguments, or the same delegates.</summary>
    public bool Equals(ActivationFunction? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (_descriptor is null || other._descriptor is null)
        {
            return _descriptor is null && other._descriptor is null && Name == other.Name
                && Equals(_single, other._single) && Equals(_double, other._double);
        }

        return ReferenceEquals(_descriptor, other._descriptor) && _arguments.AsSpan().SequenceEqual(other._arguments);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ActivationFunction);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name, StringComparer.Ordinal);
        foreach (double argument in _arguments)
        {
            hash.Add(argument);
        }

        return hash.ToHashCode();
    }
}
