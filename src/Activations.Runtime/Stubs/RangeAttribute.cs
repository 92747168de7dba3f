using System;

namespace Activations;

/// <summary>
/// Constrains a stub parameter to the closed interval [<see cref="Minimum"/>, <see cref="Maximum"/>].
/// Generated span kernels throw <see cref="ArgumentOutOfRangeException"/> otherwise, and the analyzers flag
/// constant arguments that break it.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class RangeAttribute : Attribute
{
    /// <summary>Constrains the parameter to [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public RangeAttribute(double minimum, double maximum)
    {
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>The smallest allowed value.</summary>
    public double Minimum { get; }

    /// <summary>The largest allowed value.</summary>
    public double Maximum { get; }
}
