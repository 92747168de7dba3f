using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

// a · sigmoid(x) = a / (1 + e^-x) of doubles, within 1 ULP where the hardware fuses multiply-adds: the float lanes'
// sigmoid core (VectorMath.SingleSigmoid.cs) in double, one formula for every x. Written once over the lanes
// (IDoubleLanes), so the scalar and every vector width give the same bits.
// * e^-x = 2^k (1 + T), k = round(-x / ln 2), r = -x - k ln 2 = rh + rl: rh = -x - k ln2_hi exact (Cody-Waite), rl =
//   -k ln2_lo; r as a pair (Fast2Sum) r_hi + r_lo. T = e^r - 1 = r_hi + [r_hi² Q(r_hi) + r_lo (1 + r_hi)], the bracket
//   at most a fifth of r_hi, so T = T_h + T_l by Fast2Sum, within about 2^-56 of e^r - 1 (Q is the double exp's, 2^-63).
// * d = 1 + e^-x = (1 + 2^k) + 2^k T_h + 2^k T_l = dh + dl: 2^k T_h is exact, 1 + 2^k and its rounding error (Fast2Sum on
//   the larger), the sum dh by Fast2Sum again (1 + 2^k is the larger).
// * a / d: y = 1 / dh rounded, q = a y, the excess q dh - a + q dl by FMA, and a / d = q - excess y, rounded once: the
//   excess is about 2^-52 q, so y's own error weighs 2^-105. Subtracting the excess keeps a = -0's result -0.
// x is capped at 40 (e^-40 < 2^-57: a / d is a rounded there, as for every larger x). Below -708, where e^-x passes the
// double range and 1 + e^x is 1, a e^x = (a 2^k)(1 + T) with k, T from x's reduction, rounded once (into the subnormals
// too). Lanes with a NaN argument or a factor that is not finite, and hardware without FMA, take the expansion the
// generator wrote out before, the numerator first ((x >= 0 ? a : a e) / (1 + e), e = e^-|x|; below -708,
// (a e^(x/2)) e^(x/2)): within 2 ULP.
public static partial class VectorMath
{
    /// <summary>Above this x, e^-x is below 2^-57 and a / (1 + e^-x) rounds to a: x is capped here.</summary>
    private const double SigmoidDoubleHighestArgument = 40.0;

    /// <summary>Below this x, e^-x passes the double range (and 1 + e^x is 1): those lanes compute a e^x.</summary>
    private const double SigmoidDoubleLowestArgument = -708.0;

    /// <summary>a e^x is clamped to x at least this: below it, a e^x is below 2^-1076 for every finite a.</summary>
    private const double SigmoidDoubleClampBelow = -2100.0;

    /// <summary>a · sigmoid(x) = a / (1 + e^-x), rounded once: within 1 ULP where the hardware fuses multiply-adds (2 without).</summary>
    /// <param name="a">The factor.</param>
    /// <param name="x">The sigmoid's argument.</param>
    /// <returns><paramref name="a"/> times the logistic sigmoid of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MultiplyBySigmoid(double a, double x) => MultiplyBySigmoidDouble<double, ScalarDoubleLanes>(a, x);

    /// <summary>a · sigmoid(x) per element, rounded once: within 1 ULP where the hardware fuses multiply-adds (2 without).</summary>
    /// <param name="a">The factors.</param>
    /// <param name="x">The sigmoid's arguments.</param>
    /// <returns>Each factor times the logistic sigmoid of its argument.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector128<double> MultiplyBySigmoid(Vector128<double> a, Vector128<double> x) => MultiplyBySigmoidDouble<Vector128<double>, Vector128DoubleLanes>(a, x);

    /// <summary>a · sigmoid(x) per element, rounded once: within 1 ULP where the hardware fuses multiply-adds (2 without).</summary>
    /// <param name="a">The factors.</param>
    /// <param name="x">The sigmoid's arguments.</param>
    /// <returns>Each factor times the logistic sigmoid of its argument.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector256<double> MultiplyBySigmoid(Vector256<double> a, Vector256<double> x) => MultiplyBySigmoidDouble<Vector256<double>, Vector256DoubleLanes>(a, x);

    /// <summary>a · sigmoid(x) per element, rounded once: within 1 ULP where the hardware fuses multiply-adds (2 without).</summary>
    /// <param name="a">The factors.</param>
    /// <param name="x">The sigmoid's arguments.</param>
    /// <returns>Each factor times the logistic sigmoid of its argument.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector512<double> MultiplyBySigmoid(Vector512<double> a, Vector512<double> x) => MultiplyBySigmoidDouble<Vector512<double>, Vector512DoubleLanes>(a, x);

    /// <summary>The logistic sigmoid per element, 1 / (1 + e^-x): within 1 ULP where the hardware fuses multiply-adds (2 without).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The logistic sigmoid of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Sigmoid(Vector128<double> x) => MultiplyBySigmoid(Vector128<double>.One, x);

    /// <summary>The logistic sigmoid per element, 1 / (1 + e^-x): within 1 ULP where the hardware fuses multiply-adds (2 without).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The logistic sigmoid of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Sigmoid(Vector256<double> x) => MultiplyBySigmoid(Vector256<double>.One, x);

    /// <summary>The logistic sigmoid per element, 1 / (1 + e^-x): within 1 ULP where the hardware fuses multiply-adds (2 without).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>The logistic sigmoid of each element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Sigmoid(Vector512<double> x) => MultiplyBySigmoid(Vector512<double>.One, x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV MultiplyBySigmoidDouble<TV, TL>(TV a, TV x)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV rare = TL.Or(IsNaN<TV, TL>(x), TL.AndNot(TL.CreateBits(ulong.MaxValue), TL.LessThanOrEqual(Abs<TV, TL>(a), TL.Create(double.MaxValue))));
        if (!TL.IsFused || TL.Any(rare))
        {
            return MultiplyBySigmoidRareLanes<TV, TL>(a, x, rare);
        }

        TV result = MultiplyBySigmoidFast<TV, TL>(a, x);
        TV low = TL.LessThan(x, TL.Create(SigmoidDoubleLowestArgument));
        return TL.Any(low) ? MultiplyBySigmoidLowLanes<TV, TL>(a, x, low, result) : result;
    }

    // The lanes below -708, the others' results kept. Not inlined, as the rare lanes below: inlined, the JIT's inlining
    // budget ran out and left the hot path's lane operations as calls (6 times slower).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TV MultiplyBySigmoidLowLanes<TV, TL>(TV a, TV x, TV low, TV result)
        where TV : struct
        where TL : struct, IDoubleLanes<TV> =>
        TL.Select(low, MultiplyByExp<TV, TL>(a, x), result);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV MultiplyBySigmoidFast<TV, TL>(TV a, TV x)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        // e^-x = 2^k (1 + T_h + T_l), then d = 1 + e^-x = dh + dl.
        TV one = TL.Create(1.0);
        TV k = ReduceForExp<TV, TL>(TL.Subtract(TL.Create(0.0), TL.MinFast(x, TL.Create(SigmoidDoubleHighestArgument))), out TV tHigh, out TV tLow);
        TV scale = PowerOfTwo<TV, TL>(k);
        TV c = TL.Add(one, scale);
        TV cLow = TL.Add(TL.Subtract(TL.MaxFast(one, scale), c), TL.MinFast(one, scale));
        TV u = TL.Multiply(scale, tHigh);
        TV dh = TL.Add(c, u);
        TV dl = TL.Add(TL.Add(TL.Subtract(c, dh), u), TL.MultiplyAdd(scale, tLow, cLow));

        return DivideCorrected<TV, TL>(a, TL.Create(0.0), dh, dl);
    }

    // n / d for a numerator nh + nl and a denominator dh + dl (the low parts small): y = 1 / dh rounded, q = nh y, the
    // excess q dh - nh + q dl - nl by FMA (about 2^-52 q, so y's own error weighs 2^-105), and n / d = q - excess y,
    // rounded once. Subtracting the excess keeps a -0 numerator's -0. The double cores' shared last step (sigmoid,
    // squareplus below zero, mish); a zero nl costs nothing (x - 0 = x for every x; the JIT drops it).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV DivideCorrected<TV, TL>(TV nh, TV nl, TV dh, TV dl)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV y = TL.Divide(TL.Create(1.0), dh);
        TV q = TL.Multiply(nh, y);
        TV excess = TL.Subtract(TL.MultiplyAdd(q, dl, TL.MultiplyAdd(q, dh, TL.Xor(nh, TL.Create(-0.0)))), nl);
        return TL.MultiplyAdd(TL.Xor(excess, TL.Create(-0.0)), y, q);
    }

    // Below -708, where 1 + e^x is 1 in double: a e^x = a 2^k (1 + T_h + T_l). The power of two in three factors, each a
    // normal double (x is clamped at -2100: below, a e^x is below 2^-1076 for every finite a); (a 2^k1)(1 + T) rounds once,
    // then the two exact scalings, of which the last may round into the subnormals.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV MultiplyByExp<TV, TL>(TV a, TV x)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV k = ReduceForExp<TV, TL>(TL.MaxFast(x, TL.Create(SigmoidDoubleClampBelow)), out TV tHigh, out TV tLow);
        TV k1 = RoundToInteger<TV, TL>(TL.Multiply(k, TL.Create(1.0 / 3.0)));
        TV k2 = RoundToInteger<TV, TL>(TL.Multiply(TL.Subtract(k, k1), TL.Create(0.5)));
        TV scaled = TL.Multiply(a, PowerOfTwo<TV, TL>(k1));
        TV p = TL.MultiplyAdd(scaled, tHigh, TL.MultiplyAdd(scaled, tLow, scaled));
        return TL.Multiply(TL.Multiply(p, PowerOfTwo<TV, TL>(k2)), PowerOfTwo<TV, TL>(TL.Subtract(TL.Subtract(k, k1), k2)));
    }

    // m = k ln 2 + r: returns k, and e^r - 1 = T_h + T_l within about 2^-56 (|m| <= 2100: k ln2_hi is exact).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ReduceForExp<TV, TL>(TV m, out TV tHigh, out TV tLow)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV k = RoundToInteger<TV, TL>(TL.Multiply(m, TL.Create(InverseLn2)));
        TV rh = TL.MultiplyAdd(k, TL.Create(-Ln2High), m);
        TV rl = TL.Multiply(k, TL.Create(-Ln2Low));
        TV rHigh = TL.Add(rh, rl);
        TV rLow = TL.Add(TL.Subtract(rh, rHigh), rl);
        TV tail = TL.MultiplyAdd(TL.Multiply(rHigh, rHigh), ExpPolynomialDouble<TV, TL>(rHigh), TL.MultiplyAdd(rLow, rHigh, rLow));
        tHigh = TL.Add(rHigh, tail);
        tLow = TL.Add(TL.Subtract(rHigh, tHigh), tail);
        return k;
    }

    // Hardware without FMA, and the lanes with a NaN argument or a factor that is not finite: the expansion, within 2 ULP
    // (the other lanes' results kept where the hardware fuses).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TV MultiplyBySigmoidRareLanes<TV, TL>(TV a, TV x, TV rare)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV e = ExpDouble<TV, TL>(TL.Xor(Abs<TV, TL>(x), TL.Create(-0.0)), TL.Create(0.0));
        TV numerator = TL.Select(TL.GreaterThanOrEqual(x, TL.Create(0.0)), a, TL.Multiply(a, e));
        TV halfExp = ExpDouble<TV, TL>(TL.Multiply(TL.Create(0.5), x), TL.Create(0.0));
        TV expanded = TL.Select(
            TL.LessThan(x, TL.Create(SigmoidDoubleLowestArgument)),
            TL.Multiply(TL.Multiply(a, halfExp), halfExp),
            TL.Divide(numerator, TL.Add(TL.Create(1.0), e)));
        if (!TL.IsFused)
        {
            return expanded;
        }

        TV low = TL.LessThan(x, TL.Create(SigmoidDoubleLowestArgument));
        TV accurate = TL.Select(low, MultiplyByExp<TV, TL>(a, x), MultiplyBySigmoidFast<TV, TL>(a, x));
        return TL.Select(rare, expanded, accurate);
    }
}
