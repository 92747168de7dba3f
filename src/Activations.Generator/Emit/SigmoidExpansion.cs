using Activations.Generator.Formula;

namespace Activations.Generator.Emit;

/// <summary>
/// Writes each <c>VectorMath.Sigmoid(a)</c> out as <c>(a &gt;= 0 ? 1 : e) / (1 + e)</c> with <c>e = Exp(-|a|)</c>,
/// the formula the math core's double overload computes without FMA. The math core has a vector sigmoid for float and
/// double lanes (a corrected quotient, within 1 ULP) and one for Half kernels (SigmoidForHalf); float results computed in
/// double use this expansion instead, and Half kernels' error analysis reasons about it. In float and double lanes a product
/// with a sigmoid becomes <c>VectorMath.MultiplyBySigmoid(a, b)</c>, rounded once (silu: x · sigmoid(x)).
/// <see cref="Expand"/> and <see cref="ExpandForHalf"/> write out the other float-lane primitives, <c>VectorMath.Silu</c>
/// (<c>Max(a, -1e30) Sigmoid(a)</c>), <c>VectorMath.Mish</c>
/// (<see cref="MishExpansion"/>), <c>VectorMath.Softplus</c> (<c>max(a, 0) + log1p(e^-|a|)</c>), <c>VectorMath.GeluApproximate</c>
/// (as <c>Max(a, -1e30) Sigmoid(a (c1 + c3 a a))</c>), <c>VectorMath.Gelu</c> (as <c>0.5 Max(a, -1e30) Erfc(-(a / √2))</c>),
/// <c>VectorMath.HardSigmoid</c>, <c>VectorMath.HardSilu</c>, <c>VectorMath.Softsign</c>, <c>VectorMath.SparsePlus</c>,
/// <c>VectorMath.Celu</c>, <c>VectorMath.Squareplus</c> and <c>VectorMath.TanhShrink</c> (as their built-ins' stubs).
/// </summary>
internal static class SigmoidExpansion
{
    /// <summary>Writes out every sigmoid, silu, mish, softplus and gelu (both forms): float results computed in double, and the Half analysis.</summary>
    public static FormulaNode Expand(FormulaNode node) => Expand(node, sigmoids: true, doubleCores: false);

    /// <summary>For Half kernels: writes out silu, mish, softplus and gelu (both forms); a sigmoid stays, for <c>VectorMath.SigmoidForHalf</c>.</summary>
    public static FormulaNode ExpandForHalf(FormulaNode node) => Expand(node, sigmoids: false, doubleCores: false);

    /// <summary>
    /// For double results: writes out silu, softplus and gelu (both forms) as for Half, and each product with a
    /// sigmoid becomes <c>VectorMath.MultiplyBySigmoid(a, b)</c>; mish, squareplus and tanh_shrink stay calls. The math
    /// core computes each within 1 ULP in double (with FMA).
    /// </summary>
    public static FormulaNode ExpandForDouble(FormulaNode node) => FuseProducts(Expand(node, sigmoids: false, doubleCores: true));

    private static FormulaNode Expand(FormulaNode node, bool sigmoids, bool doubleCores) => FormulaRewriter.Rewrite(node, n => n switch
    {
        CallNode { Function: Primitive.Sigmoid } call when sigmoids => Sigmoid(Expand(call.Arguments[0], sigmoids, doubleCores)),
        CallNode { Function: Primitive.Silu } call => Expand(Silu(call.Arguments[0]), sigmoids, doubleCores),
        CallNode { Function: Primitive.GeluApproximate } call => Expand(GeluApproximate(call.Arguments[0]), sigmoids, doubleCores),
        CallNode { Function: Primitive.Softplus } call => Softplus(Expand(call.Arguments[0], sigmoids, doubleCores)),
        CallNode { Function: Primitive.Gelu } call => Gelu(Expand(call.Arguments[0], sigmoids, doubleCores)),
        CallNode { Function: Primitive.HardSigmoid } call => HardSigmoid(Expand(call.Arguments[0], sigmoids, doubleCores)),
        CallNode { Function: Primitive.HardSilu } call => HardSilu(Expand(call.Arguments[0], sigmoids, doubleCores)),
        CallNode { Function: Primitive.Softsign } call => Softsign(Expand(call.Arguments[0], sigmoids, doubleCores)),
        CallNode { Function: Primitive.SparsePlus } call => SparsePlus(Expand(call.Arguments[0], sigmoids, doubleCores)),
        CallNode { Function: Primitive.Celu } call => Celu(Expand(call.Arguments[0], sigmoids, doubleCores), Expand(call.Arguments[1], sigmoids, doubleCores)),
        CallNode { Function: Primitive.Squareplus or Primitive.TanhShrink or Primitive.Mish } when doubleCores => null, // stays, its arguments rewritten
        CallNode { Function: Primitive.Mish } call => MishExpansion.Mish(Expand(call.Arguments[0], sigmoids, doubleCores)),
        CallNode { Function: Primitive.Squareplus } call => Squareplus(Expand(call.Arguments[0], sigmoids, doubleCores), Expand(call.Arguments[1], sigmoids, doubleCores)),
        CallNode { Function: Primitive.TanhShrink } call => TanhShrink(Expand(call.Arguments[0], sigmoids, doubleCores)),
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

    /// <summary><c>Max(a, -1e30)</c>: the factor of silu and both gelu forms, clamped so that at -∞ the product with a vanishing
    /// sigmoid or erfc is -0 rather than -∞ · 0 = NaN (the math core's double functions clamp the same way).</summary>
    private static FormulaNode ClampedBelow(FormulaNode a) =>
        new CallNode(Primitive.Max, EquatableArray.From(new FormulaNode[] { a, new ConstantNode(-1e30) }));

    /// <summary>The formula of the math core's double <c>Silu</c>: <c>Max(a, -1e30) Sigmoid(a)</c> (a clamped so that -∞ gives -0).</summary>
    private static FormulaNode Silu(FormulaNode a)
    {
        var sigmoid = new CallNode(Primitive.Sigmoid, EquatableArray.From(new FormulaNode[] { a }));
        return new BinaryNode(BinaryOperator.Multiply, ClampedBelow(a), sigmoid);
    }

    /// <summary>The formula of the math core's double <c>GeluApproximate</c>: <c>Max(a, -1e30) Sigmoid(a (c1 + c3 a a))</c>,
    /// c1 = 2√(2/π) and c3 = 0.044715 c1, as gelu's stub writes its tanh form (x clamped so that -∞ gives -0).</summary>
    private static FormulaNode GeluApproximate(FormulaNode a)
    {
        var square = new BinaryNode(BinaryOperator.Multiply, a, a);
        var slope = new BinaryNode(BinaryOperator.Add, new ConstantNode(1.5957691216057308), new BinaryNode(BinaryOperator.Multiply, new ConstantNode(0.07135481627260025), square));
        var sigmoid = new CallNode(Primitive.Sigmoid, EquatableArray.From(new FormulaNode[] { new BinaryNode(BinaryOperator.Multiply, a, slope) }));
        return new BinaryNode(BinaryOperator.Multiply, ClampedBelow(a), sigmoid);
    }

    // 0.5 Max(a, -1e30) Erfc(-(a 0.7071067811865476)), node for node the math core's double Gelu and the exact form of gelu's
    // stub without its double-only corrections (Activation.Gelu): x clamped so that -∞ gives -0.
    private static FormulaNode Gelu(FormulaNode a)
    {
        var scaled = new UnaryNode(UnaryOperator.Negate, new BinaryNode(BinaryOperator.Multiply, a, new ConstantNode(0.7071067811865476)));
        var erfc = new CallNode(Primitive.Erfc, EquatableArray.From(new FormulaNode[] { scaled }));
        return new BinaryNode(BinaryOperator.Multiply, new BinaryNode(BinaryOperator.Multiply, new ConstantNode(0.5), ClampedBelow(a)), erfc);
    }

    // max(a, 0) + log1p(e^-|a|), node for node the softplus built-in's stub (Activation.Softplus).
    private static FormulaNode Softplus(FormulaNode a)
    {
        var magnitude = new CallNode(Primitive.Abs, EquatableArray.From(new FormulaNode[] { a }));
        var e = new CallNode(Primitive.Exp, EquatableArray.From(new FormulaNode[] { new UnaryNode(UnaryOperator.Negate, magnitude) }));
        var positivePart = new CallNode(Primitive.Max, EquatableArray.From(new FormulaNode[] { a, new ConstantNode(0.0) }));
        return new BinaryNode(BinaryOperator.Add, positivePart, new CallNode(Primitive.Log1p, EquatableArray.From(new FormulaNode[] { e })));
    }

    // min(max((a + 3) / 6, 0), 1), node for node the hard_sigmoid built-in's stub (Activation.HardSigmoid).
    private static FormulaNode HardSigmoid(FormulaNode a)
    {
        var ratio = new BinaryNode(BinaryOperator.Divide, new BinaryNode(BinaryOperator.Add, a, new ConstantNode(3.0)), new ConstantNode(6.0));
        var atLeastZero = new CallNode(Primitive.Max, EquatableArray.From(new FormulaNode[] { ratio, new ConstantNode(0.0) }));
        return new CallNode(Primitive.Min, EquatableArray.From(new FormulaNode[] { atLeastZero, new ConstantNode(1.0) }));
    }

    // a <= -3 ? 0 : a >= 3 ? a : a (a + 3) / 6, node for node the hard_silu built-in's stub (Activation.HardSilu).
    private static FormulaNode HardSilu(FormulaNode a)
    {
        var between = new BinaryNode(
            BinaryOperator.Divide,
            new BinaryNode(BinaryOperator.Multiply, a, new BinaryNode(BinaryOperator.Add, a, new ConstantNode(3.0))),
            new ConstantNode(6.0));
        var above = new ConditionalNode(new BinaryNode(BinaryOperator.GreaterThanOrEqual, a, new ConstantNode(3.0)), a, between);
        return new ConditionalNode(new BinaryNode(BinaryOperator.LessThanOrEqual, a, new ConstantNode(-3.0)), new ConstantNode(0.0), above);
    }

    // |a| > 2^60 ? CopySign(1, a) : a / (|a| + 1), node for node the softsign built-in's stub (Activation.Softsign).
    private static FormulaNode Softsign(FormulaNode a)
    {
        var magnitude = new CallNode(Primitive.Abs, EquatableArray.From(new FormulaNode[] { a }));
        var saturated = new CallNode(Primitive.CopySign, EquatableArray.From(new FormulaNode[] { new ConstantNode(1.0), a }));
        var quotient = new BinaryNode(BinaryOperator.Divide, a, new BinaryNode(BinaryOperator.Add, magnitude, new ConstantNode(1.0)));
        return new ConditionalNode(new BinaryNode(BinaryOperator.GreaterThan, magnitude, new ConstantNode(1.152921504606846976e18)), saturated, quotient);
    }

    // a <= -1 ? 0 : a >= 1 ? a : (a + 1) (a + 1) 0.25, node for node the sparse_plus built-in's stub (Activation.SparsePlus).
    private static FormulaNode SparsePlus(FormulaNode a)
    {
        var sum = new BinaryNode(BinaryOperator.Add, a, new ConstantNode(1.0));
        var between = new BinaryNode(BinaryOperator.Multiply, new BinaryNode(BinaryOperator.Multiply, sum, sum), new ConstantNode(0.25));
        var above = new ConditionalNode(new BinaryNode(BinaryOperator.GreaterThanOrEqual, a, new ConstantNode(1.0)), a, between);
        return new ConditionalNode(new BinaryNode(BinaryOperator.LessThanOrEqual, a, new ConstantNode(-1.0)), new ConstantNode(0.0), above);
    }

    // a > 0 ? a : alpha expm1(a / alpha), node for node the celu built-in's stub (Activation.Celu).
    private static FormulaNode Celu(FormulaNode a, FormulaNode alpha)
    {
        var expm1 = new CallNode(Primitive.Expm1, EquatableArray.From(new FormulaNode[] { new BinaryNode(BinaryOperator.Divide, a, alpha) }));
        return new ConditionalNode(new BinaryNode(BinaryOperator.GreaterThan, a, new ConstantNode(0.0)), a, new BinaryNode(BinaryOperator.Multiply, alpha, expm1));
    }

    // a >= 0 ? 0.5 a + 0.5 s : b 0.25 / (0.5 s - 0.5 a), s = |a| > 1e150 ? |a| Sqrt(1 + b / a / a) : Sqrt(a a + b), node for
    // node the squareplus built-in's stub (Activation.Squareplus).
    private static FormulaNode Squareplus(FormulaNode a, FormulaNode b)
    {
        var magnitude = new CallNode(Primitive.Abs, EquatableArray.From(new FormulaNode[] { a }));
        var rescaled = new BinaryNode(BinaryOperator.Multiply, magnitude, Sqrt(new BinaryNode(BinaryOperator.Add, new ConstantNode(1.0),
            new BinaryNode(BinaryOperator.Divide, new BinaryNode(BinaryOperator.Divide, b, a), a))));
        var direct = Sqrt(new BinaryNode(BinaryOperator.Add, new BinaryNode(BinaryOperator.Multiply, a, a), b));
        var s = new ConditionalNode(new BinaryNode(BinaryOperator.GreaterThan, magnitude, new ConstantNode(1e150)), rescaled, direct);
        var half = new ConstantNode(0.5);
        var above = new BinaryNode(BinaryOperator.Add, new BinaryNode(BinaryOperator.Multiply, half, a), new BinaryNode(BinaryOperator.Multiply, half, s));
        var below = new BinaryNode(BinaryOperator.Divide, new BinaryNode(BinaryOperator.Multiply, b, new ConstantNode(0.25)),
            new BinaryNode(BinaryOperator.Subtract, new BinaryNode(BinaryOperator.Multiply, half, s), new BinaryNode(BinaryOperator.Multiply, half, a)));
        return new ConditionalNode(new BinaryNode(BinaryOperator.GreaterThanOrEqual, a, new ConstantNode(0.0)), above, below);
    }

    // |a| <= 1.25 ? a (a a (p1 + a a (p2 + …))) / (1 + a a (q1 + a a (q2 + …))) : a - Tanh(a), node for node the
    // tanh_shrink built-in's stub (Activation.TanhShrink).
    private static FormulaNode TanhShrink(FormulaNode a)
    {
        double[] p = { 0.3333333333333333, 0.02608695652173913, 0.0005521048999309869, 4.035854531659261e-06, 9.249475626415419e-09, 3.1622138893727926e-12 };
        double[] q = { 0.4782608695652174, 0.031055900621118012, 0.0006102212051868803, 4.273257739403923e-06, 9.496128309786497e-09, 3.1622138893727926e-12 };
        var square = new BinaryNode(BinaryOperator.Multiply, a, a);
        FormulaNode Nested(double[] c)
        {
            FormulaNode inner = new ConstantNode(c[c.Length - 1]);
            for (int i = c.Length - 2; i >= 0; i--)
            {
                inner = new BinaryNode(BinaryOperator.Add, new ConstantNode(c[i]), new BinaryNode(BinaryOperator.Multiply, square, inner));
            }

            return inner;
        }

        var numerator = new BinaryNode(BinaryOperator.Multiply, a, new BinaryNode(BinaryOperator.Multiply, square, Nested(p)));
        var denominator = new BinaryNode(BinaryOperator.Add, new ConstantNode(1.0), new BinaryNode(BinaryOperator.Multiply, square, Nested(q)));
        var near = new BinaryNode(BinaryOperator.Divide, numerator, denominator);
        var far = new BinaryNode(BinaryOperator.Subtract, a, new CallNode(Primitive.Tanh, EquatableArray.From(new FormulaNode[] { a })));
        var magnitude = new CallNode(Primitive.Abs, EquatableArray.From(new FormulaNode[] { a }));
        return new ConditionalNode(new BinaryNode(BinaryOperator.LessThanOrEqual, magnitude, new ConstantNode(1.25)), near, far);
    }

    private static FormulaNode Sqrt(FormulaNode a) => new CallNode(Primitive.Sqrt, EquatableArray.From(new FormulaNode[] { a }));

    private static FormulaNode Sigmoid(FormulaNode a)
    {
        var one = new ConstantNode(1.0);
        var magnitude = new CallNode(Primitive.Abs, EquatableArray.From(new FormulaNode[] { a }));
        var e = new CallNode(Primitive.Exp, EquatableArray.From(new FormulaNode[] { new UnaryNode(UnaryOperator.Negate, magnitude) }));
        var numerator = new ConditionalNode(new BinaryNode(BinaryOperator.GreaterThanOrEqual, a, new ConstantNode(0.0)), one, e);
        return new BinaryNode(BinaryOperator.Divide, numerator, new BinaryNode(BinaryOperator.Add, one, e));
    }
}
