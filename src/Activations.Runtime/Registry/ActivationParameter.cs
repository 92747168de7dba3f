namespace Activations;

/// <summary>How a stub parameter is constrained.</summary>
public enum ParameterConstraint
{
    /// <summary>Any value.</summary>
    None,

    /// <summary>Greater than zero.</summary>
    Positive,

    /// <summary>Greater than or equal to zero.</summary>
    NonNegative,

    /// <summary>Within a closed interval.</summary>
    Range,
}

/// <summary>One scalar parameter of a registered activation, as its stub declares it.</summary>
/// <param name="Name">The parameter's C# name (<c>alpha</c>, <c>negativeSlope</c>).</param>
/// <param name="KerasName">The Keras keyword (<c>alpha</c>, <c>negative_slope</c>).</param>
/// <param name="DefaultValue">The default, with <see langword="true"/> as 1 and <see langword="false"/> as 0.</param>
/// <param name="IsSwitch">Whether the parameter is a <see cref="bool"/> switch.</param>
/// <param name="Constraint">The constraint from the parameter's attribute.</param>
/// <param name="Minimum">The lower bound for <see cref="ParameterConstraint.Range"/>.</param>
/// <param name="Maximum">The upper bound for <see cref="ParameterConstraint.Range"/>.</param>
public sealed record ActivationParameter(
    string Name,
    string KerasName,
    double DefaultValue,
    bool IsSwitch = false,
    ParameterConstraint Constraint = ParameterConstraint.None,
    double Minimum = double.NegativeInfinity,
    double Maximum = double.PositiveInfinity);
