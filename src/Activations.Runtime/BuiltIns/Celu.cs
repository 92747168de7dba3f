namespace Activations;

public static partial class Activation
{
    /// <summary>
    /// The continuously differentiable exponential linear unit, Keras <c>celu</c>:
    /// <c>max(x, 0) + alpha * (e^(min(x, 0) / alpha) - 1)</c>.
    /// </summary>
    /// <param name="x">The input.</param>
    /// <param name="alpha">Keras <c>alpha</c>: the negative saturation value (default 1); must be positive.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks>Written as a select with <c>expm1</c>: <c>x</c> for <c>x &gt; 0</c>, else <c>alpha * expm1(x / alpha)</c>, the same function without cancellation near 0.
    /// The float kernels compute <see cref="CeluInSingle"/> natively in float lanes instead.</remarks>
    [Activation("celu", SingleFormula = nameof(CeluInSingle))]
    public static double Celu(double x, [Positive] double alpha = 1.0) =>
        x > 0.0 ? x : alpha * VectorMath.Expm1(x / alpha);

    /// <summary>
    /// Celu for the float kernels, the same function as <see cref="VectorMath.Celu(double, double)"/>, whose float lanes
    /// carry x / alpha as a pair of floats into expm1 and multiply by alpha once.
    /// </summary>
    private static double CeluInSingle(double x, double alpha) => VectorMath.Celu(x, alpha);
}
