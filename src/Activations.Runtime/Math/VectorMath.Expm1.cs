using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

public static partial class VectorMath
{
    /// <summary>e^x - 1, accurate near zero for a double, within 2 ULP of the correctly rounded result; special values as System.Math gives them.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>e^x - 1 of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Expm1(double x) => Expm1Double<double, ScalarDoubleLanes>(x);

    /// <summary>e^x - 1, accurate near zero for a float, within 1 ULP (computed in double, rounded once).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>e^x - 1 of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Expm1(float x) => (float)Expm1ForSingle((double)x);

    /// <summary>e^x - 1, accurate near zero per element, within 2 ULP.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>e^x - 1 of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Expm1(Vector128<double> x) => Expm1Double<Vector128<double>, Vector128DoubleLanes>(x);

    /// <summary>e^x - 1, accurate near zero per element, within 2 ULP.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>e^x - 1 of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Expm1(Vector256<double> x) => Expm1Double<Vector256<double>, Vector256DoubleLanes>(x);

    /// <summary>e^x - 1, accurate near zero per element, within 2 ULP.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>e^x - 1 of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Expm1(Vector512<double> x) => Expm1Double<Vector512<double>, Vector512DoubleLanes>(x);

    /// <summary>e^x - 1, accurate near zero per element, within 1 ULP (computed in float lanes, see VectorMath.SingleExpm1.cs).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>e^x - 1 of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Expm1(Vector128<float> x) => ExpMinusOneOfFloats(x);

    /// <summary>e^x - 1, accurate near zero per element, within 1 ULP (computed in float lanes, see VectorMath.SingleExpm1.cs).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>e^x - 1 of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Expm1(Vector256<float> x) => ExpMinusOneOfFloats(x);

    /// <summary>e^x - 1, accurate near zero per element, within 1 ULP (computed in float lanes, see VectorMath.SingleExpm1.cs).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>e^x - 1 of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Expm1(Vector512<float> x) => ExpMinusOneOfFloats(x);

    /// <summary>e^x - 1, accurate near zero in double, to a relative error far below a float ULP, for float formulas evaluated
    /// in double and narrowed once (the result then rounds to within 1 ULP of the correctly rounded float).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>e^x - 1 of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Expm1ForSingle(double x) => Expm1Single<double, ScalarDoubleLanes>(x);

    /// <summary>e^x - 1, accurate near zero per element in double, for results narrowed to float (see <see cref="Expm1ForSingle(double)"/>).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>e^x - 1 of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Expm1ForSingle(Vector128<double> x)
    {
        // Written with the vector operators, not the generic Expm1Single: a float kernel inlines this several times
        // per unrolled loop and the generic layering exhausted the JIT's inlining budget (elu's loop had calls).
        Vector128<double> result = Expm1SingleInRangeVector(Vector128DoubleLanes.MinFast(Vector128.Create(Expm1ExpBound), Vector128DoubleLanes.MaxFast(Vector128.Create(Expm1LowestArgument), x)));
        if (Vector128.GreaterThanAny(x, Vector128.Create(Expm1ExpBound)))
        {
            result = Expm1SingleLargeCall(x, result);
        }

        return Vector128.ConditionalSelect(Vector128.Equals(x, Vector128<double>.Zero), x, result); // expm1(-0) = -0
    }

    /// <summary>The rare lanes above 700, where e^x - 1 is e^x (out of line: it is never hot).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector128<double> Expm1SingleLargeCall(Vector128<double> x, Vector128<double> result) =>
        Vector128DoubleLanes.Select(Vector128DoubleLanes.GreaterThan(x, Vector128.Create(Expm1ExpBound)), ExpSingle<Vector128<double>, Vector128DoubleLanes>(x), result);

    /// <summary>e^x - 1, accurate near zero per element in double, for results narrowed to float (see <see cref="Expm1ForSingle(double)"/>).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>e^x - 1 of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Expm1ForSingle(Vector256<double> x)
    {
        // Written with the vector operators, not the generic Expm1Single: a float kernel inlines this several times
        // per unrolled loop and the generic layering exhausted the JIT's inlining budget (elu's loop had calls).
        Vector256<double> result = Expm1SingleInRangeVector(Vector256DoubleLanes.MinFast(Vector256.Create(Expm1ExpBound), Vector256DoubleLanes.MaxFast(Vector256.Create(Expm1LowestArgument), x)));
        if (Vector256.GreaterThanAny(x, Vector256.Create(Expm1ExpBound)))
        {
            result = Expm1SingleLargeCall(x, result);
        }

        return Vector256.ConditionalSelect(Vector256.Equals(x, Vector256<double>.Zero), x, result); // expm1(-0) = -0
    }

    /// <summary>The rare lanes above 700, where e^x - 1 is e^x (out of line: it is never hot).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<double> Expm1SingleLargeCall(Vector256<double> x, Vector256<double> result) =>
        Vector256DoubleLanes.Select(Vector256DoubleLanes.GreaterThan(x, Vector256.Create(Expm1ExpBound)), ExpSingle<Vector256<double>, Vector256DoubleLanes>(x), result);

    /// <summary>e^x - 1, accurate near zero per element in double, for results narrowed to float (see <see cref="Expm1ForSingle(double)"/>).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>e^x - 1 of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Expm1ForSingle(Vector512<double> x)
    {
        // Written with the vector operators, not the generic Expm1Single: a float kernel inlines this several times
        // per unrolled loop and the generic layering exhausted the JIT's inlining budget (elu's loop had calls).
        Vector512<double> result = Expm1SingleInRangeVector(Vector512DoubleLanes.MinFast(Vector512.Create(Expm1ExpBound), Vector512DoubleLanes.MaxFast(Vector512.Create(Expm1LowestArgument), x)));
        if (Vector512.GreaterThanAny(x, Vector512.Create(Expm1ExpBound)))
        {
            result = Expm1SingleLargeCall(x, result);
        }

        return Vector512.ConditionalSelect(Vector512.Equals(x, Vector512<double>.Zero), x, result); // expm1(-0) = -0
    }

    /// <summary>The rare lanes above 700, where e^x - 1 is e^x (out of line: it is never hot).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<double> Expm1SingleLargeCall(Vector512<double> x, Vector512<double> result) =>
        Vector512DoubleLanes.Select(Vector512DoubleLanes.GreaterThan(x, Vector512.Create(Expm1ExpBound)), ExpSingle<Vector512<double>, Vector512DoubleLanes>(x), result);

    // e^x - 1 = 2^k (e^r - 1) + (2^k - 1), with k and r as in Exp and e^r - 1 = r + r^2 Q(r) (the same Q):
    // for k = 0 this is the polynomial itself, accurate relative to tiny results; otherwise 2^k - 1 is exact
    // for the k that matter and the sum cancels by at most a factor of about 4.

    /// <summary>Below this, e^x - 1 rounds to -1 in double (e^-40 is below 2^-57).</summary>
    private const double Expm1LowestArgument = -40.0;

    /// <summary>Above this, 2^k might not be one normal double: e^x - 1 is then e^x.</summary>
    private const double Expm1ExpBound = 700.0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Expm1Double<TV, TL>(TV x)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        // Constant first: every MaxFast/MinFast implementation returns its second operand when it is NaN.
        TV clamped = TL.MinFast(TL.Create(Expm1ExpBound), TL.MaxFast(TL.Create(Expm1LowestArgument), x));
        TV k = RoundToInteger<TV, TL>(TL.Multiply(clamped, TL.Create(InverseLn2)));
        TV r = TL.MultiplyAdd(k, TL.Create(-Ln2High), clamped);
        r = TL.MultiplyAdd(k, TL.Create(-Ln2Low), r);
        TV pm1 = TL.MultiplyAdd(TL.Multiply(r, r), ExpPolynomialDouble<TV, TL>(r), r);
        TV scale = PowerOfTwo<TV, TL>(k);
        TV result = TL.MultiplyAdd(scale, pm1, TL.Subtract(scale, TL.Create(1.0)));
        TV large = TL.GreaterThan(x, TL.Create(Expm1ExpBound));
        if (TL.Any(large))
        {
            result = TL.Select(large, ExpDouble<TV, TL>(x, TL.Create(0.0)), result);
        }

        return TL.Select(TL.Equals(x, TL.Create(0.0)), x, result); // expm1(-0) = -0
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Expm1Single<TV, TL>(TV x)
        where TV : struct
        where TL : struct, IDoubleLanes<TV> =>
        TL.Select(TL.Equals(x, TL.Create(0.0)), x, Expm1SingleNoSignedZero<TV, TL>(x)); // expm1(-0) = -0

    /// <summary>e^x - 1 to float accuracy, except that -0 gives +0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Expm1SingleNoSignedZero<TV, TL>(TV x)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV result = Expm1SingleInRange<TV, TL>(TL.MinFast(TL.Create(Expm1ExpBound), TL.MaxFast(TL.Create(Expm1LowestArgument), x)));
        TV large = TL.GreaterThan(x, TL.Create(Expm1ExpBound));
        return TL.Any(large) ? TL.Select(large, ExpSingle<TV, TL>(x), result) : result;
    }

    /// <summary>e^x - 1 to float accuracy for x in [-40, 700] or NaN (-0 gives +0); no branches.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Expm1SingleInRange<TV, TL>(TV x)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV k = RoundToInteger<TV, TL>(TL.Multiply(x, TL.Create(InverseLn2)));
        TV r = TL.MultiplyAdd(k, TL.Create(-Ln2), x);
        TV r2 = TL.Multiply(r, r);
        TV pm1 = TL.MultiplyAdd(r2, ExpPolynomialSingle<TV, TL>(r, r2), r);
        TV scale = PowerOfTwo<TV, TL>(k);
        return TL.MultiplyAdd(scale, pm1, TL.Subtract(scale, TL.Create(1.0)));
    }
}
