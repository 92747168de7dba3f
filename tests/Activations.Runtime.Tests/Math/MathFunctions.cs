using System;
using System.Collections.Generic;
using System.Runtime.Intrinsics;

namespace Activations.Tests.MathCore;

/// <summary>Every overload of one math-core function, so that one test body can run it through every path.</summary>
internal sealed record MathFunction(
    string Name,
    Func<float, float> Single,
    Func<double, double> Double,
    Func<Vector128<float>, Vector128<float>> Single128,
    Func<Vector256<float>, Vector256<float>> Single256,
    Func<Vector512<float>, Vector512<float>> Single512,
    Func<Vector128<double>, Vector128<double>> Double128,
    Func<Vector256<double>, Vector256<double>> Double256,
    Func<Vector512<double>, Vector512<double>> Double512,
    Func<double, double> ForSingle,
    Func<Vector128<double>, Vector128<double>> ForSingle128,
    Func<Vector256<double>, Vector256<double>> ForSingle256,
    Func<Vector512<double>, Vector512<double>> ForSingle512);

internal static class MathFunctions
{
    public static readonly IReadOnlyDictionary<string, MathFunction> ByName = new Dictionary<string, MathFunction>
    {
        ["exp"] = new("exp", VectorMath.Exp, VectorMath.Exp, VectorMath.Exp, VectorMath.Exp, VectorMath.Exp, VectorMath.Exp, VectorMath.Exp, VectorMath.Exp,
            VectorMath.ExpForSingle, VectorMath.ExpForSingle, VectorMath.ExpForSingle, VectorMath.ExpForSingle),
        ["tanh"] = new("tanh", VectorMath.Tanh, VectorMath.Tanh, VectorMath.Tanh, VectorMath.Tanh, VectorMath.Tanh, VectorMath.Tanh, VectorMath.Tanh, VectorMath.Tanh,
            VectorMath.TanhForSingle, VectorMath.TanhForSingle, VectorMath.TanhForSingle, VectorMath.TanhForSingle),
        ["expm1"] = new("expm1", VectorMath.Expm1, VectorMath.Expm1, VectorMath.Expm1, VectorMath.Expm1, VectorMath.Expm1, VectorMath.Expm1, VectorMath.Expm1, VectorMath.Expm1,
            VectorMath.Expm1ForSingle, VectorMath.Expm1ForSingle, VectorMath.Expm1ForSingle, VectorMath.Expm1ForSingle),
        ["log"] = new("log", VectorMath.Log, VectorMath.Log, VectorMath.Log, VectorMath.Log, VectorMath.Log, VectorMath.Log, VectorMath.Log, VectorMath.Log,
            VectorMath.LogForSingle, VectorMath.LogForSingle, VectorMath.LogForSingle, VectorMath.LogForSingle),
        ["log1p"] = new("log1p", VectorMath.Log1p, VectorMath.Log1p, VectorMath.Log1p, VectorMath.Log1p, VectorMath.Log1p, VectorMath.Log1p, VectorMath.Log1p, VectorMath.Log1p,
            VectorMath.Log1pForSingle, VectorMath.Log1pForSingle, VectorMath.Log1pForSingle, VectorMath.Log1pForSingle),
        ["erf"] = new("erf", VectorMath.Erf, VectorMath.Erf, VectorMath.Erf, VectorMath.Erf, VectorMath.Erf, VectorMath.Erf, VectorMath.Erf, VectorMath.Erf,
            VectorMath.ErfForSingle, VectorMath.ErfForSingle, VectorMath.ErfForSingle, VectorMath.ErfForSingle),
        ["erfc"] = new("erfc", VectorMath.Erfc, VectorMath.Erfc, VectorMath.Erfc, VectorMath.Erfc, VectorMath.Erfc, VectorMath.Erfc, VectorMath.Erfc, VectorMath.Erfc,
            VectorMath.ErfcForSingle, VectorMath.ErfcForSingle, VectorMath.ErfcForSingle, VectorMath.ErfcForSingle),
    };

    /// <summary>The functions that have reference files (log has none: see LogTests).</summary>
    public static IEnumerable<string> WithReference => new[] { "exp", "expm1", "log1p", "tanh", "erf", "erfc" };

    public static readonly string[] Paths = { "Scalar", "Vector128", "Vector256", "Vector512" };

    public static float[] Apply(MathFunction f, string path, float[] x) => path switch
    {
        "Scalar" => Array.ConvertAll(x, v => f.Single(v)),
        "Vector128" => VectorApply.Map(x, f.Single128),
        "Vector256" => VectorApply.Map(x, f.Single256),
        "Vector512" => VectorApply.Map(x, f.Single512),
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, null),
    };

    public static double[] Apply(MathFunction f, string path, double[] x) => path switch
    {
        "Scalar" => Array.ConvertAll(x, v => f.Double(v)),
        "Vector128" => VectorApply.Map(x, f.Double128),
        "Vector256" => VectorApply.Map(x, f.Double256),
        "Vector512" => VectorApply.Map(x, f.Double512),
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, null),
    };

    /// <summary>The ForSingle variant on float inputs widened to double, its result narrowed to float.</summary>
    public static float[] ApplyForSingle(MathFunction f, string path, float[] x)
    {
        double[] wide = Array.ConvertAll(x, v => (double)v);
        double[] y = path switch
        {
            "Scalar" => Array.ConvertAll(wide, v => f.ForSingle(v)),
            "Vector128" => VectorApply.Map(wide, f.ForSingle128),
            "Vector256" => VectorApply.Map(wide, f.ForSingle256),
            "Vector512" => VectorApply.Map(wide, f.ForSingle512),
            _ => throw new ArgumentOutOfRangeException(nameof(path), path, null),
        };
        return Array.ConvertAll(y, v => (float)v);
    }
}
