using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

public static partial class VectorMath
{
    /// <summary>The complementary error function 1 - erf(x), accurate in the tail for a double, within 2 ULP of the correctly rounded result; special values as System.Math gives them.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>erfc of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Erfc(double x) => ErfcDouble<double, ScalarDoubleLanes>(x);

    /// <summary>The complementary error function 1 - erf(x), accurate in the tail for a float, within 1 ULP (computed in double, rounded once).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>erfc of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Erfc(float x) => (float)ErfcForSingle((double)x);

    /// <summary>The complementary error function 1 - erf(x), accurate in the tail per element, within 2 ULP.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>erfc of each element.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector128<double> Erfc(Vector128<double> x) => ErfcDouble<Vector128<double>, Vector128DoubleLanes>(x);

    /// <summary>The complementary error function 1 - erf(x), accurate in the tail per element, within 2 ULP.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>erfc of each element.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector256<double> Erfc(Vector256<double> x) => ErfcDouble<Vector256<double>, Vector256DoubleLanes>(x);

    /// <summary>The complementary error function 1 - erf(x), accurate in the tail per element, within 2 ULP.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>erfc of each element.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector512<double> Erfc(Vector512<double> x) => ErfcDouble<Vector512<double>, Vector512DoubleLanes>(x);

    /// <summary>The complementary error function 1 - erf(x), accurate in the tail per element, within 1 ULP (computed in double, rounded once).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>erfc of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Erfc(Vector128<float> x)
    {
        (Vector128<double> lower, Vector128<double> upper) = Vector128.Widen(x);
        return Vector128.Narrow(ErfcForSingle(lower), ErfcForSingle(upper));
    }

    /// <summary>The complementary error function 1 - erf(x), accurate in the tail per element, within 1 ULP (computed in double, rounded once).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>erfc of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Erfc(Vector256<float> x)
    {
        (Vector256<double> lower, Vector256<double> upper) = Vector256.Widen(x);
        return Vector256.Narrow(ErfcForSingle(lower), ErfcForSingle(upper));
    }

    /// <summary>The complementary error function 1 - erf(x), accurate in the tail per element, within 1 ULP (computed in double, rounded once).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>erfc of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Erfc(Vector512<float> x)
    {
        (Vector512<double> lower, Vector512<double> upper) = Vector512.Widen(x);
        return Vector512.Narrow(ErfcForSingle(lower), ErfcForSingle(upper));
    }

    /// <summary>The complementary error function 1 - erf(x), accurate in the tail in double, to a relative error far below a float ULP, for float formulas evaluated
    /// in double and narrowed once (the result then rounds to within 1 ULP of the correctly rounded float).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>erfc of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ErfcForSingle(double x) => ErfcSingle<double, ScalarDoubleLanes>(x);

    /// <summary>The complementary error function 1 - erf(x), accurate in the tail per element in double, for results narrowed to float (see <see cref="ErfcForSingle(double)"/>).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>erfc of each element.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector128<double> ErfcForSingle(Vector128<double> x) => ErfcSingle<Vector128<double>, Vector128DoubleLanes>(x);

    /// <summary>The complementary error function 1 - erf(x), accurate in the tail per element in double, for results narrowed to float (see <see cref="ErfcForSingle(double)"/>).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>erfc of each element.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector256<double> ErfcForSingle(Vector256<double> x) => ErfcSingle<Vector256<double>, Vector256DoubleLanes>(x);

    /// <summary>The complementary error function 1 - erf(x), accurate in the tail per element in double, for results narrowed to float (see <see cref="ErfcForSingle(double)"/>).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>erfc of each element.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector512<double> ErfcForSingle(Vector512<double> x) => ErfcSingle<Vector512<double>, Vector512DoubleLanes>(x);

    // See VectorMath.Erf.cs for the algorithm (the two share ErfcTail and ErfNearZero).

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ErfcDouble<TV, TL>(TV x)
        where TV : struct
        where TL : struct, IDoubleLanes<TV> =>
        Erfc<TV, TL>(x, forSingle: false);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ErfcSingle<TV, TL>(TV x)
        where TV : struct
        where TL : struct, IDoubleLanes<TV> =>
        Erfc<TV, TL>(x, forSingle: true);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Erfc<TV, TL>(TV x, bool forSingle)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV a = Abs<TV, TL>(x);
        TV result = TL.Subtract(TL.Create(1.0), ErfNearZero<TV, TL>(x, forSingle));
        TV far = TL.Or(TL.GreaterThanOrEqual(a, TL.Create(ErfcTailStart)), IsNaN<TV, TL>(x));
        if (TL.Any(far))
        {
            TV tail = ErfcTail<TV, TL>(a, forSingle);
            tail = TL.Select(TL.LessThan(x, TL.Create(0.0)), TL.Subtract(TL.Create(2.0), tail), tail);
            result = TL.Select(far, tail, result);
        }

        return result;
    }
}
