using System.Runtime.CompilerServices;

namespace Activations;

/// <summary>
/// Reads and writes float or double elements as double, so each kernel is written once for both;
/// the <c>typeof</c> tests are JIT-time constants and vanish.
/// </summary>
internal static class AxisElement
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Read<T>(ref T origin, nint index) =>
        typeof(T) == typeof(float)
            ? Unsafe.Add(ref Unsafe.As<T, float>(ref origin), index)
            : Unsafe.Add(ref Unsafe.As<T, double>(ref origin), index);

    /// <summary>Writes <paramref name="value"/> rounded once to the element type.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write<T>(ref T origin, nint index, double value)
    {
        if (typeof(T) == typeof(float))
        {
            Unsafe.Add(ref Unsafe.As<T, float>(ref origin), index) = (float)value;
        }
        else
        {
            Unsafe.Add(ref Unsafe.As<T, double>(ref origin), index) = value;
        }
    }

    /// <summary>Loads <c>2 * TL.Count</c> elements from <paramref name="index"/> as two double vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load2<TL, TV, T>(ref T origin, nint index, out TV lower, out TV upper)
        where TL : struct, ILanes<TV> where TV : struct
    {
        if (typeof(T) == typeof(float))
        {
            TL.Load2(ref Unsafe.Add(ref Unsafe.As<T, float>(ref origin), index), out lower, out upper);
        }
        else
        {
            TL.Load2(ref Unsafe.Add(ref Unsafe.As<T, double>(ref origin), index), out lower, out upper);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store2<TL, TV, T>(TV lower, TV upper, ref T origin, nint index)
        where TL : struct, ILanes<TV> where TV : struct
    {
        if (typeof(T) == typeof(float))
        {
            TL.Store2(lower, upper, ref Unsafe.Add(ref Unsafe.As<T, float>(ref origin), index));
        }
        else
        {
            TL.Store2(lower, upper, ref Unsafe.Add(ref Unsafe.As<T, double>(ref origin), index));
        }
    }
}
