using System;

namespace Activations;

public static partial class Activation
{
    /// <summary>
    /// The hard sigmoid, Keras <c>hard_sigmoid</c>: 0 for <c>x &lt;= -3</c>, 1 for <c>x &gt;= 3</c>, <c>x / 6 + 0.5</c> between.
    /// </summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks>
    /// Computed as <c>clamp((x + 3) / 6, 0, 1)</c>, the same function: near -3, <c>x / 6 + 0.5</c> adds two
    /// nearly opposite numbers and loses the low bits, while <c>x + 3</c> is exact there.
    /// </remarks>
    [Activation("hard_sigmoid")]
    public static double HardSigmoid(double x) => Math.Min(Math.Max((x + 3.0) / 6.0, 0.0), 1.0);
}
