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
    public static void Row<T>(ref T x, ref T destination, int n)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            Row<Lanes512, Vector512<double>, T>(ref x, ref destination, n);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Row<Lanes256, Vector256<double>, T>(ref x, ref destination, n);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            Row<Lanes128, Vector128<double>, T>(ref x, ref destination, n);
        }
        else
        {
            Line(ref x, 1, ref destination, 1, n);
        }
    }

    /// <inheritdoc/>
    public static void Lines<T>(ref T x, nint xStride, ref T destination, nint destinationStride, int n, int count)
    {
        int done = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            done = Lanes<Lanes512, Vector512<double>, T>(ref x, xStride, ref destination, destinationStride, n, count);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            done = Lanes<Lanes256, Vector256<double>, T>(ref x, xStride, ref destination, destinationStride, n, count);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            done = Lanes<Lanes128, Vector128<double>, T>(ref x, xStride, ref destination, destinationStride, n, count);
        }

        for (int j = done; j < count; j++)
        {
            Line(ref System.Runtime.CompilerServices.Unsafe.Add(ref x, j), xStride, ref System.Runtime.CompilerServices.Unsafe.Add(ref destination, j), destinationStride, n);
        }
    }

    private static void Row<TL, TV, T>(ref T x, ref T destination, int n)
        where TL : struct, ILanes<TV> where TV : struct
    {
        double max = AxisMaximum.Row<TL, TV, T>(ref x, n, out bool undefined);
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
            AxisElement.Load2<TL, TV, T>(ref x, i, out TV lower, out TV upper);
            TV eLower = ShiftedExp.Vector<TL, TV, T>(lower, m);
            TV eUpper = ShiftedExp.Vector<TL, TV, T>(upper, m);
            AxisElement.Store2<TL, TV, T>(eLower, eUpper, ref destination, i);
            if (typeof(T) == typeof(double))
            {
                Compensated.Accumulate<TL, TV>(ref sumLower, ref compensationLower, eLower);
                Compensated.Accumulate<TL, TV>(ref sumUpper, ref compensationUpper, eUpper);
            }
            else
            {
                // float: n·2^-53 relative error in a plain double sum is far below float's 2^-24.
                sumLower = TL.Add(sumLower, eLower);
                sumUpper = TL.Add(sumUpper, eUpper);
            }
        }

        double sum = 0, compensation = 0;
        for (nint tail = i; tail < n; tail++)
        {
            double e = ShiftedExp.Scalar<T>(AxisElement.Read(ref x, tail), max);
            AxisElement.Write(ref destination, tail, e);
            sum = Compensated.TwoSum(sum, e, out double error);
            compensation += error;
        }

        LaneSums.AddTo<TL, TV>(sumLower, compensationLower, ref sum, ref compensation);
        LaneSums.AddTo<TL, TV>(sumUpper, compensationUpper, ref sum, ref compensation);
        double total = sum + compensation;

        // float rounded e to float when storing it; one more rounding (in float lanes where a vector FMA exists,
        // else dividing in double) keeps the result within 1.5 ULP.
        if (typeof(T) == typeof(float) && SingleScale.IsAvailable)
        {
            SingleScale.Row(ref Unsafe.As<T, float>(ref destination), n, total);
            return;
        }

        TV totalVector = TL.Create(total), inverse = TL.Create(1.0 / total);
        i = 0;
        for (; i <= n - block; i += block)
        {
            AxisElement.Load2<TL, TV, T>(ref destination, i, out TV lower, out TV upper);
            if (typeof(T) == typeof(double))
            {
                lower = TL.Divide(lower, totalVector);
                upper = TL.Divide(upper, totalVector);
            }
            else
            {
                lower = TL.Multiply(lower, inverse);
                upper = TL.Multiply(upper, inverse);
            }

            AxisElement.Store2<TL, TV, T>(lower, upper, ref destination, i);
        }

        for (; i < n; i++)
        {
            AxisElement.Write(ref destination, i, Scale<T>(AxisElement.Read(ref destination, i), total));
        }
    }

    private static int Lanes<TL, TV, T>(ref T x, nint xStride, ref T destination, nint destinationStride, int n, int count)
        where TL : struct, ILanes<TV> where TV : struct
    {
        int block = 2 * TL.Count;
        int j = 0;
        for (; j <= count - block; j += block)
        {
            ref T xj = ref System.Runtime.CompilerServices.Unsafe.Add(ref x, j);
            ref T dj = ref System.Runtime.CompilerServices.Unsafe.Add(ref destination, j);
            AxisMaximum.Lanes<TL, TV, T>(ref xj, xStride, n, out TV maxLower, out TV maxUpper, out TV undefinedLower, out TV undefinedUpper);

            TV sumLower = TL.Create(0), compensationLower = sumLower, sumUpper = sumLower, compensationUpper = sumLower;
            for (nint k = 0; k < n; k++)
            {
                AxisElement.Load2<TL, TV, T>(ref xj, k * xStride, out TV lower, out TV upper);
                TV eLower = ShiftedExp.Vector<TL, TV, T>(lower, maxLower);
                TV eUpper = ShiftedExp.Vector<TL, TV, T>(upper, maxUpper);
                AxisElement.Store2<TL, TV, T>(eLower, eUpper, ref dj, k * destinationStride);
                if (typeof(T) == typeof(double))
                {
                    Compensated.Accumulate<TL, TV>(ref sumLower, ref compensationLower, eLower);
                    Compensated.Accumulate<TL, TV>(ref sumUpper, ref compensationUpper, eUpper);
                }
                else
                {
                    sumLower = TL.Add(sumLower, eLower);
                    sumUpper = TL.Add(sumUpper, eUpper);
                }
            }

            TV nan = TL.Create(double.NaN);
            TV totalLower = TL.Add(sumLower, compensationLower), totalUpper = TL.Add(sumUpper, compensationUpper);
            TV inverseLower = TL.Divide(TL.Create(1), totalLower), inverseUpper = TL.Divide(TL.Create(1), totalUpper);
            for (nint k = 0; k < n; k++)
            {
                AxisElement.Load2<TL, TV, T>(ref dj, k * destinationStride, out TV lower, out TV upper);
                if (typeof(T) == typeof(double))
                {
                    lower = TL.Divide(lower, totalLower);
                    upper = TL.Divide(upper, totalUpper);
                }
                else
                {
                    lower = TL.Multiply(lower, inverseLower);
                    upper = TL.Multiply(upper, inverseUpper);
                }

                AxisElement.Store2<TL, TV, T>(TL.Select(undefinedLower, nan, lower), TL.Select(undefinedUpper, nan, upper), ref dj, k * destinationStride);
            }
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
