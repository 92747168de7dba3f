namespace Activations;

public static partial class Activation
{
    /// <summary>
    /// The hard SiLU (hard swish), Keras <c>hard_silu</c> (alias <c>hard_swish</c>): <c>x * hard_sigmoid(x)</c>, that is
    /// 0 for <c>x &lt;= -3</c>, <c>x</c> for <c>x &gt;= 3</c>, and <c>x * (x + 3) / 6</c> between.
    /// </summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks>The pieces are selected rather than multiplied, so that <c>-∞</c> gives 0, not <c>-∞ * 0 = NaN</c>.
    /// The float kernels compute <see cref="HardSiluInSingle"/> natively in float lanes instead.</remarks>
    [Activation("hard_silu", Aliases = new[] { "hard_swish" }, SingleFormula = nameof(HardSiluInSingle))]
    public static double HardSilu(double x) =>
        x <= -3.0 ? 0.0 : x >= 3.0 ? x : x * (x + 3.0) / 6.0;

    /// <summary>
    /// Hard SiLU for the float kernels, the same function as <see cref="VectorMath.HardSilu(double)"/>, whose float lanes
    /// carry x (x + 3) as a pair of floats and multiply it by 1/6 as a pair, rounded once.
    /// </summary>
    private static double HardSiluInSingle(double x) => VectorMath.HardSilu(x);
}
