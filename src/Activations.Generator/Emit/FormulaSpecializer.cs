using System.Collections.Generic;
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
    public static FormulaNode Specialize(FormulaNode node, IReadOnlyDictionary<int, bool> switches) =>
        Rewrite(node, n => n is ParameterNode { IsSwitch: true } p && switches.TryGetValue(p.Index, out bool value) ? new BooleanConstantNode(value) : null);

    /// <summary>The formula with every occurrence of <paramref name="condition"/> replaced by <paramref name="value"/>, and folded.</summary>
    public static FormulaNode Substitute(FormulaNode node, FormulaNode condition, bool value) =>
        Rewrite(node, n => n.Equals(condition) ? new BooleanConstantNode(value) : null);

    private static FormulaNode Rewrite(FormulaNode node, System.Func<FormulaNode, FormulaNode?> replace) =>
        FormulaRewriter.Rewrite(node, replace, n => n switch
        {
            UnaryNode u => Fold(u),
            BinaryNode b => Fold(b),
            ConditionalNode c => Fold(c),
            _ => n,
        });

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
}
