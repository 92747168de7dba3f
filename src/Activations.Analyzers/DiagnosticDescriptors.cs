using Microsoft.CodeAnalysis;

namespace Activations.Analyzers;

/// <summary>
/// Every diagnostic the Activations analyzers report, in one place. IDs are never reused; each has a page
/// under <c>docs/diagnostics/</c> and an entry in <c>AnalyzerReleases.Unshipped.md</c>.
/// </summary>
internal static class DiagnosticDescriptors
{
    /// <summary>Misuse at a call site: names and arguments.</summary>
    public const string UsageCategory = "Activations.Usage";

    /// <summary>The shape of an <c>[Activation]</c> stub: declaration, name, parameters.</summary>
    public const string StubCategory = "Activations.Stubs";

    /// <summary>What a stub's formula may contain so that it can be vectorized.</summary>
    public const string FormulaCategory = "Activations.Formulas";

    private const string HelpLinkRoot = "https://github.com/activations/activations/blob/main/docs/diagnostics/";

    /// <summary>
    /// The key, in an <see cref="UnknownActivationName"/> diagnostic's properties, of the whole string the code
    /// fix writes: the suggested identifier (with a <c>Deserialize</c> parameter list kept as it was).
    /// </summary>
    public const string SuggestionProperty = "Suggestion";

    public static readonly DiagnosticDescriptor UnknownActivationName = Create(
        "ACT0001",
        UsageCategory,
        "Unknown activation identifier",
        "'{0}' is not a known activation identifier{1}",
        "A string passed where an activation identifier is expected must be the name or alias of an [Activation] stub in this compilation or a referenced assembly; otherwise the lookup throws at run time.");

    public static readonly DiagnosticDescriptor ConstraintViolated = Create(
        "ACT0002",
        UsageCategory,
        "Argument breaks the parameter's constraint",
        "Parameter '{0}' of '{1}' must be {2}, but the argument is {3}",
        "A constant argument breaks the [Positive], [NonNegative] or [Range] constraint declared on the stub parameter; the generated kernel would throw ArgumentOutOfRangeException.");

    // ACT0003-ACT0008, ACT0010-ACT0012: the stub parser's problems (StubProblemKind), one descriptor per kind.
    // The parser's detail is a whole sentence naming the stub and what is allowed instead; it is the message.

    public static readonly DiagnosticDescriptor StubNotStatic = Create(
        "ACT0003",
        StubCategory,
        "Activation stub must be static",
        "{0}",
        "An [Activation] stub is a static method; the generator skips instance methods.");

    public static readonly DiagnosticDescriptor StubNotInPartialType = Create(
        "ACT0004",
        StubCategory,
        "Activation stub must be in a partial type",
        "{0}",
        "The generator adds the kernels to the type that declares the stub, so it and every type containing it must be partial.");

    public static readonly DiagnosticDescriptor StubNotExpressionBodied = Create(
        "ACT0005",
        StubCategory,
        "Activation stub must be expression-bodied",
        "{0}",
        "A stub is one formula: write it as an expression body (=> formula); a block body is not compiled into kernels.");

    public static readonly DiagnosticDescriptor StubBadParameterType = Create(
        "ACT0006",
        StubCategory,
        "Activation stub parameter is not supported",
        "{0}",
        "The first parameter of a stub is the element and must be double; the others must be double or bool (a switch), passed by value. No parameter may be named destination: that is the generated span kernels' output.");

    public static readonly DiagnosticDescriptor StubBadReturnType = Create(
        "ACT0007",
        StubCategory,
        "Activation stub must return double",
        "{0}",
        "A stub computes one double from one double element; the generator lowers that to float, double and Half.");

    public static readonly DiagnosticDescriptor StubBadName = Create(
        "ACT0008",
        StubCategory,
        "Activation identifier is missing or ill-formed",
        "{0}",
        "An activation identifier (name or alias) is non-empty snake_case, as Keras spells it: lower-case letters and digits separated by single underscores, starting with a letter.");

    public static readonly DiagnosticDescriptor DuplicateActivationName = Create(
        "ACT0009",
        StubCategory,
        "Duplicate activation identifier",
        "The activation identifier '{0}' is already declared by {1}",
        "Every activation name and alias must be unique across the compilation and its references (the built-ins included); the run-time registry rejects a second registration.");

    public static readonly DiagnosticDescriptor StubRecursion = Create(
        "ACT0010",
        StubCategory,
        "Activation stub is recursive",
        "{0}",
        "Calls between stubs are inlined into one fused kernel, so a stub cannot call itself, directly or through other stubs.");

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Create(
        "ACT0011",
        FormulaCategory,
        "Construct cannot be vectorized",
        "{0}",
        "A formula may contain literals and constants, parameters, + - * /, unary minus, comparisons and logical operators with ?:, Math functions and calls to other [Activation] stubs; loops, assignments, 'new', strings, lambdas and the like cannot be turned into SIMD code.");

    public static readonly DiagnosticDescriptor UnknownMethodCall = Create(
        "ACT0012",
        FormulaCategory,
        "Method cannot be vectorized",
        "{0}",
        "A formula may call the Math functions the generator knows (Exp, Log, Tanh, Sqrt, Abs, Max, Min, Clamp, CopySign, Pow with a small integer exponent), the VectorMath primitives and other [Activation] stubs; any other method has no SIMD form.");

    private static DiagnosticDescriptor Create(
        string id, string category, string title, string message, string description, params string[] customTags) =>
        new(
            id,
            title,
            message,
            category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description,
            HelpLinkRoot + id + ".md",
            customTags);
}
