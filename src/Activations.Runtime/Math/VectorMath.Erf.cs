using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

public static partial class VectorMath
{
    /// <summary>The error function for a double, within 2 ULP of the correctly rounded result; special values as System.Math gives them.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The error function of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Erf(double x) => ErfDouble<double, ScalarDoubleLanes>(x);

    /// <summary>The error function for a float, within 1 ULP (computed in double, rounded once).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The error function of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Erf(float x) => (float)ErfForSingle((double)x);

    /// <summary>The error function per element, within 2 ULP.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The error function of each element.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector128<double> Erf(Vector128<double> x) => ErfDouble<Vector128<double>, Vector128DoubleLanes>(x);

    /// <summary>The error function per element, within 2 ULP.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The error function of each element.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector256<double> Erf(Vector256<double> x) => ErfDouble<Vector256<double>, Vector256DoubleLanes>(x);

    /// <summary>The error function per element, within 2 ULP.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The error function of each element.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector512<double> Erf(Vector512<double> x) => ErfDouble<Vector512<double>, Vector512DoubleLanes>(x);

    /// <summary>The error function per element, within 1 ULP (computed in double, rounded once).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The error function of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Erf(Vector128<float> x)
    {
        (Vector128<double> lower, Vector128<double> upper) = Vector128.Widen(x);
        return Vector128.Narrow(ErfForSingle(lower), ErfForSingle(upper));
    }

    /// <summary>The error function per element, within 1 ULP (computed in double, rounded once).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The error function of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Erf(Vector256<float> x)
    {
        (Vector256<double> lower, Vector256<double> upper) = Vector256.Widen(x);
        return Vector256.Narrow(ErfForSingle(lower), ErfForSingle(upper));
    }

    /// <summary>The error function per element, within 1 ULP (computed in double, rounded once).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The error function of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Erf(Vector512<float> x)
    {
        (Vector512<double> lower, Vector512<double> upper) = Vector512.Widen(x);
        return Vector512.Narrow(ErfForSingle(lower), ErfForSingle(upper));
    }

    /// <summary>The error function in double, to a relative error far below a float ULP, for float formulas evaluated
    /// in double and narrowed once (the result then rounds to within 1 ULP of the correctly rounded float).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The error function of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ErfForSingle(double x) => ErfSingle<double, ScalarDoubleLanes>(x);

    /// <summary>The error function per element in double, for results narrowed to float (see <see cref="ErfForSingle(double)"/>).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The error function of each element.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector128<double> ErfForSingle(Vector128<double> x) => ErfSingle<Vector128<double>, Vector128DoubleLanes>(x);

    /// <summary>The error function per element in double, for results narrowed to float (see <see cref="ErfForSingle(double)"/>).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The error function of each element.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector256<double> ErfForSingle(Vector256<double> x) => ErfSingle<Vector256<double>, Vector256DoubleLanes>(x);

    /// <summary>The error function per element in double, for results narrowed to float (see <see cref="ErfForSingle(double)"/>).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The error function of each element.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector512<double> ErfForSingle(Vector512<double> x) => ErfSingle<Vector512<double>, Vector512DoubleLanes>(x);

    // erf x = x E(x^2) for |x| < 1 (E fitted by us on [0, 1]: 13 terms, relative error 2^-56; 8 terms, 2^-34).
    // erfc x = e^(-x^2) G(t) / (x + 1/2) for x >= 0.46875, with t = (x - 3) / (x + 3) in [-0.73, 0.80]: G(t) =
    // erfcx(x) (x + 1/2) is smooth and nearly flat (0.56 to 0.64) on the whole range, so one polynomial in t (fitted
    // by us: 22 terms, 2^-54.6; 13 terms, 2^-33) covers [0.46875, 27.3] and evaluates without cancellation (the sum
    // of its terms' magnitudes is at most 1.34 times its value, so Horner is accurate even without FMA; the float-accuracy
    // fits use Estrin's scheme for its shorter dependency chain, and share one division between t and 1 / (x + 1/2)). The
    // Weideman-style rational map avoids piecewise coefficient tables. x^2 is split exactly into
    // hi + lo (FMA, or Dekker's product without it) and e^(-hi - lo) computed with lo as a tail of the reduced
    // argument, so the exponential's argument carries no rounding error. Above 27.3 erfc underflows to 0; erf x
    // for |x| >= 1 is 1 - erfc|x| (no cancellation: erfc 1 = 0.157), and erfc x for |x| < 0.46875 is 1 - erf x
    // (the result is at least 0.5, so this loses nothing), and for x <= -0.46875 it is 2 - erfc|x|.

    private const double ErfcMapCenter = 3.0;
    private const double ErfcTailStart = 0.46875;
    private const double ErfcUnderflowBound = 27.3;

    /// <summary>2^27 + 1, Dekker's splitter: (2^27 + 1) a splits a double into two 26-bit halves.</summary>
    private const double DekkerSplitter = 134217729.0;

    /// <summary>erfc a for a in [0.46875, ∞) (a NaN propagates), without the special handling of the caller.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ErfcTail<TV, TL>(TV a, bool forSingle)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        a = TL.MinFast(TL.Create(ErfcUnderflowBound), a); // NaN stays NaN: the constant comes first
        TV denominator = TL.Add(a, TL.Create(0.5));
        TV hi = TL.Multiply(a, a);
        if (forSingle)
        {
            // One division for both quotients: with v = 1 / ((a + 3)(a + 1/2)), t = (a - 3)(a + 1/2) v and
            // 1 / (a + 1/2) = (a + 3) v, each within a few double roundings, far below what float results need.
            TV mapDenominator = TL.Add(a, TL.Create(ErfcMapCenter));
            TV v = TL.Divide(TL.Create(1.0), TL.Multiply(mapDenominator, denominator));
            TV tSingle = TL.Multiply(TL.Multiply(TL.Subtract(a, TL.Create(ErfcMapCenter)), denominator), v);
            TV gOverDenominator = TL.Multiply(ErfcPolynomialSingle<TV, TL>(tSingle), TL.Multiply(mapDenominator, v));
            return TL.Multiply(ExpSingle<TV, TL>(TL.Subtract(TL.Create(0.0), hi)), gOverDenominator); // only this product can be subnormal
        }
        else
        {
            TV t = TL.Divide(TL.Subtract(a, TL.Create(ErfcMapCenter)), TL.Add(a, TL.Create(ErfcMapCenter)));
            TV g = ErfcPolynomialDouble<TV, TL>(t);
            TV lo;
            if (TL.IsFused)
            {
                lo = TL.MultiplyAdd(a, a, TL.Subtract(TL.Create(0.0), hi));
            }
            else
            {
                TV c = TL.Multiply(a, TL.Create(DekkerSplitter));
                TV aHigh = TL.Subtract(c, TL.Subtract(c, a));
                TV aLow = TL.Subtract(a, aHigh);
                lo = TL.Add(TL.Add(TL.Subtract(TL.Multiply(aHigh, aHigh), hi), TL.Multiply(TL.Add(aHigh, aHigh), aLow)), TL.Multiply(aLow, aLow));
            }

            // e^(-hi - lo) g / (a + 1/2), the product folded into the exponential's last step: fewer roundings.
            return ExpDoubleTimes<TV, TL>(TL.Subtract(TL.Create(0.0), hi), TL.Subtract(TL.Create(0.0), lo), TL.Divide(g, denominator));
        }
    }

    /// <summary>x E(x^2), erf for |x| below 1 (keeps the sign of zero).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ErfNearZero<TV, TL>(TV x, bool forSingle)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV z = TL.Multiply(x, x);
        return TL.Multiply(x, forSingle ? ErfPolynomialSingle<TV, TL>(z) : ErfPolynomialDouble<TV, TL>(z));
    }

    /// <summary>E(z) = erf(x) / x, z = x^2 in [0, 1].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ErfPolynomialDouble<TV, TL>(TV z)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV p = TL.MultiplyAdd(TL.Create(-7.439927080321033e-13), z, TL.Create(-7.679588470963688e-10));
        p = TL.MultiplyAdd(p, z, TL.Create(1.3668219331498234e-08));
        p = TL.MultiplyAdd(p, z, TL.Create(-1.6196994061821087e-07));
        p = TL.MultiplyAdd(p, z, TL.Create(1.644592092011544e-06));
        p = TL.MultiplyAdd(p, z, TL.Create(-1.4924612069693377e-05));
        p = TL.MultiplyAdd(p, z, TL.Create(0.0001205528815565072));
        p = TL.MultiplyAdd(p, z, TL.Create(-0.0008548325738363904));
        p = TL.MultiplyAdd(p, z, TL.Create(0.005223977601862585));
        p = TL.MultiplyAdd(p, z, TL.Create(-0.02686617064254647));
        p = TL.MultiplyAdd(p, z, TL.Create(0.11283791670940187));
        p = TL.MultiplyAdd(p, z, TL.Create(-0.376126389031834));
        p = TL.MultiplyAdd(p, z, TL.Create(1.1283791670955126));
        return p;
    }

    /// <summary>E(z) to float accuracy (2^-34).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ErfPolynomialSingle<TV, TL>(TV z)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        // Estrin's scheme (three FMA levels, not seven): the terms alternate in sign but shrink fast on [0, 1].
        TV z2 = TL.Multiply(z, z);
        TV p01 = TL.MultiplyAdd(TL.Create(-0.3761263843367077), z, TL.Create(1.1283791670579184));
        TV p23 = TL.MultiplyAdd(TL.Create(-0.026865399144342685), z, TL.Create(0.11283781958837033));
        TV p45 = TL.MultiplyAdd(TL.Create(-0.0008482792153320677), z, TL.Create(0.0052209429044852915));
        TV p67 = TL.MultiplyAdd(TL.Create(-9.640764362780079e-06), z, TL.Create(0.00011256683177697108));
        return TL.MultiplyAdd(TL.Multiply(z2, z2), TL.MultiplyAdd(z2, p67, p45), TL.MultiplyAdd(z2, p23, p01));
    }

    /// <summary>G(t) = erfcx(x) (x + 1/2), t = (x - 3) / (x + 3), x in [0.46875, 27.3].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ErfcPolynomialDouble<TV, TL>(TV t)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV p = TL.MultiplyAdd(TL.Create(-5.37010261997031e-09), t, TL.Create(9.280779455233925e-09));
        p = TL.MultiplyAdd(p, t, TL.Create(4.9573804953280024e-08));
        p = TL.MultiplyAdd(p, t, TL.Create(-5.492848644497266e-08));
        p = TL.MultiplyAdd(p, t, TL.Create(-3.07609011060464e-07));
        p = TL.MultiplyAdd(p, t, TL.Create(1.6554230269128452e-07));
        p = TL.MultiplyAdd(p, t, TL.Create(1.7360296969545235e-06));
        p = TL.MultiplyAdd(p, t, TL.Create(-3.590771729264853e-07));
        p = TL.MultiplyAdd(p, t, TL.Create(-1.0050277943480574e-05));
        p = TL.MultiplyAdd(p, t, TL.Create(2.472464346426767e-06));
        p = TL.MultiplyAdd(p, t, TL.Create(6.254968251181192e-05));
        p = TL.MultiplyAdd(p, t, TL.Create(-5.257938850822535e-05));
        p = TL.MultiplyAdd(p, t, TL.Create(-0.0003899161370439859));
        p = TL.MultiplyAdd(p, t, TL.Create(0.0009443451059153467));
        p = TL.MultiplyAdd(p, t, TL.Create(0.0012646959079876672));
        p = TL.MultiplyAdd(p, t, TL.Create(-0.011885257452896023));
        p = TL.MultiplyAdd(p, t, TL.Create(0.03415401367200777));
        p = TL.MultiplyAdd(p, t, TL.Create(-0.05963683170795675));
        p = TL.MultiplyAdd(p, t, TL.Create(0.06482257935137933));
        p = TL.MultiplyAdd(p, t, TL.Create(-0.023781147176719374));
        p = TL.MultiplyAdd(p, t, TL.Create(-0.06781055306229058));
        p = TL.MultiplyAdd(p, t, TL.Create(0.6265040291348648));
        return p;
    }

    /// <summary>G(t) to float accuracy (2^-33).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ErfcPolynomialSingle<TV, TL>(TV t)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        // Estrin's scheme (four FMA levels, not twelve): the latency is what bounds the float gelu kernel.
        TV t2 = TL.Multiply(t, t);
        TV t4 = TL.Multiply(t2, t2);
        TV p01 = TL.MultiplyAdd(TL.Create(-0.06781055231164719), t, TL.Create(0.6265040291032564));
        TV p23 = TL.MultiplyAdd(TL.Create(0.06482254251942986), t, TL.Create(-0.02378114267400754));
        TV p45 = TL.MultiplyAdd(TL.Create(0.03415453613879111), t, TL.Create(-0.05963693434074392));
        TV p67 = TL.MultiplyAdd(TL.Create(0.0012614724088649818), t, TL.Create(-0.011884409420766299));
        TV p89 = TL.MultiplyAdd(TL.Create(-0.00038004414203619526), t, TL.Create(0.0009411904306590506));
        TV p1011 = TL.MultiplyAdd(TL.Create(4.745848636872565e-05), t, TL.Create(-4.714248321202925e-05));
        TV p03 = TL.MultiplyAdd(t2, p23, p01);
        TV p47 = TL.MultiplyAdd(t2, p67, p45);
        TV p811 = TL.MultiplyAdd(t2, p1011, p89);
        TV p812 = TL.MultiplyAdd(t4, TL.Create(-1.2080353836273508e-06), p811);
        return TL.MultiplyAdd(TL.Multiply(t4, t4), p812, TL.MultiplyAdd(t4, p47, p03));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ErfDouble<TV, TL>(TV x)
        where TV : struct
        where TL : struct, IDoubleLanes<TV> =>
        Erf<TV, TL>(x, forSingle: false);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ErfSingle<TV, TL>(TV x)
        where TV : struct
        where TL : struct, IDoubleLanes<TV> =>
        Erf<TV, TL>(x, forSingle: true);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Erf<TV, TL>(TV x, bool forSingle)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV a = Abs<TV, TL>(x);
        TV result = ErfNearZero<TV, TL>(x, forSingle);
        TV far = TL.Or(TL.GreaterThanOrEqual(a, TL.Create(1.0)), IsNaN<TV, TL>(x));
        if (TL.Any(far))
        {
            TV tail = CopySign<TV, TL>(TL.Subtract(TL.Create(1.0), ErfcTail<TV, TL>(a, forSingle)), x);
            result = TL.Select(far, tail, result);
        }

        return result;
    }
}
