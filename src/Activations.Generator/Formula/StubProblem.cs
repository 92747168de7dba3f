using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Activations.Generator.Formula;

/// <summary>What is wrong with a stub.</summary>
internal enum StubProblemKind
{
    /// <summary>The stub is not <see langword="static"/>.</summary>
    NotStatic,

    /// <summary>The stub, or one of the types containing it, is not <see langword="partial"/>.</summary>
    NotInPartialType,

    /// <summary>The stub does not have an expression body (<c>=&gt; …</c>).</summary>
    NotExpressionBodied,

    /// <summary>A parameter has the wrong type: the element must be <see cref="double"/>, others <see cref="double"/> or <see cref="bool"/>, none by reference.</summary>
    BadParameterType,

    /// <summary>The stub does not return <see cref="double"/>.</summary>
    BadReturnType,

    /// <summary>The activation name (or an alias) is missing, empty or not snake_case.</summary>
    BadName,

    /// <summary>The formula uses something the generator cannot vectorize (the location is the exact sub-expression).</summary>
    UnsupportedConstruct,

    /// <summary>The formula calls a method that is neither a known primitive nor an <c>[Activation]</c> stub.</summary>
    UnknownMethod,

    /// <summary>The stub calls itself, directly or through other stubs.</summary>
    Recursion,
}

/// <summary>One problem with a stub, where it is, and a human-readable detail.</summary>
internal sealed record StubProblem(StubProblemKind Kind, Location Location, string Detail);

/// <summary>The parser's answer: the model when the stub is valid, and every problem found otherwise.</summary>
internal sealed record StubParseResult(StubModel? Stub, ImmutableArray<StubProblem> Problems);
