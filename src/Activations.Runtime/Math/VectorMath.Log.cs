using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

public static partial class VectorMath
{
    /// <summary>The natural logarithm for a double, within 2 ULP of the correctly rounded result; special values as System.Math gives them.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The natural logarithm of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Log(double x) => LogDouble<double, ScalarDoubleLanes>(x);

    /// <summary>The natural logarithm for a float, within 1 ULP (computed in double, rounded once).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The natural logarithm of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Log(float x) => (float)LogForSingle((double)x);

    /// <summary>The natural logarithm per element, within 2 ULP.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The natural logarithm of each element.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector128<double> Log(Vector128<double> x) => LogDouble<Vector128<double>, Vector128DoubleLanes>(x);

    /// <summary>The natural logarithm per element, within 2 ULP.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The natural logarithm of each element.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector256<double> Log(Vector256<double> x) => LogDouble<Vector256<double>, Vector256DoubleLanes>(x);

    /// <summary>The natural logarithm per element, within 2 ULP.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The natural logarithm of each element.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector512<double> Log(Vector512<double> x) => LogDouble<Vector512<double>, Vector512DoubleLanes>(x);

    /// <summary>The natural logarithm per element, within 1 ULP (computed in double, rounded once).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The natural logarithm of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Log(Vector128<float> x)
    {
        (Vector128<double> lower, Vector128<double> upper) = Vector128.Widen(x);
        return Vector128.Narrow(LogForSingle(lower), LogForSingle(upper));
    }

    /// <summary>The natural logarithm per element, within 1 ULP (computed in double, rounded once).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The natural logarithm of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Log(Vector256<float> x)
    {
        (Vector256<double> lower, Vector256<double> upper) = Vector256.Widen(x);
        return Vector256.Narrow(LogForSingle(lower), LogForSingle(upper));
    }

    /// <summary>The natural logarithm per element, within 1 ULP (computed in double, rounded once).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The natural logarithm of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Log(Vector512<float> x)
    {
        (Vector512<double> lower, Vector512<double> upper) = Vector512.Widen(x);
        return Vector512.Narrow(LogForSingle(lower), LogForSingle(upper));
    }

    /// <summary>The natural logarithm in double, to a relative error far below a float ULP, for float formulas evaluated
    /// in double and narrowed once (the result then rounds to within 1 ULP of the correctly rounded float).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The natural logarithm of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LogForSingle(double x) => LogSingle<double, ScalarDoubleLanes>(x);

    /// <summary>The natural logarithm per element in double, for results narrowed to float (see <see cref="LogForSingle(double)"/>).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The natural logarithm of each element.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector128<double> LogForSingle(Vector128<double> x) => LogSingle<Vector128<double>, Vector128DoubleLanes>(x);

    /// <summary>The natural logarithm per element in double, for results narrowed to float (see <see cref="LogForSingle(double)"/>).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The natural logarithm of each element.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector256<double> LogForSingle(Vector256<double> x) => LogSingle<Vector256<double>, Vector256DoubleLanes>(x);

    /// <summary>The natural logarithm per element in double, for results narrowed to float (see <see cref="LogForSingle(double)"/>).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The natural logarithm of each element.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector512<double> LogForSingle(Vector512<double> x) => LogSingle<Vector512<double>, Vector512DoubleLanes>(x);

    // ln x = k ln 2 + ln(1 + f) with x = 2^k (1 + f), 1 + f in [sqrt(2)/2, sqrt(2)) (the exponent and mantissa are
    // taken from the bits; subnormals are first scaled by 2^54). ln(1 + f) = f - s (f - R) with s = f / (2 + f) and
    // R(s^2) = 2 atanh(s) / s - 2 (fdlibm's arrangement, which keeps f exact and the rest a small correction);
    // R = z P(z), z = s^2 in [0, 0.0295], P fitted by us: 7 terms for double (error below 2^-59 relative to ln(1+f)),
    // 4 for float (2^-37).

    /// <summary>The bits of sqrt(2)/2: mantissas are taken relative to it so that 1 + f lands in [sqrt(2)/2, sqrt(2)).</summary>
    private const ulong HalfSqrt2Bits = 0x3fe6a09e667f3bcd;

    private const double SmallestNormal = 2.2250738585072014e-308;

    /// <summary>2^54, which lifts any subnormal into the normal range.</summary>
    private const double TwoTo54 = 18014398509481984.0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV LogDouble<TV, TL>(TV x)
        where TV : struct
        where TL : struct, IDoubleLanes<TV> =>
        LogSpecialValues<TV, TL>(x, LogOfPositive<TV, TL>(x, TL.Create(0.0), forSingle: false));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV LogSingle<TV, TL>(TV x)
        where TV : struct
        where TL : struct, IDoubleLanes<TV> =>
        LogSpecialValues<TV, TL>(x, LogOfPositive<TV, TL>(x, TL.Create(0.0), forSingle: true));

    /// <summary>Replaces the lanes where x is not positive and finite: ln 0 = -∞, ln ∞ = ∞, ln of a negative or NaN is NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV LogSpecialValues<TV, TL>(TV x, TV result)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV infinity = TL.Create(double.PositiveInfinity);
        TV special = TL.Select(
            TL.Equals(x, TL.Create(0.0)),
            TL.Create(double.NegativeInfinity),
            TL.Select(TL.Equals(x, infinity), infinity, TL.Create(double.NaN)));
        return TL.Select(TL.And(TL.GreaterThan(x, TL.Create(0.0)), TL.LessThan(x, infinity)), result, special);
    }

    /// <summary>ln(x) + correction for a positive finite x, where correction is tiny beside ulp(ln x) (log1p's
    /// rounding error of 1 + x, divided by 1 + x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV LogOfPositive<TV, TL>(TV x, TV correction, bool forSingle)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV subnormal = TL.LessThan(x, TL.Create(SmallestNormal));
        TV scaled = TL.Select(subnormal, TL.Multiply(x, TL.Create(TwoTo54)), x);
        TV u = TL.AddBits(scaled, TL.CreateBits(0x3ff0000000000000 - HalfSqrt2Bits));

        // k = (biased exponent of u) - 1023 - (54 if scaled): the small integer goes into a mantissa, then out.
        TV biased = TL.Or(TL.ShiftRightLogical(u, 52), TL.CreateBits(0x4330000000000000));
        TV k = TL.Subtract(
            TL.Subtract(biased, TL.Create(4503599627370496.0 + 1023.0)),
            TL.And(subnormal, TL.Create(54.0)));
        TV m = TL.AddBits(TL.And(u, TL.CreateBits(0x000fffffffffffff)), TL.CreateBits(HalfSqrt2Bits));

        TV f = TL.Subtract(m, TL.Create(1.0));
        TV s = TL.Divide(f, TL.Add(TL.Create(2.0), f));
        TV z = TL.Multiply(s, s);
        TV r = TL.Multiply(z, forSingle ? LogPolynomialSingle<TV, TL>(z) : LogPolynomialDouble<TV, TL>(z));
        TV halfSquare = TL.Multiply(TL.Multiply(TL.Create(0.5), f), f);

        // k ln2High - ((halfSquare - (s (halfSquare + R) + (k ln2Low + correction))) - f)
        TV low = TL.MultiplyAdd(k, TL.Create(Ln2Low), correction);
        TV inner = TL.Subtract(TL.Subtract(halfSquare, TL.MultiplyAdd(s, TL.Add(halfSquare, r), low)), f);
        return TL.Subtract(TL.Multiply(k, TL.Create(Ln2High)), inner);
    }

    /// <summary>P(z) with R(z) = z P(z) = 2 atanh(s) / s - 2, z = s^2 in [0, 0.0295].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV LogPolynomialDouble<TV, TL>(TV z)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV p = TL.MultiplyAdd(TL.Create(0.14795283424856792), z, TL.Create(0.15314118523387846));
        p = TL.MultiplyAdd(p, z, TL.Create(0.18183561610333726));
        p = TL.MultiplyAdd(p, z, TL.Create(0.2222219862665841));
        p = TL.MultiplyAdd(p, z, TL.Create(0.2857142874185411));
        p = TL.MultiplyAdd(p, z, TL.Create(0.3999999999941714));
        return TL.MultiplyAdd(p, z, TL.Create(0.6666666666666734));
    }

    /// <summary>P(z) to float accuracy (2^-37).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV LogPolynomialSingle<TV, TL>(TV z)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV p = TL.MultiplyAdd(TL.Create(0.23581626225574362), z, TL.Create(0.28537335759858146));
        p = TL.MultiplyAdd(p, z, TL.Create(0.40000334812968796));
        return TL.MultiplyAdd(p, z, TL.Create(0.6666666564629036));
    }
}
