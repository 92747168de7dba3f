using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

public static partial class VectorMath
{
    /// <summary>ln(1 + x), accurate near zero for a double, within 2 ULP of the correctly rounded result; special values as System.Math gives them.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>ln(1 + x) of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Log1p(double x) => Log1pDouble<double, ScalarDoubleLanes>(x);

    /// <summary>ln(1 + x), accurate near zero for a float, within 1 ULP (computed in double, rounded once).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>ln(1 + x) of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Log1p(float x) => (float)Log1pForSingle((double)x);

    /// <summary>ln(1 + x), accurate near zero per element, within 2 ULP.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>ln(1 + x) of each element.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector128<double> Log1p(Vector128<double> x) => Log1pDouble<Vector128<double>, Vector128DoubleLanes>(x);

    /// <summary>ln(1 + x), accurate near zero per element, within 2 ULP.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>ln(1 + x) of each element.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector256<double> Log1p(Vector256<double> x) => Log1pDouble<Vector256<double>, Vector256DoubleLanes>(x);

    /// <summary>ln(1 + x), accurate near zero per element, within 2 ULP.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>ln(1 + x) of each element.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector512<double> Log1p(Vector512<double> x) => Log1pDouble<Vector512<double>, Vector512DoubleLanes>(x);

    /// <summary>ln(1 + x), accurate near zero per element, within 1 ULP (computed in float lanes, see VectorMath.SingleLog1p.cs).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>ln(1 + x) of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Log1p(Vector128<float> x) => LogOnePlusOfFloats(x);

    /// <summary>ln(1 + x), accurate near zero per element, within 1 ULP (computed in float lanes, see VectorMath.SingleLog1p.cs).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>ln(1 + x) of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Log1p(Vector256<float> x) => LogOnePlusOfFloats(x);

    /// <summary>ln(1 + x), accurate near zero per element, within 1 ULP (computed in float lanes, see VectorMath.SingleLog1p.cs).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>ln(1 + x) of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Log1p(Vector512<float> x) => LogOnePlusOfFloats(x);

    /// <summary>ln(1 + x), accurate near zero in double, to a relative error far below a float ULP, for float formulas evaluated
    /// in double and narrowed once (the result then rounds to within 1 ULP of the correctly rounded float).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>ln(1 + x) of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Log1pForSingle(double x) => Log1pSingle<double, ScalarDoubleLanes>(x);

    /// <summary>ln(1 + x), accurate near zero per element in double, for results narrowed to float (see <see cref="Log1pForSingle(double)"/>).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>ln(1 + x) of each element.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector128<double> Log1pForSingle(Vector128<double> x) => Log1pSingle<Vector128<double>, Vector128DoubleLanes>(x);

    /// <summary>ln(1 + x), accurate near zero per element in double, for results narrowed to float (see <see cref="Log1pForSingle(double)"/>).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>ln(1 + x) of each element.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector256<double> Log1pForSingle(Vector256<double> x) => Log1pSingle<Vector256<double>, Vector256DoubleLanes>(x);

    /// <summary>ln(1 + x), accurate near zero per element in double, for results narrowed to float (see <see cref="Log1pForSingle(double)"/>).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>ln(1 + x) of each element.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector512<double> Log1pForSingle(Vector512<double> x) => Log1pSingle<Vector512<double>, Vector512DoubleLanes>(x);

    // ln(1 + x) = ln(u) + c / u with u = 1 + x rounded and c = (1 + x) - u its rounding error, exact
    // (fdlibm's correction): the log core takes c / u as a correction term. |x| below 2^-54 gives x itself
    // (the result rounds to x), which also keeps the sign of -0.

    private const double TwoToMinus54 = 5.551115123125783e-17;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Log1pDouble<TV, TL>(TV x)
        where TV : struct
        where TL : struct, IDoubleLanes<TV> =>
        Log1p<TV, TL>(x, forSingle: false);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Log1pSingle<TV, TL>(TV x)
        where TV : struct
        where TL : struct, IDoubleLanes<TV> =>
        Log1p<TV, TL>(x, forSingle: true);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Log1p<TV, TL>(TV x, bool forSingle)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV one = TL.Create(1.0);
        TV u = TL.Add(one, x);
        TV c = TL.Select(
            TL.GreaterThanOrEqual(u, TL.Create(2.0)),
            TL.Subtract(one, TL.Subtract(u, x)),
            TL.Subtract(x, TL.Subtract(u, one)));
        TV result = LogSpecialValues<TV, TL>(u, LogOfPositive<TV, TL>(u, TL.Divide(c, u), forSingle));
        return TL.Select(TL.LessThan(Abs<TV, TL>(x), TL.Create(TwoToMinus54)), x, result);
    }
}
