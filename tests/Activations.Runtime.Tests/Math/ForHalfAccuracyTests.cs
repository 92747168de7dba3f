using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Activations.Tests.MathCore;

/// <summary>
/// The …ForHalf functions (native float math for results rounded to Half) against System.Math in double:
/// relative error at most 2^-16 over dense sweeps of the float range that Half inputs reach, through the scalar
/// overload and every vector width (the process's SIMD path decides whether those use FMA). That bound is what
/// HalfPrecisionAnalysis in the generator assumes for each call. Special values are checked bit for bit.
/// </summary>
public sealed class ForHalfAccuracyTests
{
    /// <summary>The accuracy contract of every …ForHalf function (see HalfPrecisionAnalysis.PrimitiveRelativeError).</summary>
    private const double RelativeBound = 1.0 / 65536;

    /// <summary>
    /// The absolute error allowed where the relative one is not: ExpForHalf flushes results below e^-86.5 to zero;
    /// Expm1ForHalf loses bits for subnormal arguments (|x| below 2^-125); SigmoidForHalf clamps its argument at -89, where
    /// sigmoid is below 2^-127. All are far below Half's 2^-24.
    /// </summary>
    private static readonly Dictionary<string, double> s_absoluteFloor = new() { ["exp"] = Math.ScaleB(1, -124), ["expm1"] = Math.ScaleB(1, -149), ["tanh"] = 0, ["log1p"] = 0, ["sigmoid"] = Math.ScaleB(1, -124) };

    private sealed record Function(
        string Name, Func<double, double> Reference, float Low, float High,
        Func<float, float> Scalar,
        Func<System.Runtime.Intrinsics.Vector128<float>, System.Runtime.Intrinsics.Vector128<float>> V128,
        Func<System.Runtime.Intrinsics.Vector256<float>, System.Runtime.Intrinsics.Vector256<float>> V256,
        Func<System.Runtime.Intrinsics.Vector512<float>, System.Runtime.Intrinsics.Vector512<float>> V512);

    private static readonly Dictionary<string, Function> s_functions = new Function[]
    {
        new("exp", Math.Exp, -104f, 88.72f, VectorMath.ExpForHalf, VectorMath.ExpForHalf, VectorMath.ExpForHalf, VectorMath.ExpForHalf),
        new("expm1", VectorMath.Expm1, -120f, 88.72f, VectorMath.Expm1ForHalf, VectorMath.Expm1ForHalf, VectorMath.Expm1ForHalf, VectorMath.Expm1ForHalf),
        new("tanh", Math.Tanh, -65504f, 65504f, VectorMath.TanhForHalf, VectorMath.TanhForHalf, VectorMath.TanhForHalf, VectorMath.TanhForHalf),
        new("sigmoid", x => 1 / (1 + Math.Exp(-x)), -65504f, 65504f, VectorMath.SigmoidForHalf, VectorMath.SigmoidForHalf, VectorMath.SigmoidForHalf, VectorMath.SigmoidForHalf),
        new("log1p", VectorMath.Log1p, -0.99999994f, 3.4e38f, VectorMath.Log1pForHalf, VectorMath.Log1pForHalf, VectorMath.Log1pForHalf, VectorMath.Log1pForHalf),
    }.ToDictionary(f => f.Name);

    private static readonly string[] s_paths = { "scalar", "Vector128", "Vector256", "Vector512" };

    public static IEnumerable<object[]> Cases() => s_functions.Keys.SelectMany(f => s_paths.Select(p => new object[] { f, p }));

    private static float[] Apply(Function f, string path, float[] x) => path switch
    {
        "scalar" => x.Select(f.Scalar).ToArray(),
        "Vector128" => VectorApply.Map(x, f.V128),
        "Vector256" => VectorApply.Map(x, f.V256),
        _ => VectorApply.Map(x, f.V512),
    };

    // Every 1021st float bit pattern of each sign in [low, high] (a prime step visits every low-bit residue), every Half, and the ends.
    private static float[] Sweep(Function f)
    {
        var values = new List<float> { f.Low, f.High, 0f, -0f };
        foreach (float end in new[] { f.Low, f.High })
        {
            if (end == 0)
            {
                continue;
            }

            int sign = end < 0 ? unchecked((int)0x80000000) : 0;
            int last = BitConverter.SingleToInt32Bits(Math.Abs(end));
            for (int bits = 1; bits <= last; bits += 1021)
            {
                values.Add(BitConverter.Int32BitsToSingle(bits | sign));
            }
        }

        for (int bits = 0; bits < 0x10000; bits++)
        {
            float half = (float)BitConverter.UInt16BitsToHalf((ushort)bits);
            if (half >= f.Low && half <= f.High)
            {
                values.Add(half);
            }
        }

        return values.ToArray();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RelativeErrorIsWithinTheContract(string name, string path)
    {
        Function f = s_functions[name];
        float[] x = Sweep(f);
        float[] y = Apply(f, path, x);
        double worst = 0;
        float worstX = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double expected = f.Reference(x[i]);
            double error = Math.Abs(y[i] - expected);
            bool flushed = error <= s_absoluteFloor[name];
            double relative = expected == 0 ? error : error / Math.Abs(expected);
            if (!flushed && !(relative <= worst))
            {
                worst = relative;
                worstX = x[i];
            }
        }

        Assert.True(worst <= RelativeBound, $"{name} on {path}: relative error 2^{Math.Log2(worst):F2} at x = {worstX:R} ({x.Length} points)");
    }

    public static readonly (string Function, float X, float Expected)[] SpecialCases =
    {
        ("exp", float.NaN, float.NaN), ("exp", float.PositiveInfinity, float.PositiveInfinity), ("exp", float.NegativeInfinity, 0f),
        ("exp", 0f, 1f), ("exp", -0f, 1f), ("exp", 88.73f, float.PositiveInfinity), ("exp", 1000f, float.PositiveInfinity), ("exp", -1000f, 0f),
        ("expm1", float.NaN, float.NaN), ("expm1", float.PositiveInfinity, float.PositiveInfinity), ("expm1", float.NegativeInfinity, -1f),
        ("expm1", 0f, 0f), ("expm1", 88.73f, float.PositiveInfinity), ("expm1", -1000f, -1f),
        ("tanh", float.NaN, float.NaN), ("tanh", float.PositiveInfinity, 1f), ("tanh", float.NegativeInfinity, -1f),
        ("tanh", 0f, 0f), ("tanh", -0f, -0f), ("tanh", 1e30f, 1f), ("tanh", -1e30f, -1f), ("tanh", float.Epsilon, float.Epsilon),
        ("log1p", float.NaN, float.NaN), ("log1p", float.PositiveInfinity, float.PositiveInfinity), ("log1p", float.NegativeInfinity, float.NaN),
        ("log1p", -1f, float.NegativeInfinity), ("log1p", -2f, float.NaN), ("log1p", 0f, 0f), ("log1p", float.MaxValue, 88.72284f),
        ("log1p", float.Epsilon, float.Epsilon),
        ("sigmoid", float.NaN, float.NaN), ("sigmoid", float.PositiveInfinity, 1f), ("sigmoid", float.NegativeInfinity, 0f),
        ("sigmoid", 0f, 0.5f), ("sigmoid", -0f, 0.5f), ("sigmoid", 17.5f, 1f), ("sigmoid", 1e30f, 1f), ("sigmoid", -1000f, 0f),
    };

    public static IEnumerable<object[]> SpecialFunctions() =>
        SpecialCases.Select(c => c.Function).Distinct().SelectMany(f => s_paths.Select(p => new object[] { f, p }));

    [Theory]
    [MemberData(nameof(SpecialFunctions))]
    public void SpecialValuesAreRight(string name, string path)
    {
        var cases = SpecialCases.Where(c => c.Function == name).ToArray();
        float[] y = Apply(s_functions[name], path, cases.Select(c => c.X).ToArray());
        for (int i = 0; i < cases.Length; i++)
        {
            float expected = cases[i].Expected;
            Assert.True(
                BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(y[i]) || (float.IsNaN(expected) && float.IsNaN(y[i])),
                $"{name}({cases[i].X:R}) on {path} = {y[i]:R}, expected {expected:R}");
        }
    }

    /// <summary>The functions whose Half kernels settle results near a Half midpoint, with their windows.</summary>
    public static IEnumerable<object[]> WindowCases() =>
        new[] { ("sigmoid", global::Activations.Kernels.HalfTieWindows.Sigmoid), ("tanh", global::Activations.Kernels.HalfTieWindows.Tanh) }
            .SelectMany(c => s_paths.Select(p => new object[] { c.Item1, c.Item2, p }));

    /// <summary>
    /// The tie window of a FastHalf kernel is sound: over every finite half, the function's error, in the float ULPs the
    /// window counts (those of the smaller of the result and the true value; 2^-37 below 2^-14), plus the half ULP the test
    /// may lose below 2^-14, stays below the window. A result that is not flagged is then on the true value's side of every
    /// Half midpoint, and rounds correctly (VectorMath.HalfTies.cs).
    /// </summary>
    [Theory]
    [MemberData(nameof(WindowCases))]
    public void ErrorStaysInsideTheTieWindowOnEveryHalf(string name, int window, string path)
    {
        Function f = s_functions[name];
        float[] x = Enumerable.Range(0, 0x10000)
            .Select(bits => (float)BitConverter.UInt16BitsToHalf((ushort)bits))
            .Where(float.IsFinite)
            .ToArray();
        float[] y = Apply(f, path, x);
        double worst = 0;
        float worstX = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double expected = f.Reference(x[i]);
            double smaller = Math.Min(Math.Abs(expected), Math.Abs(y[i]));
            double ulp = smaller < Math.ScaleB(1, -14) ? Math.ScaleB(1, -37) : Math.ScaleB(1, Math.ILogB(smaller) - 23);
            double error = Math.Abs(y[i] - expected) / ulp;
            if (!(error <= worst))
            {
                worst = error;
                worstX = x[i];
            }
        }

        Assert.True(worst + 0.5 < window, $"{name} on {path}: {worst:F3} float ULPs at x = {worstX:R}, window {window}");
    }
}
