using Activations.Generator.Formula;

namespace Activations.Generator.Emit;

/// <summary>
/// Decides whether a formula can run natively in <see cref="float"/> and still give exactly the stub's
/// double result rounded to float. That holds when every path from the inputs to the result goes through at
/// most one rounding operation (+ - * / or Sqrt of float inputs, which double rounding leaves correctly rounded),
/// everything else being exact and monotonic (negation, Abs, Max/Min, CopySign, selects), comparisons see
/// exact operands, and every constant is a float. Relu, relu6, leaky_relu, hard_tanh and linear qualify;
/// anything with a transcendental function computes in double.
/// </summary>
internal static class SinglePrecisionAnalysis
{
    private const int NotExact = -1;

    public static bool IsExactInSingle(FormulaNode formula) => RoundingDepth(formula) is 0 or 1;

    // How many roundings lie on the worst path to this node when computed in float, or NotExact.
    private static int RoundingDepth(FormulaNode node)
    {
        switch (node)
        {
            case ConstantNode c:
                return (double)(float)c.Value == c.Value || double.IsNaN(c.Value) ? 0 : NotExact;
            case ElementNode or ParameterNode or BooleanConstantNode:
                return 0;
            case UnaryNode u:
                return RoundingDepth(u.Operand);
            case BinaryNode b when b.Operator.IsArithmetic():
                return RoundingDepth(b.Left) == 0 && RoundingDepth(b.Right) == 0 ? 1 : NotExact;
            case BinaryNode b when b.Operator.IsComparison():
                return RoundingDepth(b.Left) == 0 && RoundingDepth(b.Right) == 0 ? 0 : NotExact;
            case BinaryNode b:
                return Worst(RoundingDepth(b.Left), RoundingDepth(b.Right));
            case ConditionalNode c:
                return RoundingDepth(c.Condition) == 0 ? Worst(RoundingDepth(c.WhenTrue), RoundingDepth(c.WhenFalse)) : NotExact;
            case CallNode { Function: Primitive.Sqrt } call:
                return RoundingDepth(call.Arguments[0]) == 0 ? 1 : NotExact;
            case CallNode { Function: Primitive.Abs or Primitive.Max or Primitive.Min or Primitive.CopySign } call:
                int depth = 0;
                foreach (FormulaNode argument in call.Arguments)
                {
                    depth = Worst(depth, RoundingDepth(argument));
                }

                return depth;
            default:
                return NotExact;
        }
    }

    private static int Worst(int a, int b) => a == NotExact || b == NotExact ? NotExact : System.Math.Max(a, b);
}
