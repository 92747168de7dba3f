using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

/// <summary>
/// glu along one axis: the axis splits into halves a and b, and y = a · sigmoid(b) = a / (1 + e^-b), computed in
/// double (one rounding to float at the end). The limits follow: b = -∞ gives 0 (a finite), b = +∞ gives a, and
/// ∞ · sigmoid(-∞) is NaN, as in Keras.
/// </summary>
internal readonly struct GluKernel : IAxisKernel
{
    /// <inheritdoc/>
    public static int OutputLength(int n) => n / 2;

    /// <inheritdoc/>
    public static void Row<TL, TV, T>(ref T x, ref T destination, int n)
        where TL : struct, ILanes<TV> where TV : struct
    {
        int half = n / 2;
        int block = 2 * TL.Count;
        ref T b = ref Unsafe.Add(ref x, half);
        nint k = 0;

        // Forward order keeps destination == x (in place, in the first half) correct: element k is read before it is written.
        for (; k <= half - block; k += block)
        {
            AxisElement.Load2<TL, TV, T>(ref x, k, out TV aLower, out TV aUpper);
            AxisElement.Load2<TL, TV, T>(ref b, k, out TV bLower, out TV bUpper);
            AxisElement.Store2<TL, TV, T>(Gate<TL, TV, T>(aLower, bLower), Gate<TL, TV, T>(aUpper, bUpper), ref destination, k);
        }

        for (; k < half; k++)
        {
            AxisElement.Write(ref destination, k, Gate<T>(AxisElement.Read(ref x, k), AxisElement.Read(ref b, k)));
        }
    }

    public static int Lanes<TL, TV, T>(ref T x, nint xStride, ref T destination, nint destinationStride, int n, int count)
        where TL : struct, ILanes<TV> where TV : struct
    {
        int half = n / 2;
        int block = 2 * TL.Count;
        int j = 0;
        for (; j <= count - block; j += block)
        {
            ref T aj = ref Unsafe.Add(ref x, j);
            ref T bj = ref Unsafe.Add(ref aj, half * xStride);
            ref T dj = ref Unsafe.Add(ref destination, j);
            for (nint k = 0; k < half; k++)
            {
                AxisElement.Load2<TL, TV, T>(ref aj, k * xStride, out TV aLower, out TV aUpper);
                AxisElement.Load2<TL, TV, T>(ref bj, k * xStride, out TV bLower, out TV bUpper);
                AxisElement.Store2<TL, TV, T>(Gate<TL, TV, T>(aLower, bLower), Gate<TL, TV, T>(aUpper, bUpper), ref dj, k * destinationStride);
            }
        }

        return j;
    }

    /// <summary>The scalar kernel for one line, elements <paramref name="xStride"/> apart.</summary>
    public static void Line<T>(ref T x, nint xStride, ref T destination, nint destinationStride, int n)
    {
        int half = n / 2;
        ref T b = ref Unsafe.Add(ref x, half * xStride);
        for (nint k = 0; k < half; k++)
        {
            AxisElement.Write(ref destination, k * destinationStride, Gate<T>(AxisElement.Read(ref x, k * xStride), AxisElement.Read(ref b, k * xStride)));
        }
    }

    /// <summary>a / (1 + e^-b); float results need e^-b only to float accuracy (the math core's 2^-33 exp).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Gate<TL, TV, T>(TV a, TV b)
        where TL : struct, ILanes<TV> where TV : struct
    {
        TV minusB = TL.Subtract(TL.Create(0), b);
        TV e = typeof(T) == typeof(float) ? TL.ExpForSingle(minusB) : TL.Exp(minusB);
        return TL.Divide(a, TL.Add(TL.Create(1), e));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Gate<T>(double a, double b) =>
        a / (1.0 + (typeof(T) == typeof(float) ? VectorMath.ExpForSingle(-b) : VectorMath.Exp(-b)));
}
