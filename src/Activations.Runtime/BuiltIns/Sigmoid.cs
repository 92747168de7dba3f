using System;

namespace Activations;

public static partial class Activation
{
    /// <summary>The logistic sigmoid, Keras <c>sigmoid</c>: <c>1 / (1 + e^-x)</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks>
    /// <see cref="VectorMath.Sigmoid(double)"/> uses <c>e = e^-|x|</c> (never overflows): <c>1 / (1 + e)</c> for
    /// <c>x &gt;= 0</c> and <c>e / (1 + e)</c> below, as one division whose numerator is chosen per side. For very
    /// negative <paramref name="x"/> the printed formula computes <c>e^-x = ∞</c> and returns 0 where the true result
    /// is still a (subnormal) number; this keeps it. The float kernels use the math core's float-lane sigmoid,
    /// 1 / (1 + e^-x) as one corrected quotient (within 1 ULP, about 0.68 ULP from the exact value over every float).
    /// </remarks>
    [Activation("sigmoid", FastHalf = true)]
    public static double Sigmoid(double x) => VectorMath.Sigmoid(x);
}
