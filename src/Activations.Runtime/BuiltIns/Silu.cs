namespace Activations;

public static partial class Activation
{
    /// <summary>The SiLU (swish), Keras <c>silu</c> (alias <c>swish</c>): <c>x * sigmoid(x)</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks>
    /// <see cref="VectorMath.Silu(double)"/>: <c>x / (1 + e^-x)</c> for every x as one corrected quotient
    /// (<see cref="VectorMath.MultiplyBySigmoid(double, double)"/>, within 1 ULP where the hardware fuses multiply-adds:
    /// <c>1 + e^-x</c> and <c>e^-x</c> carried as pairs of doubles; below -708, <c>x e^x</c> rounded once into the
    /// subnormals), with <c>-10³⁰</c> standing in for <c>-∞</c> as the factor so that <c>silu(-∞) = 0</c>, not the
    /// printed formula's <c>-∞ * 0 = NaN</c>. Without FMA, the quotient <c>x / (1 + e^-x)</c> for <c>x &gt;= 0</c> and
    /// <c>x e^x / (1 + e^x)</c> below (never <c>e^-x = ∞</c>), within 2 ULP. The float kernels compute it in float lanes
    /// (the float sigmoid core's quotient with x as its own factor, rounded once, within 0.75 ULP; lanes beyond ±80 in
    /// double).
    /// </remarks>
    [Activation("silu", Aliases = new[] { "swish" })]
    public static double Silu(double x) => VectorMath.Silu(x);
}
