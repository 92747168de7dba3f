using System;

namespace Activations;

public static partial class Activation
{
    /// <summary>The softsign function, Keras <c>softsign</c>: <c>x / (|x| + 1)</c>.</summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks>
    /// Beyond 2^60 the result rounds to ±1 in every format, and it is returned directly: the printed formula
    /// gives <c>∞ / ∞ = NaN</c> at ±∞.
    /// The float kernels compute <see cref="SoftsignInSingle"/> natively in float lanes instead.
    /// </remarks>
    [Activation("softsign", SingleFormula = nameof(SoftsignInSingle))]
    public static double Softsign(double x) =>
        Math.Abs(x) > 1.152921504606846976e18 ? Math.CopySign(1.0, x) : x / (Math.Abs(x) + 1.0);

    /// <summary>
    /// Softsign for the float kernels, the same function as <see cref="VectorMath.Softsign(double)"/>, whose float lanes
    /// add 1 exactly as a pair of floats and divide by the pair, corrected once.
    /// </summary>
    private static double SoftsignInSingle(double x) => VectorMath.Softsign(x);
}
