namespace Activations;

public static partial class Activation
{
    /// <summary>
    /// The exponential linear unit, Keras <c>elu</c>: <c>x</c> for <c>x &gt; 0</c>, else <c>alpha * (e^x - 1)</c>.
    /// </summary>
    /// <param name="x">The input.</param>
    /// <param name="alpha">Keras <c>alpha</c>: the negative saturation value (default 1); must be positive.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks><c>e^x - 1</c> is computed as <c>expm1(x)</c>, which keeps full precision near 0 where the subtraction would cancel.
    /// The float kernels compute this formula natively in float lanes (float-lane expm1, within 0.69 ULP; the
    /// product with alpha rounds once more).</remarks>
    [Activation("elu", SingleFormula = nameof(Elu))]
    public static double Elu(double x, [Positive] double alpha = 1.0) =>
        x > 0.0 ? x : alpha * VectorMath.Expm1(x);
}
