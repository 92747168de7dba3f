using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

public static partial class VectorMath
{
    // e^x = 2^k * e^r with k = round(x / ln 2) and r = x - k ln 2 in [-ln2/2, ln2/2] (Cody-Waite: ln 2 in two
    // parts, the first with trailing zeros so that k * Ln2High is exact). e^r = 1 + r + r^2 Q(r), Q a polynomial
    // fitted by us (weighted least squares refined toward minimax, coefficients fixed one at a time to their
    // double rounding, see docs/math-core.md): |error| below 2^-63 relative for the 11-term Q, 2^-34 for the
    // 6-term Q used when the result is narrowed to float.

    /// <summary>Lowest x with a nonzero double e^x is about -745.13; clamping here keeps k in range.</summary>
    private const double ExpLowestArgument = -746.0;

    /// <summary>Highest x with a finite double e^x is about 709.78; clamping here keeps k in range.</summary>
    private const double ExpHighestArgument = 710.0;

    /// <summary>e^x for a double, within 2 ULP of the correctly rounded result; NaN, ±∞, overflow and
    /// subnormal results as <see cref="System.Math.Exp(double)"/> gives them.</summary>
    /// <param name="x">The exponent.</param>
    /// <returns>e raised to <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Exp(double x) => ExpDouble<double, ScalarDoubleLanes>(x, 0.0);

    /// <summary>e^x for a float, within 1 ULP of the correctly rounded result (computed in double, rounded once).</summary>
    /// <param name="x">The exponent.</param>
    /// <returns>e raised to <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Exp(float x) => (float)ExpForSingle((double)x);

    /// <summary>e^x per element, within 2 ULP.</summary>
    /// <param name="x">The exponents.</param>
    /// <returns>e raised to each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Exp(Vector128<double> x) => ExpDouble<Vector128<double>, Vector128DoubleLanes>(x, Vector128<double>.Zero);

    /// <summary>e^x per element, within 2 ULP.</summary>
    /// <param name="x">The exponents.</param>
    /// <returns>e raised to each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x) => ExpDouble<Vector256<double>, Vector256DoubleLanes>(x, Vector256<double>.Zero);

    /// <summary>e^x per element, within 2 ULP.</summary>
    /// <param name="x">The exponents.</param>
    /// <returns>e raised to each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Exp(Vector512<double> x) => ExpDouble<Vector512<double>, Vector512DoubleLanes>(x, Vector512<double>.Zero);

    /// <summary>e^x per element, within 1 ULP.</summary>
    /// <param name="x">The exponents.</param>
    /// <returns>e raised to each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Exp(Vector128<float> x) => ExpOfFloats(x);

    /// <summary>e^x per element, within 1 ULP.</summary>
    /// <param name="x">The exponents.</param>
    /// <returns>e raised to each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp(Vector256<float> x) => ExpOfFloats(x);

    /// <summary>e^x per element, within 1 ULP.</summary>
    /// <param name="x">The exponents.</param>
    /// <returns>e raised to each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Exp(Vector512<float> x) => ExpOfFloats(x);

    /// <summary>e^x in double, accurate to a relative error below 2^-33: enough that rounding the result to
    /// float is within 1 ULP of the correctly rounded float. Valid over the whole double range.</summary>
    /// <param name="x">The exponent.</param>
    /// <returns>e raised to <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ExpForSingle(double x) => ExpSingle<double, ScalarDoubleLanes>(x);

    /// <summary>e^x per element in double, for results narrowed to float (relative error below 2^-33).</summary>
    /// <param name="x">The exponents.</param>
    /// <returns>e raised to each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> ExpForSingle(Vector128<double> x) => ExpSingleVector(x);

    /// <summary>e^x per element in double, for results narrowed to float (relative error below 2^-33).</summary>
    /// <param name="x">The exponents.</param>
    /// <returns>e raised to each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> ExpForSingle(Vector256<double> x) => ExpSingleVector(x);

    /// <summary>e^x per element in double, for results narrowed to float (relative error below 2^-33).</summary>
    /// <param name="x">The exponents.</param>
    /// <returns>e raised to each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> ExpForSingle(Vector512<double> x) => ExpSingleVector(x);

    /// <summary>e^(x + tail), where tail is a small correction below ulp(x) (e.g. the low part of -x²).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ExpDouble<TV, TL>(TV x, TV tail)
        where TV : struct
        where TL : struct, IDoubleLanes<TV> =>
        ExpDoubleTimes<TV, TL>(x, tail, TL.Create(1.0));

    /// <summary>factor * e^(x + tail) with the product folded into the last step (factor + factor * (e^r - 1)),
    /// saving the separate rounding of e^r; factor must be positive, finite and at least 2^-500 or so.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ExpDoubleTimes<TV, TL>(TV x, TV tail, TV factor)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV clamped = TL.MinFast(TL.MaxFast(x, TL.Create(ExpLowestArgument)), TL.Create(ExpHighestArgument));
        TV k = RoundToInteger<TV, TL>(TL.Multiply(clamped, TL.Create(InverseLn2)));
        TV r = TL.MultiplyAdd(k, TL.Create(-Ln2High), clamped); // exact: k * Ln2High is exact, and Sterbenz
        r = TL.Add(r, TL.MultiplyAdd(k, TL.Create(-Ln2Low), tail)); // both small corrections, then one rounding
        TV p = TL.MultiplyAdd(factor, TL.MultiplyAdd(TL.Multiply(r, r), ExpPolynomialDouble<TV, TL>(r), r), factor);
        return TL.Select(IsNaN<TV, TL>(x), x, ScaleByPowerOfTwo<TV, TL>(p, k));
    }

    /// <summary>Below this magnitude, 2^k for e^x is one normal double: the single-factor fast path applies.</summary>
    private const double ExpFastPathBound = 708.0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ExpSingle<TV, TL>(TV x)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        if (TL.Any(TL.GreaterThan(Abs<TV, TL>(x), TL.Create(ExpFastPathBound))))
        {
            return ExpSingleWide<TV, TL>(x);
        }

        // |x| <= 708 (or NaN, which the arithmetic propagates): 2^k is a normal double.
        TV k = RoundProductToInteger<TV, TL>(x, TL.Create(InverseLn2));
        TV r = TL.MultiplyAdd(k, TL.Create(-Ln2), x); // error below 2^-43 absolute: ample for float
        TV r2 = TL.Multiply(r, r);
        TV p = TL.MultiplyAdd(r2, ExpPolynomialSingle<TV, TL>(r, r2), TL.Add(r, TL.Create(1.0))); // 1 + r rounds by 2^-53: ample for float
        return TL.Multiply(p, PowerOfTwo<TV, TL>(k));
    }

    /// <summary>The rare path of the float-accuracy exp: some lane beyond ±708, infinite or NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // a call would force every live vector register to be spilled
    private static TV ExpSingleWide<TV, TL>(TV x)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV clamped = TL.MinFast(TL.MaxFast(x, TL.Create(ExpLowestArgument)), TL.Create(ExpHighestArgument));
        TV k = RoundProductToInteger<TV, TL>(clamped, TL.Create(InverseLn2));
        TV r = TL.MultiplyAdd(k, TL.Create(-Ln2), clamped);
        TV r2 = TL.Multiply(r, r);
        TV p = TL.MultiplyAdd(r2, ExpPolynomialSingle<TV, TL>(r, r2), TL.Add(r, TL.Create(1.0)));
        return TL.Select(IsNaN<TV, TL>(x), x, ScaleByPowerOfTwo<TV, TL>(p, k));
    }

    /// <summary>Q(r) = (e^r - 1 - r) / r^2 on [-ln2/2, ln2/2], to 2^-63 relative in e^r.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ExpPolynomialDouble<TV, TL>(TV r)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV q = TL.MultiplyAdd(TL.Create(2.085570050619703e-09), r, TL.Create(2.51117061437576e-08));
        q = TL.MultiplyAdd(q, r, TL.Create(2.755746804043419e-07));
        q = TL.MultiplyAdd(q, r, TL.Create(2.755723593899617e-06));
        q = TL.MultiplyAdd(q, r, TL.Create(2.480158709629965e-05));
        q = TL.MultiplyAdd(q, r, TL.Create(0.00019841269895129774));
        q = TL.MultiplyAdd(q, r, TL.Create(0.0013888888888996833));
        q = TL.MultiplyAdd(q, r, TL.Create(0.008333333333317644));
        q = TL.MultiplyAdd(q, r, TL.Create(0.04166666666666648));
        q = TL.MultiplyAdd(q, r, TL.Create(0.16666666666666682));
        return TL.MultiplyAdd(q, r, TL.Create(0.5));
    }

    // Q(r) = (e^r - 1 - r) / r^2 on [-ln2/2, ln2/2] to 2^-34 relative in e^r: the float-accuracy fit every
    // ...ForSingle exp (generic, per width, and softmax's float rows) evaluates, Q0 the constant term.
    internal const double ExpSingleQ0 = 0.5000000071794102;
    internal const double ExpSingleQ1 = 0.16666666046342518;
    internal const double ExpSingleQ2 = 0.041666285357902524;
    internal const double ExpSingleQ3 = 0.008333457771375665;
    internal const double ExpSingleQ4 = 0.001394518289540572;
    internal const double ExpSingleQ5 = 0.00019811141654678375;

    /// <summary>Q(r) = (e^r - 1 - r) / r^2 on [-ln2/2, ln2/2], to 2^-34 relative in e^r, given r and r².
    /// Estrin's scheme: three levels of FMA instead of Horner's five, the latency that bounds the float kernels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ExpPolynomialSingle<TV, TL>(TV r, TV r2)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV q01 = TL.MultiplyAdd(TL.Create(ExpSingleQ1), r, TL.Create(ExpSingleQ0));
        TV q23 = TL.MultiplyAdd(TL.Create(ExpSingleQ3), r, TL.Create(ExpSingleQ2));
        TV q45 = TL.MultiplyAdd(TL.Create(ExpSingleQ5), r, TL.Create(ExpSingleQ4));
        return TL.MultiplyAdd(r2, TL.MultiplyAdd(r2, q45, q23), q01);
    }
}
