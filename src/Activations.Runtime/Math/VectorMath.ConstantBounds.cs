using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

// Math.Max/Min against a constant the generator knows, in one or two instructions instead of Max/Min's compares
// and selects. The x86 instruction returns its second operand when either is NaN or both are zeros, so with the
// constant first: a NaN x comes through as NaN, and a constant that is not zero never ties with a zero of the
// other sign. Min against +0 is exact too (a -0 x is the second operand, and Math.Min(-0, +0) = -0); Max against
// +0 is the instruction with the sign bit cleared, which turns the -0 it returns for x = -0 into Math.Max's +0.
// They are the math core's MaxFast/MinFast (the instruction, or elsewhere Vector128.Max/Min: platform NaN propagation
// on .NET 8, IEEE on .NET 9+, NaN either way) with the constant put first.
// Used by generated kernels (clamps like silu's max(x, -1e30), relu6's min(·, 6), hard_tanh, relu's max(x, 0)).
public static partial class VectorMath
{
    /// <summary>As <see cref="Math.Max(float, float)"/> per element, for a <paramref name="constant"/> that is neither zero nor NaN in every lane.</summary>
    /// <param name="x">The values.</param>
    /// <param name="constant">The lower bound: not zero, not NaN.</param>
    /// <returns>The larger of each pair; NaN where <paramref name="x"/> is NaN.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> MaxWithConstant(Vector128<float> x, Vector128<float> constant) => MaxFast(constant, x);

    /// <summary>As <see cref="Math.Min(float, float)"/> per element, for a <paramref name="constant"/> that is +0 or neither zero nor NaN in every lane.</summary>
    /// <param name="x">The values.</param>
    /// <param name="constant">The upper bound: +0 or a non-zero number, not NaN.</param>
    /// <returns>The smaller of each pair; NaN where <paramref name="x"/> is NaN.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> MinWithConstant(Vector128<float> x, Vector128<float> constant) => MinFast(constant, x);

    /// <summary>As <see cref="Math.Max(float, float)"/> of each element and +0 (relu): NaN where <paramref name="x"/> is NaN; Max(-0, +0) = +0.</summary>
    /// <param name="x">The values.</param>
    /// <returns>The larger of each element and +0.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> MaxWithZero(Vector128<float> x) =>
        Vector128.AndNot(MaxWithConstant(x, Vector128<float>.Zero), Vector128.Create(-0.0f));

    /// <summary>As <see cref="Math.Max(double, double)"/> per element, for a <paramref name="constant"/> that is neither zero nor NaN in every lane.</summary>
    /// <param name="x">The values.</param>
    /// <param name="constant">The lower bound: not zero, not NaN.</param>
    /// <returns>The larger of each pair; NaN where <paramref name="x"/> is NaN.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> MaxWithConstant(Vector128<double> x, Vector128<double> constant) => Vector128DoubleLanes.MaxFast(constant, x);

    /// <summary>As <see cref="Math.Min(double, double)"/> per element, for a <paramref name="constant"/> that is +0 or neither zero nor NaN in every lane.</summary>
    /// <param name="x">The values.</param>
    /// <param name="constant">The upper bound: +0 or a non-zero number, not NaN.</param>
    /// <returns>The smaller of each pair; NaN where <paramref name="x"/> is NaN.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> MinWithConstant(Vector128<double> x, Vector128<double> constant) => Vector128DoubleLanes.MinFast(constant, x);

    /// <summary>As <see cref="Math.Max(double, double)"/> of each element and +0 (relu): NaN where <paramref name="x"/> is NaN; Max(-0, +0) = +0.</summary>
    /// <param name="x">The values.</param>
    /// <returns>The larger of each element and +0.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> MaxWithZero(Vector128<double> x) =>
        Vector128.AndNot(MaxWithConstant(x, Vector128<double>.Zero), Vector128.Create(-0.0));

    /// <summary>As <see cref="Math.Max(float, float)"/> per element, for a <paramref name="constant"/> that is neither zero nor NaN in every lane.</summary>
    /// <param name="x">The values.</param>
    /// <param name="constant">The lower bound: not zero, not NaN.</param>
    /// <returns>The larger of each pair; NaN where <paramref name="x"/> is NaN.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MaxWithConstant(Vector256<float> x, Vector256<float> constant) => MaxFast(constant, x);

    /// <summary>As <see cref="Math.Min(float, float)"/> per element, for a <paramref name="constant"/> that is +0 or neither zero nor NaN in every lane.</summary>
    /// <param name="x">The values.</param>
    /// <param name="constant">The upper bound: +0 or a non-zero number, not NaN.</param>
    /// <returns>The smaller of each pair; NaN where <paramref name="x"/> is NaN.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MinWithConstant(Vector256<float> x, Vector256<float> constant) => MinFast(constant, x);

    /// <summary>As <see cref="Math.Max(float, float)"/> of each element and +0 (relu): NaN where <paramref name="x"/> is NaN; Max(-0, +0) = +0.</summary>
    /// <param name="x">The values.</param>
    /// <returns>The larger of each element and +0.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MaxWithZero(Vector256<float> x) =>
        Vector256.AndNot(MaxWithConstant(x, Vector256<float>.Zero), Vector256.Create(-0.0f));

    /// <summary>As <see cref="Math.Max(double, double)"/> per element, for a <paramref name="constant"/> that is neither zero nor NaN in every lane.</summary>
    /// <param name="x">The values.</param>
    /// <param name="constant">The lower bound: not zero, not NaN.</param>
    /// <returns>The larger of each pair; NaN where <paramref name="x"/> is NaN.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> MaxWithConstant(Vector256<double> x, Vector256<double> constant) => Vector256DoubleLanes.MaxFast(constant, x);

    /// <summary>As <see cref="Math.Min(double, double)"/> per element, for a <paramref name="constant"/> that is +0 or neither zero nor NaN in every lane.</summary>
    /// <param name="x">The values.</param>
    /// <param name="constant">The upper bound: +0 or a non-zero number, not NaN.</param>
    /// <returns>The smaller of each pair; NaN where <paramref name="x"/> is NaN.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> MinWithConstant(Vector256<double> x, Vector256<double> constant) => Vector256DoubleLanes.MinFast(constant, x);

    /// <summary>As <see cref="Math.Max(double, double)"/> of each element and +0 (relu): NaN where <paramref name="x"/> is NaN; Max(-0, +0) = +0.</summary>
    /// <param name="x">The values.</param>
    /// <returns>The larger of each element and +0.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> MaxWithZero(Vector256<double> x) =>
        Vector256.AndNot(MaxWithConstant(x, Vector256<double>.Zero), Vector256.Create(-0.0));

    /// <summary>As <see cref="Math.Max(float, float)"/> per element, for a <paramref name="constant"/> that is neither zero nor NaN in every lane.</summary>
    /// <param name="x">The values.</param>
    /// <param name="constant">The lower bound: not zero, not NaN.</param>
    /// <returns>The larger of each pair; NaN where <paramref name="x"/> is NaN.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MaxWithConstant(Vector512<float> x, Vector512<float> constant) => MaxFast(constant, x);

    /// <summary>As <see cref="Math.Min(float, float)"/> per element, for a <paramref name="constant"/> that is +0 or neither zero nor NaN in every lane.</summary>
    /// <param name="x">The values.</param>
    /// <param name="constant">The upper bound: +0 or a non-zero number, not NaN.</param>
    /// <returns>The smaller of each pair; NaN where <paramref name="x"/> is NaN.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MinWithConstant(Vector512<float> x, Vector512<float> constant) => MinFast(constant, x);

    /// <summary>As <see cref="Math.Max(float, float)"/> of each element and +0 (relu): NaN where <paramref name="x"/> is NaN; Max(-0, +0) = +0.</summary>
    /// <param name="x">The values.</param>
    /// <returns>The larger of each element and +0.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MaxWithZero(Vector512<float> x) =>
        Vector512.AndNot(MaxWithConstant(x, Vector512<float>.Zero), Vector512.Create(-0.0f));

    /// <summary>As <see cref="Math.Max(double, double)"/> per element, for a <paramref name="constant"/> that is neither zero nor NaN in every lane.</summary>
    /// <param name="x">The values.</param>
    /// <param name="constant">The lower bound: not zero, not NaN.</param>
    /// <returns>The larger of each pair; NaN where <paramref name="x"/> is NaN.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> MaxWithConstant(Vector512<double> x, Vector512<double> constant) => Vector512DoubleLanes.MaxFast(constant, x);

    /// <summary>As <see cref="Math.Min(double, double)"/> per element, for a <paramref name="constant"/> that is +0 or neither zero nor NaN in every lane.</summary>
    /// <param name="x">The values.</param>
    /// <param name="constant">The upper bound: +0 or a non-zero number, not NaN.</param>
    /// <returns>The smaller of each pair; NaN where <paramref name="x"/> is NaN.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> MinWithConstant(Vector512<double> x, Vector512<double> constant) => Vector512DoubleLanes.MinFast(constant, x);

    /// <summary>As <see cref="Math.Max(double, double)"/> of each element and +0 (relu): NaN where <paramref name="x"/> is NaN; Max(-0, +0) = +0.</summary>
    /// <param name="x">The values.</param>
    /// <returns>The larger of each element and +0.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> MaxWithZero(Vector512<double> x) =>
        Vector512.AndNot(MaxWithConstant(x, Vector512<double>.Zero), Vector512.Create(-0.0));
}
