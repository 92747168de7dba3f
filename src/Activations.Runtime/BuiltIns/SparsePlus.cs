namespace Activations;

public static partial class Activation
{
    /// <summary>
    /// The sparse plus function, Keras <c>sparse_plus</c>: 0 for <c>x &lt;= -1</c>, <c>(x + 1)² / 4</c> for
    /// <c>-1 &lt; x &lt; 1</c>, and <c>x</c> for <c>x &gt;= 1</c>.
    /// </summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks>The float kernels compute <see cref="SparsePlusInSingle"/> natively in float lanes instead.</remarks>
    [Activation("sparse_plus", SingleFormula = nameof(SparsePlusInSingle))]
    public static double SparsePlus(double x) =>
        x <= -1.0 ? 0.0 : x >= 1.0 ? x : (x + 1.0) * (x + 1.0) * 0.25;

    /// <summary>
    /// Sparse plus for the float kernels, the same function as <see cref="VectorMath.SparsePlus(double)"/>, whose float
    /// lanes add 1 exactly as a pair of floats and square the pair, rounded once.
    /// </summary>
    private static double SparsePlusInSingle(double x) => VectorMath.SparsePlus(x);
}
