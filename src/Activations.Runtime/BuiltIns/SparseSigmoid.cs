namespace Activations;

public static partial class Activation
{
    /// <summary>
    /// The sparse sigmoid, Keras <c>sparse_sigmoid</c>: 0 for <c>x &lt;= -1</c>, <c>(x + 1) / 2</c> for
    /// <c>-1 &lt; x &lt; 1</c>, and 1 for <c>x &gt;= 1</c>.
    /// </summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    [Activation("sparse_sigmoid")]
    public static double SparseSigmoid(double x) =>
        x <= -1.0 ? 0.0 : x >= 1.0 ? 1.0 : (x + 1.0) * 0.5;
}
