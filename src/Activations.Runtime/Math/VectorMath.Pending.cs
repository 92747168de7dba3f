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
}
