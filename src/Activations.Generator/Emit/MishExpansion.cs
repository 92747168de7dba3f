using Activations.Generator.Formula;

namespace Activations.Generator.Emit;

/// <summary>
/// Writes <c>VectorMath.Mish(a)</c> out as the formula the math core's double overload computes without FMA (and mish's
/// stub wrote before it called the primitive): with <c>e = Exp(a &gt;= 0 ? -a : a &lt; -708 ? 0.5 a : a)</c>,
/// <c>a &lt; -708 ? Max(a, -1e4) e e : a (a &gt;= 0 ? 1 + 2e : e (e + 2)) / (a &gt;= 0 ? 1 + 2e (1 + e) : e (e + 2) + 2)</c>.
/// The math core has a mish for float lanes and for double lanes (corrected quotients of pairs, within 1 ULP); float
/// results computed in double and Half kernels' analysis use this instead (through <see cref="SigmoidExpansion.Expand"/>
/// and <see cref="SigmoidExpansion.ExpandForHalf"/>).
/// </summary>
internal static class MishExpansion
{
    public static FormulaNode Mish(FormulaNode a)
    {
        var zero = new ConstantNode(0.0);
        var one = new ConstantNode(1.0);
        var two = new ConstantNode(2.0);
        FormulaNode nonNegative = new BinaryNode(BinaryOperator.GreaterThanOrEqual, a, zero);
        FormulaNode belowDoubleNormals = new BinaryNode(BinaryOperator.LessThan, a, new ConstantNode(-708.0));
        FormulaNode exponent = new ConditionalNode(
            nonNegative,
            new UnaryNode(UnaryOperator.Negate, a),
            new ConditionalNode(belowDoubleNormals, Multiply(new ConstantNode(0.5), a), a));
        FormulaNode e = new CallNode(Primitive.Exp, EquatableArray.From(new[] { exponent }));
        FormulaNode ePlusTwo = Multiply(e, new BinaryNode(BinaryOperator.Add, e, two));
        FormulaNode numerator = new ConditionalNode(nonNegative, new BinaryNode(BinaryOperator.Add, one, Multiply(two, e)), ePlusTwo);
        FormulaNode denominator = new ConditionalNode(
            nonNegative,
            new BinaryNode(BinaryOperator.Add, one, Multiply(Multiply(two, e), new BinaryNode(BinaryOperator.Add, one, e))),
            new BinaryNode(BinaryOperator.Add, ePlusTwo, two));
        FormulaNode clamped = new CallNode(Primitive.Max, EquatableArray.From(new FormulaNode[] { a, new ConstantNode(-1e4) }));
        return new ConditionalNode(
            belowDoubleNormals,
            Multiply(Multiply(clamped, e), e),
            new BinaryNode(BinaryOperator.Divide, Multiply(a, numerator), denominator));
    }

    private static FormulaNode Multiply(FormulaNode a, FormulaNode b) => new BinaryNode(BinaryOperator.Multiply, a, b);
}
