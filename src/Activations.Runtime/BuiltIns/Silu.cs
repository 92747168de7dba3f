using System;

namespace Activations;

public static partial class Activation
{
    /// <summary>The SiLU (swish), Keras <c>silu</c> (alias <c>swish</c>): <c>x * sigmoid(x)</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks>
    /// One exponential <c>e</c> (<see cref="SideExponential"/>) and one division, the same function:
    /// <c>x / (1 + e^-x)</c> for <c>x &gt;= 0</c>; <c>x e^x / (1 + e^x)</c> below, which never computes
    /// <c>e^-x = ∞</c> (the printed formula's <c>-∞ * 0 = NaN</c> at -∞); and below -708, where <c>e^x</c> is
    /// subnormal and <c>x * e^x</c> would multiply its rounding error by |x|, <c>(x e^(x/2)) e^(x/2)</c>, which
    /// rounds once into the subnormal range. <c>x</c> is clamped at -10⁴ there so that -∞ gives 0.
    /// The float kernels compute <see cref="SiluInSingle"/> in float lanes instead.
    /// </remarks>
    [Activation("silu", Aliases = new[] { "swish" }, SingleFormula = nameof(SiluInSingle))]
    public static double Silu(double x) =>
        x < -708.0
            ? Math.Max(x, -1e4) * SideExponential(x) * SideExponential(x)
            : (x >= 0.0 ? x : x * SideExponential(x)) / (1.0 + SideExponential(x));

    /// <summary>
    /// Silu for the float kernels: x times the float-lane sigmoid, computed as one operation rounded once
    /// (<see cref="VectorMath.Silu(System.Runtime.Intrinsics.Vector256{float})"/>, within 0.75 ULP; lanes beyond ±80, where
    /// the sigmoid nears float's subnormals, go through double, with -10³⁰ standing in for -∞ so that silu(-∞) = 0).
    /// </summary>
    private static double SiluInSingle(double x) => VectorMath.Silu(x);

    /// <summary>
    /// The one exponential silu and mish need: <c>e^-x</c> for <c>x &gt;= 0</c>, <c>e^x</c> below (neither
    /// overflows), and <c>e^(x/2)</c> below -708, where those two formulas square it instead.
    /// </summary>
    [Formula]
    private static double SideExponential(double x) => VectorMath.Exp(x >= 0.0 ? -x : x < -708.0 ? 0.5 * x : x);
}
