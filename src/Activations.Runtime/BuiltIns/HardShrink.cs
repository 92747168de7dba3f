using System;

namespace Activations;

public static partial class Activation
{
    /// <summary>The hard shrinkage, Keras <c>hard_shrink</c>: <c>x</c> where <c>|x| &gt; threshold</c>, else 0.</summary>
    /// <param name="x">The input.</param>
    /// <param name="threshold">Keras <c>threshold</c>: the half-width of the zeroed band (default 0.5); must be non-negative.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks>Written as <c>|x| &lt;= threshold ? 0 : x</c>, so that NaN gives NaN (Keras's <c>where(|x| &gt; t, x, 0)</c> gives 0).</remarks>
    [Activation("hard_shrink")]
    public static double HardShrink(double x, [NonNegative] double threshold = 0.5) =>
        Math.Abs(x) <= threshold ? 0.0 : x;
}
