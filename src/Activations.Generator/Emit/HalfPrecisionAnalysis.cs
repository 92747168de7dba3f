using System;
using System.Collections.Generic;
using Activations.Generator.Formula;

namespace Activations.Generator.Emit;

/// <summary>
/// Decides whether a formula's Half kernel may compute natively in <see cref="float"/> lanes with the math
/// core's cheap <c>…ForHalf</c> functions (relative error 2^-16) and still land within one Half ULP of the true
/// result. It bounds, for every node and every finite Half input, the value's range and its error as a relative
/// part (in float arithmetic each + - * / adds one rounding, 2^-24) and an absolute part (float underflow, the
/// exp flush), and accepts when the result's relative error is at most 2^-13 (a quarter of a Half ULP, whose
/// relative size is at least 2^-11) and its absolute error at most 2^-26 (a quarter of Half's smallest ULP, 2^-24).
/// The rules are conservative, and anything unknown means no:
/// <list type="bullet">
/// <item>Nothing may cancel: + only of operands of one sign, - only of opposite signs (exact operands excepted).
/// The signs come from interval arithmetic, refined in the branches of conditions like <c>x &gt;= 0.0</c>;
/// branches no input reaches are ignored.</item>
/// <item>No intermediate may exceed float's range on finite Half inputs (double's would not), and a divisor's
/// range must exclude zero.</item>
/// <item>Math functions only where their condition number is bounded on the argument's range: exp (its
/// argument's magnitude, capped where e^x underflows), expm1 and tanh (at most 1 for expm1 on x ≤ 0), log1p of
/// a non-negative argument, sqrt; log and the error functions never (no …ForHalf version, unbounded conditioning).</item>
/// <item>Conditions must compare exact values, so that float takes the branch double takes.</item>
/// </list>
/// Sigmoid, tanh, silu, mish, softplus, log_sigmoid, elu and selu qualify; tanh_shrink (x - tanh x cancels),
/// squareplus (divides by x), celu (x / alpha may overflow) and gelu (double-specific splits, erfc) do not.
/// </summary>
internal static class HalfPrecisionAnalysis
{
    /// <summary>The accuracy every <c>…ForHalf</c> function meets (tests/Activations.Runtime.Tests/Math/ForHalfAccuracyTests.cs).</summary>
    public const double PrimitiveRelativeError = 1.0 / 65536;

    private const double Rounding = 1.0 / 16777216;                 // one float rounding, 2^-24
    private const double SubnormalRounding = 7.006492321624085e-46; // 2^-150: a float result below 2^-126 is rounded absolutely
    private const double SmallestNormalSingle = 1.1754943508222875e-38;
    private const double ExpFlushError = 4.70197740328915e-38;       // 2^-124: ExpForHalf's zero below e^-86.5
    private const double ExpFlushBound = -86.5;
    private const double ExpUnderflowBound = -104.0;                // e^x rounds to zero in float below this
    private const double LargestSingle = 3.4028234663852886e38;
    private const double LnLargestSingle = 88.72283905206835;
    private const double LargestHalf = 65504.0;
    private const double SmallestHalf = 5.9604644775390625e-8;      // 2^-24, the smallest positive Half
    private const double RelativeBudget = 1.0 / 8192;               // 2^-13
    private const double AbsoluteBudget = 1.0 / 67108864;           // 2^-26

    /// <summary>The functions that have a <c>…ForHalf</c> version in the math core.</summary>
    public static bool HasHalfVersion(Primitive function) =>
        function is Primitive.Exp or Primitive.Expm1 or Primitive.Tanh or Primitive.Log1p;

    /// <summary>
    /// Whether <paramref name="formula"/> computed in float lanes stays within one Half ULP for every Half input.
    /// <paramref name="parameterRange"/> gives each parameter's possible values (from its constraint attribute).
    /// </summary>
    public static bool RunsNativelyForHalf(FormulaNode formula, Func<int, (double Low, double High)> parameterRange)
    {
        var analysis = new Analysis(parameterRange);
        // A sigmoid is analysed written out (exp and one division): VectorMath.SigmoidForHalf, which Half operators call, is
        // more accurate than that bound (one exp polynomial and one quotient: 2^-18.0 measured).
        return analysis.Number(SigmoidExpansion.Expand(formula), new Interval(-LargestHalf, LargestHalf)) is { } result
            && result.Relative <= RelativeBudget
            && result.Absolute <= AbsoluteBudget;
    }

    /// <summary>The inputs' range in one branch: the element's values (closed bounds, a conservative widening of strict comparisons).</summary>
    private readonly record struct Interval(double Low, double High)
    {
        public bool IsEmpty => Low > High;
    }

    /// <summary>
    /// What is known of a computed number: its exact value lies in [Low, High]; the float value differs from it by at
    /// most Relative * |value| + Absolute; Tiny is a lower bound of its nonzero magnitudes.
    /// </summary>
    private readonly record struct Bound(double Low, double High, double Relative, double Absolute, double Tiny)
    {
        public double Magnitude => Math.Max(Math.Abs(Low), Math.Abs(High));

        public double SmallestMagnitude => Low > 0 ? Low : High < 0 ? -High : 0;

        public bool IsExact => Relative == 0 && Absolute == 0;

        public bool NonNegative => Low >= 0;

        public bool NonPositive => High <= 0;
    }

    private sealed class Analysis
    {
        private readonly Func<int, (double Low, double High)> _parameterRange;

        public Analysis(Func<int, (double Low, double High)> parameterRange) => _parameterRange = parameterRange;

        public Bound? Number(FormulaNode node, Interval element)
        {
            Bound? bound = NumberUnchecked(node, element);
            return bound is { } b && b.Magnitude <= LargestSingle && !double.IsNaN(b.Low) && !double.IsNaN(b.High) ? b : null;
        }

        private Bound? NumberUnchecked(FormulaNode node, Interval element)
        {
            switch (node)
            {
                case ConstantNode c when !double.IsNaN(c.Value) && !double.IsInfinity(c.Value):
                    return new Bound(c.Value, c.Value, (double)(float)c.Value == c.Value ? 0 : Rounding, 0, c.Value == 0 ? LargestSingle : Math.Abs(c.Value));
                case ElementNode:
                    return new Bound(element.Low, element.High, 0, 0, SmallestHalf);
                case ParameterNode p when !p.IsSwitch:
                    (double low, double high) = _parameterRange(p.Index);
                    return new Bound(low, high, 0, 0, double.Epsilon);
                case UnaryNode { Operator: UnaryOperator.Negate } u:
                    return Number(u.Operand, element) is { } operand ? Negate(operand) : null;
                case BinaryNode { Operator: BinaryOperator.Add } b:
                    return Sum(Number(b.Left, element), Number(b.Right, element));
                case BinaryNode { Operator: BinaryOperator.Subtract } b:
                    return Sum(Number(b.Left, element), Number(b.Right, element) is { } right ? Negate(right) : null);
                case BinaryNode { Operator: BinaryOperator.Multiply } b when b.Left.Equals(b.Right):
                    return Number(b.Left, element) is { } factor ? Square(factor) : null;
                case BinaryNode { Operator: BinaryOperator.Multiply } b:
                    return Product(Number(b.Left, element), Number(b.Right, element));
                case BinaryNode { Operator: BinaryOperator.Divide } b:
                    return Quotient(Number(b.Left, element), Number(b.Right, element));
                case ConditionalNode c:
                    return Select(c, element);
                case CallNode call:
                    return Call(call, element);
                default:
                    return null; // stub calls of other assemblies, and anything new
            }
        }

        private static Bound Negate(Bound b) => new(-b.High, -b.Low, b.Relative, b.Absolute, b.Tiny);

        private static Bound? Sum(Bound? left, Bound? right)
        {
            if (left is not { } a || right is not { } b)
            {
                return null;
            }

            (double low, double high) = (a.Low + b.Low, a.High + b.High);
            if (a.IsExact && b.IsExact)
            {
                // One rounding. Exact operands may cancel, but a nonzero sum is still a multiple of the finer operand's ULP.
                return new Bound(low, high, Rounding, 0, Math.Min(a.Tiny, b.Tiny) * Rounding);
            }

            // Operands of one sign: the relative errors do not grow, whatever the magnitudes.
            bool oneSign = (a.NonNegative && b.NonNegative) || (a.NonPositive && b.NonPositive);
            return oneSign
                ? new Bound(low, high, Math.Max(a.Relative, b.Relative) + Rounding, a.Absolute + b.Absolute, Math.Min(a.Tiny, b.Tiny))
                : null;
        }

        private static Bound? Product(Bound? left, Bound? right)
        {
            if (left is not { } a || right is not { } b)
            {
                return null;
            }

            double[] corners = { a.Low * b.Low, a.Low * b.High, a.High * b.Low, a.High * b.High };
            double tiny = a.Tiny * b.Tiny;
            return new Bound(
                Min(corners), Max(corners),
                a.Relative + b.Relative + (a.Relative * b.Relative) + (IsPowerOfTwo(a) || IsPowerOfTwo(b) ? 0 : Rounding),
                (a.Absolute * b.Magnitude) + (b.Absolute * a.Magnitude) + (a.Absolute * b.Absolute) + UnderflowError(tiny),
                tiny);
        }

        // Multiplying by a power of two is exact (short of underflow).
        private static bool IsPowerOfTwo(Bound b) =>
            b.IsExact && b.Low == b.High && b.Low != 0 && Math.Abs(b.Low) == Math.Pow(2, Math.Round(Math.Log(Math.Abs(b.Low), 2)));

        // A product or quotient that may be a float subnormal is rounded to a multiple of 2^-149.
        private static double UnderflowError(double tiny) => tiny < SmallestNormalSingle ? SubnormalRounding : 0;

        // x * x: the product of two independent ranges, but never negative.
        private static Bound? Square(Bound a)
        {
            Bound square = Product(a, a)!.Value;
            double low = a.NonNegative || a.NonPositive ? a.SmallestMagnitude * a.SmallestMagnitude : 0;
            return square with { Low = low };
        }

        private static Bound? Quotient(Bound? left, Bound? right)
        {
            if (left is not { } a || right is not { } b)
            {
                return null;
            }

            double smallest = b.SmallestMagnitude;
            if (smallest == 0 || b.Absolute > smallest / 4 || b.Relative > 0.25)
            {
                return null; // the divisor may be zero, or its error may be comparable to it
            }

            double[] corners = { a.Low / b.Low, a.Low / b.High, a.High / b.Low, a.High / b.High };
            double divisorRelative = b.Relative + (b.Absolute / smallest); // at most 1/2 + 1/2 is excluded above
            double tiny = a.Tiny / b.Magnitude;
            return new Bound(
                Min(corners), Max(corners),
                a.Relative + (divisorRelative / (1 - divisorRelative)) + (a.Relative * divisorRelative / (1 - divisorRelative)) + Rounding,
                (a.Absolute / smallest) + (2 * a.Magnitude * b.Absolute / (smallest * smallest)) + UnderflowError(tiny),
                tiny);
        }

        // A select: each branch under the element's range refined by the condition; branches no input reaches are ignored.
        private Bound? Select(ConditionalNode c, Interval element)
        {
            if (!ConditionIsExact(c.Condition, element))
            {
                return null;
            }

            Interval whenTrue = Refine(c.Condition, element, true);
            Interval whenFalse = Refine(c.Condition, element, false);
            Bound? a = whenTrue.IsEmpty ? null : Number(c.WhenTrue, whenTrue);
            Bound? b = whenFalse.IsEmpty ? null : Number(c.WhenFalse, whenFalse);
            if ((!whenTrue.IsEmpty && a is null) || (!whenFalse.IsEmpty && b is null))
            {
                return null;
            }

            return a is not { } x ? b : b is not { } y ? a : Union(x, y);
        }

        private static Bound Union(Bound a, Bound b) => new(
            Math.Min(a.Low, b.Low), Math.Max(a.High, b.High), Math.Max(a.Relative, b.Relative), Math.Max(a.Absolute, b.Absolute), Math.Min(a.Tiny, b.Tiny));

        // Float takes the branch double takes when every comparison sees exact values.
        private bool ConditionIsExact(FormulaNode condition, Interval element) => condition switch
        {
            BooleanConstantNode => true,
            ParameterNode { IsSwitch: true } => true,
            UnaryNode { Operator: UnaryOperator.Not } u => ConditionIsExact(u.Operand, element),
            BinaryNode { Left.IsBoolean: true } b => ConditionIsExact(b.Left, element) && ConditionIsExact(b.Right, element),
            BinaryNode b when b.Operator.IsComparison() => Number(b.Left, element) is { IsExact: true } && Number(b.Right, element) is { IsExact: true },
            _ => false,
        };

        // The element's range where the condition has the given value (comparisons of the element with a constant).
        private static Interval Refine(FormulaNode condition, Interval element, bool value)
        {
            switch (condition)
            {
                case BooleanConstantNode b:
                    return b.Value == value ? element : new Interval(1, 0);
                case UnaryNode { Operator: UnaryOperator.Not } u:
                    return Refine(u.Operand, element, !value);
                case BinaryNode { Operator: BinaryOperator.And } b when value:
                    return Refine(b.Right, Refine(b.Left, element, true), true);
                case BinaryNode { Operator: BinaryOperator.Or } b when !value:
                    return Refine(b.Right, Refine(b.Left, element, false), false);
                case BinaryNode { Left: ElementNode, Right: ConstantNode c } b when b.Operator.IsComparison():
                    return Compare(element, b.Operator, c.Value, value);
                case BinaryNode { Left: ConstantNode c, Right: ElementNode } b when b.Operator.IsComparison():
                    return Compare(element, Mirror(b.Operator), c.Value, value);
                default:
                    return element;
            }
        }

        // The element's range where (x op c) == value. NaN inputs take the false branch, but propagate through either.
        private static Interval Compare(Interval x, BinaryOperator op, double c, bool value)
        {
            BinaryOperator effective = value ? op : Negation(op);
            return effective switch
            {
                BinaryOperator.GreaterThan or BinaryOperator.GreaterThanOrEqual => new Interval(Math.Max(x.Low, c), x.High),
                BinaryOperator.LessThan or BinaryOperator.LessThanOrEqual => new Interval(x.Low, Math.Min(x.High, c)),
                BinaryOperator.Equal => new Interval(Math.Max(x.Low, c), Math.Min(x.High, c)),
                _ => x,
            };
        }

        private static BinaryOperator Negation(BinaryOperator op) => op switch
        {
            BinaryOperator.GreaterThan => BinaryOperator.LessThanOrEqual,
            BinaryOperator.GreaterThanOrEqual => BinaryOperator.LessThan,
            BinaryOperator.LessThan => BinaryOperator.GreaterThanOrEqual,
            BinaryOperator.LessThanOrEqual => BinaryOperator.GreaterThan,
            BinaryOperator.Equal => BinaryOperator.NotEqual,
            _ => BinaryOperator.Equal,
        };

        private static BinaryOperator Mirror(BinaryOperator op) => op switch
        {
            BinaryOperator.GreaterThan => BinaryOperator.LessThan,
            BinaryOperator.GreaterThanOrEqual => BinaryOperator.LessThanOrEqual,
            BinaryOperator.LessThan => BinaryOperator.GreaterThan,
            BinaryOperator.LessThanOrEqual => BinaryOperator.GreaterThanOrEqual,
            _ => op,
        };

        private Bound? Call(CallNode call, Interval element)
        {
            var arguments = new List<Bound>();
            foreach (FormulaNode argument in call.Arguments)
            {
                if (Number(argument, element) is not { } bound)
                {
                    return null;
                }

                arguments.Add(bound);
            }

            Bound a = arguments[0];
            switch (call.Function)
            {
                case Primitive.Abs:
                    return a.NonNegative ? a : a.NonPositive ? Negate(a) : a with { Low = 0, High = a.Magnitude };
                case Primitive.Max or Primitive.Min:
                    Bound b = arguments[1];
                    bool max = call.Function == Primitive.Max;
                    var range = (Low: max ? Math.Max(a.Low, b.Low) : Math.Min(a.Low, b.Low), High: max ? Math.Max(a.High, b.High) : Math.Min(a.High, b.High));
                    if (a.IsExact && b.IsExact)
                    {
                        return new Bound(range.Low, range.High, 0, 0, Math.Min(a.Tiny, b.Tiny));
                    }

                    // Max and Min move no value by more than their operands' errors, and a relative error never flips a sign: the
                    // chosen operand's error is relative to the result unless an absolute error could pick the wrong sign.
                    bool oneSign = (a.NonNegative && b.NonNegative) || (a.NonPositive && b.NonPositive);
                    return oneSign || (a.Absolute == 0 && b.Absolute == 0)
                        ? new Bound(range.Low, range.High, 2 * Math.Max(a.Relative, b.Relative), Math.Max(a.Absolute, b.Absolute), Math.Min(a.Tiny, b.Tiny))
                        : null;
                case Primitive.CopySign:
                    Bound sign = arguments[1];
                    return sign.IsExact || sign.Low > 0 || sign.High < 0
                        ? a with { Low = -a.Magnitude, High = a.Magnitude }
                        : null;
                case Primitive.Sqrt when a.NonNegative:
                    if (a.Absolute > 0 && a.Low == 0)
                    {
                        return null;
                    }

                    return new Bound(
                        Math.Sqrt(a.Low), Math.Sqrt(a.High), (a.Relative / 2) + Rounding,
                        a.Absolute > 0 ? a.Absolute / (2 * Math.Sqrt(a.Low)) : 0, Math.Sqrt(a.Tiny));
                case Primitive.Exp when a.High <= LnLargestSingle && a.Absolute <= 1.0 / 1024:
                    // Condition number |x|, but only where e^x does not underflow (below that the error is absolute and tiny).
                    double conditioning = a.High < ExpUnderflowBound ? 0 : Math.Max(Math.Abs(Math.Max(a.Low, ExpUnderflowBound)), Math.Abs(a.High));
                    return new Bound(
                        Math.Exp(a.Low), Math.Exp(a.High),
                        PrimitiveRelativeError + (conditioning * a.Relative) + (2 * a.Absolute),
                        a.Low < ExpFlushBound ? ExpFlushError : 0,
                        Math.Exp(a.Low));
                case Primitive.Expm1 when a.High <= LnLargestSingle:
                    // Condition number x e^x / (e^x - 1): at most 1 for x ≤ 0, at most 1 + x above. Subnormal arguments lose bits.
                    return new Bound(
                        Expm1(a.Low), Expm1(a.High),
                        PrimitiveRelativeError + (Math.Max(1, 1 + a.High) * a.Relative),
                        (Math.Exp(a.High) * a.Absolute) + (a.Tiny < 2 * SmallestNormalSingle ? SubnormalRounding * 2 : 0),
                        a.Tiny / 2);
                case Primitive.Tanh:
                    // Condition number 2x / sinh 2x ≤ 1 and derivative ≤ 1.
                    return new Bound(Math.Tanh(a.Low), Math.Tanh(a.High), PrimitiveRelativeError + a.Relative, a.Absolute, Math.Tanh(a.Tiny));
                case Primitive.Log1p when a.NonNegative:
                    // Condition number x / ((1 + x) ln(1 + x)) ≤ 1 and derivative ≤ 1 for x ≥ 0.
                    return new Bound(Log1p(a.Low), Log1p(a.High), PrimitiveRelativeError + a.Relative, a.Absolute, Log1p(a.Tiny));
                default:
                    return null; // log, erf, erfc, and anything out of the ranges above
            }
        }

        private static double Expm1(double x) => Math.Abs(x) < 1e-5 ? x + (x * x / 2) : Math.Exp(x) - 1;

        private static double Log1p(double x) => x < 1e-5 ? x - (x * x / 2) : Math.Log(1 + x);

        private static double Min(double[] values)
        {
            double min = values[0];
            foreach (double v in values)
            {
                min = Math.Min(min, v);
            }

            return min;
        }

        private static double Max(double[] values)
        {
            double max = values[0];
            foreach (double v in values)
            {
                max = Math.Max(max, v);
            }

            return max;
        }
    }
}
