using System;
using System.Runtime.CompilerServices;

namespace Activations;

/// <summary>
/// Error-free transformations (Knuth's TwoSum, Dekker's FastTwoSum) and the double-double steps the axis kernels
/// need: sums that keep their small terms, <c>x - max</c> without its rounding error, sparsemax's threshold.
/// </summary>
internal static class Compensated
{
    /// <summary>s + e == a + b exactly, with s = fl(a + b); no condition on the magnitudes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double TwoSum(double a, double b, out double error)
    {
        double s = a + b;
        double bVirtual = s - a;
        error = (a - (s - bVirtual)) + (b - bVirtual);
        return s;
    }

    /// <summary>Vector TwoSum: adds <paramref name="term"/> to the running sum, its rounding error to <paramref name="compensation"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Accumulate<TL, TV>(ref TV sum, ref TV compensation, TV term)
        where TL : struct, ILanes<TV> where TV : struct
    {
        TV s = TL.Add(sum, term);
        TV bVirtual = TL.Subtract(s, sum);
        TV error = TL.Add(TL.Subtract(sum, TL.Subtract(s, bVirtual)), TL.Subtract(term, bVirtual));
        compensation = TL.Add(compensation, error);
        sum = s;
    }

    /// <summary>Vector TwoSum of a and b: the rounded sum, and its exact error in <paramref name="error"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV TwoSum<TL, TV>(TV a, TV b, out TV error)
        where TL : struct, ILanes<TV> where TV : struct
    {
        TV s = TL.Add(a, b);
        TV bVirtual = TL.Subtract(s, a);
        error = TL.Add(TL.Subtract(a, TL.Subtract(s, bVirtual)), TL.Subtract(b, bVirtual));
        return s;
    }

    /// <summary>
    /// log(1 + x) for x ≥ 0 from an accurate log alone (Goldberg's trick: the rounding of 1 + x cancels in
    /// log(u) * x / (u - 1)), so the axis kernels do not depend on the precision of a log1p.
    /// </summary>
    public static double Log1p(double x)
    {
        double u = 1.0 + x;
        if (u == 1.0)
        {
            return x;
        }

        if (double.IsPositiveInfinity(u))
        {
            return VectorMath.Log(x);
        }

        return VectorMath.Log(u) * (x / (u - 1.0));
    }

    /// <summary>
    /// log(count + small) where <paramref name="count"/> ≥ 1 is the number of maximal elements (each contributes
    /// exactly e^0 = 1 to softmax's sum) and <paramref name="small"/> the sum of the others: kept apart so that
    /// log_softmax of the maximum, -log(1 + small), keeps small's digits.
    /// </summary>
    public static double LogOfSum(double count, double small) =>
        count == 1.0 ? Log1p(small) : VectorMath.Log(count) + Log1p(small / count);

    /// <summary>
    /// (sumHigh + sumLow - 1) / count as a double-double (high, low): sparsemax's threshold τ, kept beyond double
    /// so that z - τ, which cancels, comes out correctly rounded.
    /// </summary>
    public static double Threshold(double sumHigh, double sumLow, double count, out double low)
    {
        double th = TwoSum(sumHigh, -1.0, out double tl);
        tl += sumLow;
        th = TwoSum(th, tl, out tl);
        double q = th / count;
        double remainder = Math.FusedMultiplyAdd(-q, count, th); // exact: th - q * count
        low = (remainder + tl) / count;
        return q;
    }
}
