using System.Linq;
using Activations.Generator.Formula;

namespace Activations.Generator.Emit;

/// <summary>
/// Writes each <c>VectorMath.Sigmoid(a)</c> out as <c>(a &gt;= 0 ? 1 : e) / (1 + e)</c> with <c>e = Exp(-|a|)</c>,
/// the formula the math core's double overload computes. The math core has a vector sigmoid only for float
/// lanes (a corrected quotient, within 1 ULP); double code, float results computed in double, and Half kernels
/// (whose error analysis reasons about exp and division) use this expansion instead.
/// </summary>
internal static class SigmoidExpansion
{
    public static FormulaNode Expand(FormulaNode node) => node switch
    {
        CallNode { Function: Primitive.Sigmoid } call => Sigmoid(Expand(call.Arguments[0])),
        ConditionalNode c => new ConditionalNode(Expand(c.Condition), Expand(c.WhenTrue), Expand(c.WhenFalse)),
        UnaryNode u => u with { Operand = Expand(u.Operand) },
        BinaryNode b => b with { Left = Expand(b.Left), Right = Expand(b.Right) },
        CallNode call => call with { Arguments = EquatableArray.From(call.Arguments.Select(Expand).ToList()) },
        StubCallNode call => call with
        {
            Element = Expand(call.Element),
            Arguments = EquatableArray.From(call.Arguments.Select(Expand).ToList()),
        },
        _ => node,
    };

    public static bool CallsSigmoid(FormulaNode node) => node switch
    {
        CallNode { Function: Primitive.Sigmoid } => true,
        ConditionalNode c => CallsSigmoid(c.Condition) || CallsSigmoid(c.WhenTrue) || CallsSigmoid(c.WhenFalse),
        UnaryNode u => CallsSigmoid(u.Operand),
        BinaryNode b => CallsSigmoid(b.Left) || CallsSigmoid(b.Right),
        CallNode call => call.Arguments.Any(CallsSigmoid),
        StubCallNode call => CallsSigmoid(call.Element) || call.Arguments.Any(CallsSigmoid),
        _ => false,
    };

    private static FormulaNode Sigmoid(FormulaNode a)
    {
        var one = new ConstantNode(1.0);
        var magnitude = new CallNode(Primitive.Abs, EquatableArray.From(new FormulaNode[] { a }));
        var e = new CallNode(Primitive.Exp, EquatableArray.From(new FormulaNode[] { new UnaryNode(UnaryOperator.Negate, magnitude) }));
        var numerator = new ConditionalNode(new BinaryNode(BinaryOperator.GreaterThanOrEqual, a, new ConstantNode(0.0)), one, e);
        return new BinaryNode(BinaryOperator.Divide, numerator, new BinaryNode(BinaryOperator.Add, one, e));
    }
}
