namespace Activations;

public static partial class Activation
{
    /// <summary>The logarithm of the sigmoid, Keras <c>log_sigmoid</c>: <c>log(1 / (1 + e^-x))</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks>
    /// Computed as <c>-softplus(-x)</c>, the same function, through the overflow-free softplus: taking the
    /// log of a rounded sigmoid would lose every digit for large <paramref name="x"/> (sigmoid rounds to 1).
    /// </remarks>
    [Activation("log_sigmoid")]
    public static double LogSigmoid(double x) => -Softplus(-x);
}
