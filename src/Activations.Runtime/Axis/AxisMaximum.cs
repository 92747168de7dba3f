using System.Runtime.CompilerServices;

namespace Activations;

/// <summary>
/// The first pass shared by softmax, log_softmax and sparsemax: the maximum along the axis, and whether the line
/// is "undefined" (a NaN, a +∞, or nothing but -∞), in which case the whole line's result is NaN.
/// NaN is tracked apart from the maximum because the hardware max instructions disagree about NaN.
/// </summary>
internal static class AxisMaximum
{
    /// <summary>The maximum of a contiguous row, vectorized along the row.</summary>
    public static double Row<TL, TV, T>(ref T x, int n, out bool undefined)
        where TL : struct, ILanes<TV> where TV : struct
    {
        int block = 2 * TL.Count;
        double max = double.NegativeInfinity;
        bool nan = false;
        nint i = 0;
        if (n >= block)
        {
            TV maxLower = TL.Create(double.NegativeInfinity), maxUpper = maxLower;
            TV nanLower = TL.Create(0), nanUpper = nanLower;
            for (; i <= n - block; i += block)
            {
                AxisElement.Load2<TL, TV, T>(ref x, i, out TV lower, out TV upper);
                maxLower = TL.Max(maxLower, lower);
                maxUpper = TL.Max(maxUpper, upper);
                nanLower = TL.Or(nanLower, TL.IsNaN(lower));
                nanUpper = TL.Or(nanUpper, TL.IsNaN(upper));
            }

            nan = TL.AnySet(TL.Or(nanLower, nanUpper));
            max = MaxAcross<TL, TV>(TL.Max(maxLower, maxUpper));
        }

        for (; i < n; i++)
        {
            double v = AxisElement.Read(ref x, i);
            nan |= double.IsNaN(v);
            max = v > max ? v : max;
        }

        undefined = nan || double.IsInfinity(max);
        return max;
    }

    /// <summary>The maximum of one strided line, scalar.</summary>
    public static double Line<T>(ref T x, nint stride, int n, out bool undefined)
    {
        double max = double.NegativeInfinity;
        bool nan = false;
        for (nint k = 0; k < n; k++)
        {
            double v = AxisElement.Read(ref x, k * stride);
            nan |= double.IsNaN(v);
            max = v > max ? v : max;
        }

        undefined = nan || double.IsInfinity(max);
        return max;
    }

    /// <summary>
    /// The maxima of <c>2 * TL.Count</c> adjacent lines at once (line j starts at x + j, its elements
    /// <paramref name="stride"/> apart), vectorized across the lines; undefined lines get an all-ones mask.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Lanes<TL, TV, T>(ref T x, nint stride, int n, out TV maxLower, out TV maxUpper, out TV undefinedLower, out TV undefinedUpper)
        where TL : struct, ILanes<TV> where TV : struct
    {
        maxLower = TL.Create(double.NegativeInfinity);
        maxUpper = maxLower;
        TV nanLower = TL.Create(0), nanUpper = nanLower;
        for (nint k = 0; k < n; k++)
        {
            AxisElement.Load2<TL, TV, T>(ref x, k * stride, out TV lower, out TV upper);
            maxLower = TL.Max(maxLower, lower);
            maxUpper = TL.Max(maxUpper, upper);
            nanLower = TL.Or(nanLower, TL.IsNaN(lower));
            nanUpper = TL.Or(nanUpper, TL.IsNaN(upper));
        }

        TV positiveInfinity = TL.Create(double.PositiveInfinity), negativeInfinity = TL.Create(double.NegativeInfinity);
        undefinedLower = TL.Or(nanLower, TL.Or(TL.Equals(maxLower, positiveInfinity), TL.Equals(maxLower, negativeInfinity)));
        undefinedUpper = TL.Or(nanUpper, TL.Or(TL.Equals(maxUpper, positiveInfinity), TL.Equals(maxUpper, negativeInfinity)));
    }

    private static double MaxAcross<TL, TV>(TV v)
        where TL : struct, ILanes<TV> where TV : struct
    {
        System.Span<double> lanes = stackalloc double[TL.Count];
        TL.Store(v, ref lanes[0]);
        double max = double.NegativeInfinity;
        foreach (double lane in lanes)
        {
            max = lane > max ? lane : max;
        }

        return max;
    }
}
