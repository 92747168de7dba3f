using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Activations.Analyzers;

/// <summary>One constraint attribute on a stub parameter (<c>[Positive]</c>, <c>[NonNegative]</c>, <c>[Range]</c>).</summary>
internal readonly struct ParameterConstraint
{
    private readonly double _minimum;
    private readonly double _maximum;
    private readonly bool _minimumExclusive;

    private ParameterConstraint(double minimum, bool minimumExclusive, double maximum)
    {
        _minimum = minimum;
        _minimumExclusive = minimumExclusive;
        _maximum = maximum;
    }

    /// <summary>Whether <paramref name="value"/> meets the constraint; NaN meets none.</summary>
    public bool IsSatisfiedBy(double value) =>
        (_minimumExclusive ? value > _minimum : value >= _minimum) && value <= _maximum;

    /// <summary>The requirement in words: "greater than 0", "between 0 and 1".</summary>
    public string Describe()
    {
        if (_minimumExclusive)
        {
            return "greater than " + Format(_minimum);
        }

        if (double.IsPositiveInfinity(_maximum))
        {
            return "greater than or equal to " + Format(_minimum);
        }

        if (double.IsNegativeInfinity(_minimum))
        {
            return "less than or equal to " + Format(_maximum);
        }

        return "between " + Format(_minimum) + " and " + Format(_maximum);
    }

    /// <summary>The constraints the parameter declares itself, in attribute order.</summary>
    public static ImmutableArray<ParameterConstraint> Read(IParameterSymbol parameter, ActivationSymbols symbols)
    {
        var constraints = new List<ParameterConstraint>();
        foreach (AttributeData attribute in parameter.GetAttributes())
        {
            if (ActivationSymbols.Is(attribute, symbols.PositiveAttribute))
            {
                constraints.Add(new ParameterConstraint(0, minimumExclusive: true, double.PositiveInfinity));
            }
            else if (ActivationSymbols.Is(attribute, symbols.NonNegativeAttribute))
            {
                constraints.Add(new ParameterConstraint(0, minimumExclusive: false, double.PositiveInfinity));
            }
            else if (ActivationSymbols.Is(attribute, symbols.RangeAttribute)
                     && attribute.ConstructorArguments.Length == 2
                     && attribute.ConstructorArguments[0].Value is double minimum
                     && attribute.ConstructorArguments[1].Value is double maximum)
            {
                constraints.Add(new ParameterConstraint(minimum, minimumExclusive: false, maximum));
            }
        }

        return constraints.ToImmutableArray();
    }

    public static string Format(double value) => value switch
    {
        double.PositiveInfinity => "+∞",
        double.NegativeInfinity => "-∞",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
