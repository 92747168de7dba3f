namespace Activations;

public static partial class Activation
{
    /// <summary>
    /// The sparse plus function, Keras <c>sparse_plus</c>: 0 for <c>x &lt;= -1</c>, <c>(x + 1)² / 4</c> for
    /// <c>-1 &lt; x &lt; 1</c>, and <c>x</c> for <c>x &gt;= 1</c>.
    /// </summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    [Activation("sparse_plus")]
    public static double SparsePlus(double x) =>
        x <= -1.0 ? 0.0 : x >= 1.0 ? x : (x + 1.0) * (x + 1.0) * 0.25;
}
