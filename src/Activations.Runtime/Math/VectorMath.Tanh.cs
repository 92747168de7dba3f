using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

public static partial class VectorMath
{
    /// <summary>The hyperbolic tangent for a double, within 2 ULP of the correctly rounded result; special values as System.Math gives them.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The hyperbolic tangent of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Tanh(double x) => TanhDouble<double, ScalarDoubleLanes>(x);

    /// <summary>The hyperbolic tangent for a float, within 1 ULP (computed in double, rounded once).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The hyperbolic tangent of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Tanh(float x) => (float)TanhForSingle((double)x);

    /// <summary>The hyperbolic tangent per element, within 2 ULP.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The hyperbolic tangent of each element.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector128<double> Tanh(Vector128<double> x) => TanhDouble<Vector128<double>, Vector128DoubleLanes>(x);

    /// <summary>The hyperbolic tangent per element, within 2 ULP.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The hyperbolic tangent of each element.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector256<double> Tanh(Vector256<double> x) => TanhDouble<Vector256<double>, Vector256DoubleLanes>(x);

    /// <summary>The hyperbolic tangent per element, within 2 ULP.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The hyperbolic tangent of each element.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector512<double> Tanh(Vector512<double> x) => TanhDouble<Vector512<double>, Vector512DoubleLanes>(x);

    /// <summary>The hyperbolic tangent per element, within 1 ULP (in float lanes where the hardware fuses multiply-add, see
    /// VectorMath.SingleTanh.cs; otherwise computed in double and rounded once).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The hyperbolic tangent of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Tanh(Vector128<float> x) => TanhFloat(x);

    /// <summary>The hyperbolic tangent per element, within 1 ULP (in float lanes where the hardware fuses multiply-add, see
    /// VectorMath.SingleTanh.cs; otherwise computed in double and rounded once).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The hyperbolic tangent of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Tanh(Vector256<float> x) => TanhFloat(x);

    /// <summary>The hyperbolic tangent per element, within 1 ULP (in float lanes where the hardware fuses multiply-add, see
    /// VectorMath.SingleTanh.cs; otherwise computed in double and rounded once).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The hyperbolic tangent of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Tanh(Vector512<float> x) => TanhFloat(x);

    /// <summary>The hyperbolic tangent in double, to a relative error far below a float ULP, for float formulas evaluated
    /// in double and narrowed once (the result then rounds to within 1 ULP of the correctly rounded float).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The hyperbolic tangent of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double TanhForSingle(double x) => TanhSingle<double, ScalarDoubleLanes>(x);

    /// <summary>The hyperbolic tangent per element in double, for results narrowed to float (see <see cref="TanhForSingle(double)"/>).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The hyperbolic tangent of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> TanhForSingle(Vector128<double> x) => TanhSingleVector(x);

    /// <summary>The hyperbolic tangent per element in double, for results narrowed to float (see <see cref="TanhForSingle(double)"/>).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The hyperbolic tangent of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> TanhForSingle(Vector256<double> x) => TanhSingleVector(x);

    /// <summary>The hyperbolic tangent per element in double, for results narrowed to float (see <see cref="TanhForSingle(double)"/>).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The hyperbolic tangent of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> TanhForSingle(Vector512<double> x) => TanhSingleVector(x);

    // Double: tanh x = x + x^3 T(x^2) for |x| < 0.55 (T fitted by us, relative error below 2^-64), else
    // sign(x) (1 - 2 / (e^(2|x|) + 1)): there the result is at least 0.5, so the subtraction does not cancel, and
    // e^(2|x|) overflowing to infinity gives exactly ±1. Float (computed in double): -t / (t + 2) with
    // t = expm1(-2|x|), accurate everywhere and branch-free. Unlike TensorPrimitives.Tanh (which takes
    // exp(-2|x|) - 1 in float), tanh(±0) is ±0 and tiny x give x.

    /// <summary>Below this magnitude tanh uses its odd polynomial; above, the exponential form (tanh &gt;= 0.5).</summary>
    private const double TanhPolynomialBound = 0.55;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV TanhDouble<TV, TL>(TV x)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV a = Abs<TV, TL>(x);
        TV useExp = TL.GreaterThanOrEqual(a, TL.Create(TanhPolynomialBound));
        TV z = TL.Multiply(x, x);
        TV small = TL.MultiplyAdd(TL.Multiply(x, z), TanhPolynomialDouble<TV, TL>(z), x);
        if (TL.Any(useExp))
        {
            TV e = ExpDouble<TV, TL>(TL.Add(a, a), TL.Create(0.0));
            small = TL.Select(useExp, TL.Subtract(TL.Create(1.0), TL.Divide(TL.Create(2.0), TL.Add(e, TL.Create(1.0)))), small);
        }

        return CopySign<TV, TL>(small, x); // also makes tanh(-0) = -0, which the polynomial form rounds to +0
    }

    /// <summary>e^-40 is below 2^-57, so clamping -2|x| here changes nothing and keeps expm1 in range.</summary>
    private const double TanhExpm1LowestArgument = -40.0;

    /// <summary>
    /// For float results: tanh |x| = -t / (t + 2) with t = e^(-2|x|) - 1, which is accurate relative to the
    /// result everywhere (t is computed as expm1, not as exp minus 1), then the sign of x is copied.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV TanhSingle<TV, TL>(TV x)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV a = Abs<TV, TL>(x);
        TV t = Expm1SingleInRange<TV, TL>(TL.MaxFast(TL.Create(TanhExpm1LowestArgument), TL.Multiply(a, TL.Create(-2.0))));
        return CopySign<TV, TL>(TL.Divide(t, TL.Subtract(TL.Create(-2.0), t)), x);
    }

    /// <summary>T(z) = (tanh x - x) / x^3 with z = x^2 in [0, 0.3025].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV TanhPolynomialDouble<TV, TL>(TV z)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV t = TL.MultiplyAdd(TL.Create(7.370428558938672e-06), z, TL.Create(-3.282096818660738e-05));
        t = TL.MultiplyAdd(t, z, TL.Create(9.384960319546682e-05));
        t = TL.MultiplyAdd(t, z, TL.Create(-0.00023815909296416089));
        t = TL.MultiplyAdd(t, z, TL.Create(0.0005898166589704567));
        t = TL.MultiplyAdd(t, z, TL.Create(-0.0014558026113350587));
        t = TL.MultiplyAdd(t, z, TL.Create(0.003592124734263558));
        t = TL.MultiplyAdd(t, z, TL.Create(-0.008863235298758206));
        t = TL.MultiplyAdd(t, z, TL.Create(0.021869488525740867));
        t = TL.MultiplyAdd(t, z, TL.Create(-0.0539682539679753));
        t = TL.MultiplyAdd(t, z, TL.Create(0.13333333333332953));
        return TL.MultiplyAdd(t, z, TL.Create(-0.3333333333333333));
    }
}
