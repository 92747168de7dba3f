using System.Collections.Generic;
using System.Linq;
using Activations.Generator.Formula;

namespace Activations.Generator.Emit;

/// <summary>
/// Fixes a stub's bool parameters to constants and folds what that decides (conditions, logical operators),
/// so that each combination of switches gets its own straight-line formula: the switch is taken once per
/// call, outside the loop.
/// </summary>
internal static class FormulaSpecializer
{
    /// <summary>The formula with each switch (by parameter index) replaced by its value and the resulting constant logic folded.</summary>
    public static FormulaNode Specialize(FormulaNode node, IReadOnlyDictionary<int, bool> switches) => node switch
    {
        ParameterNode { IsSwitch: true } p when switches.TryGetValue(p.Index, out bool value) => new BooleanConstantNode(value),
        UnaryNode u => Fold(u with { Operand = Specialize(u.Operand, switches) }),
        BinaryNode b => Fold(b with { Left = Specialize(b.Left, switches), Right = Specialize(b.Right, switches) }),
        ConditionalNode c => Fold(new ConditionalNode(
            Specialize(c.Condition, switches), Specialize(c.WhenTrue, switches), Specialize(c.WhenFalse, switches))),
        CallNode call => call with { Arguments = call.Arguments.Select(a => Specialize(a, switches)).ToList().ToEquatable() },
        StubCallNode call => call with
        {
            Element = Specialize(call.Element, switches),
            Arguments = call.Arguments.Select(a => Specialize(a, switches)).ToList().ToEquatable(),
        },
        _ => node,
    };

    private static EquatableArray<FormulaNode> ToEquatable(this List<FormulaNode> nodes) => EquatableArray.From(nodes);

    private static FormulaNode Fold(UnaryNode node) =>
        node is { Operator: UnaryOperator.Not, Operand: BooleanConstantNode c } ? new BooleanConstantNode(!c.Value) : node;

    private static FormulaNode Fold(BinaryNode node)
    {
        switch (node)
        {
            case { Operator: BinaryOperator.And, Left: BooleanConstantNode l }:
                return l.Value ? node.Right : l;
            case { Operator: BinaryOperator.And, Right: BooleanConstantNode r }:
                return r.Value ? node.Left : r;
            case { Operator: BinaryOperator.Or, Left: BooleanConstantNode l }:
                return l.Value ? l : node.Right;
            case { Operator: BinaryOperator.Or, Right: BooleanConstantNode r }:
                return r.Value ? r : node.Left;
            case { Operator: BinaryOperator.Equal, Left: BooleanConstantNode l, Right: BooleanConstantNode r }:
                return new BooleanConstantNode(l.Value == r.Value);
            case { Operator: BinaryOperator.NotEqual, Left: BooleanConstantNode l, Right: BooleanConstantNode r }:
                return new BooleanConstantNode(l.Value != r.Value);
            default:
                return node;
        }
    }

    private static FormulaNode Fold(ConditionalNode node) =>
        node.Condition is BooleanConstantNode c ? (c.Value ? node.WhenTrue : node.WhenFalse) : node;

    /// <summary>Every combination of values of the given switches (2^n of them), first all false.</summary>
    public static IEnumerable<Dictionary<int, bool>> Combinations(IReadOnlyList<int> switchIndices)
    {
        for (int bits = 0; bits < 1 << switchIndices.Count; bits++)
        {
            var combination = new Dictionary<int, bool>();
            for (int i = 0; i < switchIndices.Count; i++)
            {
                combination[switchIndices[i]] = (bits & (1 << i)) != 0;
            }

            yield return combination;
        }
    }
}
