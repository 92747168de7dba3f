using Activations.Generator.Formula;

namespace Activations.Generator.Emit;

/// <summary>
/// Decides whether a formula can run natively in <see cref="float"/> and stay within one ULP of the stub's
/// double result rounded to float. That holds when every path from the inputs to the result goes through at
/// most one rounding step, everything else being exact and monotonic (negation, Abs, Max/Min, CopySign,
/// selects), comparisons see exact operands, and every constant is a float. A rounding step is + - * / or Sqrt
/// of float inputs (double rounding leaves those correctly rounded: exact), or a math-core function applied to
/// exact float inputs (its float overload is within one ULP, as its tests measure on every reference row).
/// Scaling by a power of two no larger than one (<c>* 0.5</c>, <c>/ 4</c>) adds no rounding step but in the subnormals,
/// where the value's own error scales down with it. A product with a constant that is no float is not taken here: only a
/// SingleFormula puts one in float lanes, where the emitter multiplies it as a float pair (<see cref="ConstantPairs"/>).
/// Relu, relu6, leaky_relu, hard_tanh, linear, tanh, exponential, sigmoid and sparse_sigmoid qualify, and run at full float width
/// (as does <c>VectorMath.Mish(x)</c>, mish's float formula); anything that rounds twice on a path computes in double and rounds once at the end.
/// </summary>
internal static class SinglePrecisionAnalysis
{
    private const int NotExact = -1;

    public static bool RunsNativelyInSingle(FormulaNode formula) => RoundingDepth(formula) is 0 or 1;

    /// <summary>Whether float lanes compute the node with no rounding at all (the element, float constants, exact operations).</summary>
    public static bool IsExactInSingle(FormulaNode node) => RoundingDepth(node) == 0;

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
            // Float lanes compute a product with a sigmoid as one operation (VectorMath.MultiplyBySigmoid), rounded once.
            case BinaryNode b when SigmoidExpansion.IsProductWithSigmoid(b, out FormulaNode factor, out FormulaNode argument):
                return RoundingDepth(factor) == 0 && RoundingDepth(argument) == 0 ? 1 : NotExact;
            // Scaling by a power of two no larger than 1 is exact but in the subnormals, where it rounds once; a value already
            // within one rounding stays within one ULP of the correctly rounded result there (its error scales down with it).
            case BinaryNode b when ScalesDownByPowerOfTwo(b) is FormulaNode scaled:
                return RoundingDepth(scaled) is 0 or 1 ? 1 : NotExact;
            case BinaryNode b when b.Operator.IsArithmetic():
                return RoundingDepth(b.Left) == 0 && RoundingDepth(b.Right) == 0 ? 1 : NotExact;
            case BinaryNode b when b.Operator.IsComparison():
                return RoundingDepth(b.Left) == 0 && RoundingDepth(b.Right) == 0 ? 0 : NotExact;
            case BinaryNode b:
                return Worst(RoundingDepth(b.Left), RoundingDepth(b.Right));
            case ConditionalNode c:
                return RoundingDepth(c.Condition) == 0 ? Worst(RoundingDepth(c.WhenTrue), RoundingDepth(c.WhenFalse)) : NotExact;
            case CallNode { Function: Primitive.Sqrt or Primitive.Exp or Primitive.Expm1 or Primitive.Log or Primitive.Log1p
                or Primitive.Tanh or Primitive.Erf or Primitive.Erfc or Primitive.Sigmoid or Primitive.Silu or Primitive.Mish
                or Primitive.GeluApproximate or Primitive.Softplus or Primitive.Gelu or Primitive.HardSigmoid or Primitive.HardSilu
                or Primitive.Softsign or Primitive.SparsePlus or Primitive.TanhShrink } call:
                return RoundingDepth(call.Arguments[0]) == 0 ? 1 : NotExact;
            case CallNode { Function: Primitive.Celu or Primitive.Squareplus } call:
                return RoundingDepth(call.Arguments[0]) == 0 && RoundingDepth(call.Arguments[1]) == 0 ? 1 : NotExact;
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

    // y of y * 2^-k or 2^-k * y, or y / 2^k (k >= 0, either sign), else null.
    private static FormulaNode? ScalesDownByPowerOfTwo(BinaryNode b) => b switch
    {
        { Operator: BinaryOperator.Multiply, Right: ConstantNode c } when IsPowerOfTwo(c.Value, atMostOne: true) => b.Left,
        { Operator: BinaryOperator.Multiply, Left: ConstantNode c } when IsPowerOfTwo(c.Value, atMostOne: true) => b.Right,
        { Operator: BinaryOperator.Divide, Right: ConstantNode c } when IsPowerOfTwo(c.Value, atMostOne: false) => b.Left,
        _ => null,
    };

    private static bool IsPowerOfTwo(double value, bool atMostOne)
    {
        double magnitude = System.Math.Abs(value);
        if (magnitude == 0 || double.IsInfinity(magnitude) || double.IsNaN(magnitude) || (atMostOne ? magnitude > 1 : magnitude < 1))
        {
            return false;
        }

        long bits = System.BitConverter.DoubleToInt64Bits(magnitude);
        return (bits & 0xFFFFFFFFFFFFFL) == 0 && magnitude >= 1e-30 && magnitude <= 1e30; // no mantissa bits; a float too
    }

    private static int Worst(int a, int b) => a == NotExact || b == NotExact ? NotExact : System.Math.Max(a, b);
}
