namespace Activations;

public static partial class Activation
{
    /// <summary>The hyperbolic tangent, Keras <c>tanh</c>: <c>(e^x - e^-x) / (e^x + e^-x)</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks>Computed by the math core's <c>tanh</c>, which neither overflows nor cancels near 0 as the printed formula does.</remarks>
    [Activation("tanh", FastHalf = true)]
    public static double Tanh(double x) => VectorMath.Tanh(x);
}
