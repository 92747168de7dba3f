// PENDING: placeholders for the functions the math core has not replaced yet (removed as each lands).
// It exists so that the rest of the runtime compiles against the final API shape.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;


public static partial class VectorMath
{
    /// <summary>the error function.</summary>
    public static double Erf(double x) => PlaceholderErf(x);
    /// <summary>the error function.</summary>
    public static float Erf(float x) => (float)Erf((double)x);
    /// <summary>the error function, per element.</summary>
    public static Vector128<float> Erf(Vector128<float> x) { Unsafe.SkipInit(out Vector128<float> r); for (int i = 0; i < Vector128<float>.Count; i++) r = r.WithElement(i, Erf(x.GetElement(i))); return r; }
    /// <summary>the error function, per element.</summary>
    public static Vector128<double> Erf(Vector128<double> x) { Unsafe.SkipInit(out Vector128<double> r); for (int i = 0; i < Vector128<double>.Count; i++) r = r.WithElement(i, Erf(x.GetElement(i))); return r; }
    /// <summary>the error function, per element.</summary>
    public static Vector256<float> Erf(Vector256<float> x) { Unsafe.SkipInit(out Vector256<float> r); for (int i = 0; i < Vector256<float>.Count; i++) r = r.WithElement(i, Erf(x.GetElement(i))); return r; }
    /// <summary>the error function, per element.</summary>
    public static Vector256<double> Erf(Vector256<double> x) { Unsafe.SkipInit(out Vector256<double> r); for (int i = 0; i < Vector256<double>.Count; i++) r = r.WithElement(i, Erf(x.GetElement(i))); return r; }
    /// <summary>the error function, per element.</summary>
    public static Vector512<float> Erf(Vector512<float> x) { Unsafe.SkipInit(out Vector512<float> r); for (int i = 0; i < Vector512<float>.Count; i++) r = r.WithElement(i, Erf(x.GetElement(i))); return r; }
    /// <summary>the error function, per element.</summary>
    public static Vector512<double> Erf(Vector512<double> x) { Unsafe.SkipInit(out Vector512<double> r); for (int i = 0; i < Vector512<double>.Count; i++) r = r.WithElement(i, Erf(x.GetElement(i))); return r; }
    /// <summary>the complementary error function 1 - erf(x), accurate in the tail.</summary>
    public static double Erfc(double x) => 1.0 - PlaceholderErf(x);
    /// <summary>the complementary error function 1 - erf(x), accurate in the tail.</summary>
    public static float Erfc(float x) => (float)Erfc((double)x);
    /// <summary>the complementary error function 1 - erf(x), accurate in the tail, per element.</summary>
    public static Vector128<float> Erfc(Vector128<float> x) { Unsafe.SkipInit(out Vector128<float> r); for (int i = 0; i < Vector128<float>.Count; i++) r = r.WithElement(i, Erfc(x.GetElement(i))); return r; }
    /// <summary>the complementary error function 1 - erf(x), accurate in the tail, per element.</summary>
    public static Vector128<double> Erfc(Vector128<double> x) { Unsafe.SkipInit(out Vector128<double> r); for (int i = 0; i < Vector128<double>.Count; i++) r = r.WithElement(i, Erfc(x.GetElement(i))); return r; }
    /// <summary>the complementary error function 1 - erf(x), accurate in the tail, per element.</summary>
    public static Vector256<float> Erfc(Vector256<float> x) { Unsafe.SkipInit(out Vector256<float> r); for (int i = 0; i < Vector256<float>.Count; i++) r = r.WithElement(i, Erfc(x.GetElement(i))); return r; }
    /// <summary>the complementary error function 1 - erf(x), accurate in the tail, per element.</summary>
    public static Vector256<double> Erfc(Vector256<double> x) { Unsafe.SkipInit(out Vector256<double> r); for (int i = 0; i < Vector256<double>.Count; i++) r = r.WithElement(i, Erfc(x.GetElement(i))); return r; }
    /// <summary>the complementary error function 1 - erf(x), accurate in the tail, per element.</summary>
    public static Vector512<float> Erfc(Vector512<float> x) { Unsafe.SkipInit(out Vector512<float> r); for (int i = 0; i < Vector512<float>.Count; i++) r = r.WithElement(i, Erfc(x.GetElement(i))); return r; }
    /// <summary>the complementary error function 1 - erf(x), accurate in the tail, per element.</summary>
    public static Vector512<double> Erfc(Vector512<double> x) { Unsafe.SkipInit(out Vector512<double> r); for (int i = 0; i < Vector512<double>.Count; i++) r = r.WithElement(i, Erfc(x.GetElement(i))); return r; }
    private static double PlaceholderErf(double x) { double t = 1.0 / (1.0 + 0.3275911 * Math.Abs(x)); double y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x); return x >= 0 ? y : -y; }

    // ---- Added by the generator work so that generated kernels compile; the math core replaces all of it. ----
    /// <summary>the error function, accurate enough for a <see cref="float"/> result once rounded (the float kernels compute in double).</summary>
    public static double ErfForSingle(double x) => Erf(x);
    /// <summary>the error function, per element, accurate enough for a <see cref="float"/> result once rounded.</summary>
    public static Vector128<double> ErfForSingle(Vector128<double> x) => Erf(x);
    /// <summary>the error function, per element, accurate enough for a <see cref="float"/> result once rounded.</summary>
    public static Vector256<double> ErfForSingle(Vector256<double> x) => Erf(x);
    /// <summary>the error function, per element, accurate enough for a <see cref="float"/> result once rounded.</summary>
    public static Vector512<double> ErfForSingle(Vector512<double> x) => Erf(x);
    /// <summary>the complementary error function, accurate enough for a <see cref="float"/> result once rounded (the float kernels compute in double).</summary>
    public static double ErfcForSingle(double x) => Erfc(x);
    /// <summary>the complementary error function, per element, accurate enough for a <see cref="float"/> result once rounded.</summary>
    public static Vector128<double> ErfcForSingle(Vector128<double> x) => Erfc(x);
    /// <summary>the complementary error function, per element, accurate enough for a <see cref="float"/> result once rounded.</summary>
    public static Vector256<double> ErfcForSingle(Vector256<double> x) => Erfc(x);
    /// <summary>the complementary error function, per element, accurate enough for a <see cref="float"/> result once rounded.</summary>
    public static Vector512<double> ErfcForSingle(Vector512<double> x) => Erfc(x);
    /// <summary>The maximum, NaN if either is NaN, like <see cref="Math.Max(double, double)"/>.</summary>
    public static double Max(double x, double y) => Math.Max(x, y);
    /// <summary>The maximum, NaN if either is NaN, like <see cref="MathF.Max(float, float)"/>.</summary>
    public static float Max(float x, float y) => MathF.Max(x, y);
    /// <summary>The maximum per element, NaN if either is NaN, +0 over -0 as <see cref="Math.Max(double, double)"/>.</summary>
    public static Vector128<float> Max(Vector128<float> x, Vector128<float> y)
    {
        // Equal lanes (including +0 and -0) combine bitwise to pick the right zero; NaN lanes become NaN.
        Vector128<float> r = Vector128.ConditionalSelect(Vector128.Equals(x, y), x & y, Vector128.Max(x, y));
        return Vector128.ConditionalSelect(Vector128.Equals(x, x) & Vector128.Equals(y, y), r, x + y);
    }
    /// <summary>The maximum per element, NaN if either is NaN, +0 over -0 as <see cref="Math.Max(double, double)"/>.</summary>
    public static Vector128<double> Max(Vector128<double> x, Vector128<double> y)
    {
        // Equal lanes (including +0 and -0) combine bitwise to pick the right zero; NaN lanes become NaN.
        Vector128<double> r = Vector128.ConditionalSelect(Vector128.Equals(x, y), x & y, Vector128.Max(x, y));
        return Vector128.ConditionalSelect(Vector128.Equals(x, x) & Vector128.Equals(y, y), r, x + y);
    }
    /// <summary>The maximum per element, NaN if either is NaN, +0 over -0 as <see cref="Math.Max(double, double)"/>.</summary>
    public static Vector256<float> Max(Vector256<float> x, Vector256<float> y)
    {
        // Equal lanes (including +0 and -0) combine bitwise to pick the right zero; NaN lanes become NaN.
        Vector256<float> r = Vector256.ConditionalSelect(Vector256.Equals(x, y), x & y, Vector256.Max(x, y));
        return Vector256.ConditionalSelect(Vector256.Equals(x, x) & Vector256.Equals(y, y), r, x + y);
    }
    /// <summary>The maximum per element, NaN if either is NaN, +0 over -0 as <see cref="Math.Max(double, double)"/>.</summary>
    public static Vector256<double> Max(Vector256<double> x, Vector256<double> y)
    {
        // Equal lanes (including +0 and -0) combine bitwise to pick the right zero; NaN lanes become NaN.
        Vector256<double> r = Vector256.ConditionalSelect(Vector256.Equals(x, y), x & y, Vector256.Max(x, y));
        return Vector256.ConditionalSelect(Vector256.Equals(x, x) & Vector256.Equals(y, y), r, x + y);
    }
    /// <summary>The maximum per element, NaN if either is NaN, +0 over -0 as <see cref="Math.Max(double, double)"/>.</summary>
    public static Vector512<float> Max(Vector512<float> x, Vector512<float> y)
    {
        // Equal lanes (including +0 and -0) combine bitwise to pick the right zero; NaN lanes become NaN.
        Vector512<float> r = Vector512.ConditionalSelect(Vector512.Equals(x, y), x & y, Vector512.Max(x, y));
        return Vector512.ConditionalSelect(Vector512.Equals(x, x) & Vector512.Equals(y, y), r, x + y);
    }
    /// <summary>The maximum per element, NaN if either is NaN, +0 over -0 as <see cref="Math.Max(double, double)"/>.</summary>
    public static Vector512<double> Max(Vector512<double> x, Vector512<double> y)
    {
        // Equal lanes (including +0 and -0) combine bitwise to pick the right zero; NaN lanes become NaN.
        Vector512<double> r = Vector512.ConditionalSelect(Vector512.Equals(x, y), x & y, Vector512.Max(x, y));
        return Vector512.ConditionalSelect(Vector512.Equals(x, x) & Vector512.Equals(y, y), r, x + y);
    }
    /// <summary>The minimum, NaN if either is NaN, like <see cref="Math.Min(double, double)"/>.</summary>
    public static double Min(double x, double y) => Math.Min(x, y);
    /// <summary>The minimum, NaN if either is NaN, like <see cref="MathF.Min(float, float)"/>.</summary>
    public static float Min(float x, float y) => MathF.Min(x, y);
    /// <summary>The minimum per element, NaN if either is NaN, +0 over -0 as <see cref="Math.Min(double, double)"/>.</summary>
    public static Vector128<float> Min(Vector128<float> x, Vector128<float> y)
    {
        // Equal lanes (including +0 and -0) combine bitwise to pick the right zero; NaN lanes become NaN.
        Vector128<float> r = Vector128.ConditionalSelect(Vector128.Equals(x, y), x | y, Vector128.Min(x, y));
        return Vector128.ConditionalSelect(Vector128.Equals(x, x) & Vector128.Equals(y, y), r, x + y);
    }
    /// <summary>The minimum per element, NaN if either is NaN, +0 over -0 as <see cref="Math.Min(double, double)"/>.</summary>
    public static Vector128<double> Min(Vector128<double> x, Vector128<double> y)
    {
        // Equal lanes (including +0 and -0) combine bitwise to pick the right zero; NaN lanes become NaN.
        Vector128<double> r = Vector128.ConditionalSelect(Vector128.Equals(x, y), x | y, Vector128.Min(x, y));
        return Vector128.ConditionalSelect(Vector128.Equals(x, x) & Vector128.Equals(y, y), r, x + y);
    }
    /// <summary>The minimum per element, NaN if either is NaN, +0 over -0 as <see cref="Math.Min(double, double)"/>.</summary>
    public static Vector256<float> Min(Vector256<float> x, Vector256<float> y)
    {
        // Equal lanes (including +0 and -0) combine bitwise to pick the right zero; NaN lanes become NaN.
        Vector256<float> r = Vector256.ConditionalSelect(Vector256.Equals(x, y), x | y, Vector256.Min(x, y));
        return Vector256.ConditionalSelect(Vector256.Equals(x, x) & Vector256.Equals(y, y), r, x + y);
    }
    /// <summary>The minimum per element, NaN if either is NaN, +0 over -0 as <see cref="Math.Min(double, double)"/>.</summary>
    public static Vector256<double> Min(Vector256<double> x, Vector256<double> y)
    {
        // Equal lanes (including +0 and -0) combine bitwise to pick the right zero; NaN lanes become NaN.
        Vector256<double> r = Vector256.ConditionalSelect(Vector256.Equals(x, y), x | y, Vector256.Min(x, y));
        return Vector256.ConditionalSelect(Vector256.Equals(x, x) & Vector256.Equals(y, y), r, x + y);
    }
    /// <summary>The minimum per element, NaN if either is NaN, +0 over -0 as <see cref="Math.Min(double, double)"/>.</summary>
    public static Vector512<float> Min(Vector512<float> x, Vector512<float> y)
    {
        // Equal lanes (including +0 and -0) combine bitwise to pick the right zero; NaN lanes become NaN.
        Vector512<float> r = Vector512.ConditionalSelect(Vector512.Equals(x, y), x | y, Vector512.Min(x, y));
        return Vector512.ConditionalSelect(Vector512.Equals(x, x) & Vector512.Equals(y, y), r, x + y);
    }
    /// <summary>The minimum per element, NaN if either is NaN, +0 over -0 as <see cref="Math.Min(double, double)"/>.</summary>
    public static Vector512<double> Min(Vector512<double> x, Vector512<double> y)
    {
        // Equal lanes (including +0 and -0) combine bitwise to pick the right zero; NaN lanes become NaN.
        Vector512<double> r = Vector512.ConditionalSelect(Vector512.Equals(x, y), x | y, Vector512.Min(x, y));
        return Vector512.ConditionalSelect(Vector512.Equals(x, x) & Vector512.Equals(y, y), r, x + y);
    }
    /// <summary>Widens the halves whose bits are in <paramref name="bits"/> to two vectors of floats (exact).</summary>
    public static (Vector128<float> Lower, Vector128<float> Upper) WidenHalf(Vector128<ushort> bits)
    {
        Unsafe.SkipInit(out Vector128<float> lower);
        Unsafe.SkipInit(out Vector128<float> upper);
        int n = Vector128<float>.Count;
        for (int i = 0; i < n; i++)
        {
            lower = lower.WithElement(i, (float)BitConverter.UInt16BitsToHalf(bits.GetElement(i)));
            upper = upper.WithElement(i, (float)BitConverter.UInt16BitsToHalf(bits.GetElement(i + n)));
        }

        return (lower, upper);
    }

    /// <summary>Narrows two vectors of floats to the bits of halves, rounding to nearest even.</summary>
    public static Vector128<ushort> NarrowToHalf(Vector128<float> lower, Vector128<float> upper)
    {
        Unsafe.SkipInit(out Vector128<ushort> bits);
        int n = Vector128<float>.Count;
        for (int i = 0; i < n; i++)
        {
            bits = bits.WithElement(i, BitConverter.HalfToUInt16Bits((Half)lower.GetElement(i)));
            bits = bits.WithElement(i + n, BitConverter.HalfToUInt16Bits((Half)upper.GetElement(i)));
        }

        return bits;
    }
    /// <summary>Widens the halves whose bits are in <paramref name="bits"/> to two vectors of floats (exact).</summary>
    public static (Vector256<float> Lower, Vector256<float> Upper) WidenHalf(Vector256<ushort> bits)
    {
        Unsafe.SkipInit(out Vector256<float> lower);
        Unsafe.SkipInit(out Vector256<float> upper);
        int n = Vector256<float>.Count;
        for (int i = 0; i < n; i++)
        {
            lower = lower.WithElement(i, (float)BitConverter.UInt16BitsToHalf(bits.GetElement(i)));
            upper = upper.WithElement(i, (float)BitConverter.UInt16BitsToHalf(bits.GetElement(i + n)));
        }

        return (lower, upper);
    }

    /// <summary>Narrows two vectors of floats to the bits of halves, rounding to nearest even.</summary>
    public static Vector256<ushort> NarrowToHalf(Vector256<float> lower, Vector256<float> upper)
    {
        Unsafe.SkipInit(out Vector256<ushort> bits);
        int n = Vector256<float>.Count;
        for (int i = 0; i < n; i++)
        {
            bits = bits.WithElement(i, BitConverter.HalfToUInt16Bits((Half)lower.GetElement(i)));
            bits = bits.WithElement(i + n, BitConverter.HalfToUInt16Bits((Half)upper.GetElement(i)));
        }

        return bits;
    }
    /// <summary>Widens the halves whose bits are in <paramref name="bits"/> to two vectors of floats (exact).</summary>
    public static (Vector512<float> Lower, Vector512<float> Upper) WidenHalf(Vector512<ushort> bits)
    {
        Unsafe.SkipInit(out Vector512<float> lower);
        Unsafe.SkipInit(out Vector512<float> upper);
        int n = Vector512<float>.Count;
        for (int i = 0; i < n; i++)
        {
            lower = lower.WithElement(i, (float)BitConverter.UInt16BitsToHalf(bits.GetElement(i)));
            upper = upper.WithElement(i, (float)BitConverter.UInt16BitsToHalf(bits.GetElement(i + n)));
        }

        return (lower, upper);
    }

    /// <summary>Narrows two vectors of floats to the bits of halves, rounding to nearest even.</summary>
    public static Vector512<ushort> NarrowToHalf(Vector512<float> lower, Vector512<float> upper)
    {
        Unsafe.SkipInit(out Vector512<ushort> bits);
        int n = Vector512<float>.Count;
        for (int i = 0; i < n; i++)
        {
            bits = bits.WithElement(i, BitConverter.HalfToUInt16Bits((Half)lower.GetElement(i)));
            bits = bits.WithElement(i + n, BitConverter.HalfToUInt16Bits((Half)upper.GetElement(i)));
        }

        return bits;
    }
    /// <summary>Converts each half to a float (exact).</summary>
    public static void ConvertToSingle(ReadOnlySpan<Half> source, Span<float> destination)
    {
        if (destination.Length < source.Length) throw new ArgumentException("The destination span is too short.", nameof(destination));
        for (int i = 0; i < source.Length; i++) destination[i] = (float)source[i];
    }

    /// <summary>Converts each float to a half, rounding to nearest even.</summary>
    public static void ConvertToHalf(ReadOnlySpan<float> source, Span<Half> destination)
    {
        if (destination.Length < source.Length) throw new ArgumentException("The destination span is too short.", nameof(destination));
        for (int i = 0; i < source.Length; i++) destination[i] = (Half)source[i];
    }
}
