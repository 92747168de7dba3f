namespace Activations.Generator.Formula;

/// <summary>The one-operand operators of the formula IR.</summary>
internal enum UnaryOperator
{
    /// <summary>Arithmetic negation (flips the sign bit: -0 from +0).</summary>
    Negate,

    /// <summary>Logical not.</summary>
    Not,
}

/// <summary>The two-operand operators of the formula IR.</summary>
internal enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Equal,
    NotEqual,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
    And,
    Or,
}

/// <summary>The math functions a formula may call, whatever class it named them through.</summary>
internal enum Primitive
{
    Exp,
    Expm1,
    Log,
    Log1p,
    Tanh,
    Erf,
    Erfc,
    Sqrt,
    Abs,
    Max,
    Min,
    CopySign,

    /// <summary>The logistic sigmoid 1 / (1 + e^-x) (VectorMath.Sigmoid): a math-core function in float lanes (SigmoidForHalf in Half kernels), written out in double.</summary>
    Sigmoid,

    /// <summary>a · sigmoid(x) rounded once (VectorMath.MultiplyBySigmoid): what float lanes compute for a product with a sigmoid; never parsed.</summary>
    MultiplyBySigmoid,

    /// <summary>silu(x) = x sigmoid(x), x clamped at -10³⁰ (VectorMath.Silu): a math-core function in float lanes, written out elsewhere.</summary>
    Silu,

    /// <summary>mish(x) = x tanh(softplus(x)) (VectorMath.Mish): a math-core function in float lanes, written out elsewhere.</summary>
    Mish,

    /// <summary>gelu's tanh form x sigmoid(2√(2/π) (x + 0.044715 x³)) (VectorMath.GeluApproximate): a math-core function in float lanes, written out elsewhere.</summary>
    GeluApproximate,

    /// <summary>softplus(x) = max(x, 0) + log1p(e^-|x|) (VectorMath.Softplus): a math-core function in float lanes, written out elsewhere.</summary>
    Softplus,

    /// <summary>gelu's exact form x Φ(x) = 0.5 x erfc(-x/√2) (VectorMath.Gelu): a math-core function in float lanes, written out elsewhere.</summary>
    Gelu,

    /// <summary>hard_sigmoid(x) = min(max((x + 3) / 6, 0), 1) (VectorMath.HardSigmoid): a math-core function in float lanes, written out elsewhere.</summary>
    HardSigmoid,

    /// <summary>hard_silu(x) = x hard_sigmoid(x) (VectorMath.HardSilu): a math-core function in float lanes, written out elsewhere.</summary>
    HardSilu,

    /// <summary>softsign(x) = x / (|x| + 1), ±1 beyond 2^60 (VectorMath.Softsign): a math-core function in float lanes, written out elsewhere.</summary>
    Softsign,

    /// <summary>sparse_plus(x) = (x + 1)² / 4 on (-1, 1) (VectorMath.SparsePlus): a math-core function in float lanes, written out elsewhere.</summary>
    SparsePlus,

    /// <summary>celu(x, alpha) = x &gt; 0 ? x : alpha expm1(x / alpha) (VectorMath.Celu): a math-core function in float lanes, written out elsewhere.</summary>
    Celu,

    /// <summary>squareplus(x, b) = (x + √(x² + b)) / 2 (VectorMath.Squareplus): a math-core function in float lanes, written out elsewhere.</summary>
    Squareplus,

    /// <summary>tanh_shrink(x) = x - tanh x (VectorMath.TanhShrink): a math-core function in float lanes, written out elsewhere.</summary>
    TanhShrink,

    /// <summary>A term only double results need (VectorMath.DoubleOnly): double kernels compute it, float and Half kernels leave it out.</summary>
    DoubleOnly,
}

/// <summary>Facts about the operators.</summary>
internal static class FormulaOperatorFacts
{
    /// <summary>Whether the operator yields a boolean.</summary>
    public static bool IsBoolean(this BinaryOperator op) => op >= BinaryOperator.Equal;

    /// <summary>Whether the operator is arithmetic (takes and yields numbers).</summary>
    public static bool IsArithmetic(this BinaryOperator op) => op <= BinaryOperator.Divide;

    /// <summary>Whether the operator compares two numbers (or, for == and !=, two booleans).</summary>
    public static bool IsComparison(this BinaryOperator op) => op >= BinaryOperator.Equal && op <= BinaryOperator.GreaterThanOrEqual;

    /// <summary>Whether the operator combines two booleans.</summary>
    public static bool IsLogical(this BinaryOperator op) => op == BinaryOperator.And || op == BinaryOperator.Or;

    /// <summary>Whether the primitive is one of the math core's transcendental functions (with a cheaper variant for float results).</summary>
    public static bool IsTranscendental(this Primitive function) => function <= Primitive.Erfc;

    /// <summary>How many arguments the primitive takes.</summary>
    public static int Arity(this Primitive function) => function is Primitive.Max or Primitive.Min or Primitive.CopySign or Primitive.MultiplyBySigmoid ? 2 : 1;
}
