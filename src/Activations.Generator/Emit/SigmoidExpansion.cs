using Activations.Generator.Formula;

namespace Activations.Generator.Emit;

/// <summary>
/// Writes each <c>VectorMath.Sigmoid(a)</c> out as <c>(a &gt;= 0 ? 1 : e) / (1 + e)</c> with <c>e = Exp(-|a|)</c>,
/// the formula the math core's double overload computes. The math core has a vector sigmoid for float lanes (a
/// corrected quotient, within 1 ULP) and one for Half kernels (SigmoidForHalf); double code and float results
/// computed in double use this expansion instead, and Half kernels' error analysis reasons about it. In float lanes a product
/// with a sigmoid becomes <c>VectorMath.MultiplyBySigmoid(a, b)</c>, rounded once (silu: x · sigmoid(x)).
/// <see cref="Expand"/> writes out the other float-lane primitives, <c>VectorMath.Mish</c> (<see cref="MishExpansion"/>) and
/// <c>VectorMath.Softplus</c> (<c>max(a, 0) + log1p(e^-|a|)</c>), too.
/// </summary>
internal static class SigmoidExpansion
{
    /// <summary>Writes out every sigmoid, mish and softplus: double code, float results computed in double, and the Half analysis.</summary>
    public static FormulaNode Expand(FormulaNode node) => Expand(node, sigmoids: true);

    /// <summary>For Half kernels: writes out mish and softplus only; a sigmoid stays, for <c>VectorMath.SigmoidForHalf</c>.</summary>
    public static FormulaNode ExpandForHalf(FormulaNode node) => Expand(node, sigmoids: false);

    private static FormulaNode Expand(FormulaNode node, bool sigmoids) => FormulaRewriter.Rewrite(node, n => n switch
    {
        CallNode { Function: Primitive.Sigmoid } call when sigmoids => Sigmoid(Expand(call.Arguments[0], sigmoids)),
        CallNode { Function: Primitive.Mish } call => MishExpansion.Mish(Expand(call.Arguments[0], sigmoids)),
        CallNode { Function: Primitive.Softplus } call => Softplus(Expand(call.Arguments[0], sigmoids)),
        _ => null,
    });

    /// <summary>For float lanes: each <c>a * Sigmoid(b)</c> (either order) becomes one <c>MultiplyBySigmoid(a, b)</c>, rounded once.</summary>
    public static FormulaNode FuseProducts(FormulaNode node) => FormulaRewriter.Rewrite(node, n =>
        IsProductWithSigmoid(n, out FormulaNode factor, out FormulaNode argument)
            ? MultiplyBySigmoid(FuseProducts(factor), FuseProducts(argument))
            : null);

    /// <summary>Whether <paramref name="node"/> is <c>a * Sigmoid(b)</c> in either order, and its two operands.</summary>
    public static bool IsProductWithSigmoid(FormulaNode node, out FormulaNode factor, out FormulaNode argument)
    {
        (factor, argument) = node switch
        {
            BinaryNode { Operator: BinaryOperator.Multiply, Right: CallNode { Function: Primitive.Sigmoid } s } b => (b.Left, s.Arguments[0]),
            BinaryNode { Operator: BinaryOperator.Multiply, Left: CallNode { Function: Primitive.Sigmoid } s } b => (b.Right, s.Arguments[0]),
            _ => (null!, null!),
        };
        return factor is not null;
    }

    private static FormulaNode MultiplyBySigmoid(FormulaNode a, FormulaNode b) =>
        new CallNode(Primitive.MultiplyBySigmoid, EquatableArray.From(new[] { a, b }));

    // max(a, 0) + log1p(e^-|a|), node for node the softplus built-in's stub (Activation.Softplus).
    private static FormulaNode Softplus(FormulaNode a)
    {
        var magnitude = new CallNode(Primitive.Abs, EquatableArray.From(new FormulaNode[] { a }));
        var e = new CallNode(Primitive.Exp, EquatableArray.From(new FormulaNode[] { new UnaryNode(UnaryOperator.Negate, magnitude) }));
        var positivePart = new CallNode(Primitive.Max, EquatableArray.From(new FormulaNode[] { a, new ConstantNode(0.0) }));
        return new BinaryNode(BinaryOperator.Add, positivePart, new CallNode(Primitive.Log1p, EquatableArray.From(new FormulaNode[] { e })));
    }

    private static FormulaNode Sigmoid(FormulaNode a)
    {
        var one = new ConstantNode(1.0);
        var magnitude = new CallNode(Primitive.Abs, EquatableArray.From(new FormulaNode[] { a }));
        var e = new CallNode(Primitive.Exp, EquatableArray.From(new FormulaNode[] { new UnaryNode(UnaryOperator.Negate, magnitude) }));
        var numerator = new ConditionalNode(new BinaryNode(BinaryOperator.GreaterThanOrEqual, a, new ConstantNode(0.0)), one, e);
        return new BinaryNode(BinaryOperator.Divide, numerator, new BinaryNode(BinaryOperator.Add, one, e));
    }
}
