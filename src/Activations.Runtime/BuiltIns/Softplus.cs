using System;

namespace Activations;

public static partial class Activation
{
    /// <summary>The softplus function, Keras <c>softplus</c>: <c>log(e^x + 1)</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks>
    /// Computed as <c>max(x, 0) + log1p(e^-|x|)</c>, the same function: <c>e^x</c> never overflows (Keras's
    /// printed formula gives +∞ above about 709 in double, 88 in float), and small results for very negative
    /// <paramref name="x"/> keep full precision instead of rounding <c>1 + e^x</c> to 1. The float kernels compute
    /// <see cref="SoftplusInSingle"/> in float lanes instead.
    /// </remarks>
    [Activation("softplus", SingleFormula = nameof(SoftplusInSingle))]
    public static double Softplus(double x) =>
        Math.Max(x, 0.0) + VectorMath.Log1p(VectorMath.Exp(-Math.Abs(x)));

    /// <summary>
    /// Softplus for the float kernels: the math core's float-lane softplus (<see cref="VectorMath.Softplus(System.Runtime.Intrinsics.Vector256{float})"/>,
    /// one fused chain instead of an exponential followed by a logarithm, within 1 ULP; lanes beyond ±80 go through double).
    /// </summary>
    private static double SoftplusInSingle(double x) => VectorMath.Softplus(x);
}
