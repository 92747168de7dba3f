using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Activations.Tests.MathCore;

/// <summary>
/// NaN, ±∞, ±0 (with the sign of a zero result where it matters), subnormals and the overflow/underflow edges,
/// as System.Math gives them (or, for the functions Math lacks, as IEEE-754 / C99 Annex F define them), bit for
/// bit, through every path and the ForSingle variants.
/// </summary>
public sealed class SpecialValueTests
{
    private static readonly double Nan = double.NaN;
    private static readonly double Inf = double.PositiveInfinity;

    /// <summary>(function, input, expected) in double; float cases are these inputs narrowed.</summary>
    public static readonly (string Function, double X, double Expected)[] Cases =
    {
        ("exp", Nan, Nan), ("exp", Inf, Inf), ("exp", -Inf, 0), ("exp", 0.0, 1), ("exp", -0.0, 1),
        ("exp", 709.79, Inf), ("exp", -745.2, 0), ("exp", double.Epsilon, 1), ("exp", 1e-300, 1),
        ("expm1", Nan, Nan), ("expm1", Inf, Inf), ("expm1", -Inf, -1), ("expm1", 0.0, 0.0), ("expm1", -0.0, -0.0),
        ("expm1", double.Epsilon, double.Epsilon), ("expm1", -double.Epsilon, -double.Epsilon), ("expm1", 709.79, Inf), ("expm1", -800, -1),
        ("tanh", Nan, Nan), ("tanh", Inf, 1), ("tanh", -Inf, -1), ("tanh", 0.0, 0.0), ("tanh", -0.0, -0.0),
        ("tanh", double.Epsilon, double.Epsilon), ("tanh", -double.Epsilon, -double.Epsilon), ("tanh", 1e300, 1), ("tanh", -1e300, -1),
        ("log", Nan, Nan), ("log", Inf, Inf), ("log", -Inf, Nan), ("log", 0.0, -Inf), ("log", -0.0, -Inf), ("log", -1, Nan), ("log", 1, 0.0),
        ("log1p", Nan, Nan), ("log1p", Inf, Inf), ("log1p", -Inf, Nan), ("log1p", 0.0, 0.0), ("log1p", -0.0, -0.0), ("log1p", -1, -Inf),
        ("erf", Nan, Nan), ("erf", Inf, 1), ("erf", -Inf, -1), ("erf", 0.0, 0.0), ("erf", -0.0, -0.0), ("erf", 1e300, 1), ("erf", -1e300, -1),
        ("erfc", Nan, Nan), ("erfc", Inf, 0), ("erfc", -Inf, 2), ("erfc", 0.0, 1), ("erfc", -0.0, 1), ("erfc", 1e300, 0), ("erfc", -1e300, 2), ("erfc", 30, 0),
        ("log1p", -2, Nan), ("log1p", double.Epsilon, double.Epsilon), ("log1p", -double.Epsilon, -double.Epsilon),
    };

    public static IEnumerable<object[]> Functions() =>
        Cases.Select(c => c.Function).Distinct().Where(MathFunctions.ByName.ContainsKey).SelectMany(f => MathFunctions.Paths.Select(p => new object[] { f, p }));

    [Theory]
    [MemberData(nameof(Functions))]
    public void DoubleSpecialValues(string function, string path)
    {
        var cases = Cases.Where(c => c.Function == function).ToArray();
        double[] y = MathFunctions.Apply(MathFunctions.ByName[function], path, cases.Select(c => c.X).ToArray());
        for (int i = 0; i < cases.Length; i++)
        {
            AssertSame(cases[i].Expected, y[i], $"{function}({cases[i].X:R})");
        }
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void FloatSpecialValues(string function, string path)
    {
        var cases = Cases.Where(c => c.Function == function && ((float)c.X != 0 || c.X == 0)).ToArray();
        float[] x = cases.Select(c => FloatCase(c.X)).ToArray();
        float[] y = MathFunctions.Apply(MathFunctions.ByName[function], path, x);
        float[] viaDouble = MathFunctions.ApplyForSingle(MathFunctions.ByName[function], path, x);
        for (int i = 0; i < cases.Length; i++)
        {
            float expected = FloatExpected(function, cases[i].X, cases[i].Expected);
            AssertSame(expected, y[i], $"{function}({x[i]:R}f)");
            AssertSame(expected, viaDouble[i], $"{function}ForSingle({x[i]:R}f)");
        }
    }

    /// <summary>Double edge inputs mapped to their float counterparts (the float overflow/underflow edges).</summary>
    private static float FloatCase(double x) => x switch
    {
        709.79 => 88.8f,
        -745.2 => -104f,
        -800 => -200f,
        double.Epsilon => float.Epsilon,
        -double.Epsilon => -float.Epsilon,
        1e-300 => 1e-30f,
        1e300 => 1e30f,
        -1e300 => -1e30f,
        _ => (float)x,
    };

    private static float FloatExpected(string function, double x, double expected) => (function, x) switch
    {
        ("expm1" or "tanh" or "log1p", double.Epsilon) => float.Epsilon,
        ("expm1" or "tanh" or "log1p", -double.Epsilon) => -float.Epsilon,
        _ => (float)expected,
    };

    private static void AssertSame(double expected, double actual, string what)
    {
        bool same = double.IsNaN(expected) ? double.IsNaN(actual) : BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual);
        Assert.True(same, $"{what}: expected {expected:R} ({BitConverter.DoubleToInt64Bits(expected):x16}), got {actual:R} ({BitConverter.DoubleToInt64Bits(actual):x16})");
    }

    private static void AssertSame(float expected, float actual, string what)
    {
        bool same = float.IsNaN(expected) ? float.IsNaN(actual) : BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(actual);
        Assert.True(same, $"{what}: expected {expected:R}, got {actual:R}");
    }
}
