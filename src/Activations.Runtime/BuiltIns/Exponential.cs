namespace Activations;

public static partial class Activation
{
    /// <summary>The exponential function, Keras <c>exponential</c>: <c>e^x</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    [Activation("exponential")]
    public static double Exponential(double x) => VectorMath.Exp(x);
}
