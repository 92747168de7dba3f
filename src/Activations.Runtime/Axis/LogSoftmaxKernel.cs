using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

/// <summary>
/// log_softmax along one axis: y = (x - max) - log Σ e^(x - max), never log(softmax). The sum keeps the maximal
/// elements' exact 1s apart from the rest, so that y at the maximum, -log(1 + rest), keeps the digits of a tiny
/// rest (log1p), and the difference x - max keeps its rounding error for double.
/// Passes: the maximum; the sum (nothing written, so x may be the destination); the result.
/// </summary>
internal readonly struct LogSoftmaxKernel : IAxisKernel
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
        TV m = TL.Create(max), zero = TL.Create(0), one = TL.Create(1);
        TV small = zero, compensation = zero, ones = zero;
        nint i = 0;
        for (; i <= n - block; i += block)
        {
            AxisElement.Load2<TL, TV, T>(ref x, i, out TV lower, out TV upper);
            AddTerm<TL, TV, T>(lower, m, ref small, ref compensation, ref ones);
            AddTerm<TL, TV, T>(upper, m, ref small, ref compensation, ref ones);
        }

        double sum = 0, sumCompensation = 0, count = 0;
        for (nint tail = i; tail < n; tail++)
        {
            AddTerm<T>(AxisElement.Read(ref x, tail), max, ref sum, ref sumCompensation, ref count);
        }

        LaneSums.AddTo<TL, TV>(small, compensation, ref sum, ref sumCompensation);
        LaneSums.AddTo<TL, TV>(ones, zero, ref count, ref sumCompensation);
        double logSum = Compensated.LogOfSum(count, sum + sumCompensation);

        TV logSumVector = TL.Create(logSum);
        i = 0;
        for (; i <= n - block; i += block)
        {
            AxisElement.Load2<TL, TV, T>(ref x, i, out TV lower, out TV upper);
            AxisElement.Store2<TL, TV, T>(Result<TL, TV, T>(lower, m, logSumVector), Result<TL, TV, T>(upper, m, logSumVector), ref destination, i);
        }

        for (; i < n; i++)
        {
            AxisElement.Write(ref destination, i, Result<T>(AxisElement.Read(ref x, i), max, logSum));
        }
    }

    public static int Lanes<TL, TV, T>(ref T x, nint xStride, ref T destination, nint destinationStride, int n, int count)
        where TL : struct, ILanes<TV> where TV : struct
    {
        int block = 2 * TL.Count;
        Span<double> small = stackalloc double[block];
        Span<double> ones = stackalloc double[block];
        int j = 0;
        for (; j <= count - block; j += block)
        {
            ref T xj = ref Unsafe.Add(ref x, j);
            ref T dj = ref Unsafe.Add(ref destination, j);
            AxisMaximum.Lanes<TL, TV, T>(ref xj, xStride, n, out TV maxLower, out TV maxUpper, out TV undefinedLower, out TV undefinedUpper);

            TV zero = TL.Create(0);
            TV smallLower = zero, compensationLower = zero, onesLower = zero;
            TV smallUpper = zero, compensationUpper = zero, onesUpper = zero;
            for (nint k = 0; k < n; k++)
            {
                AxisElement.Load2<TL, TV, T>(ref xj, k * xStride, out TV lower, out TV upper);
                AddTerm<TL, TV, T>(lower, maxLower, ref smallLower, ref compensationLower, ref onesLower);
                AddTerm<TL, TV, T>(upper, maxUpper, ref smallUpper, ref compensationUpper, ref onesUpper);
            }

            // The logarithm is per line, once: scalar.
            TL.Store(TL.Add(smallLower, compensationLower), ref small[0]);
            TL.Store(TL.Add(smallUpper, compensationUpper), ref small[TL.Count]);
            TL.Store(onesLower, ref ones[0]);
            TL.Store(onesUpper, ref ones[TL.Count]);
            for (int lane = 0; lane < block; lane++)
            {
                small[lane] = ones[lane] >= 1 ? Compensated.LogOfSum(ones[lane], small[lane]) : double.NaN;
            }

            TV logSumLower = TL.Load(ref small[0]), logSumUpper = TL.Load(ref small[TL.Count]);
            TV nan = TL.Create(double.NaN);
            for (nint k = 0; k < n; k++)
            {
                AxisElement.Load2<TL, TV, T>(ref xj, k * xStride, out TV lower, out TV upper);
                lower = TL.Select(undefinedLower, nan, Result<TL, TV, T>(lower, maxLower, logSumLower));
                upper = TL.Select(undefinedUpper, nan, Result<TL, TV, T>(upper, maxUpper, logSumUpper));
                AxisElement.Store2<TL, TV, T>(lower, upper, ref dj, k * destinationStride);
            }
        }

        return j;
    }

    /// <summary>The scalar kernel for one line, elements <paramref name="xStride"/> apart.</summary>
    public static void Line<T>(ref T x, nint xStride, ref T destination, nint destinationStride, int n)
    {
        double max = AxisMaximum.Line(ref x, xStride, n, out bool undefined);
        if (undefined)
        {
            AxisFill.NaN(ref destination, destinationStride, n);
            return;
        }

        double sum = 0, compensation = 0, count = 0;
        for (nint k = 0; k < n; k++)
        {
            AddTerm<T>(AxisElement.Read(ref x, k * xStride), max, ref sum, ref compensation, ref count);
        }

        double logSum = Compensated.LogOfSum(count, sum + compensation);
        for (nint k = 0; k < n; k++)
        {
            AxisElement.Write(ref destination, k * destinationStride, Result<T>(AxisElement.Read(ref x, k * xStride), max, logSum));
        }
    }

    /// <summary>Adds e^(x - max) to the compensated sum, or 1 to <paramref name="ones"/> where x is the maximum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddTerm<TL, TV, T>(TV x, TV max, ref TV sum, ref TV compensation, ref TV ones)
        where TL : struct, ILanes<TV> where TV : struct
    {
        TV isMax = TL.Equals(x, max);
        TV zero = TL.Create(0);
        TV e = TL.Select(isMax, zero, ShiftedExp.Vector<TL, TV, T>(x, max));
        Compensated.Accumulate<TL, TV>(ref sum, ref compensation, e);
        ones = TL.Add(ones, TL.Select(isMax, TL.Create(1), zero));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddTerm<T>(double x, double max, ref double sum, ref double compensation, ref double ones)
    {
        if (x == max)
        {
            ones += 1;
            return;
        }

        sum = Compensated.TwoSum(sum, ShiftedExp.Scalar<T>(x, max), out double error);
        compensation += error;
    }

    /// <summary>(x - max) - logSum, adding the rounding error of x - max last (x - max and -logSum share a sign: no cancellation).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Result<TL, TV, T>(TV x, TV max, TV logSum)
        where TL : struct, ILanes<TV> where TV : struct
    {
        TV d = ShiftedExp.Difference<TL, TV, T>(x, max, out TV r);
        TV y = TL.Subtract(d, logSum);
        return typeof(T) == typeof(double) ? TL.Add(y, r) : y;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Result<T>(double x, double max, double logSum)
    {
        double d = ShiftedExp.Difference<T>(x, max, out double r);
        return (d - logSum) + r;
    }
}
