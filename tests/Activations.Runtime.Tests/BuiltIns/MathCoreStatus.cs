using System;
using System.Collections.Generic;
using System.Linq;
using Activations.Tests.Reference;

namespace Activations.Tests.BuiltIns;

/// <summary>
/// Whether each math-core primitive meets its own bar on its own reference file (issue 2: float ≤ 1 ULP,
/// double ≤ 2 ULP). While <see cref="VectorMath"/> is the placeholder (expm1, log1p and erfc are far off),
/// a built-in's accuracy says nothing about its formula, so built-ins calling a failing primitive are
/// reported as pending, by name, with the primitive's measured error, instead of being judged.
/// </summary>
internal static class MathCoreStatus
{
    private static readonly Lazy<IReadOnlyDictionary<string, string?>> s_problems = new(Measure);

    /// <summary>Why the primitive cannot be relied on yet, or null if it meets its bar.</summary>
    public static string? Problem(string primitive) =>
        s_problems.Value.TryGetValue(primitive, out string? problem) ? problem : $"unknown primitive '{primitive}'";

    /// <summary>Why the case cannot be judged yet, or null if every primitive it uses meets its bar.</summary>
    public static string? Problem(BuiltInCase c)
    {
        string[] problems = c.Primitives.Select(Problem).Where(p => p is not null).Select(p => p!).ToArray();
        return problems.Length == 0 ? null : string.Join("; ", problems);
    }

    private static IReadOnlyDictionary<string, string?> Measure()
    {
        var functions = new (string Name, Func<double, double> Double, Func<float, float> Single)[]
        {
            ("exp", VectorMath.Exp, VectorMath.Exp),
            ("expm1", VectorMath.Expm1, VectorMath.Expm1),
            ("log1p", VectorMath.Log1p, VectorMath.Log1p),
            ("tanh", VectorMath.Tanh, VectorMath.Tanh),
            ("erf", VectorMath.Erf, VectorMath.Erf),
            ("erfc", VectorMath.Erfc, VectorMath.Erfc),
        };

        var result = new Dictionary<string, string?>();
        foreach (var f in functions)
        {
            double worstDouble = ReferenceTable.Double(f.Name).Max(r => Ulp.Error(f.Double(r.X), r.Y));
            double worstSingle = ReferenceTable.Single(f.Name).Max(r => Ulp.Error(f.Single(r.X), r.Y));
            result[f.Name] = worstDouble <= 2 && worstSingle <= 1
                ? null
                : $"VectorMath.{char.ToUpperInvariant(f.Name[0])}{f.Name.Substring(1)} is off its bar (double {worstDouble:G3} ULP > 2 or float {worstSingle:G3} ULP > 1)";
        }

        return result;
    }
}
