using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

// tanh_shrink x - tanh x of doubles, within 1 ULP where the hardware fuses multiply-adds, one body over the lanes
// (IDoubleLanes), so the scalar and every vector width give the same bits. With a = |x| (the function is odd):
// * a <= 1.25: a³ R(a²), R = P / Q the 11th convergent of Lambert's continued fraction with x - tanh x taken on its
//   integer coefficients (all positive: nothing cancels; truncation below 1.1e-18), as the stub wrote it. Written out, the
//   roundings of a³, of P's leading 1/3 and Q's 11/23 (each a third of an ULP or so) and of the quotient reached 2 ULP.
//   Here s = a² = sh + sl and a³ = ch + cl exactly (FMA); P = 1/3 + s P1(s) with 1/3 as a pair, Q = 1 + (11/23) s + s² Q2(s)
//   with 11/23 as a pair and (11/23) s by FMA, both as pairs (Fast2Sum: the leading terms are the larger); R = Rh + Rl, the
//   quotient and its remainder by FMA; then ch Rh + (ch Rl + cl Rh), rounded once.
// * a > 1.25: x - tanh x as written (the result is above 0.4 and tanh below 1: within 1 ULP already).
// Hardware without FMA takes the stub's formula on both sides (within 2 ULP).
public static partial class VectorMath
{
    /// <summary>At and below this |x| the convergent; above, x - tanh x.</summary>
    private const double TanhShrinkSmallBound = 1.25;

    // Lambert's convergent: P(s) = 1/3 + s (p1 + s (p2 + s (p3 + s (p4 + s p5)))), Q(s) = 1 + s (q1 + s (q2 + ... + s q6)).
    private const double TanhShrinkP0High = 0.3333333333333333;
    private const double TanhShrinkP0Low = 1.850371707708594e-17;
    private const double TanhShrinkP1 = 0.02608695652173913;
    private const double TanhShrinkP2 = 0.0005521048999309869;
    private const double TanhShrinkP3 = 4.035854531659261e-06;
    private const double TanhShrinkP4 = 9.249475626415419e-09;
    private const double TanhShrinkP5 = 3.1622138893727926e-12;
    private const double TanhShrinkQ1High = 0.4782608695652174;
    private const double TanhShrinkQ1Low = -1.4481169886415085e-17;
    private const double TanhShrinkQ2 = 0.031055900621118012;
    private const double TanhShrinkQ3 = 0.0006102212051868803;
    private const double TanhShrinkQ4 = 4.273257739403923e-06;
    private const double TanhShrinkQ5 = 9.496128309786497e-09;
    private const double TanhShrinkQ6 = 3.1622138893727926e-12;

    /// <summary>
    /// Keras's tanh_shrink, <c>x - tanh x</c>: for |x| &lt;= 1.25, x³ P(x²) / Q(x²) from Lambert's continued fraction
    /// (nothing cancels) with pairs of doubles, else x - tanh x: within 1 ULP where the hardware fuses multiply-adds, 2 without.
    /// </summary>
    /// <param name="x">The argument.</param>
    /// <returns>tanh_shrink of <paramref name="x"/>; NaN for NaN.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double TanhShrink(double x) => TanhShrinkDouble<double, ScalarDoubleLanes>(x);

    /// <summary>tanh_shrink per element: within 1 ULP where the hardware fuses multiply-adds, 2 without.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>tanh_shrink of each element; NaN for NaN.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector128<double> TanhShrink(Vector128<double> x) => TanhShrinkDouble<Vector128<double>, Vector128DoubleLanes>(x);

    /// <inheritdoc cref="TanhShrink(Vector128{double})"/>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector256<double> TanhShrink(Vector256<double> x) => TanhShrinkDouble<Vector256<double>, Vector256DoubleLanes>(x);

    /// <inheritdoc cref="TanhShrink(Vector128{double})"/>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector512<double> TanhShrink(Vector512<double> x) => TanhShrinkDouble<Vector512<double>, Vector512DoubleLanes>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV TanhShrinkDouble<TV, TL>(TV x)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV a = Abs<TV, TL>(x);
        TV small = TL.LessThanOrEqual(a, TL.Create(TanhShrinkSmallBound));
        TV large = TL.AndNot(TL.CreateBits(ulong.MaxValue), small);
        TV result = TL.IsFused ? TanhShrinkConvergentPairs<TV, TL>(a) : TanhShrinkConvergent<TV, TL>(a);
        result = TL.Or(result, TL.And(x, TL.Create(-0.0)));
        return TL.Any(large) ? TanhShrinkLargeLanes<TV, TL>(x, large, result) : result;
    }

    // |x|³ P(x²) / Q(x²) with pairs (the file's comment), for |x| <= 1.25.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV TanhShrinkConvergentPairs<TV, TL>(TV a)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV sh = TL.Multiply(a, a);
        TV sl = TL.MultiplyAdd(a, a, TL.Xor(sh, TL.Create(-0.0)));
        TV ch = TL.Multiply(sh, a);
        TV cl = TL.MultiplyAdd(sl, a, TL.MultiplyAdd(sh, a, TL.Xor(ch, TL.Create(-0.0))));

        TV p1 = TL.MultiplyAdd(TL.MultiplyAdd(TL.MultiplyAdd(TL.MultiplyAdd(TL.Create(TanhShrinkP5), sh, TL.Create(TanhShrinkP4)), sh, TL.Create(TanhShrinkP3)), sh, TL.Create(TanhShrinkP2)), sh, TL.Create(TanhShrinkP1));
        TV pTail = TL.Multiply(sh, p1);
        TV ph = TL.Add(TL.Create(TanhShrinkP0High), pTail);
        TV pl = TL.Add(TL.Add(TL.Subtract(TL.Create(TanhShrinkP0High), ph), pTail), TL.Create(TanhShrinkP0Low));

        TV q2 = TL.MultiplyAdd(TL.MultiplyAdd(TL.MultiplyAdd(TL.MultiplyAdd(TL.Create(TanhShrinkQ6), sh, TL.Create(TanhShrinkQ5)), sh, TL.Create(TanhShrinkQ4)), sh, TL.Create(TanhShrinkQ3)), sh, TL.Create(TanhShrinkQ2));
        TV qRest = TL.Multiply(TL.Multiply(sh, sh), q2);
        TV linearHigh = TL.Multiply(TL.Create(TanhShrinkQ1High), sh);
        TV linearLow = TL.Add(
            TL.MultiplyAdd(TL.Create(TanhShrinkQ1High), sh, TL.Xor(linearHigh, TL.Create(-0.0))),
            TL.MultiplyAdd(TL.Create(TanhShrinkQ1Low), sh, TL.Multiply(TL.Create(TanhShrinkQ1High), sl)));
        TV uh = TL.Add(TL.Create(1.0), linearHigh);
        TV ul = TL.Add(TL.Subtract(TL.Create(1.0), uh), linearHigh);
        TV qh = TL.Add(uh, qRest);
        TV ql = TL.Add(TL.Add(TL.Subtract(uh, qh), qRest), TL.Add(ul, linearLow));

        TV rh = TL.Divide(ph, qh);
        TV rl = TL.Divide(TL.Add(TL.MultiplyAdd(TL.Xor(rh, TL.Create(-0.0)), qh, ph), TL.MultiplyAdd(TL.Xor(rh, TL.Create(-0.0)), ql, pl)), qh);
        return TL.MultiplyAdd(ch, rh, TL.MultiplyAdd(ch, rl, TL.Multiply(cl, rh)));
    }

    // The stub's convergent as written, for |x| <= 1.25 on hardware without FMA.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV TanhShrinkConvergent<TV, TL>(TV a)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV s = TL.Multiply(a, a);
        TV p = TL.Add(TL.Create(TanhShrinkP4), TL.Multiply(s, TL.Create(TanhShrinkP5)));
        p = TL.Add(TL.Create(TanhShrinkP3), TL.Multiply(s, p));
        p = TL.Add(TL.Create(TanhShrinkP2), TL.Multiply(s, p));
        p = TL.Add(TL.Create(TanhShrinkP1), TL.Multiply(s, p));
        p = TL.Multiply(s, TL.Add(TL.Create(TanhShrinkP0High), TL.Multiply(s, p)));
        TV q = TL.Add(TL.Create(TanhShrinkQ5), TL.Multiply(s, TL.Create(TanhShrinkQ6)));
        q = TL.Add(TL.Create(TanhShrinkQ4), TL.Multiply(s, q));
        q = TL.Add(TL.Create(TanhShrinkQ3), TL.Multiply(s, q));
        q = TL.Add(TL.Create(TanhShrinkQ2), TL.Multiply(s, q));
        q = TL.Add(TL.Create(TanhShrinkQ1High), TL.Multiply(s, q));
        q = TL.Add(TL.Create(1.0), TL.Multiply(s, q));
        return TL.Multiply(a, TL.Divide(p, q));
    }

    // The lanes beyond 1.25 in magnitude (NaN and ±∞ included): x - tanh x, the others' results kept. Not inlined, for the
    // hot path's inlining budget.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TV TanhShrinkLargeLanes<TV, TL>(TV x, TV large, TV result)
        where TV : struct
        where TL : struct, IDoubleLanes<TV> =>
        TL.Select(large, TL.Subtract(x, TanhDouble<TV, TL>(x)), result);
}
