using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

/// <summary>
/// sparsemax along one axis: the Euclidean projection of x onto the probability simplex, y = max(x - τ, 0) with τ
/// such that Σ y = 1 (Martins and Astudillo, 2016). Sort-free: Michelot's fixed point finds τ by repeated
/// vectorized passes, τ ← (Σ_{x &gt; τ} x - 1) / |{x &gt; τ}|, starting from the whole line; τ only grows, the support
/// only shrinks, and the loop stops when the support stops changing (a few passes in practice, at most n + 1).
/// This is the same threshold as the sorted formula with the k-th cumulative sum (not the total, which is
/// Keras 3's bug), without sorting, buffers or allocation. τ is a double-double, so x - τ is correctly rounded
/// even where it cancels.
/// </summary>
internal readonly struct SparsemaxKernel : IAxisKernel
{
    /// <inheritdoc/>
    public static int OutputLength(int n) => n;

    /// <inheritdoc/>
    public static void Row<TL, TV, T>(ref T x, ref T destination, int n)
        where TL : struct, ILanes<TV> where TV : struct
    {
        double max = AxisMaximum.Row<TL, TV, T>(ref x, n, out bool undefined);
        if (undefined)
        {
            AxisFill.NaN(ref destination, 1, n);
            return;
        }

        int block = 2 * TL.Count;
        double tauHigh = double.NegativeInfinity, tauLow = 0, previousCount = -1;
        for (int iteration = 0; iteration <= n; iteration++)
        {
            TV th = TL.Create(tauHigh), tl = TL.Create(tauLow), zero = TL.Create(0);
            TV sum = zero, compensation = zero, ones = zero;
            nint i = 0;
            for (; i <= n - block; i += block)
            {
                AxisElement.Load2<TL, TV, T>(ref x, i, out TV lower, out TV upper);
                AddIfAbove<TL, TV>(lower, th, tl, ref sum, ref compensation, ref ones);
                AddIfAbove<TL, TV>(upper, th, tl, ref sum, ref compensation, ref ones);
            }

            double sumHigh = 0, sumLow = 0, count = 0;
            for (; i < n; i++)
            {
                AddIfAbove(AxisElement.Read(ref x, i), tauHigh, tauLow, ref sumHigh, ref sumLow, ref count);
            }

            LaneSums.AddTo<TL, TV>(sum, compensation, ref sumHigh, ref sumLow);
            LaneSums.AddTo<TL, TV>(ones, zero, ref count, ref sumLow);
            if (!Advance(sumHigh, sumLow, count, ref previousCount, ref tauHigh, ref tauLow))
            {
                break;
            }
        }

        TV high = TL.Create(tauHigh), low = TL.Create(tauLow);
        nint j = 0;
        for (; j <= n - block; j += block)
        {
            AxisElement.Load2<TL, TV, T>(ref x, j, out TV lower, out TV upper);
            AxisElement.Store2<TL, TV, T>(Result<TL, TV>(lower, high, low), Result<TL, TV>(upper, high, low), ref destination, j);
        }

        for (; j < n; j++)
        {
            AxisElement.Write(ref destination, j, Result(AxisElement.Read(ref x, j), tauHigh, tauLow));
        }
    }

    public static int Lanes<TL, TV, T>(ref T x, nint xStride, ref T destination, nint destinationStride, int n, int count)
        where TL : struct, ILanes<TV> where TV : struct
    {
        int block = 2 * TL.Count;
        Span<double> tauHigh = stackalloc double[block];
        Span<double> tauLow = stackalloc double[block];
        Span<double> previousCount = stackalloc double[block];
        Span<double> sumHigh = stackalloc double[block];
        Span<double> sumLow = stackalloc double[block];
        Span<double> counts = stackalloc double[block];
        Span<double> undefined = stackalloc double[block];
        int j = 0;
        for (; j <= count - block; j += block)
        {
            ref T xj = ref Unsafe.Add(ref x, j);
            ref T dj = ref Unsafe.Add(ref destination, j);
            AxisMaximum.Lanes<TL, TV, T>(ref xj, xStride, n, out _, out _, out TV undefinedLower, out TV undefinedUpper);
            TL.Store(undefinedLower, ref undefined[0]);
            TL.Store(undefinedUpper, ref undefined[TL.Count]);
            tauHigh.Fill(double.NegativeInfinity);
            tauLow.Clear();
            previousCount.Fill(-1);

            for (int iteration = 0; iteration <= n; iteration++)
            {
                TV zero = TL.Create(0);
                TV thLower = TL.Load(ref tauHigh[0]), thUpper = TL.Load(ref tauHigh[TL.Count]);
                TV tlLower = TL.Load(ref tauLow[0]), tlUpper = TL.Load(ref tauLow[TL.Count]);
                TV sumLower = zero, compensationLower = zero, onesLower = zero;
                TV sumUpper = zero, compensationUpper = zero, onesUpper = zero;
                for (nint k = 0; k < n; k++)
                {
                    AxisElement.Load2<TL, TV, T>(ref xj, k * xStride, out TV lower, out TV upper);
                    AddIfAbove<TL, TV>(lower, thLower, tlLower, ref sumLower, ref compensationLower, ref onesLower);
                    AddIfAbove<TL, TV>(upper, thUpper, tlUpper, ref sumUpper, ref compensationUpper, ref onesUpper);
                }

                TL.Store(sumLower, ref sumHigh[0]);
                TL.Store(sumUpper, ref sumHigh[TL.Count]);
                TL.Store(compensationLower, ref sumLow[0]);
                TL.Store(compensationUpper, ref sumLow[TL.Count]);
                TL.Store(onesLower, ref counts[0]);
                TL.Store(onesUpper, ref counts[TL.Count]);
                bool changed = false;
                for (int lane = 0; lane < block; lane++)
                {
                    // An undefined line (NaN mask) keeps its τ: it is overwritten with NaN below.
                    if (undefined[lane] == 0)
                    {
                        changed |= Advance(sumHigh[lane], sumLow[lane], counts[lane], ref previousCount[lane], ref tauHigh[lane], ref tauLow[lane]);
                    }
                }

                if (!changed)
                {
                    break;
                }
            }

            TV highLower = TL.Load(ref tauHigh[0]), highUpper = TL.Load(ref tauHigh[TL.Count]);
            TV lowLower = TL.Load(ref tauLow[0]), lowUpper = TL.Load(ref tauLow[TL.Count]);
            TV nan = TL.Create(double.NaN);
            for (nint k = 0; k < n; k++)
            {
                AxisElement.Load2<TL, TV, T>(ref xj, k * xStride, out TV lower, out TV upper);
                lower = TL.Select(undefinedLower, nan, Result<TL, TV>(lower, highLower, lowLower));
                upper = TL.Select(undefinedUpper, nan, Result<TL, TV>(upper, highUpper, lowUpper));
                AxisElement.Store2<TL, TV, T>(lower, upper, ref dj, k * destinationStride);
            }
        }

        return j;
    }

    /// <summary>The scalar kernel for one line, elements <paramref name="xStride"/> apart.</summary>
    public static void Line<T>(ref T x, nint xStride, ref T destination, nint destinationStride, int n)
    {
        AxisMaximum.Line(ref x, xStride, n, out bool undefined);
        if (undefined)
        {
            AxisFill.NaN(ref destination, destinationStride, n);
            return;
        }

        double tauHigh = double.NegativeInfinity, tauLow = 0, previousCount = -1;
        for (int iteration = 0; iteration <= n; iteration++)
        {
            double sumHigh = 0, sumLow = 0, count = 0;
            for (nint k = 0; k < n; k++)
            {
                AddIfAbove(AxisElement.Read(ref x, k * xStride), tauHigh, tauLow, ref sumHigh, ref sumLow, ref count);
            }

            if (!Advance(sumHigh, sumLow, count, ref previousCount, ref tauHigh, ref tauLow))
            {
                break;
            }
        }

        for (nint k = 0; k < n; k++)
        {
            AxisElement.Write(ref destination, k * destinationStride, Result(AxisElement.Read(ref x, k * xStride), tauHigh, tauLow));
        }
    }

    /// <summary>
    /// One step of Michelot's iteration, given the support {x &gt; τ} found with the current τ (its sum and size):
    /// false when the support did not change (τ is final), else τ moves to the new support's threshold.
    /// </summary>
    private static bool Advance(double sumHigh, double sumLow, double count, ref double previousCount, ref double tauHigh, ref double tauLow)
    {
        if (count == previousCount || count == 0)
        {
            return false;
        }

        previousCount = count;
        double high = Compensated.TwoSum(sumHigh, sumLow, out double low);
        double nextHigh = Compensated.Threshold(high, low, count, out double nextLow);

        // τ grows in exact arithmetic; should rounding ever say otherwise, stop rather than cycle.
        if (nextHigh < tauHigh || (nextHigh == tauHigh && nextLow <= tauLow))
        {
            return false;
        }

        tauHigh = nextHigh;
        tauLow = nextLow;
        return true;
    }

    /// <summary>Adds x to the compensated sum and 1 to <paramref name="ones"/> where x &gt; τ = high + low.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddIfAbove<TL, TV>(TV x, TV high, TV low, ref TV sum, ref TV compensation, ref TV ones)
        where TL : struct, ILanes<TV> where TV : struct
    {
        // x - high is exact near τ (Sterbenz); for τ = -∞ it is +∞ (in) or NaN for x = -∞ (out).
        TV above = TL.GreaterThan(TL.Subtract(x, high), low);
        TV zero = TL.Create(0);
        Compensated.Accumulate<TL, TV>(ref sum, ref compensation, TL.Select(above, x, zero));
        ones = TL.Add(ones, TL.Select(above, TL.Create(1), zero));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddIfAbove(double x, double high, double low, ref double sum, ref double compensation, ref double ones)
    {
        if (x - high > low)
        {
            sum = Compensated.TwoSum(sum, x, out double error);
            compensation += error;
            ones += 1;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Result<TL, TV>(TV x, TV high, TV low)
        where TL : struct, ILanes<TV> where TV : struct
    {
        TV y = TL.Subtract(TL.Subtract(x, high), low);
        return TL.Select(TL.GreaterThan(y, TL.Create(0)), y, TL.Create(0));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Result(double x, double high, double low)
    {
        double y = (x - high) - low;
        return y > 0 ? y : 0;
    }
}
