using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

// squareplus (x + √(x² + b)) / 2 of doubles, within 1 ULP where the hardware fuses multiply-adds: the float lanes' pairs
// (VectorMath.SingleSquareplus.cs) in double, one body over the lanes (IDoubleLanes), so the scalar and every vector width
// give the same bits. With a = |x|:
// * a² = p + pl exactly (FMA), p + b = sh + sl exactly (Fast2Sum on the larger), so x² + b = sh + (sl + pl).
// * √(x² + b) = rh + rl: rh = √sh rounded, rl = (sh - rh² + sl + pl) / (2 rh), sh - rh² exact by FMA.
// * T = √(x² + b) + |x| = th + tl: rh + a by Fast2Sum (rh >= a), then rl added to the low part.
// * x >= 0 (-0 included): T / 2, rounded once. x < 0: (b / 4) / ((√(x² + b) - x) / 2) = (b / 2) / T, the corrected quotient
//   of the double sigmoid core (DivideCorrected, VectorMath.DoubleSigmoid.cs).
// Fast lanes: b in [2^-500, 2^500] and |x| at most 2^250, where x² + b stays finite and the results normal. Lanes beyond
// (NaN, ±∞, b = 0 included), and hardware without FMA, take the formula the stub wrote before: x/2 + s/2 for x >= 0,
// (b/4) / (s/2 - x/2) below, s = √(x² + b), or |x| √(1 + b/x²) above 1e150 so that x² never overflows: within 2 ULP.
public static partial class VectorMath
{
    /// <summary>The largest |x| of the pairs' path: x² stays below 2^500.</summary>
    private const double SquareplusDoubleLargestMagnitude = 1.8092513943330656e+75; // 2^250

    /// <summary>The smallest b of the pairs' path.</summary>
    private const double SquareplusDoubleSmallestB = 3.054936363499605e-151; // 2^-500

    /// <summary>The largest b of the pairs' path.</summary>
    private const double SquareplusDoubleLargestB = 3.273390607896142e+150; // 2^500

    /// <summary>Above this |x|, the written-out formula takes √(x² + b) as |x| √(1 + b/x²), so that x² never overflows.</summary>
    private const double SquareplusScaledMagnitude = 1e150;

    /// <summary>
    /// Keras's squareplus, <c>(x + √(x² + b)) / 2</c>, rounded once: within 1 ULP where the hardware fuses multiply-adds
    /// (x² + b, its square root and the sum with |x| carried as pairs of doubles; below zero as <c>(b/2) / (√(x² + b) + |x|)</c>,
    /// which does not cancel); 2 without.
    /// </summary>
    /// <param name="x">The argument.</param>
    /// <param name="b">The non-negative smoothness.</param>
    /// <returns>squareplus of <paramref name="x"/>; NaN for NaN.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Squareplus(double x, double b) => SquareplusDouble<double, ScalarDoubleLanes>(x, b);

    /// <summary>squareplus per element, rounded once: within 1 ULP where the hardware fuses multiply-adds (2 without).</summary>
    /// <param name="x">The arguments.</param>
    /// <param name="b">The non-negative smoothness, per element.</param>
    /// <returns>squareplus of each element; NaN for NaN.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector128<double> Squareplus(Vector128<double> x, Vector128<double> b) => SquareplusDouble<Vector128<double>, Vector128DoubleLanes>(x, b);

    /// <inheritdoc cref="Squareplus(Vector128{double}, Vector128{double})"/>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector256<double> Squareplus(Vector256<double> x, Vector256<double> b) => SquareplusDouble<Vector256<double>, Vector256DoubleLanes>(x, b);

    /// <inheritdoc cref="Squareplus(Vector128{double}, Vector128{double})"/>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Vector512<double> Squareplus(Vector512<double> x, Vector512<double> b) => SquareplusDouble<Vector512<double>, Vector512DoubleLanes>(x, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV SquareplusDouble<TV, TL>(TV x, TV b)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV inRange = TL.And(
            TL.LessThanOrEqual(Abs<TV, TL>(x), TL.Create(SquareplusDoubleLargestMagnitude)),
            TL.And(TL.GreaterThanOrEqual(b, TL.Create(SquareplusDoubleSmallestB)), TL.LessThanOrEqual(b, TL.Create(SquareplusDoubleLargestB))));
        TV rare = TL.AndNot(TL.CreateBits(ulong.MaxValue), inRange);
        if (!TL.IsFused || TL.Any(rare))
        {
            return SquareplusRareLanes<TV, TL>(x, b, rare);
        }

        return SquareplusPairs<TV, TL>(x, b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV SquareplusPairs<TV, TL>(TV x, TV b)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV half = TL.Create(0.5);
        TV a = Abs<TV, TL>(x);
        TV p = TL.Multiply(a, a);
        TV pl = TL.MultiplyAdd(a, a, TL.Xor(p, TL.Create(-0.0)));
        TV larger = TL.MaxFast(p, b);
        TV smaller = TL.MinFast(p, b);
        TV sh = TL.Add(larger, smaller);
        TV sl = TL.Add(TL.Add(TL.Subtract(larger, sh), smaller), pl);
        TV rh = TL.Sqrt(sh);
        TV rl = TL.Divide(TL.Add(TL.MultiplyAdd(TL.Xor(rh, TL.Create(-0.0)), rh, sh), sl), TL.Add(rh, rh));
        TV th = TL.Add(rh, a);
        TV tl = TL.Add(TL.Add(TL.Subtract(rh, th), a), rl);

        TV below = DivideCorrected<TV, TL>(TL.Multiply(half, b), TL.Create(0.0), th, tl);
        return TL.Select(TL.GreaterThanOrEqual(x, TL.Create(0.0)), TL.Multiply(TL.Add(th, tl), half), below);
    }

    // Hardware without FMA, and the lanes beyond the pairs' range: the formula the stub wrote before (the other lanes'
    // results kept where the hardware fuses). Not inlined, for the hot path's inlining budget.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TV SquareplusRareLanes<TV, TL>(TV x, TV b, TV rare)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV half = TL.Create(0.5);
        TV a = Abs<TV, TL>(x);
        TV s = TL.Select(
            TL.GreaterThan(a, TL.Create(SquareplusScaledMagnitude)),
            TL.Multiply(a, TL.Sqrt(TL.Add(TL.Create(1.0), TL.Divide(TL.Divide(b, x), x)))),
            TL.Sqrt(TL.MultiplyAdd(x, x, b)));
        TV written = TL.Select(
            TL.GreaterThanOrEqual(x, TL.Create(0.0)),
            TL.Add(TL.Multiply(half, x), TL.Multiply(half, s)),
            TL.Divide(TL.Multiply(b, TL.Create(0.25)), TL.Subtract(TL.Multiply(half, s), TL.Multiply(half, x))));
        return TL.IsFused ? TL.Select(rare, written, SquareplusPairs<TV, TL>(x, b)) : written;
    }
}
