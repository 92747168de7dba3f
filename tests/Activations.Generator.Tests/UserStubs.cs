namespace Activations.Generator.Tests;

/// <summary>User stubs the end-to-end tests compile with the generator, each exercising one feature.</summary>
internal static class UserStubs
{
    public const string Source = """
        using System;
        using Activations;

        namespace UserCode.Deep
        {
            public static partial class Outer
            {
                public static partial class Stubs
                {
                    private const double Half = 0.5;

                    /// <summary>Swish with a slope, calling the runtime's sigmoid (another assembly: a call, not inlined).</summary>
                    /// <param name="x">The input.</param>
                    /// <param name="beta">The slope, greater than zero.</param>
                    [Activation("user_swish_beta")]
                    public static double SwishBeta(double x, [Positive] double beta = 1.0) => x * Activation.Sigmoid(beta * x);

                    /// <summary>A logistic curve of this compilation, inlined by its callers.</summary>
                    [Activation("user_logistic")]
                    public static double Logistic(double x) => 1.0 / (1.0 + Math.Exp(-x));

                    /// <summary>Calls the stub above twice: both calls are inlined and share one exp.</summary>
                    [Activation("user_logistic_sum")]
                    public static double LogisticSum(double x) => x * Logistic(x) + Logistic(x);

                    /// <summary>A conditional: ELU.</summary>
                    [Activation("user_elu")]
                    public static double Elu(double x, [Positive] double alpha = 1.0) => x > 0 ? x : alpha * VectorMath.Expm1(x);

                    // The stub is the reference, so test formulas must be well conditioned: Keras's printed
                    // 0.5x(1 + tanh(u)) cancels for x < 0 and turns a 1-ULP difference between Math.Tanh and the
                    // math core into hundreds of ULPs. x * sigmoid(2u) is the same function without the cancellation.
                    /// <summary>A bool switch between two formulas, decided once per call.</summary>
                    [Activation("user_gelu")]
                    public static double Gelu(double x, bool approximate = false) => approximate
                        ? x * Logistic(1.5957691216057308 * (x + 0.044715 * (x * x * x)))
                        : Half * x * VectorMath.Erfc(-x * 0.7071067811865476);

                    /// <summary>A float formula of its own, deliberately different so a test can tell which one ran (with a switch, specialized in step).</summary>
                    [Activation("user_float_form", SingleFormula = nameof(FloatForm))]
                    public static double WithFloatForm(double x, bool negate = false, double a = 2.0) => (negate ? -x : x) * a + 1.0;

                    private static double FloatForm(double x, bool negate, double a) => (negate ? -x : x) * a - 1.0;

                    /// <summary>Pow with small integer exponents, expanded to multiplications.</summary>
                    [Activation("user_poly")]
                    public static double Poly(double x) => Math.Pow(x, 5) - 2 * Math.Pow(x, 2) + Math.Pow(x, 0) + Math.Pow(1.0 + x * x, -2);

                    /// <summary>Piecewise linear with a parameter: exact in float.</summary>
                    [Activation("user_leaky")]
                    public static double Leaky(double x, double slope = 0.2) => x >= 0 ? x : slope * x;

                    /// <summary>Piecewise linear: exact in float.</summary>
                    [Activation("user_hard_tanh")]
                    public static double HardTanh(double x) => Math.Clamp(x, -1.0, 1.0);

                    /// <summary>A term below float precision and a branch (1e300 is +inf in float, as e^x is) that only the double kernels compute.</summary>
                    [Activation("user_double_only")]
                    public static double DoubleOnlyTerm(double x) =>
                        x > 710.0 ? VectorMath.DoubleOnly(1e300) : Math.Exp(x) * (1.0 + VectorMath.DoubleOnly(1e-20 * Math.Clamp(x, -1.0, 1.0)));

                    /// <summary>Clamps against constants: non-zero bounds, +0 and -0; exact in float.</summary>
                    [Activation("user_bounds")]
                    public static double Bounds(double x) => x < 1.0 ? Math.Min(Math.Max(x, -2.5), 0.0) : Math.Max(x, -0.0);

                    /// <summary>Clamps against ±1e-50, which the float formula rounds to ±0.</summary>
                    [Activation("user_tiny_bounds", SingleFormula = nameof(TinyBounds))]
                    public static double TinyBounds(double x) => Math.Max(Math.Min(x, 1e-50), -1e-50);

                    /// <summary>One rounding scaled down by powers of two: exact in float but in the subnormals.</summary>
                    [Activation("user_scaled_down")]
                    public static double ScaledDown(double x) => x > 0.0 ? (x + 1.0) * 0.5 : (x - 3.0) / 4.0;

                    /// <summary>Scaled up by two (it could overflow after the rounding) and by 0.3 (a rounding of its own): double lanes.</summary>
                    [Activation("user_scaled_otherwise")]
                    public static double ScaledOtherwise(double x) => x > 0.0 ? (x + 1.0) * 2.0 : (x - 3.0) * 0.25 * 0.3;

                    /// <summary>Logical operators and a parameter range.</summary>
                    [Activation("user_window")]
                    public static double Window(double x, [Range(0.0, 10.0)] double width = 2.0, [NonNegative] double height = 1.0) =>
                        x > -width && x < width || x == 100 ? height : Math.Abs(x) - width;

                    /// <summary>Sqrt, CopySign, Min, Max and a uniform condition on a parameter.</summary>
                    [Activation("user_misc")]
                    public static double Misc(double x, double a = 1.5) =>
                        a > 1 ? Math.CopySign(Math.Sqrt(Math.Abs(x)), x) + Math.Min(x, a) : Math.Max(x, -a) * a;

                    /// <summary>Calls an inlined stub with a bool switch and a non-default argument; logs and log1p.</summary>
                    [Activation("user_composed")]
                    public static double Composed(double x, bool fast = true) =>
                        Gelu(x, !fast) + Math.Log(1.0 + x * x) + VectorMath.Log1p(Math.Exp(-Math.Abs(x)));

                    /// <summary>The math core's mish: float and double kernels call its lane forms, (FastHalf) Half kernels write it out.</summary>
                    [Activation("user_mish", FastHalf = true)]
                    public static double MishOfTheMathCore(double x) => VectorMath.Mish(x);

                    /// <summary>expm1 of a clamp at +0: float lanes call the math core's expm1 for non-positive arguments.</summary>
                    [Activation("user_clamped_expm1", SingleFormula = nameof(ClampedExpm1), FastHalf = true)]
                    public static double ClampedExpm1(double x) => VectorMath.Expm1(Math.Min(x, 0.0));

                    /// <summary>Constants that are no float (selu's): float lanes multiply each as a pair of floats, rounded once.</summary>
                    [Activation("user_pair_products", SingleFormula = nameof(PairProducts), FastHalf = true)]
                    public static double PairProducts(double x) =>
                        x > 0.0 ? 1.0507009873554805 * x : 1.7580993408473768 * VectorMath.Expm1(Math.Min(x, 0.0));

                    /// <summary>A negative constant that is no float: its pair has two negative parts, so that -0 gives +0.</summary>
                    [Activation("user_negative_pair", SingleFormula = nameof(NegativePair))]
                    public static double NegativePair(double x) => x * -0.3;

                    /// <summary>expm1 of a clamp at -1: the general expm1.</summary>
                    [Activation("user_clamped_below_expm1", SingleFormula = nameof(ClampedBelowExpm1))]
                    public static double ClampedBelowExpm1(double x) => VectorMath.Expm1(Math.Min(x, -1.0));

                    /// <summary>The math core's gelu tanh form: float kernels call its float-lane form, double kernels the double sigmoid core, Half kernels write it out.</summary>
                    [Activation("user_gelu_tanh")]
                    public static double GeluTanhOfTheMathCore(double x) => VectorMath.GeluApproximate(x);

                    /// <summary>The math core's silu: float kernels call its float-lane form (four vectors at a time in the Vector512 loop).</summary>
                    [Activation("user_silu")]
                    public static double SiluOfTheMathCore(double x) => VectorMath.Silu(x);

                    /// <summary>The math core's sigmoid, likewise.</summary>
                    [Activation("user_sigmoid")]
                    public static double SigmoidOfTheMathCore(double x) => VectorMath.Sigmoid(x);

                    /// <summary>The math core's exact gelu: float (and Half) kernels call its float-lane form, double kernels write it out.</summary>
                    [Activation("user_gelu_exact")]
                    public static double GeluOfTheMathCore(double x) => VectorMath.Gelu(x);

                    /// <summary>The math core's hard_sigmoid: float (and Half) kernels call its float-lane form, double kernels write it out.</summary>
                    [Activation("user_hard_sigmoid")]
                    public static double HardSigmoidOfTheMathCore(double x) => VectorMath.HardSigmoid(x);

                    /// <summary>The math core's hard_silu: float (and Half) kernels call its float-lane form, double kernels write it out.</summary>
                    [Activation("user_hard_silu")]
                    public static double HardSiluOfTheMathCore(double x) => VectorMath.HardSilu(x);

                    /// <summary>The math core's softsign: float (and Half) kernels call its float-lane form, double kernels write it out.</summary>
                    [Activation("user_softsign")]
                    public static double SoftsignOfTheMathCore(double x) => VectorMath.Softsign(x);

                    /// <summary>The math core's sparse_plus: float (and Half) kernels call its float-lane form, double kernels write it out.</summary>
                    [Activation("user_sparse_plus")]
                    public static double SparsePlusOfTheMathCore(double x) => VectorMath.SparsePlus(x);

                    /// <summary>The math core's celu, a function of the element and a parameter: float lanes call it, double and Half write it out.</summary>
                    [Activation("user_celu")]
                    public static double CeluOfTheMathCore(double x, [Positive] double alpha = 1.0) => VectorMath.Celu(x, alpha);

                    /// <summary>The math core's squareplus, a function of the element and a parameter: float and double lanes call it, Half kernels run the float one.</summary>
                    [Activation("user_squareplus")]
                    public static double SquareplusOfTheMathCore(double x, [NonNegative] double b = 4.0) => VectorMath.Squareplus(x, b);

                    /// <summary>The math core's tanh_shrink: float and double lanes call it, Half kernels run the float one.</summary>
                    [Activation("user_tanh_shrink")]
                    public static double TanhShrinkOfTheMathCore(double x) => VectorMath.TanhShrink(x);

                    /// <summary>The math core's softplus: float kernels call its float-lane form, double and (FastHalf) Half kernels write it out.</summary>
                    [Activation("user_softplus", FastHalf = true)]
                    public static double SoftplusOfTheMathCore(double x) => VectorMath.Softplus(x);

                    /// <summary>Calls a runtime stub with a bool argument passed through, and an element-dependent select inside.</summary>
                    [Activation("user_relu_mix")]
                    public static double ReluMix(double x, bool negate = false) => negate ? -Activation.Relu(x) : Activation.Relu(-x) * x;

                    /// <summary>The identity where its switch is off: that case's span kernels copy.</summary>
                    [Activation("user_maybe_identity")]
                    public static double MaybeIdentity(double x, bool twice = false) => twice ? 2.0 * x : x;
                }
            }
        }

        public static partial class GlobalStubs
        {
            /// <summary>A stub in the global namespace.</summary>
            [Activation("user_global_square")]
            internal static double Square(double v) => v * v;
        }
        """;
}
