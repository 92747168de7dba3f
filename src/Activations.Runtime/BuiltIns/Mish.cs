using System;

namespace Activations;

public static partial class Activation
{
    /// <summary>The mish function, Keras <c>mish</c>: <c>x * tanh(softplus(x))</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks>
    /// With <c>t = e^-|x|</c> (<see cref="SideExponential"/>), <c>tanh(log(1 + e^x))</c> is exactly
    /// <c>(1 + 2t) / (1 + 2t (1 + t))</c> for <c>x &gt;= 0</c> and <c>t (t + 2) / (t (t + 2) + 2)</c> below: one
    /// exponential instead of three, neither overflows, and one division whose numerator and denominator are
    /// chosen per side. Below -708, where <c>t</c> is subnormal, mish is <c>x e^x</c> to double precision and is
    /// computed as <c>(x e^(x/2)) e^(x/2)</c>, rounding once into the subnormal range (as silu does).
    /// The float kernels compute <see cref="MishInSingle"/> in float lanes instead.
    /// </remarks>
    [Activation("mish", SingleFormula = nameof(MishInSingle))]
    public static double Mish(double x) =>
        x < -708.0
            ? Math.Max(x, -1e4) * SideExponential(x) * SideExponential(x)
            : x * (x >= 0.0 ? 1.0 + 2.0 * SideExponential(x) : SideExponential(x) * (SideExponential(x) + 2.0))
                / (x >= 0.0
                    ? 1.0 + 2.0 * SideExponential(x) * (1.0 + SideExponential(x))
                    : SideExponential(x) * (SideExponential(x) + 2.0) + 2.0);

    /// <summary>
    /// Mish for the float kernels: the math core's float-lane mish (<see cref="VectorMath.Mish(System.Runtime.Intrinsics.Vector256{float})"/>,
    /// the same quotient with every piece kept as a float sum and corrected once, within 0.72 ULP; lanes beyond ±80 go
    /// through double).
    /// </summary>
    private static double MishInSingle(double x) => VectorMath.Mish(x);

    /// <summary>
    /// The one exponential mish needs: <c>e^-x</c> for <c>x &gt;= 0</c>, <c>e^x</c> below (neither overflows), and
    /// <c>e^(x/2)</c> below -708, where the formula squares it instead.
    /// </summary>
    [Formula]
    private static double SideExponential(double x) => VectorMath.Exp(x >= 0.0 ? -x : x < -708.0 ? 0.5 * x : x);
}
