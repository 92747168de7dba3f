using System.Runtime.CompilerServices;

namespace Activations;

public static partial class VectorMath
{
    /// <summary>
    /// Marks, in an <see cref="ActivationAttribute"/> formula, a term that only double results need: typically the
    /// correction for an argument's rounding in double (about 2^-53 relative), which a 4-ULP double result must
    /// carry but which lies far below a float or Half ULP; or a branch of a conditional that only double results
    /// need. Double kernels compute the term; float and Half kernels compute the formula without it (a sum with
    /// the term becomes its other operand, a conditional with it as a branch becomes its other branch), so the
    /// formula without it must be right for every input, infinities and NaN included (clamp arguments).
    /// Called directly, it returns <paramref name="term"/>.
    /// </summary>
    /// <param name="term">The term.</param>
    /// <returns><paramref name="term"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double DoubleOnly(double term) => term;
}
