using System;

namespace Activations;

public static partial class Activation
{
    /// <summary>Veltkamp's splitting factor 2^27 + 1: <c>h = f*a - (f*a - a)</c> keeps the top 26 bits of a double, so products of halves are exact.</summary>
    private const double Veltkamp = 134217729.0;

    /// <summary>1/√2 rounded to double.</summary>
    private const double InvSqrtTwo = 0.7071067811865476;

    /// <summary>1/√2 - <see cref="InvSqrtTwo"/>: what rounding the constant lost.</summary>
    private const double InvSqrtTwoTail = -4.833646656726457e-17;

    /// <summary>The top 26 bits of <see cref="InvSqrtTwo"/> (its Veltkamp split).</summary>
    private const double InvSqrtTwoHigh = 0.7071067839860916;

    /// <summary><see cref="InvSqrtTwo"/> - <see cref="InvSqrtTwoHigh"/>, exact.</summary>
    private const double InvSqrtTwoLow = -2.7995440410322203e-09;

    /// <summary>2/√π, the slope of erfc at 0 (magnitude).</summary>
    private const double TwoOverSqrtPi = 1.1283791670955126;

    /// <summary>1/√(2π), the standard normal density at 0.</summary>
    private const double InvSqrtTwoPi = 0.3989422804014327;

    /// <summary>2√(2/π): the tanh form's argument doubled (tanh z = 2 sigmoid(2z) - 1).</summary>
    private const double TanhGeluLinear = 1.5957691216057308;

    /// <summary>2√(2/π) - <see cref="TanhGeluLinear"/>.</summary>
    private const double TanhGeluLinearTail = -9.96930880911092e-17;

    /// <summary>2√(2/π) · 0.044715 rounded to double.</summary>
    private const double TanhGeluCubic = 0.07135481627260025;

    /// <summary>2√(2/π) · 0.044715 - <see cref="TanhGeluCubic"/>.</summary>
    private const double TanhGeluCubicTail = -6.175149918155315e-19;

    /// <summary>The top 26 bits of <see cref="TanhGeluCubic"/>.</summary>
    private const double TanhGeluCubicHigh = 0.071354815736413;

    /// <summary><see cref="TanhGeluCubic"/> - <see cref="TanhGeluCubicHigh"/>, exact.</summary>
    private const double TanhGeluCubicLow = 5.361872473796936e-10;

    /// <summary>
    /// The Gaussian error linear unit, Keras <c>gelu</c>: <c>x * Φ(x) = 0.5 * x * (1 + erf(x / √2))</c>, or with
    /// <paramref name="approximate"/> the tanh form <c>0.5 * x * (1 + tanh(√(2/π) * (x + 0.044715 * x³)))</c>.
    /// </summary>
    /// <param name="x">The input.</param>
    /// <param name="approximate">Keras <c>approximate</c>: use the tanh form (default <see langword="false"/>).</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks>
    /// <para>
    /// Exact form: <c>0.5 * x * erfc(-x / √2)</c>, the same function. Keras's <c>1 + erf</c> cancels for
    /// negative <paramref name="x"/> (it is 0 below about -5.9 in float where the true result is not). In the
    /// tail, erfc magnifies the rounding of its argument <c>u = x / √2</c> by <c>2u²</c>, so the rounding error
    /// <c>d</c> of <c>u</c> is computed exactly (Dekker's product on a Veltkamp split, plus the constant's own
    /// rounding) and added back to first order: <c>erfc(u + d) ≈ erfc(u) - (2/√π) e^(-u²) d</c>, with
    /// <c>e^(-u²)</c> from the exactly split square. Below -37, where erfc is subnormal, the asymptotic series
    /// <c>x Φ(x) = -φ(x) (1 - 1/x² + 3/x⁴ - …)</c> is used instead, with <c>e^(-x²/2)</c> computed as the
    /// square of <c>e^(-x_h²/4)</c> (exact argument) times a short series for the split's low part.
    /// </para>
    /// <para>
    /// Tanh form: <c>x * sigmoid(w)</c> with <c>w = 2√(2/π) (x + 0.044715 x³)</c>, the same function
    /// (<c>(1 + tanh z) / 2 = sigmoid(2z)</c>); it neither cancels nor overflows. The rounding error of
    /// <c>w</c>, which the sigmoid's tail magnifies by <c>|w|</c>, is computed with error-free products and
    /// sums and added back to first order: <c>sigmoid(w + dw) ≈ sigmoid(w) + dw e/(1 + e)²</c>, <c>e = e^-|w|</c>.
    /// </para>
    /// </remarks>
    [Activation("gelu")]
    public static double Gelu(double x, bool approximate = false) =>
        approximate
            ? Math.Max(x, -1e30) * (((x * (TanhGeluLinear + TanhGeluCubic * (x * x))) >= 0.0 ? 1.0 / (1.0 + VectorMath.Exp(-Math.Abs((x * (TanhGeluLinear + TanhGeluCubic * (x * x)))))) : VectorMath.Exp(-Math.Abs((x * (TanhGeluLinear + TanhGeluCubic * (x * x))))) / (1.0 + VectorMath.Exp(-Math.Abs((x * (TanhGeluLinear + TanhGeluCubic * (x * x))))))) + (((((Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0))) * (Veltkamp * (TanhGeluLinear + (TanhGeluCubic * (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)))) - (Veltkamp * (TanhGeluLinear + (TanhGeluCubic * (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)))) - (TanhGeluLinear + (TanhGeluCubic * (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)))))) - (Math.Min(Math.Max(x, -64.0), 64.0) * (TanhGeluLinear + (TanhGeluCubic * (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)))))) + (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0))) * ((TanhGeluLinear + (TanhGeluCubic * (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)))) - (Veltkamp * (TanhGeluLinear + (TanhGeluCubic * (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)))) - (Veltkamp * (TanhGeluLinear + (TanhGeluCubic * (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)))) - (TanhGeluLinear + (TanhGeluCubic * (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0))))))) + (Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0)))) * (Veltkamp * (TanhGeluLinear + (TanhGeluCubic * (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)))) - (Veltkamp * (TanhGeluLinear + (TanhGeluCubic * (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)))) - (TanhGeluLinear + (TanhGeluCubic * (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0))))))) + (Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0)))) * ((TanhGeluLinear + (TanhGeluCubic * (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)))) - (Veltkamp * (TanhGeluLinear + (TanhGeluCubic * (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)))) - (Veltkamp * (TanhGeluLinear + (TanhGeluCubic * (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)))) - (TanhGeluLinear + (TanhGeluCubic * (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)))))))) + Math.Min(Math.Max(x, -64.0), 64.0) * (((TanhGeluLinear - ((TanhGeluLinear + (TanhGeluCubic * (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)))) - ((TanhGeluLinear + (TanhGeluCubic * (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)))) - TanhGeluLinear))) + ((TanhGeluCubic * (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0))) - ((TanhGeluLinear + (TanhGeluCubic * (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)))) - TanhGeluLinear))) + (((TanhGeluCubicHigh * (Veltkamp * (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)) - (Veltkamp * (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)) - (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)))) - (TanhGeluCubic * (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)))) + TanhGeluCubicHigh * ((Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)) - (Veltkamp * (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)) - (Veltkamp * (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)) - (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0))))) + TanhGeluCubicLow * (Veltkamp * (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)) - (Veltkamp * (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)) - (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0))))) + TanhGeluCubicLow * ((Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)) - (Veltkamp * (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)) - (Veltkamp * (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)) - (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)))))) + TanhGeluCubic * ((((Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0))) * (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0))) - (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0))) + 2.0 * (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0))) * (Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0))))) + (Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0)))) * (Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0))))) + TanhGeluCubicTail * (Math.Min(Math.Max(x, -64.0), 64.0) * Math.Min(Math.Max(x, -64.0), 64.0)) + TanhGeluLinearTail)) * VectorMath.Exp(-Math.Abs((x * (TanhGeluLinear + TanhGeluCubic * (x * x))))) / ((1.0 + VectorMath.Exp(-Math.Abs((x * (TanhGeluLinear + TanhGeluCubic * (x * x)))))) * (1.0 + VectorMath.Exp(-Math.Abs((x * (TanhGeluLinear + TanhGeluCubic * (x * x))))))))
            : x < -37.0
                  ? -(VectorMath.Exp(-0.25 * (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0))) * (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0)))) * ((1.0 + (-((Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0))) * (Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0)))) + 0.5 * (Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0)))) * (Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0)))))) * (1.0 + (-((Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0))) * (Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0)))) + 0.5 * (Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0)))) * (Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0)))))) * (0.5 + (-((Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0))) * (Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0)))) + 0.5 * (Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0)))) * (Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0)))))) / 6.0))) * (1.0 + (1.0 / (x * x)) * (-1.0 + (1.0 / (x * x)) * (3.0 + (1.0 / (x * x)) * (-15.0 + (1.0 / (x * x)) * (105.0 + (1.0 / (x * x)) * (-945.0 + (1.0 / (x * x)) * (10395.0 + (1.0 / (x * x)) * -135135.0))))))) * InvSqrtTwoPi)) * VectorMath.Exp(-0.25 * (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0))) * (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0))))
                  : 0.5 * x * (VectorMath.Erfc(-(x * InvSqrtTwo)) + TwoOverSqrtPi * (VectorMath.Exp(-0.25 * (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0))) * (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0)))) * VectorMath.Exp(-0.25 * (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0))) * (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0))))) * (((((Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0))) * InvSqrtTwoHigh - Math.Min(Math.Max(x, -64.0), 64.0) * InvSqrtTwo) + (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0))) * InvSqrtTwoLow + (Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0)))) * InvSqrtTwoHigh) + (Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - (Veltkamp * Math.Min(Math.Max(x, -64.0), 64.0) - Math.Min(Math.Max(x, -64.0), 64.0)))) * InvSqrtTwoLow) + Math.Min(Math.Max(x, -64.0), 64.0) * InvSqrtTwoTail));
}
