using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

/// <summary>
/// softmax along one axis: y = e^(x - max) / Σ e^(x - max), computed in double for float and double elements.
/// Three passes: the maximum; the exponentials (stored in the destination) and their compensated sum; the scaling.
/// One exponential per element (TensorPrimitives.SoftMax computes two and no maximum).
/// </summary>
internal readonly struct SoftmaxKernel : IAxisKernel
{
    /// <inheritdoc/>
    public static void Row<TL, TV, T>(ref T x, ref T destination, int n)
        where TL : struct, ILanes<TV> where TV : struct
    {
        if (typeof(T) == typeof(float))
        {
            SingleRow<TL, TV>(ref Unsafe.As<T, float>(ref x), ref Unsafe.As<T, float>(ref destination), n);
        }
        else
        {
            DoubleRow<TL, TV>(ref Unsafe.As<T, double>(ref x), ref Unsafe.As<T, double>(ref destination), n);
        }
    }

    /// <summary>
    /// float rows: the maximum in float lanes; e = e^(x - max) with x - max exact in double and a float-accuracy
    /// exponential (<see cref="SoftmaxSingleExp"/>), e stored as float and summed in double (n·2^-53 relative is far
    /// below float's 2^-24: no compensation); then y = e / S with one more rounding. Bound: e's rounding to float
    /// (≤ 1 ULP of y), the last rounding (0.5) and the exponential's 2^-33: about 1.5 ULP.
    /// </summary>
    private static void SingleRow<TL, TV>(ref float x, ref float destination, int n)
        where TL : struct, ILanes<TV> where TV : struct
    {
        float max = SingleMaximum.Row(ref x, n, out float min, out bool undefined);
        if (undefined)
        {
            AxisFill.NaN(ref destination, 1, n);
            return;
        }

        // The float-lane middle pass is written for 256 bits; with AVX-512 it still beats the double-lane Vector512 pass
        // (8 lanes per vector): on Zen 5 the double-lane form made softmax 1.19-1.22x TensorPrimitives' time.
        double sum = (typeof(TL) == typeof(Lanes256) || typeof(TL) == typeof(Lanes512)) && SingleExponentials256.IsSupported
            ? SingleExponentials256.Run(ref x, ref destination, n, min, max)
            : SingleExponentials<TL, TV>(ref x, ref destination, n, max);
        if (SingleScale.IsAvailable)
        {
            SingleScale.Row(ref destination, n, sum); // float lanes, one rounding (fma)
        }
        else
        {
            SingleScaleInDouble<TL, TV>(ref destination, n, 1.0 / sum);
        }
    }

    /// <summary>softmax's middle pass for float rows: stores e^(x - max) and returns their sum. A JIT root of its own, the exponential inlined.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double SingleExponentials<TL, TV>(ref float x, ref float destination, int n, double max)
        where TL : struct, ILanes<TV> where TV : struct
    {
        TV m = TL.Create(max);
        TV sumLower = TL.Create(0), sumUpper = sumLower;
        nint i = 0;
        for (; i <= n - 2 * TL.Count; i += 2 * TL.Count)
        {
            TL.Load2(ref Unsafe.Add(ref x, i), out TV lower, out TV upper);
            TV eLower = SoftmaxSingleExp.Vector<TL, TV>(TL.Subtract(lower, m));
            TV eUpper = SoftmaxSingleExp.Vector<TL, TV>(TL.Subtract(upper, m));
            TL.Store2(eLower, eUpper, ref Unsafe.Add(ref destination, i));
            sumLower = TL.Add(sumLower, eLower);
            sumUpper = TL.Add(sumUpper, eUpper);
        }

        double sum = LaneSums.Sum<TL, TV>(TL.Add(sumLower, sumUpper));
        for (; i < n; i++)
        {
            double e = SoftmaxSingleExp.Scalar(Unsafe.Add(ref x, i) - max);
            Unsafe.Add(ref destination, i) = (float)e;
            sum += e;
        }

        return sum;
    }

    /// <summary>y = e · (1/S) in double, rounded once: the last pass for float rows where no vector FMA is exposed (.NET 8).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void SingleScaleInDouble<TL, TV>(ref float destination, int n, double inverse)
        where TL : struct, ILanes<TV> where TV : struct
    {
        TV scale = TL.Create(inverse);
        nint i = 0;
        for (; i <= n - 2 * TL.Count; i += 2 * TL.Count)
        {
            TL.Load2(ref Unsafe.Add(ref destination, i), out TV lower, out TV upper);
            TL.Store2(TL.Multiply(lower, scale), TL.Multiply(upper, scale), ref Unsafe.Add(ref destination, i));
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref destination, i) = (float)(Unsafe.Add(ref destination, i) * inverse);
        }
    }

    /// <summary>
    /// double rows: x - max keeps its rounding error (<see cref="ShiftedExp"/>), the sum is compensated per lane, and
    /// the last pass divides (one rounding). A JIT root of its own.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void DoubleRow<TL, TV>(ref double x, ref double destination, int n)
        where TL : struct, ILanes<TV> where TV : struct
    {
        double max = AxisMaximum.Row<TL, TV, double>(ref x, n, out bool undefined);
        if (undefined)
        {
            AxisFill.NaN(ref destination, 1, n);
            return;
        }

        int block = 2 * TL.Count;
        TV m = TL.Create(max);
        TV sumLower = TL.Create(0), compensationLower = sumLower, sumUpper = sumLower, compensationUpper = sumLower;
        nint i = 0;
        for (; i <= n - block; i += block)
        {
            AxisElement.Load2<TL, TV, double>(ref x, i, out TV lower, out TV upper);
            TV eLower = ShiftedExp.Vector<TL, TV, double>(lower, m);
            TV eUpper = ShiftedExp.Vector<TL, TV, double>(upper, m);
            AxisElement.Store2<TL, TV, double>(eLower, eUpper, ref destination, i);
            Compensated.Accumulate<TL, TV>(ref sumLower, ref compensationLower, eLower);
            Compensated.Accumulate<TL, TV>(ref sumUpper, ref compensationUpper, eUpper);
        }

        double sum = 0, compensation = 0;
        for (nint tail = i; tail < n; tail++)
        {
            double e = ShiftedExp.Scalar<double>(AxisElement.Read(ref x, tail), max);
            AxisElement.Write(ref destination, tail, e);
            sum = Compensated.TwoSum(sum, e, out double error);
            compensation += error;
        }

        LaneSums.AddTo<TL, TV>(sumLower, compensationLower, ref sum, ref compensation);
        LaneSums.AddTo<TL, TV>(sumUpper, compensationUpper, ref sum, ref compensation);
        double total = sum + compensation;

        TV totalVector = TL.Create(total);
        i = 0;
        for (; i <= n - block; i += block)
        {
            AxisElement.Load2<TL, TV, double>(ref destination, i, out TV lower, out TV upper);
            lower = TL.Divide(lower, totalVector);
            upper = TL.Divide(upper, totalVector);

            AxisElement.Store2<TL, TV, double>(lower, upper, ref destination, i);
        }

        for (; i < n; i++)
        {
            AxisElement.Write(ref destination, i, AxisElement.Read(ref destination, i) / total);
        }
    }

    /// <summary>Columns per tile of the across-lines kernel: its per-column state (4 × 256 doubles) stays in L1.</summary>
    private const int TileColumns = 256;

    /// <summary>
    /// Lines side by side, a tile of up to 256 columns at a time. Each pass streams the tile row by row (contiguous
    /// runs of up to 1 KB for float) and keeps each column's maximum and sum in small buffers, instead of walking
    /// the whole strided axis once per vector of columns.
    /// </summary>
    public static int Lanes<TL, TV, T>(ref T x, nint xStride, ref T destination, nint destinationStride, int n, int count)
        where TL : struct, ILanes<TV> where TV : struct
    {
        int block = 2 * TL.Count;
        Span<double> max = stackalloc double[TileColumns];
        Span<double> undefined = stackalloc double[TileColumns];
        Span<double> sum = stackalloc double[TileColumns];
        Span<double> compensation = stackalloc double[TileColumns];
        int j = 0;
        while (j <= count - block)
        {
            int width = Math.Min(TileColumns, (count - j) / block * block);
            ref T xj = ref Unsafe.Add(ref x, j);
            ref T dj = ref Unsafe.Add(ref destination, j);
            max.Slice(0, width).Fill(double.NegativeInfinity);
            undefined.Slice(0, width).Clear();
            sum.Slice(0, width).Clear();
            compensation.Slice(0, width).Clear();

            for (nint k = 0; k < n; k++)
            {
                ref T row = ref Unsafe.Add(ref xj, k * xStride);
                for (int b = 0; b < width; b += block)
                {
                    AxisElement.Load2<TL, TV, T>(ref row, b, out TV lower, out TV upper);
                    TL.Store(TL.Max(TL.Load(ref max[b]), lower), ref max[b]);
                    TL.Store(TL.Max(TL.Load(ref max[b + TL.Count]), upper), ref max[b + TL.Count]);
                    TL.Store(TL.Or(TL.Load(ref undefined[b]), TL.IsNaN(lower)), ref undefined[b]);
                    TL.Store(TL.Or(TL.Load(ref undefined[b + TL.Count]), TL.IsNaN(upper)), ref undefined[b + TL.Count]);
                }
            }

            // A line is undefined with a NaN, a +∞ (maximum +∞) or nothing but -∞ (maximum -∞).
            for (int c = 0; c < width; c++)
            {
                if (double.IsInfinity(max[c]))
                {
                    undefined[c] = BitConverter.Int64BitsToDouble(-1); // an all-ones mask, as the vector compares give
                }
            }

            for (nint k = 0; k < n; k++)
            {
                ref T row = ref Unsafe.Add(ref xj, k * xStride);
                ref T target = ref Unsafe.Add(ref dj, k * destinationStride);
                for (int b = 0; b < width; b += block)
                {
                    AxisElement.Load2<TL, TV, T>(ref row, b, out TV lower, out TV upper);
                    TV eLower = ShiftedExp.Vector<TL, TV, T>(lower, TL.Load(ref max[b]));
                    TV eUpper = ShiftedExp.Vector<TL, TV, T>(upper, TL.Load(ref max[b + TL.Count]));
                    AxisElement.Store2<TL, TV, T>(eLower, eUpper, ref target, b);
                    TV sumLower = TL.Load(ref sum[b]), sumUpper = TL.Load(ref sum[b + TL.Count]);
                    if (typeof(T) == typeof(double))
                    {
                        TV compensationLower = TL.Load(ref compensation[b]), compensationUpper = TL.Load(ref compensation[b + TL.Count]);
                        Compensated.Accumulate<TL, TV>(ref sumLower, ref compensationLower, eLower);
                        Compensated.Accumulate<TL, TV>(ref sumUpper, ref compensationUpper, eUpper);
                        TL.Store(compensationLower, ref compensation[b]);
                        TL.Store(compensationUpper, ref compensation[b + TL.Count]);
                    }
                    else
                    {
                        // float: n·2^-53 relative error in a plain double sum is far below float's 2^-24.
                        sumLower = TL.Add(sumLower, eLower);
                        sumUpper = TL.Add(sumUpper, eUpper);
                    }

                    TL.Store(sumLower, ref sum[b]);
                    TL.Store(sumUpper, ref sum[b + TL.Count]);
                }
            }

            // sum becomes the divisor (double) or its inverse (float: e was already rounded to float).
            for (int c = 0; c < width; c++)
            {
                double total = sum[c] + compensation[c];
                sum[c] = typeof(T) == typeof(double) ? total : 1.0 / total;
            }

            TV nan = TL.Create(double.NaN);
            for (nint k = 0; k < n; k++)
            {
                ref T target = ref Unsafe.Add(ref dj, k * destinationStride);
                for (int b = 0; b < width; b += block)
                {
                    AxisElement.Load2<TL, TV, T>(ref target, b, out TV lower, out TV upper);
                    TV scaleLower = TL.Load(ref sum[b]), scaleUpper = TL.Load(ref sum[b + TL.Count]);
                    if (typeof(T) == typeof(double))
                    {
                        lower = TL.Divide(lower, scaleLower);
                        upper = TL.Divide(upper, scaleUpper);
                    }
                    else
                    {
                        lower = TL.Multiply(lower, scaleLower);
                        upper = TL.Multiply(upper, scaleUpper);
                    }

                    lower = TL.Select(TL.Load(ref undefined[b]), nan, lower);
                    upper = TL.Select(TL.Load(ref undefined[b + TL.Count]), nan, upper);
                    AxisElement.Store2<TL, TV, T>(lower, upper, ref target, b);
                }
            }

            j += width;
        }

        return j;
    }

    /// <summary>The scalar kernel for one line, elements <paramref name="xStride"/> apart: the scalar SIMD path and leftover lines.</summary>
    public static void Line<T>(ref T x, nint xStride, ref T destination, nint destinationStride, int n)
    {
        double max = AxisMaximum.Line(ref x, xStride, n, out bool undefined);
        if (undefined)
        {
            AxisFill.NaN(ref destination, destinationStride, n);
            return;
        }

        double sum = 0, compensation = 0;
        for (nint k = 0; k < n; k++)
        {
            double e = ShiftedExp.Scalar<T>(AxisElement.Read(ref x, k * xStride), max);
            AxisElement.Write(ref destination, k * destinationStride, e);
            sum = Compensated.TwoSum(sum, e, out double error);
            compensation += error;
        }

        double total = sum + compensation;
        for (nint k = 0; k < n; k++)
        {
            AxisElement.Write(ref destination, k * destinationStride, Scale<T>(AxisElement.Read(ref destination, k * destinationStride), total));
        }
    }

    /// <inheritdoc/>
    public static int OutputLength(int n) => n;

    private static double Scale<T>(double e, double total) => typeof(T) == typeof(double) ? e / total : e * (1.0 / total);
}
