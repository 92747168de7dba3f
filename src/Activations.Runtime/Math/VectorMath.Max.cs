using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

public static partial class VectorMath
{
    // Math.Max semantics on every runtime and path: NaN if either operand is NaN, and Max(-0, +0) = +0.
    // .NET 8's Vector128.Max follows the platform instruction (x86 returns the second operand for NaN and for
    // equal zeros); .NET 9+ made it IEEE. This is written with compares and selects so that it is the same on both.

    /// <summary>The larger of two doubles, as <see cref="Math.Max(double, double)"/>: NaN if either is NaN; Max(-0, +0) = +0.</summary>
    /// <param name="x">The first value.</param>
    /// <param name="y">The second value.</param>
    /// <returns>The larger value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Max(double x, double y) => Math.Max(x, y);

    /// <summary>The larger of two floats, as <see cref="Math.Max(float, float)"/>: NaN if either is NaN; Max(-0, +0) = +0.</summary>
    /// <param name="x">The first value.</param>
    /// <param name="y">The second value.</param>
    /// <returns>The larger value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Max(float x, float y) => Math.Max(x, y);

    /// <summary>Per element, as <see cref="Math.Max(float, float)"/>: NaN if either is NaN; Max(-0, +0) = +0; identical on .NET 8 and 10.</summary>
    /// <param name="x">The first values.</param>
    /// <param name="y">The second values.</param>
    /// <returns>The larger of each pair.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Max(Vector128<float> x, Vector128<float> y) => MaxCore(x, y);

    /// <summary>Per element, as <see cref="Math.Max(double, double)"/>: NaN if either is NaN; Max(-0, +0) = +0; identical on .NET 8 and 10.</summary>
    /// <param name="x">The first values.</param>
    /// <param name="y">The second values.</param>
    /// <returns>The larger of each pair.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Max(Vector128<double> x, Vector128<double> y) => MaxCore(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<T> MaxCore<T>(Vector128<T> x, Vector128<T> y)
        where T : struct
    {
        // Equal values: AND of the bits picks the positive zero and is the value itself otherwise.
        Vector128<T> result = Vector128.ConditionalSelect(Vector128.GreaterThan(x, y), x, y);
        result = Vector128.ConditionalSelect(Vector128.Equals(x, y), x & y, result);
        return Vector128.ConditionalSelect(Vector128.Equals(x, x), result, x); // a NaN x; a NaN y already came through as y
    }

    /// <summary>Per element, as <see cref="Math.Max(float, float)"/>: NaN if either is NaN; Max(-0, +0) = +0; identical on .NET 8 and 10.</summary>
    /// <param name="x">The first values.</param>
    /// <param name="y">The second values.</param>
    /// <returns>The larger of each pair.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Max(Vector256<float> x, Vector256<float> y) => MaxCore(x, y);

    /// <summary>Per element, as <see cref="Math.Max(double, double)"/>: NaN if either is NaN; Max(-0, +0) = +0; identical on .NET 8 and 10.</summary>
    /// <param name="x">The first values.</param>
    /// <param name="y">The second values.</param>
    /// <returns>The larger of each pair.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Max(Vector256<double> x, Vector256<double> y) => MaxCore(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> MaxCore<T>(Vector256<T> x, Vector256<T> y)
        where T : struct
    {
        // Equal values: AND of the bits picks the positive zero and is the value itself otherwise.
        Vector256<T> result = Vector256.ConditionalSelect(Vector256.GreaterThan(x, y), x, y);
        result = Vector256.ConditionalSelect(Vector256.Equals(x, y), x & y, result);
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x); // a NaN x; a NaN y already came through as y
    }

    /// <summary>Per element, as <see cref="Math.Max(float, float)"/>: NaN if either is NaN; Max(-0, +0) = +0; identical on .NET 8 and 10.</summary>
    /// <param name="x">The first values.</param>
    /// <param name="y">The second values.</param>
    /// <returns>The larger of each pair.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Max(Vector512<float> x, Vector512<float> y) => MaxCore(x, y);

    /// <summary>Per element, as <see cref="Math.Max(double, double)"/>: NaN if either is NaN; Max(-0, +0) = +0; identical on .NET 8 and 10.</summary>
    /// <param name="x">The first values.</param>
    /// <param name="y">The second values.</param>
    /// <returns>The larger of each pair.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Max(Vector512<double> x, Vector512<double> y) => MaxCore(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> MaxCore<T>(Vector512<T> x, Vector512<T> y)
        where T : struct
    {
        // Equal values: AND of the bits picks the positive zero and is the value itself otherwise.
        Vector512<T> result = Vector512.ConditionalSelect(Vector512.GreaterThan(x, y), x, y);
        result = Vector512.ConditionalSelect(Vector512.Equals(x, y), x & y, result);
        return Vector512.ConditionalSelect(Vector512.Equals(x, x), result, x); // a NaN x; a NaN y already came through as y
    }
}
