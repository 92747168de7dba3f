using System;

namespace Activations;

public static partial class Activation
{
    /// <summary>The logistic sigmoid, Keras <c>sigmoid</c>: <c>1 / (1 + e^-x)</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks>
    /// With <c>e = e^-|x|</c> (never overflows): <c>1 / (1 + e)</c> for <c>x &gt;= 0</c> and <c>e / (1 + e)</c> below,
    /// the same function, written as one division whose numerator is chosen per side (a vector division costs
    /// as much as the rest of the formula). For very negative <paramref name="x"/> the printed formula computes
    /// <c>e^-x = ∞</c> and returns 0 where the true result is still a (subnormal) number; this keeps it.
    /// </remarks>
    [Activation("sigmoid")]
    public static double Sigmoid(double x) =>
        (x >= 0.0 ? 1.0 : VectorMath.Exp(-Math.Abs(x))) / (1.0 + VectorMath.Exp(-Math.Abs(x)));
}
