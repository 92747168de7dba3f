using System;

namespace Activations;

public static partial class Activation
{
    /// <summary>The squareplus function, Keras <c>squareplus</c>: <c>(x + √(x² + b)) / 2</c>.</summary>
    /// <param name="x">The input.</param>
    /// <param name="b">Keras <c>b</c>: the smoothness (default 4); must be non-negative.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks>
    /// With <c>s = √(x² + b)</c>: <c>x/2 + s/2</c> for <c>x &gt;= 0</c>, and for negative <c>x</c> the same value as
    /// <c>(b/4) / (s/2 - x/2)</c>, because the printed <c>x + s</c> cancels as x → -∞ (it is 0 from about -1e8
    /// in double, where the true result is about <c>b / 4|x|</c>). Above 1e150 in magnitude, <c>s</c> is
    /// <c>|x| √(1 + b/x²)</c> so that <c>x²</c> never overflows; the halves keep <c>x + s</c> from overflowing.
    /// The float kernels compute <see cref="SquareplusInSingle"/> natively in float lanes instead.
    /// </remarks>
    [Activation("squareplus", SingleFormula = nameof(SquareplusInSingle))]
    public static double Squareplus(double x, [NonNegative] double b = 4.0) =>
        x >= 0.0
            ? 0.5 * x + 0.5 * (Math.Abs(x) > 1e150 ? Math.Abs(x) * Math.Sqrt(1.0 + b / x / x) : Math.Sqrt(x * x + b))
            : b * 0.25 / (0.5 * (Math.Abs(x) > 1e150 ? Math.Abs(x) * Math.Sqrt(1.0 + b / x / x) : Math.Sqrt(x * x + b)) - 0.5 * x);

    /// <summary>
    /// Squareplus for the float kernels, the same function as <see cref="VectorMath.Squareplus(double, double)"/>, whose float
    /// lanes carry x² + b, its square root and the sum with |x| as pairs of floats and round once.
    /// </summary>
    private static double SquareplusInSingle(double x, double b) => VectorMath.Squareplus(x, b);
}
