using System.Linq;
using Activations.Generator.Formula;

namespace Activations.Generator.Emit;

/// <summary>
/// Rewrites <c>c ? a / d : b / d</c> as <c>(c ? a : b) / d</c>. The two are equal bit for bit (each lane divides
/// the value it selects by the same divisor), but vector code computes both branches of a select, so this saves
/// a division per vector: sigmoid's two branches, for one, share their denominator.
/// </summary>
internal static class CommonDivisorFactoring
{
    public static FormulaNode Apply(FormulaNode node) => node switch
    {
        ConditionalNode c => Factor(new ConditionalNode(Apply(c.Condition), Apply(c.WhenTrue), Apply(c.WhenFalse))),
        UnaryNode u => u with { Operand = Apply(u.Operand) },
        BinaryNode b => b with { Left = Apply(b.Left), Right = Apply(b.Right) },
        CallNode call => call with { Arguments = EquatableArray.From(call.Arguments.Select(Apply).ToList()) },
        StubCallNode call => call with { Element = Apply(call.Element) },
        _ => node,
    };

    private static FormulaNode Factor(ConditionalNode c) =>
        c is { WhenTrue: BinaryNode { Operator: BinaryOperator.Divide } a, WhenFalse: BinaryNode { Operator: BinaryOperator.Divide } b }
            && a.Right.Equals(b.Right)
            ? new BinaryNode(BinaryOperator.Divide, new ConditionalNode(c.Condition, a.Left, b.Left), a.Right)
            : c;
}
