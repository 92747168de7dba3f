using Activations.Generator.Formula;

namespace Activations.Generator.Emit;

/// <summary>
/// <c>VectorMath.DoubleOnly(t)</c> marks a term only double results need, such as the correction for the
/// rounding of an argument computed in double (2^-53 relative, which matters to a 4-ULP double result but is
/// far below a float or Half ULP), or a branch only double results take (gelu's asymptotic tail, where float
/// results are ±0 anyway). Double kernels compute the term itself; float and Half kernels compute the formula
/// without it: the call becomes 0, a sum with that 0 (or a difference subtracting it) becomes its other operand,
/// and a conditional with that 0 as a branch becomes its other branch.
/// </summary>
internal static class DoubleOnlyTerms
{
    /// <summary>For double code: each <c>DoubleOnly(t)</c> becomes <c>t</c>.</summary>
    public static FormulaNode Keep(FormulaNode node) => FormulaRewriter.Rewrite(node, n =>
        n is CallNode { Function: Primitive.DoubleOnly } call ? Keep(call.Arguments[0]) : null);

    /// <summary>For float and Half code: each <c>DoubleOnly(t)</c> is left out.</summary>
    public static FormulaNode Drop(FormulaNode node) => FormulaRewriter.Rewrite(
        node,
        n => n is CallNode { Function: Primitive.DoubleOnly } ? Zero : null,
        n => n switch
        {
            BinaryNode { Operator: BinaryOperator.Add or BinaryOperator.Subtract, Right: ConstantNode { Value: 0.0 } } b when IsDropped(b.Right) => b.Left,
            BinaryNode { Operator: BinaryOperator.Add, Left: ConstantNode { Value: 0.0 } } b when IsDropped(b.Left) => b.Right,
            ConditionalNode c when IsDropped(c.WhenTrue) => c.WhenFalse,
            ConditionalNode c when IsDropped(c.WhenFalse) => c.WhenTrue,
            _ => n,
        });

    // The zero a dropped term leaves, told apart from a 0 the stub wrote (which stays: x + 0 turns -0 into +0).
    private static readonly ConstantNode Zero = new(0.0);

    private static bool IsDropped(FormulaNode node) => ReferenceEquals(node, Zero);
}
