using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace Activations.Kernels;

/// <summary>
/// The checks generated kernels make for the constraint attributes (<see cref="PositiveAttribute"/>,
/// <see cref="NonNegativeAttribute"/>, <see cref="RangeAttribute"/>). NaN fails every constraint.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ParameterChecks
{
    /// <summary>Throws unless <paramref name="value"/> is greater than zero.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero, negative or NaN.</exception>
    public static void ThrowIfNotPositive(double value, string parameterName)
    {
        if (!(value > 0))
        {
            Throw(parameterName, value, "must be greater than zero");
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is greater than or equal to zero.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or NaN.</exception>
    public static void ThrowIfNegative(double value, string parameterName)
    {
        if (!(value >= 0))
        {
            Throw(parameterName, value, "must be greater than or equal to zero");
        }
    }

    /// <summary>Throws unless <paramref name="value"/> lies in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside the interval or NaN.</exception>
    public static void ThrowIfOutOfRange(double value, double minimum, double maximum, string parameterName)
    {
        if (!(value >= minimum && value <= maximum))
        {
            Throw(parameterName, value, $"must be between {minimum} and {maximum}");
        }
    }

    [DoesNotReturn]
    private static void Throw(string parameterName, double value, string requirement) =>
        throw new ArgumentOutOfRangeException(parameterName, value, $"'{parameterName}' {requirement}; it was {value}.");
}
