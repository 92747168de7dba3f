using System;
using System.Collections.Generic;
using System.Linq;
using Activations.Generator.Formula;

namespace Activations.Generator.Emit;

/// <summary>
/// Lowers a (specialized) formula to the statements of one method body for one <see cref="LoweringTarget"/>.
/// Equal subtrees are computed once: any non-leaf node reached more than once becomes a local. In vector
/// code, nodes that do not depend on the element are computed as scalars and broadcast, and a condition that
/// does not depend on the element picks a branch instead of selecting lane by lane.
/// </summary>
internal sealed class FormulaEmitter
{
    private const string MathCore = "global::Activations.VectorMath";

    private readonly LoweringTarget _target;
    private readonly Func<int, string> _parameter;
    private readonly IndentedWriter _writer;
    private readonly Dictionary<FormulaNode, int> _uses = new();
    private readonly Dictionary<FormulaNode, string> _locals = new();

    private FormulaEmitter(LoweringTarget target, Func<int, string> parameter, IndentedWriter writer)
    {
        _target = target;
        _parameter = parameter;
        _writer = writer;
    }

    /// <summary>Writes the body (locals, then <c>return …;</c>) computing <paramref name="formula"/> of the element <c>x</c>.</summary>
    public static void EmitBody(IndentedWriter writer, FormulaNode formula, LoweringTarget target, Func<int, string> parameter)
    {
        var emitter = new FormulaEmitter(target, parameter, writer);
        // Float and double lanes have a math-core sigmoid (and a product with one, rounded once: within 1 ULP with FMA),
        // Half kernels their own (VectorMath.SigmoidForHalf: one quotient, more accurate than the expansion their analysis
        // bounds); double code whose result is rounded to float writes it out with the float-accuracy exp. Silu, Mish,
        // Softplus, Gelu and GeluApproximate are math-core functions in float lanes only.
        formula = target.Single
            ? target.ForHalf ? SigmoidExpansion.ExpandForHalf(formula) : SigmoidExpansion.FuseProducts(formula)
            : target.ForSingle ? SigmoidExpansion.Expand(formula) : SigmoidExpansion.ExpandForDouble(formula);

        formula = CommonDivisorFactoring.Apply(formula);
        emitter.CountUses(formula);
        writer.Line($"return {emitter.Emit(formula).Text};");
    }

    /// <summary>A scalar double expression for a node over parameters only (a condition the kernel decides before its loop).</summary>
    public static string EmitScalarExpression(FormulaNode node, Func<int, string> parameter) =>
        new FormulaEmitter(new LoweringTarget(false, 0, ForSingle: false), parameter, new IndentedWriter()).EmitScalar(node).Text;

    private void CountUses(FormulaNode node)
    {
        _uses.TryGetValue(node, out int uses);
        _uses[node] = uses + 1;
        if (uses > 0)
        {
            return;
        }

        foreach (FormulaNode child in Children(node))
        {
            CountUses(child);
        }
    }

    private static IEnumerable<FormulaNode> Children(FormulaNode node) => node switch
    {
        UnaryNode u => new[] { u.Operand },
        BinaryNode b => new[] { b.Left, b.Right },
        ConditionalNode c => new[] { c.Condition, c.WhenTrue, c.WhenFalse },
        CallNode call => call.Arguments,
        StubCallNode call => new[] { call.Element }.Concat(call.Arguments),
        _ => Array.Empty<FormulaNode>(),
    };

    private static bool IsLeaf(FormulaNode node) => node is ConstantNode or BooleanConstantNode or ElementNode or ParameterNode;

    // An expression with its C# precedence: 0 primary, 1 unary, 2 multiplicative, 3 additive, 4 relational,
    // 5 equality, 6 &, 7 ^, 8 |, 9 &&, 10 ||, 11 ?:.
    private readonly record struct Code(string Text, int Precedence)
    {
        public string AtMost(int precedence) => Precedence <= precedence ? Text : $"({Text})";

        public string Below(int precedence) => Precedence < precedence ? Text : $"({Text})";
    }

    private Code Emit(FormulaNode node)
    {
        if (_target.IsVector && !node.DependsOnElement)
        {
            return Broadcast(node);
        }

        if (_locals.TryGetValue(node, out string? local))
        {
            return new Code(local, 0);
        }

        Code code = _target.IsVector ? EmitVector(node) : EmitScalar(node);
        if (!IsLeaf(node) && _uses.TryGetValue(node, out int uses) && uses > 1)
        {
            string name = "t" + _locals.Count;
            string type = node.IsBoolean && !_target.IsVector ? "bool" : _target.ValueType;
            _writer.Line($"{type} {name} = {code.Text};");
            _locals[node] = name;
            return new Code(name, 0);
        }

        return code;
    }

    // A node that is the same in every lane: computed once as a scalar, then broadcast.
    private Code Broadcast(FormulaNode node)
    {
        var scalar = new FormulaEmitter(_target with { Width = 0 }, _parameter, _writer);
        Code code = scalar.EmitScalar(node);
        return node.IsBoolean
            ? new Code($"{code.AtMost(10)} ? {_target.ValueType}.AllBitsSet : {_target.ValueType}.Zero", 11)
            : new Code($"{_target.VectorClass}.Create({code.Text})", 0);
    }

    private Code EmitScalar(FormulaNode node)
    {
        string math = _target.Single ? "MathF" : "Math";
        switch (node)
        {
            case ConstantNode c:
                string literal = _target.Literal(c.Value);
                return new Code(literal, literal.StartsWith("-", StringComparison.Ordinal) ? 1 : 0);
            case BooleanConstantNode b:
                return new Code(CSharpLiterals.Boolean(b.Value), 0);
            case ElementNode:
                return new Code("x", 0);
            case ParameterNode p:
                return new Code(_parameter(p.Index), 0);
            case UnaryNode { Operator: UnaryOperator.Negate } u:
                return new Code("-" + Emit(u.Operand).AtMost(0), 1);
            case UnaryNode u:
                return new Code("!" + Emit(u.Operand).AtMost(0), 1);
            // A product with a constant that is no float: in double, which holds the float factor's product exactly, then
            // rounded once (the vector form below multiplies the constant as a float pair).
            case BinaryNode b when FloatLanes && ConstantPairs.TryMatch(b, out double constant, out FormulaNode other)
                && PairProductOperand(constant, other) is (FormulaNode operand, bool ofExpm1):
                string value = ofExpm1
                    ? $"{MathCore}.Expm1ForSingle((double){MathCore}.Min({Emit(operand).Text}, 0f))"
                    : $"(double){Emit(operand).AtMost(0)}";
                return new Code($"(float)({CSharpLiterals.Double(constant)} * {value})", 1);
            case BinaryNode b:
                (string op, int precedence) = b.Operator switch
                {
                    BinaryOperator.Add => ("+", 3),
                    BinaryOperator.Subtract => ("-", 3),
                    BinaryOperator.Multiply => ("*", 2),
                    BinaryOperator.Divide => ("/", 2),
                    BinaryOperator.Equal => ("==", 5),
                    BinaryOperator.NotEqual => ("!=", 5),
                    BinaryOperator.LessThan => ("<", 4),
                    BinaryOperator.LessThanOrEqual => ("<=", 4),
                    BinaryOperator.GreaterThan => (">", 4),
                    BinaryOperator.GreaterThanOrEqual => (">=", 4),
                    BinaryOperator.And => ("&&", 9),
                    _ => ("||", 10),
                };
                return new Code($"{Emit(b.Left).AtMost(precedence)} {op} {Emit(b.Right).Below(precedence)}", precedence);
            case ConditionalNode c:
                return new Code($"{Emit(c.Condition).AtMost(10)} ? {Emit(c.WhenTrue).AtMost(10)} : {Emit(c.WhenFalse).AtMost(10)}", 11);
            case CallNode call:
                string[] a = call.Arguments.Select(argument => Emit(argument).Text).ToArray();
                return new Code(call.Function switch
                {
                    Primitive.Sqrt => $"{math}.Sqrt({a[0]})",
                    Primitive.Abs => $"{math}.Abs({a[0]})",
                    Primitive.CopySign => $"{math}.CopySign({a[0]}, {a[1]})",
                    Primitive.Max or Primitive.Min or Primitive.MultiplyBySigmoid or Primitive.Celu or Primitive.Squareplus => $"{MathCore}.{call.Function}({a[0]}, {a[1]})",
                    _ => $"{MathCore}.{call.Function}{_target.MathSuffix}({a[0]})",
                }, 0);
            case StubCallNode call:
                return new Code($"{call.ContainingType}.{call.MethodName}({StubArguments(call, Emit(call.Element).Text)})", 0);
            default:
                throw new InvalidOperationException($"Unknown formula node {node.GetType().Name}.");
        }
    }

    private Code EmitVector(FormulaNode node)
    {
        string v = _target.VectorClass;
        switch (node)
        {
            case ElementNode:
                return new Code("x", 0);
            case UnaryNode { Operator: UnaryOperator.Negate } u:
                // Flip the sign bit, as scalar negation does (0 - x would turn +0 into +0, not -0).
                return new Code($"{Emit(u.Operand).AtMost(6)} ^ {v}.Create({_target.Literal(-0.0)})", 7);
            case UnaryNode u:
                return new Code("~" + Emit(u.Operand).AtMost(0), 1);
            // A product with a constant that is no float, as a float pair rounded once (ConstantPairs).
            case BinaryNode b when FloatLanes && ConstantPairs.TryMatch(b, out double constant, out FormulaNode other)
                && PairProductOperand(constant, other) is (FormulaNode operand, bool ofExpm1):
                (float high, float low) = ConstantPairs.Split(constant);
                string pair = $"{v}.Create({CSharpLiterals.Single(high)}), {v}.Create({CSharpLiterals.Single(low)})";
                return new Code($"{MathCore}.{(ofExpm1 ? "Expm1OfMinWithZeroTimesPair" : "MultiplyByPair")}({Emit(operand).Text}, {pair})", 0);
            case BinaryNode b when b.Operator.IsArithmetic():
                (string op, int precedence) = b.Operator switch
                {
                    BinaryOperator.Add => ("+", 3),
                    BinaryOperator.Subtract => ("-", 3),
                    BinaryOperator.Multiply => ("*", 2),
                    _ => ("/", 2),
                };
                return new Code($"{Emit(b.Left).AtMost(precedence)} {op} {Emit(b.Right).Below(precedence)}", precedence);
            case BinaryNode { Left.IsBoolean: true } b when b.Operator is BinaryOperator.Equal or BinaryOperator.NotEqual:
                string xor = $"{Emit(b.Left).AtMost(7)} ^ {Emit(b.Right).Below(7)}";
                return b.Operator == BinaryOperator.Equal ? new Code($"~({xor})", 1) : new Code(xor, 7);
            case BinaryNode b when b.Operator.IsComparison():
                string compare = b.Operator switch
                {
                    BinaryOperator.Equal => "Equals",
                    BinaryOperator.NotEqual => "Equals",
                    BinaryOperator.LessThan => "LessThan",
                    BinaryOperator.LessThanOrEqual => "LessThanOrEqual",
                    BinaryOperator.GreaterThan => "GreaterThan",
                    _ => "GreaterThanOrEqual",
                };
                string mask = $"{v}.{compare}({Emit(b.Left).Text}, {Emit(b.Right).Text})";
                return b.Operator == BinaryOperator.NotEqual ? new Code("~" + mask, 1) : new Code(mask, 0);
            case BinaryNode b when b.Operator == BinaryOperator.And:
                return new Code($"{Emit(b.Left).AtMost(6)} & {Emit(b.Right).Below(6)}", 6);
            case BinaryNode b:
                return new Code($"{Emit(b.Left).AtMost(8)} | {Emit(b.Right).Below(8)}", 8);
            case ConditionalNode c when !c.Condition.DependsOnElement:
                var scalar = new FormulaEmitter(_target with { Width = 0 }, _parameter, _writer);
                return new Code($"{scalar.EmitScalar(c.Condition).AtMost(10)} ? {Emit(c.WhenTrue).AtMost(10)} : {Emit(c.WhenFalse).AtMost(10)}", 11);
            case ConditionalNode c:
                return new Code($"{v}.ConditionalSelect({Emit(c.Condition).Text}, {Emit(c.WhenTrue).Text}, {Emit(c.WhenFalse).Text})", 0);
            // expm1(min(x, +0)) in float lanes: the math core's expm1 for non-positive arguments (no overflow
            // handling, no branch), which does the clamp itself.
            case CallNode call when FloatLanes && Expm1OfMinWithZeroOperand(call) is FormulaNode nonPositive:
                return new Code($"{MathCore}.Expm1OfMinWithZero({Emit(nonPositive).Text})", 0);
            case CallNode call when ConstantBound(call) is (FormulaNode operand, double bound):
                string clamped = Emit(operand).Text;
                return new Code(call.Function == Primitive.Max && bound == 0.0
                    ? $"{MathCore}.MaxWithZero({clamped})"
                    : $"{MathCore}.{call.Function}WithConstant({clamped}, {v}.Create({_target.Literal(bound)}))", 0);
            case CallNode call:
                string[] a = call.Arguments.Select(argument => Emit(argument).Text).ToArray();
                return new Code(call.Function switch
                {
                    Primitive.Sqrt => $"{v}.Sqrt({a[0]})",
                    Primitive.Abs => $"{v}.Abs({a[0]})",
                    // The sign bit from the second operand, everything else from the first.
                    Primitive.CopySign => $"{v}.ConditionalSelect({v}.Create({_target.Literal(-0.0)}), {a[1]}, {a[0]})",
                    Primitive.Max or Primitive.Min or Primitive.MultiplyBySigmoid or Primitive.Celu or Primitive.Squareplus => $"{MathCore}.{call.Function}({a[0]}, {a[1]})",
                    _ => $"{MathCore}.{call.Function}{_target.MathSuffix}({a[0]})",
                }, 0);
            case StubCallNode call:
                return new Code($"{call.ContainingType}.{call.MethodName}({StubArguments(call, Emit(call.Element).Text)})", 0);
            default:
                throw new InvalidOperationException($"Unexpected element-dependent node {node.GetType().Name}.");
        }
    }

    // Float lanes of a float kernel (not the double lanes that round to float, nor a Half kernel's float lanes).
    private bool FloatLanes => _target.Single && _target.MathSuffix.Length == 0;

    // y of expm1(min(y, +0)), or null.
    private FormulaNode? Expm1OfMinWithZeroOperand(FormulaNode node) =>
        node is CallNode { Function: Primitive.Expm1 } call
        && call.Arguments[0] is CallNode { Function: Primitive.Min } min
        && ConstantBound(min) is (FormulaNode nonPositive, 0.0)
            ? nonPositive
            : null;

    // The operand of a product with a non-float constant that the math core computes rounded once: an exact float value,
    // or y of expm1(min(y, +0)) with y exact and the constant positive (ofExpm1); else null.
    private (FormulaNode Operand, bool OfExpm1)? PairProductOperand(double constant, FormulaNode other)
    {
        if (SinglePrecisionAnalysis.IsExactInSingle(other))
        {
            return (other, false);
        }

        return constant > 0 && Expm1OfMinWithZeroOperand(other) is FormulaNode y && SinglePrecisionAnalysis.IsExactInSingle(y)
            ? (y, true)
            : null;
    }

    // Max or Min of an element-dependent operand and a constant that the one-instruction forms in the math core
    // (VectorMath.ConstantBounds.cs) compute exactly as Math.Max/Min: any number but zero, and +0 (Max(x, +0) is
    // MaxWithZero). A -0 or NaN constant, or one that rounds to zero in float lanes, keeps the general form.
    private (FormulaNode Operand, double Bound)? ConstantBound(CallNode call)
    {
        if (call.Function is not (Primitive.Max or Primitive.Min) || call.Arguments.Count != 2)
        {
            return null;
        }

        for (int i = 0; i < 2; i++)
        {
            if (call.Arguments[i] is ConstantNode constant && call.Arguments[1 - i].DependsOnElement)
            {
                double bound = _target.Single ? (float)constant.Value : constant.Value;
                bool usable = !double.IsNaN(bound) && (bound != 0.0 || !IsNegativeZero(bound));
                return usable ? (call.Arguments[1 - i], bound) : null;
            }
        }

        return null;
    }

    private static bool IsNegativeZero(double value) => value == 0.0 && BitConverter.DoubleToInt64Bits(value) != 0;

    // The scalar arguments of a call to another assembly's stub never depend on the element: always scalar code.
    private string StubArguments(StubCallNode call, string element)
    {
        var scalar = new FormulaEmitter(_target with { Width = 0 }, _parameter, _writer);
        return string.Join(", ", new[] { element }.Concat(call.Arguments.Select(a => scalar.EmitScalar(a).Text)));
    }
}
