namespace Activations;

public static partial class Activation
{
    /// <summary>The logarithm of the sigmoid, Keras <c>log_sigmoid</c>: <c>log(1 / (1 + e^-x))</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks>
    /// Computed as <c>-softplus(-x)</c>, the same function, through the overflow-free softplus: taking the
    /// log of a rounded sigmoid would lose every digit for large <paramref name="x"/> (sigmoid rounds to 1).
    /// The float kernels compute <see cref="LogSigmoidInSingle"/> in float lanes instead.
    /// </remarks>
    [Activation("log_sigmoid", SingleFormula = nameof(LogSigmoidInSingle))]
    public static double LogSigmoid(double x) => -Softplus(-x);

    /// <summary>
    /// log_sigmoid for the float kernels: the negated float-lane softplus (as softplus's own float kernels compute it,
    /// within 1 ULP; negation is exact), instead of softplus's double formula in widened lanes.
    /// </summary>
    private static double LogSigmoidInSingle(double x) => -VectorMath.Softplus(-x);
}
