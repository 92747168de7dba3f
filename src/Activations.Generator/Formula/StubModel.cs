namespace Activations.Generator.Formula;

/// <summary>
/// Everything the generator needs to emit one stub's kernels, and nothing that ties it to a compilation
/// (no symbols, syntax or locations), so that equal stubs give equal models and the pipeline caches.
/// </summary>
/// <param name="Name">The activation's identifier (<c>"swish_beta"</c>).</param>
/// <param name="Aliases">Other identifiers.</param>
/// <param name="MethodName">The stub method's name (<c>SwishBeta</c>).</param>
/// <param name="Accessibility">The stub's accessibility as C# spells it (<c>public</c>, <c>internal</c>, …).</param>
/// <param name="Namespace">The containing namespace, or <see langword="null"/> for the global namespace.</param>
/// <param name="ContainingTypes">The containing types, outermost first.</param>
/// <param name="IsAssemblyVisible">Whether code elsewhere in the assembly can call the stub (then it is registered).</param>
/// <param name="ElementName">The name of the stub's first parameter.</param>
/// <param name="Parameters">The scalar parameters after the element.</param>
/// <param name="Formula">The formula IR, with calls to stubs of the same compilation inlined.</param>
/// <param name="SingleFormula">The formula the float kernels compute in float lanes (<c>SingleFormula</c> of the attribute), or null.</param>
/// <param name="FastHalf">Whether the Half kernels may use the cheaper <c>…ForHalf</c> math where the float kernel computes in float (<c>FastHalf</c> of the attribute).</param>
internal sealed record StubModel(
    string Name,
    EquatableArray<string> Aliases,
    string MethodName,
    string Accessibility,
    string? Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    bool IsAssemblyVisible,
    string ElementName,
    EquatableArray<StubParameterModel> Parameters,
    FormulaNode Formula,
    FormulaNode? SingleFormula = null,
    bool FastHalf = false);

/// <summary>A type that contains a stub: the keyword to reopen it as partial (<c>class</c>, <c>record struct</c>) and its name.</summary>
internal sealed record ContainingTypeModel(string Keyword, string Name);

/// <summary>How a stub parameter is constrained (mirrors the runtime's attributes).</summary>
internal enum ConstraintKind
{
    None,
    Positive,
    NonNegative,
    Range,
}

/// <summary>One scalar parameter of a stub.</summary>
/// <param name="Name">The C# name.</param>
/// <param name="KerasName">The snake_case keyword (<c>negative_slope</c>).</param>
/// <param name="IsSwitch">Whether it is a <see cref="bool"/> switch.</param>
/// <param name="HasDefault">Whether it has a default value.</param>
/// <param name="DefaultValue">The default (a switch's as 0 or 1); NaN when there is none.</param>
/// <param name="Constraint">The constraint attribute, if any.</param>
/// <param name="Minimum">The lower bound of a range.</param>
/// <param name="Maximum">The upper bound of a range.</param>
internal sealed record StubParameterModel(
    string Name,
    string KerasName,
    bool IsSwitch,
    bool HasDefault,
    double DefaultValue,
    ConstraintKind Constraint,
    double Minimum,
    double Maximum);
