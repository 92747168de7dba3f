using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

/// <summary>
/// softmax's first pass for float rows, in float lanes (twice the lanes of widening to double; the maximum of floats
/// is a float): the maximum, the minimum (the middle pass picks its cheapest exact form from the spread), and whether the row is undefined (a NaN, a +∞, or nothing but -∞). NaN is tracked apart
/// from the maximum because the hardware max instructions disagree about NaN. Each width is its own JIT root.
/// </summary>
internal static class SingleMaximum
{
    public static float Row(ref float x, int n, out float min, out bool undefined)
    {
        nint i = 0;
        float max = float.NegativeInfinity;
        min = float.PositiveInfinity;
        bool ordered = true;
        if (Vector512.IsHardwareAccelerated && n >= Vector512<float>.Count)
        {
            max = Row512(ref x, n, ref i, ref min, ref ordered);
        }
        else if (Vector256.IsHardwareAccelerated && n >= Vector256<float>.Count)
        {
            max = Row256(ref x, n, ref i, ref min, ref ordered);
        }
        else if (Vector128.IsHardwareAccelerated && n >= Vector128<float>.Count)
        {
            max = Row128(ref x, n, ref i, ref min, ref ordered);
        }

        for (; i < n; i++)
        {
            float v = Unsafe.Add(ref x, i);
            ordered &= !float.IsNaN(v);
            max = v > max ? v : max;
            min = v < min ? v : min;
        }

        undefined = !ordered || float.IsInfinity(max);
        return max;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Row512(ref float x, int n, ref nint i, ref float min, ref bool ordered)
    {
        Vector512<float> max = Vector512.Create(float.NegativeInfinity), least = Vector512.Create(float.PositiveInfinity), equal = Vector512<float>.AllBitsSet;
        for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
        {
            Vector512<float> v = Vector512.LoadUnsafe(ref x, (nuint)i);
            max = Max(max, v);
            least = Min(least, v);
            equal &= Vector512.Equals(v, v); // false in a NaN's lane
        }

        ordered = equal.AsUInt32() == Vector512<uint>.AllBitsSet; // compared as bits: AllBitsSet is a NaN as a float
        min = Math.Min(min, -Across(-least.GetLower().GetLower(), -least.GetLower().GetUpper(), -least.GetUpper().GetLower(), -least.GetUpper().GetUpper()));
        return Across(max.GetLower().GetLower(), max.GetLower().GetUpper(), max.GetUpper().GetLower(), max.GetUpper().GetUpper());
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Row256(ref float x, int n, ref nint i, ref float min, ref bool ordered)
    {
        Vector256<float> max0 = Vector256.Create(float.NegativeInfinity), max1 = max0, equal = Vector256<float>.AllBitsSet;
        Vector256<float> min0 = Vector256.Create(float.PositiveInfinity), min1 = min0;
        for (; i <= n - 2 * Vector256<float>.Count; i += 2 * Vector256<float>.Count)
        {
            Vector256<float> v0 = Vector256.LoadUnsafe(ref x, (nuint)i);
            Vector256<float> v1 = Vector256.LoadUnsafe(ref x, (nuint)(i + Vector256<float>.Count));
            max0 = Max(max0, v0);
            max1 = Max(max1, v1);
            min0 = Min(min0, v0);
            min1 = Min(min1, v1);
            equal &= Vector256.Equals(v0, v0) & Vector256.Equals(v1, v1);
        }

        if (i <= n - Vector256<float>.Count)
        {
            Vector256<float> v = Vector256.LoadUnsafe(ref x, (nuint)i);
            max0 = Max(max0, v);
            min0 = Min(min0, v);
            equal &= Vector256.Equals(v, v);
            i += Vector256<float>.Count;
        }

        ordered = equal.AsUInt32() == Vector256<uint>.AllBitsSet; // compared as bits: AllBitsSet is a NaN as a float
        Vector256<float> max = Max(max0, max1), least = -Min(min0, min1);
        min = Math.Min(min, -Across(least.GetLower(), least.GetUpper(), least.GetLower(), least.GetUpper()));
        return Across(max.GetLower(), max.GetUpper(), max.GetLower(), max.GetUpper());
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Row128(ref float x, int n, ref nint i, ref float min, ref bool ordered)
    {
        Vector128<float> max0 = Vector128.Create(float.NegativeInfinity), max1 = max0, equal = Vector128<float>.AllBitsSet;
        Vector128<float> min0 = Vector128.Create(float.PositiveInfinity), min1 = min0;
        for (; i <= n - 2 * Vector128<float>.Count; i += 2 * Vector128<float>.Count)
        {
            Vector128<float> v0 = Vector128.LoadUnsafe(ref x, (nuint)i);
            Vector128<float> v1 = Vector128.LoadUnsafe(ref x, (nuint)(i + Vector128<float>.Count));
            max0 = Max(max0, v0);
            max1 = Max(max1, v1);
            min0 = Min(min0, v0);
            min1 = Min(min1, v1);
            equal &= Vector128.Equals(v0, v0) & Vector128.Equals(v1, v1);
        }

        if (i <= n - Vector128<float>.Count)
        {
            Vector128<float> v = Vector128.LoadUnsafe(ref x, (nuint)i);
            max0 = Max(max0, v);
            min0 = Min(min0, v);
            equal &= Vector128.Equals(v, v);
            i += Vector128<float>.Count;
        }

        ordered = equal.AsUInt32() == Vector128<uint>.AllBitsSet; // compared as bits: AllBitsSet is a NaN as a float
        Vector128<float> max = Max(max0, max1), least = -Min(min0, min1);
        min = Math.Min(min, -Across(least, least, least, least));
        return Across(max, max, max, max);
    }

    private static float Across(Vector128<float> a, Vector128<float> b, Vector128<float> c, Vector128<float> d)
    {
        Vector128<float> m = Max(Max(a, b), Max(c, d));
        float result = m.GetElement(0);
        for (int lane = 1; lane < Vector128<float>.Count; lane++)
        {
            float v = m.GetElement(lane);
            result = v > result ? v : result;
        }

        return result;
    }

    // NaN lanes are tracked apart, so the single-instruction max and min will do (.NET 9 made Max a longer IEEE sequence).
#if NET9_0_OR_GREATER
    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static Vector512<float> Max(Vector512<float> a, Vector512<float> b) => Vector512.MaxNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static Vector256<float> Max(Vector256<float> a, Vector256<float> b) => Vector256.MaxNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static Vector128<float> Max(Vector128<float> a, Vector128<float> b) => Vector128.MaxNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static Vector512<float> Min(Vector512<float> a, Vector512<float> b) => Vector512.MinNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static Vector256<float> Min(Vector256<float> a, Vector256<float> b) => Vector256.MinNative(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static Vector128<float> Min(Vector128<float> a, Vector128<float> b) => Vector128.MinNative(a, b);
#else
    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static Vector512<float> Max(Vector512<float> a, Vector512<float> b) => Vector512.Max(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static Vector256<float> Max(Vector256<float> a, Vector256<float> b) => Vector256.Max(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static Vector128<float> Max(Vector128<float> a, Vector128<float> b) => Vector128.Max(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static Vector512<float> Min(Vector512<float> a, Vector512<float> b) => Vector512.Min(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static Vector256<float> Min(Vector256<float> a, Vector256<float> b) => Vector256.Min(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static Vector128<float> Min(Vector128<float> a, Vector128<float> b) => Vector128.Min(a, b);
#endif
}
