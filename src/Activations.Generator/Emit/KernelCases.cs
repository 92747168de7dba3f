using System.Collections.Generic;
using System.Linq;
using Activations.Generator.Formula;

namespace Activations.Generator.Emit;

/// <summary>
/// The decisions a kernel takes once per call, before its loop: each bool switch, and each condition on the
/// parameters alone (relu's <c>negativeSlope == 0.0</c>). Every path through them ends in a case: the formula
/// with those decisions folded away, which gets its own operator structs. Folding a condition can make a
/// case exact in float (relu's default) where the whole formula was not.
/// </summary>
internal sealed class KernelCases
{
    /// <summary>At most this many conditions on parameters are hoisted on any path (each doubles the cases).</summary>
    public const int MaximumHoistedConditions = 3;

    private KernelCases(FormulaNode? condition, StubParameterModel? switchParameter, KernelCases? whenTrue, KernelCases? whenFalse, Leaf? leaf)
    {
        Condition = condition;
        Switch = switchParameter;
        WhenTrue = whenTrue;
        WhenFalse = whenFalse;
        Case = leaf;
    }

    /// <summary>A condition on parameters to branch on, or null.</summary>
    public FormulaNode? Condition { get; }

    /// <summary>A bool switch to branch on, or null.</summary>
    public StubParameterModel? Switch { get; }

    public KernelCases? WhenTrue { get; }

    public KernelCases? WhenFalse { get; }

    /// <summary>The case at the end of a path, or null for a branch.</summary>
    public Leaf? Case { get; }

    /// <summary>One case: its folded formula (and float formula, if the stub has one), the name part of its operators, and a description of the decisions that lead to it.</summary>
    public sealed record Leaf(FormulaNode Formula, FormulaNode? SingleFormula, string Name, string Description);

    public IEnumerable<Leaf> Leaves() => Case is not null ? new[] { Case } : WhenTrue!.Leaves().Concat(WhenFalse!.Leaves());

    public static KernelCases Build(StubModel stub, System.Func<FormulaNode, string> describe)
    {
        var switches = new List<(StubParameterModel Parameter, int Index)>();
        for (int i = 0; i < stub.Parameters.Count; i++)
        {
            if (stub.Parameters[i].IsSwitch)
            {
                switches.Add((stub.Parameters[i], i));
            }
        }

        int counter = 0;
        return Build(new Formulas(stub.Formula, stub.SingleFormula), switches, 0, "", new List<string>(), describe, ref counter);
    }

    // The stub's formula and its float formula, specialized in step.
    private sealed record Formulas(FormulaNode Formula, FormulaNode? Single)
    {
        public Formulas Map(System.Func<FormulaNode, FormulaNode> map) => new(map(Formula), Single is null ? null : map(Single));
    }

    private static KernelCases Build(
        Formulas formula, List<(StubParameterModel Parameter, int Index)> switches, int hoisted, string name,
        List<string> decisions, System.Func<FormulaNode, string> describe, ref int counter)
    {
        if (switches.Count > 0)
        {
            (StubParameterModel parameter, int index) = switches[0];
            List<(StubParameterModel, int)> rest = switches.Skip(1).ToList();
            string pascal = char.ToUpperInvariant(parameter.Name[0]) + parameter.Name.Substring(1);
            KernelCases whenTrue = Build(
                formula.Map(f => FormulaSpecializer.Specialize(f, new Dictionary<int, bool> { [index] = true })), rest, hoisted, name + pascal,
                decisions.Append($"{parameter.Name} = true").ToList(), describe, ref counter);
            KernelCases whenFalse = Build(
                formula.Map(f => FormulaSpecializer.Specialize(f, new Dictionary<int, bool> { [index] = false })), rest, hoisted, name + "Not" + pascal,
                decisions.Append($"{parameter.Name} = false").ToList(), describe, ref counter);
            return new KernelCases(null, parameter, whenTrue, whenFalse, null);
        }

        if (hoisted < MaximumHoistedConditions
            && (FindParameterCondition(formula.Formula) ?? (formula.Single is null ? null : FindParameterCondition(formula.Single))) is { } condition)
        {
            string text = describe(condition);
            KernelCases whenTrue = Build(
                formula.Map(f => FormulaSpecializer.Substitute(f, condition, true)), switches, hoisted + 1, name,
                decisions.Append(text).ToList(), describe, ref counter);
            KernelCases whenFalse = Build(
                formula.Map(f => FormulaSpecializer.Substitute(f, condition, false)), switches, hoisted + 1, name,
                decisions.Append($"!({text})").ToList(), describe, ref counter);
            return new KernelCases(condition, null, whenTrue, whenFalse, null);
        }

        // Cases reached through hoisted conditions are numbered; switch-only cases are named by their switches.
        string leafName = hoisted > 0 ? $"{name}Case{++counter}" : name;
        return new KernelCases(null, null, null, null, new Leaf(formula.Formula, formula.Single, leafName, string.Join(", ", decisions)));
    }

    // The first (outermost) boolean that depends on parameters only and is not already a constant.
    private static FormulaNode? FindParameterCondition(FormulaNode node)
    {
        if (node.IsBoolean && !node.DependsOnElement && node is not BooleanConstantNode)
        {
            return node;
        }

        IEnumerable<FormulaNode> children = node switch
        {
            UnaryNode u => new[] { u.Operand },
            BinaryNode b => new[] { b.Left, b.Right },
            ConditionalNode c => new[] { c.Condition, c.WhenTrue, c.WhenFalse },
            CallNode call => call.Arguments,
            _ => System.Array.Empty<FormulaNode>(),
        };

        // Arguments of another assembly's stub stay as they are: its overload takes them as values.
        foreach (FormulaNode child in children)
        {
            if (FindParameterCondition(child) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
