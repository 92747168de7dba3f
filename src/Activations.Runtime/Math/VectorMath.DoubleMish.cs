using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

// mish x tanh(softplus(x)) of doubles, within 1 ULP where the hardware fuses multiply-adds, one body over the lanes
// (IDoubleLanes), so the scalar and every vector width give the same bits. With t = e^-|x|, mish is x P / D:
// P = 1 + 2t and D = P + 2t² for x >= 0, P = 2t + t² and D = P + 2 below (exact rewrites of tanh(log(1 + e^x)); no
// overflow). Written out, t's error and the roundings of P, D, the product and the quotient reached 3 ULP. Here
// t = 2^k (1 + T) from the double sigmoid core's reduction (VectorMath.DoubleSigmoid.cs) as a pair th + tl, t² as a pair
// (FMA), P and D as pairs (Fast2Sum on the larger: every term is non-negative), x P as a pair (FMA), and the quotient
// corrected once as the sigmoid core's. Lanes beyond ±708 (and NaN), and hardware without FMA, take the formula the stub
// wrote before: x above 708 (t is below 2^-1021), and below -708, x e^x (mish's tanh(softplus) is e^x to double precision
// there) as the sigmoid core computes a e^x, rounded once into the subnormals (without FMA, (x e^(x/2)) e^(x/2)), with x
// clamped at -10⁴ as the factor so that -∞ gives -0.
public static partial class VectorMath
{
    /// <summary>Beyond this |x|, e^-|x| nears the subnormals: those lanes take the formula.</summary>
    private const double MishDoubleLargestMagnitude = 708.0;

    /// <summary>mish per element: within 1 ULP where the hardware fuses multiply-adds, 3 without.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>mish of each element; NaN for NaN, -0 for -∞ and -0, ∞ for ∞.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector128<double> Mish(Vector128<double> x) => MishDouble<Vector128<double>, Vector128DoubleLanes>(x);

    /// <inheritdoc cref="Mish(Vector128{double})"/>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector256<double> Mish(Vector256<double> x) => MishDouble<Vector256<double>, Vector256DoubleLanes>(x);

    /// <inheritdoc cref="Mish(Vector128{double})"/>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector512<double> Mish(Vector512<double> x) => MishDouble<Vector512<double>, Vector512DoubleLanes>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV MishDouble<TV, TL>(TV x)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV rare = TL.AndNot(TL.CreateBits(ulong.MaxValue), TL.LessThanOrEqual(Abs<TV, TL>(x), TL.Create(MishDoubleLargestMagnitude)));
        if (!TL.IsFused || TL.Any(rare))
        {
            return MishRareLanes<TV, TL>(x, rare);
        }

        return MishPairs<TV, TL>(x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV MishPairs<TV, TL>(TV x)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        // t = e^-|x| = th + tl, t² = sh + sl.
        TV k = ReduceForExp<TV, TL>(TL.Xor(TL.MinFast(Abs<TV, TL>(x), TL.Create(MishDoubleLargestMagnitude)), TL.Create(-0.0)), out TV tHigh, out TV tLow);
        TV scale = PowerOfTwo<TV, TL>(k);
        TV th = TL.MultiplyAdd(scale, tHigh, scale);
        TV tl = TL.MultiplyAdd(scale, tLow, TL.MultiplyAdd(scale, tHigh, TL.Subtract(scale, th)));
        TV sh = TL.Multiply(th, th);
        TV sl = TL.MultiplyAdd(TL.Add(th, th), tl, TL.MultiplyAdd(th, th, TL.Xor(sh, TL.Create(-0.0))));

        // P = A + B and D = P + C, as pairs.
        TV positive = TL.GreaterThanOrEqual(x, TL.Create(0.0));
        TV twoTh = TL.Add(th, th);
        TV twoTl = TL.Add(tl, tl);
        TV a = TL.Select(positive, TL.Create(1.0), twoTh);
        TV aLow = TL.Select(positive, TL.Create(0.0), twoTl);
        TV b = TL.Select(positive, twoTh, sh);
        TV bLow = TL.Select(positive, twoTl, sl);
        TV larger = TL.MaxFast(a, b);
        TV smaller = TL.MinFast(a, b);
        TV ph = TL.Add(larger, smaller);
        TV pl = TL.Add(TL.Add(TL.Subtract(larger, ph), smaller), TL.Add(aLow, bLow));
        TV c = TL.Select(positive, TL.Add(sh, sh), TL.Create(2.0));
        TV cLow = TL.Select(positive, TL.Add(sl, sl), TL.Create(0.0));
        larger = TL.MaxFast(ph, c);
        smaller = TL.MinFast(ph, c);
        TV dh = TL.Add(larger, smaller);
        TV dl = TL.Add(TL.Add(TL.Subtract(larger, dh), smaller), TL.Add(pl, cLow));

        // x P / D: the numerator as a pair, the quotient corrected once.
        TV nh = TL.Multiply(x, ph);
        TV nl = TL.MultiplyAdd(x, pl, TL.MultiplyAdd(x, ph, TL.Xor(nh, TL.Create(-0.0))));
        return DivideCorrected<TV, TL>(nh, nl, dh, dl);
    }

    // Hardware without FMA, and the lanes beyond ±708 or NaN: the formula the stub wrote before (the other lanes' results
    // kept where the hardware fuses; below -708, a e^x as the sigmoid core computes it). Not inlined, for the hot path's
    // inlining budget.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TV MishRareLanes<TV, TL>(TV x, TV rare)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV one = TL.Create(1.0);
        TV two = TL.Create(2.0);
        TV positive = TL.GreaterThanOrEqual(x, TL.Create(0.0));
        TV below = TL.LessThan(x, TL.Create(-MishDoubleLargestMagnitude));
        TV factor = TL.MaxFast(x, TL.Create(-1e4));
        TV e = ExpDouble<TV, TL>(TL.Select(positive, TL.Xor(x, TL.Create(-0.0)), x), TL.Create(0.0));
        TV eTwo = TL.Multiply(e, TL.Add(e, two));
        TV numerator = TL.Multiply(x, TL.Select(positive, TL.Add(one, TL.Multiply(two, e)), eTwo));
        TV denominator = TL.Select(positive, TL.Add(one, TL.Multiply(TL.Multiply(two, e), TL.Add(one, e))), TL.Add(eTwo, two));
        TV written = TL.Divide(numerator, denominator);
        if (!TL.IsFused)
        {
            TV half = ExpDouble<TV, TL>(TL.Multiply(TL.Create(0.5), x), TL.Create(0.0));
            return TL.Select(below, TL.Multiply(TL.Multiply(factor, half), half), written);
        }

        TV accurate = TL.Select(rare, written, MishPairs<TV, TL>(x));
        return TL.Select(below, MultiplyByExp<TV, TL>(factor, x), accurate);
    }
}
