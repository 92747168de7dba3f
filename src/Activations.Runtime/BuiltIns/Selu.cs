using System;
namespace Activations;

public static partial class Activation
{
    /// <summary>The SELU constant alpha (Klambauer et al., 2017), as Keras spells it.</summary>
    private const double SeluAlpha = 1.67326324235437728481704299167171;

    /// <summary>The SELU constant scale (Klambauer et al., 2017), as Keras spells it.</summary>
    private const double SeluScale = 1.05070098735548049341933498529460;

    /// <summary>scale * alpha, rounded once (1.7580993408473766...), so the negative side has one rounding fewer.</summary>
    private const double SeluScaleTimesAlpha = 1.7580993408473768;

    /// <summary>
    /// The scaled exponential linear unit, Keras <c>selu</c>: <c>scale * x</c> for <c>x &gt; 0</c>, else
    /// <c>scale * alpha * (e^x - 1)</c>, with <c>alpha = 1.67326324…</c> and <c>scale = 1.05070098…</c>.
    /// </summary>
    /// <param name="x">The input.</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks><c>e^x - 1</c> is computed as <c>expm1(x)</c> (accurate near 0), and <c>scale * alpha</c> is one constant.
    /// The float kernels compute <see cref="SeluInSingle"/> natively in float lanes instead.</remarks>
    [Activation("selu", SingleFormula = nameof(SeluInSingle))]
    public static double Selu(double x) =>
        x > 0.0 ? SeluScale * x : SeluScaleTimesAlpha * VectorMath.Expm1(x);

    /// <summary>
    /// Selu for the float kernels, the same function with expm1's argument clamped to <c>min(x, 0)</c>, as elu's float
    /// formula. Neither constant is a float: the generator multiplies each as a pair of floats and rounds once
    /// (<see cref="VectorMath.MultiplyByPair(System.Runtime.Intrinsics.Vector256{float}, System.Runtime.Intrinsics.Vector256{float}, System.Runtime.Intrinsics.Vector256{float})"/>,
    /// <see cref="VectorMath.Expm1OfMinWithZeroTimesPair(System.Runtime.Intrinsics.Vector256{float}, System.Runtime.Intrinsics.Vector256{float}, System.Runtime.Intrinsics.Vector256{float})"/>).
    /// </summary>
    private static double SeluInSingle(double x) =>
        x > 0.0 ? SeluScale * x : SeluScaleTimesAlpha * VectorMath.Expm1(Math.Min(x, 0.0));
}
