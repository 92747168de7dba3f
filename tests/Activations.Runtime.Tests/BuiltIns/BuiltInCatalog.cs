using System;
using System.Collections.Generic;
using System.Linq;
using Activations.Tests.Reference;

namespace Activations.Tests.BuiltIns;

/// <summary>
/// Which built-in each reference file judges. Driven by <see cref="ReferenceTable.Names"/>: a reference file
/// that is neither a built-in case here nor a math-core primitive fails <see cref="CatalogTests"/>, so no
/// function is skipped silently.
/// </summary>
internal static class BuiltInCatalog
{
    /// <summary>Reference files for the math core's own primitives (its engineer tests them), not built-ins.</summary>
    public static readonly IReadOnlySet<string> MathCorePrimitives = new HashSet<string> { "exp", "expm1", "log1p", "erf", "erfc" };

    /// <summary>Built-ins with no reference file, tested by their own examples instead.</summary>
    public static readonly IReadOnlySet<string> WithoutReference = new HashSet<string> { "threshold" };

    private static readonly string[] None = Array.Empty<string>();

    /// <summary>The parameterized files: name → (activation, arguments in stub order).</summary>
    private static readonly Dictionary<string, (string Activation, double[] Arguments)> s_parameterized = new()
    {
        ["relu_max5"] = ("relu", new[] { 0.0, 5.0, 0.0 }),
        ["relu_slope0.5_max5_thr5"] = ("relu", new[] { 0.5, 5.0, 5.0 }),
        ["elu_alpha0.5"] = ("elu", new[] { 0.5 }),
        ["gelu_approximate"] = ("gelu", new[] { 1.0 }),
    };

    /// <summary>The math-core primitives each file's formula calls, by file or else by activation (none: exact arithmetic, sqrt, min/max).</summary>
    private static readonly Dictionary<string, string[]> s_primitives = new()
    {
        ["gelu_approximate"] = new[] { "exp" },
        ["sigmoid"] = new[] { "exp" },
        ["silu"] = new[] { "exp" },
        ["exponential"] = new[] { "exp" },
        ["mish"] = new[] { "exp" },
        ["softplus"] = new[] { "exp", "log1p" },
        ["log_sigmoid"] = new[] { "exp", "log1p" },
        ["tanh"] = new[] { "tanh" },
        ["tanh_shrink"] = new[] { "tanh" },
        ["elu"] = new[] { "expm1" },
        ["celu"] = new[] { "expm1" },
        ["selu"] = new[] { "expm1" },
        ["gelu"] = new[] { "erfc", "exp" },
    };

    /// <summary>Every reference file that judges a built-in, as a case.</summary>
    public static IEnumerable<BuiltInCase> Cases() =>
        ReferenceTable.Names()
            .Where(name => !MathCorePrimitives.Contains(name))
            .OrderBy(name => name, StringComparer.Ordinal)
            .Select(Case);

    public static BuiltInCase Case(string referenceName)
    {
        (string activation, double[]? arguments) = s_parameterized.TryGetValue(referenceName, out var p) ? p : (referenceName, null);
        if (!BuiltInStubs.ByName.TryGetValue(activation, out var stub))
        {
            throw new InvalidOperationException($"The reference file '{referenceName}' names no built-in stub '{activation}'.");
        }

        return new BuiltInCase(referenceName, activation, arguments ?? BuiltInStubs.Defaults(stub),
            s_primitives.TryGetValue(referenceName, out string[]? primitives) || s_primitives.TryGetValue(activation, out primitives) ? primitives : None);
    }
}
