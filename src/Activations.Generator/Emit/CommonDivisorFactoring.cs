using Activations.Generator.Formula;

namespace Activations.Generator.Emit;

/// <summary>
/// Rewrites <c>c ? a / d : b / d</c> as <c>(c ? a : b) / d</c>. The two are equal bit for bit (each lane divides
/// the value it selects by the same divisor), but vector code computes both branches of a select, so this saves
/// a division per vector: sigmoid's two branches, for one, share their denominator.
/// </summary>
internal static class CommonDivisorFactoring
{
    public static FormulaNode Apply(FormulaNode node) =>
        FormulaRewriter.Rewrite(node, _ => null, n => n is ConditionalNode c ? Factor(c) : n);

    private static FormulaNode Factor(ConditionalNode c) =>
        c is { WhenTrue: BinaryNode { Operator: BinaryOperator.Divide } a, WhenFalse: BinaryNode { Operator: BinaryOperator.Divide } b }
            && a.Right.Equals(b.Right)
            ? new BinaryNode(BinaryOperator.Divide, new ConditionalNode(c.Condition, a.Left, b.Left), a.Right)
            : c;
}
