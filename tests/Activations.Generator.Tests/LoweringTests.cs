using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Activations.Generator.Tests;

/// <summary>What the lowering does to the text: inlining, common subexpressions, float-native formulas, switches.</summary>
public sealed class LoweringTests
{
    private static readonly IReadOnlyDictionary<string, string> s_generated = GeneratorHarness.Run(UserStubs.Source).Generated;

    private static string Generated(string method) => s_generated[$"UserCode.Deep.Outer.Stubs.{method}.g.cs"];

    // The body of one operator method, e.g. ("LogisticSumDoubleOperator", "Vector256<double> Invoke").
    private static string Body(string method, string operatorName, string signature)
    {
        string text = Generated(method);
        int start = text.IndexOf($"struct {operatorName} ", System.StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {operatorName}");
        int member = text.IndexOf(signature + "(", start, System.StringComparison.Ordinal);
        Assert.True(member >= 0, $"no {signature} in {operatorName}");
        int next = text.IndexOf("[MethodImpl", member, System.StringComparison.Ordinal);
        return text.Substring(member, (next < 0 ? text.Length : next) - member);
    }

    [Fact]
    public void AStubOfTheSameCompilationIsInlinedAndItsSharedWorkComputedOnce()
    {
        string body = Body("LogisticSum", "LogisticSumDoubleOperator", "public Vector256<double> Invoke");
        Assert.DoesNotContain("Logistic(", body);
        Assert.Single(Regex.Matches(body, @"VectorMath\.Exp\("));
        Assert.Contains("Vector256<double> t0 =", body);
    }

    [Fact]
    public void AStubOfAnotherAssemblyIsCalledThroughItsVectorOverload()
    {
        string body = Body("SwishBeta", "SwishBetaSingleOperator", "private Vector512<double> Compute");
        Assert.Contains("global::Activations.Activation.Sigmoid(Vector512.Create(_beta) * x)", body);
    }

    [Fact]
    public void FloatKernelsComputeInDoubleWithTheCheaperFunctionsUnlessTheFormulaIsExactInFloat()
    {
        Assert.Contains("ExpForSingle", Body("Logistic", "LogisticSingleOperator", "private Vector256<double> Compute"));
        Assert.DoesNotContain("ForSingle", Body("Logistic", "LogisticDoubleOperator", "public Vector256<double> Invoke"));
        Assert.Contains("public Vector256<float> Invoke", Generated("Leaky"));
        Assert.DoesNotContain("Widen", Generated("Leaky"));
        Assert.DoesNotContain("Widen", Generated("HardTanh"));
        Assert.DoesNotContain("Widen", Generated("Window")); // one rounding (|x| - width) on any path; comparisons of exact values
        Assert.Contains("Widen", Generated("Poly"));
        Assert.DoesNotContain("Widen", Generated("ScaledDown")); // a power of two at most 1 adds no rounding
        Assert.Contains("Widen", Generated("ScaledOtherwise"));
    }

    [Fact]
    public void AClampAgainstAConstantIsOneInstructionUnlessTheConstantIsNegativeZero()
    {
        const string Core = "global::Activations.VectorMath.";
        string wide = Body("Bounds", "BoundsDoubleOperator", "public Vector256<double> Invoke");
        Assert.Contains($"{Core}MinWithConstant({Core}MaxWithConstant(x, Vector256.Create(-2.5)), Vector256.Create(0.0))", wide);
        Assert.Contains($"{Core}Max(x, Vector256.Create(-0.0))", wide);
        string single = Body("Bounds", "BoundsSingleOperator", "public Vector256<float> Invoke");
        Assert.Contains($"{Core}MinWithConstant({Core}MaxWithConstant(x, Vector256.Create(-2.5f)), Vector256.Create(0f))", single);
        Assert.Contains($"{Core}Max(x, Vector256.Create(-0f))", single);

        // ±1e-50 are ±0 in float: Min against +0 is still one instruction, Max against -0 is not.
        string tinyWide = Body("TinyBounds", "TinyBoundsDoubleOperator", "public Vector256<double> Invoke");
        Assert.Contains($"{Core}MaxWithConstant({Core}MinWithConstant(x, Vector256.Create(1E-50)), Vector256.Create(-1E-50))", tinyWide);
        string tinySingle = Body("TinyBounds", "TinyBoundsSingleOperator", "public Vector256<float> Invoke");
        Assert.Contains($"{Core}Max({Core}MinWithConstant(x, Vector256.Create(0f)), Vector256.Create(-0f))", tinySingle);
    }

    [Fact]
    public void ADoubleOnlyTermIsComputedByTheDoubleKernelsAndLeftOutByTheFloatAndHalfKernels()
    {
        string wide = Body("DoubleOnlyTerm", "DoubleOnlyTermDoubleOperator", "public Vector256<double> Invoke");
        Assert.Contains("1E-20", wide);
        Assert.Contains("1E+300", wide);
        Assert.DoesNotContain("DoubleOnly(", Generated("DoubleOnlyTerm"));
        // Without its double-only terms the formula folds to exp(x) * 1: one rounding in float lanes, so a float kernel.
        string single = Body("DoubleOnlyTerm", "DoubleOnlyTermSingleOperator", "public Vector256<float> Invoke");
        Assert.Contains("global::Activations.VectorMath.Exp(x)", single);
        Assert.DoesNotContain("1E-20", single);
        Assert.DoesNotContain("710", single); // the conditional became its other branch
    }

    [Fact]
    public void TheMathCoresMishRunsInFloatAndDoubleLanesAndIsWrittenOutForHalf()
    {
        Assert.Contains("return global::Activations.VectorMath.Mish(x);", Body("MishOfTheMathCore", "MishOfTheMathCoreSingleOperator", "public Vector256<float> Invoke"));
        Assert.DoesNotContain("Widen", Generated("MishOfTheMathCore"));
        Assert.Contains("return global::Activations.VectorMath.Mish(x);", Body("MishOfTheMathCore", "MishOfTheMathCoreDoubleOperator", "public Vector256<double> Invoke"));
        string half = Body("MishOfTheMathCore", "MishOfTheMathCoreHalfOperator", "public Vector256<float> Invoke");
        Assert.DoesNotContain("Mish(", half);
        Assert.Contains("VectorMath.ExpForHalf(", half);
    }

    [Fact]
    public void Expm1OfAClampAtPositiveZeroRunsTheNonPositiveExpm1InFloatLanesOnly()
    {
        const string Core = "global::Activations.VectorMath.";
        string single = Body("ClampedExpm1", "ClampedExpm1SingleOperator", "public Vector256<float> Invoke");
        Assert.Contains($"{Core}Expm1OfMinWithZero(x)", single);
        Assert.Contains($"{Core}Expm1({Core}MinWithConstant(x, Vector256.Create(-1f)))", Body("ClampedBelowExpm1", "ClampedBelowExpm1SingleOperator", "public Vector256<float> Invoke"));
        string scalar = Body("ClampedExpm1", "ClampedExpm1SingleOperator", "public float Invoke");
        Assert.DoesNotContain("Expm1OfMinWithZero", scalar);
        Assert.DoesNotContain("Expm1OfMinWithZero", Body("ClampedExpm1", "ClampedExpm1DoubleOperator", "public Vector256<double> Invoke"));
        Assert.DoesNotContain("Expm1OfMinWithZero", Body("ClampedExpm1", "ClampedExpm1HalfOperator", "public Vector256<float> Invoke"));
    }

    [Fact]
    public void AConstantThatIsNoFloatMultipliesAsAPairOfFloatsInFloatLanes()
    {
        const string Core = "global::Activations.VectorMath.";
        string single = Body("PairProducts", "PairProductsSingleOperator", "public Vector256<float> Invoke");
        Assert.Contains($"{Core}MultiplyByPair(x, Vector256.Create(1.0507009f), Vector256.Create(8.441664E-08f))", single);
        Assert.Contains($"{Core}Expm1OfMinWithZeroTimesPair(x, Vector256.Create(1.7580993f), Vector256.Create(2.3296717E-08f))", single);
        string scalar = Body("PairProducts", "PairProductsSingleOperator", "public float Invoke");
        Assert.Contains("(float)(1.0507009873554805 * (double)x)", scalar);
        Assert.Contains($"(float)(1.7580993408473768 * {Core}Expm1ForSingle((double){Core}Min(x, 0f)))", scalar);
        Assert.DoesNotContain("Pair", Body("PairProducts", "PairProductsDoubleOperator", "public Vector256<double> Invoke"));
        Assert.DoesNotContain("Pair", Body("PairProducts", "PairProductsHalfOperator", "public Vector256<float> Invoke"));

        // -0.3 rounds up in magnitude to -0.3f: the high part is the float below it in magnitude, the low part negative too.
        string negative = Body("NegativePair", "NegativePairSingleOperator", "public Vector256<float> Invoke");
        Assert.Contains($"{Core}MultiplyByPair(x, Vector256.Create(-0.29999998f), Vector256.Create(-1.7881394E-08f))", negative);
    }

    [Theory]
    [InlineData(1.0507009873554805)]
    [InlineData(-0.3)]
    [InlineData(0.1)]
    [InlineData(1.7580993408473768)]
    [InlineData(-3.0e-20)]
    public void APairIsTheConstantRoundedTowardZeroAndTheRestOfTheSameSign(double constant)
    {
        (float high, float low) = Emit.ConstantPairs.Split(constant);
        Assert.True(System.Math.Abs((double)high) <= System.Math.Abs(constant), $"high {high:R} is above {constant:R}");
        Assert.True(System.Math.Sign(low) == System.Math.Sign(constant), $"low {low:R} has another sign than {constant:R}");
        Assert.True(System.Math.Abs((double)high - constant) < System.Math.Abs((double)high) * 1.2e-7, "high is more than an ULP off");
        Assert.True(System.Math.Abs(((double)high + low) - constant) <= System.Math.Abs(constant) * 1e-14, "the pair is not the constant");
    }

    [Theory]
    [InlineData("HardSigmoid", "/ Vector256.Create(6.0)")]
    [InlineData("HardSilu", "/ Vector256.Create(6.0)")]
    [InlineData("Softsign", " + Vector256.Create(1.0)")]
    [InlineData("SparsePlus", "* Vector256.Create(0.25)")]
    public void TheMathCoresArithmeticFunctionsRunInFloatLanesForFloatAndHalfAndAreWrittenOutForDouble(string function, string writtenOut)
    {
        string method = function + "OfTheMathCore";
        Assert.Contains($"return global::Activations.VectorMath.{function}(x);", Body(method, method + "SingleOperator", "public Vector256<float> Invoke"));
        Assert.DoesNotContain("Widen", Generated(method));
        string wide = Body(method, method + "DoubleOperator", "public Vector256<double> Invoke");
        Assert.DoesNotContain(function + "(", wide);
        Assert.Contains(writtenOut, wide);

        // No …ForHalf math to gain from: the Half kernel runs the float operator and settles ties with the double one.
        Assert.Contains($"HalfElementwiseLoop.Run(x, destination, new {method}SingleOperator(), new {method}DoubleOperator());", Generated(method));
        Assert.DoesNotContain("HalfOperator", Generated(method));
    }

    [Fact]
    public void TheMathCoresCeluTakesItsParameterInFloatLanesAndIsWrittenOutForDoubleAndHalf()
    {
        Assert.Contains("return global::Activations.VectorMath.Celu(x, Vector256.Create(_alpha));",
            Body("CeluOfTheMathCore", "CeluOfTheMathCoreSingleOperator", "public Vector256<float> Invoke"));
        Assert.Contains("return global::Activations.VectorMath.Celu(x, _alpha);",
            Body("CeluOfTheMathCore", "CeluOfTheMathCoreSingleOperator", "public float Invoke"));
        string wide = Body("CeluOfTheMathCore", "CeluOfTheMathCoreDoubleOperator", "public Vector256<double> Invoke");
        Assert.DoesNotContain("Celu(", wide);
        Assert.Contains("global::Activations.VectorMath.Expm1(x / Vector256.Create(_alpha))", wide);
    }

    [Fact]
    public void TheMathCoresSquareplusTakesItsParameterInFloatAndDoubleLanes()
    {
        // Float lanes and double lanes (the pairs of each, within 1 ULP with FMA); Half kernels run the float kernel.
        Assert.Contains("return global::Activations.VectorMath.Squareplus(x, Vector256.Create(_b));",
            Body("SquareplusOfTheMathCore", "SquareplusOfTheMathCoreSingleOperator", "public Vector256<float> Invoke"));
        Assert.Contains("return global::Activations.VectorMath.Squareplus(x, _b);",
            Body("SquareplusOfTheMathCore", "SquareplusOfTheMathCoreSingleOperator", "public float Invoke"));
        Assert.Contains("return global::Activations.VectorMath.Squareplus(x, Vector256.Create(_b));",
            Body("SquareplusOfTheMathCore", "SquareplusOfTheMathCoreDoubleOperator", "public Vector256<double> Invoke"));
        Assert.Contains("return global::Activations.VectorMath.Squareplus(x, _b);",
            Body("SquareplusOfTheMathCore", "SquareplusOfTheMathCoreDoubleOperator", "public double Invoke"));
    }

    [Fact]
    public void TheMathCoresTanhShrinkRunsInFloatAndDoubleLanes()
    {
        // Float lanes (tabulated intervals) and double lanes (pairs, within 1 ULP with FMA); Half kernels run the float kernel.
        Assert.Contains("return global::Activations.VectorMath.TanhShrink(x);",
            Body("TanhShrinkOfTheMathCore", "TanhShrinkOfTheMathCoreSingleOperator", "public Vector256<float> Invoke"));
        Assert.Contains("return global::Activations.VectorMath.TanhShrink(x);",
            Body("TanhShrinkOfTheMathCore", "TanhShrinkOfTheMathCoreDoubleOperator", "public Vector256<double> Invoke"));
    }

    [Fact]
    public void TheMathCoresSoftplusRunsInFloatLanesForFloatAndIsWrittenOutForDoubleAndHalf()
    {
        Assert.Contains("return global::Activations.VectorMath.Softplus(x);", Body("SoftplusOfTheMathCore", "SoftplusOfTheMathCoreSingleOperator", "public Vector256<float> Invoke"));
        Assert.DoesNotContain("Widen", Generated("SoftplusOfTheMathCore"));
        string wide = Body("SoftplusOfTheMathCore", "SoftplusOfTheMathCoreDoubleOperator", "public Vector256<double> Invoke");
        Assert.DoesNotContain("Softplus(", wide);
        Assert.Contains("VectorMath.Log1p(global::Activations.VectorMath.Exp(", wide);
        string half = Body("SoftplusOfTheMathCore", "SoftplusOfTheMathCoreHalfOperator", "public Vector256<float> Invoke");
        Assert.DoesNotContain("Softplus(", half);
        Assert.Contains("VectorMath.Log1pForHalf(global::Activations.VectorMath.ExpForHalf(", half);
    }

    [Fact]
    public void TheMathCoresGeluRunsInFloatLanesForFloatAndIsWrittenOutForDouble()
    {
        Assert.Contains("return global::Activations.VectorMath.Gelu(x);", Body("GeluOfTheMathCore", "GeluOfTheMathCoreSingleOperator", "public Vector256<float> Invoke"));
        Assert.DoesNotContain("Widen", Body("GeluOfTheMathCore", "GeluOfTheMathCoreSingleOperator", "public Vector256<float> Invoke"));
        string wide = Body("GeluOfTheMathCore", "GeluOfTheMathCoreDoubleOperator", "public Vector256<double> Invoke");
        Assert.DoesNotContain("Gelu(", wide);
        Assert.Contains("VectorMath.Erfc(", wide);
    }

    [Fact]
    public void DoubleKernelsComputeAProductWithASigmoidAsTheMathCoresCorrectedQuotient()
    {
        // VectorMath.MultiplyBySigmoid in double: within 1 ULP with FMA, where the written-out quotient reached 2.
        Assert.Contains("return global::Activations.VectorMath.Sigmoid(x);", Body("SigmoidOfTheMathCore", "SigmoidOfTheMathCoreDoubleOperator", "public Vector256<double> Invoke"));
        foreach (string stub in new[] { "SiluOfTheMathCore", "GeluTanhOfTheMathCore" })
        {
            foreach (string signature in new[] { "public double Invoke", "public Vector256<double> Invoke" })
            {
                string body = Body(stub, stub + "DoubleOperator", signature);
                Assert.Contains("global::Activations.VectorMath.MultiplyBySigmoid(", body);
                Assert.DoesNotContain("VectorMath.Exp(", body);
            }
        }
    }

    [Fact]
    public void AnIdentityCaseIsACopy()
    {
        // The switch's off case is x itself: its span kernels check the spans and copy (every bit, at the memory's speed).
        string text = Generated("MaybeIdentity");
        Assert.Equal(3, Regex.Matches(text, @"x\.CopyTo\(destination\);").Count);
        Assert.Equal(3, Regex.Matches(text, @"SpanChecks\.ThrowIfInvalidDestination\(x, destination\);").Count);
        Assert.Contains("HalfElementwiseLoop.Run(x, destination, new", text); // the doubling case still runs the loop
    }

    [Fact]
    public void PowIsExpandedToMultiplications()
    {
        string body = Body("Poly", "PolyDoubleOperator", "public double Invoke");
        Assert.DoesNotContain("Pow", body);
        Assert.Contains("x * x", body);
    }

    [Fact]
    public void ABoolSwitchIsDecidedOncePerCallOutsideTheLoop()
    {
        string text = Generated("Gelu");
        Assert.Contains("struct GeluSingleApproximateOperator", text);
        Assert.Contains("struct GeluSingleNotApproximateOperator", text);
        string approximate = Body("Gelu", "GeluDoubleApproximateOperator", "public Vector256<double> Invoke");
        Assert.Contains("VectorMath.Exp(", approximate);
        Assert.DoesNotContain("Erfc", approximate);
        Assert.DoesNotContain("approximate", approximate);
    }

    [Fact]
    public void AConditionOnParametersOnlyIsDecidedOncePerCallOutsideTheLoop()
    {
        string text = Generated("Misc");
        Assert.Contains("if (a > 1.0)", text);           // double kernel and overloads
        Assert.Contains("if ((double)a > 1.0)", text);   // float and Half: decided in double, as the stub does
        string whenTrue = Body("Misc", "MiscDoubleCase1Operator", "public Vector256<double> Invoke");
        string whenFalse = Body("Misc", "MiscDoubleCase2Operator", "public Vector256<double> Invoke");
        Assert.DoesNotContain("_a > ", whenTrue + whenFalse);
        Assert.Contains("Sqrt", whenTrue);
        Assert.DoesNotContain("Sqrt", whenFalse);
    }

    [Fact]
    public void FoldingAParameterConditionCanMakeACaseExactInFloat()
    {
        const string relu = """
            using System;
            using Activations;

            public static partial class R
            {
                [Activation("lowering_relu")]
                public static double Relu(double x, double negativeSlope = 0.0, double threshold = 0.0) =>
                    x > threshold ? x : negativeSlope == 0.0 ? 0.0 : negativeSlope * (x - threshold);
            }
            """;
        string text = GeneratorHarness.Run(relu).Generated["R.Relu.g.cs"];
        Assert.Contains("if ((double)negativeSlope == 0.0)", text);
        int slopeZero = text.IndexOf("struct ReluSingleCase1Operator", System.StringComparison.Ordinal);
        int slopeNonZero = text.IndexOf("struct ReluSingleCase2Operator", System.StringComparison.Ordinal);
        Assert.DoesNotContain("Widen", text.Substring(slopeZero, slopeNonZero - slopeZero));
        Assert.Contains("Widen", text.Substring(slopeNonZero));
    }

    private const string HalfStubs = """
        using System;
        using Activations;

        public static partial class H
        {
            [Activation("lowering_half_logistic")]
            public static double Logistic(double x) =>
                x >= 0.0 ? 1.0 / (1.0 + Math.Exp(-Math.Abs(x))) : Math.Exp(-Math.Abs(x)) / (1.0 + Math.Exp(-Math.Abs(x)));

            [Activation("lowering_half_shrink")]
            public static double Shrink(double x) => x - Math.Tanh(x);
        }
        """;

    [Fact]
    public void HalfKernelsOfFormulasThatCannotCancelComputeInFloatWithTheHalfMath()
    {
        IReadOnlyDictionary<string, string> generated = GeneratorHarness.Run(HalfStubs).Generated;
        string logistic = generated["H.Logistic.g.cs"];
        Assert.Contains("HalfElementwiseLoop.Run(x, destination, new LogisticHalfOperator());", logistic);
        Assert.Contains("computed natively in float with math accurate enough for Half", logistic);
        int half = logistic.IndexOf("struct LogisticHalfOperator", System.StringComparison.Ordinal);
        string halfOperator = logistic.Substring(half);
        Assert.Contains("public Vector256<float> Invoke(Vector256<float> x)", halfOperator);
        Assert.Contains("VectorMath.ExpForHalf(", halfOperator);
        Assert.DoesNotContain("Widen", halfOperator);
        Assert.DoesNotContain("double", halfOperator);

        // x - tanh(x) cancels near zero: its Half kernel keeps the float kernel (computed in double), with the double
        // operator to settle the floats that are Half ties.
        string shrink = generated["H.Shrink.g.cs"];
        Assert.Contains("HalfElementwiseLoop.Run(x, destination, new ShrinkSingleOperator(), new ShrinkDoubleOperator());", shrink);
        Assert.DoesNotContain("ForHalf", shrink);
    }

    private const string HalfTieStubs = """
        using System;
        using Activations;

        public static partial class T
        {
            [Activation("lowering_half_clip")]
            public static double Clip(double x) => Math.Min(Math.Max(x, 0.0), 6.0);

            [Activation("lowering_half_quadratic")]
            public static double Quadratic(double x) => x <= -1.0 ? 0.0 : x >= 1.0 ? x : (x + 1.0) * (x + 1.0) / 4.0;

            [Activation("lowering_half_quadratic_float", SingleFormula = nameof(QuadraticInSingle))]
            public static double QuadraticWithFloatFormula(double x) => x <= -1.0 ? 0.0 : x >= 1.0 ? x : (x + 1.0) * (x + 1.0) / 4.0;

            private static double QuadraticInSingle(double x) => VectorMath.SparsePlus(x);

            [Activation("lowering_half_tanh")]
            public static double Tangent(double x) => Math.Tanh(x);

            [Activation("lowering_half_tanh_fast", FastHalf = true)]
            public static double FastTangent(double x) => Math.Tanh(x);

            [Activation("lowering_half_tanh_halved_fast", FastHalf = true)]
            public static double FastHalvedTangent(double x) => Math.Tanh(x) * 0.5;
        }
        """;

    /// <summary>
    /// Which Half kernels settle ties with the double operator: those that run a float operator that rounds (not an exact
    /// one, whose ties are the true values'), and not those with a Half operator of their own. A stub with a float formula
    /// and no …ForHalf math runs its float formula rather than a Half operator: it gains nothing from one.
    /// </summary>
    [Fact]
    public void HalfKernelsThatRunARoundingFloatOperatorSettleTiesWithTheDoubleOperator()
    {
        IReadOnlyDictionary<string, string> generated = GeneratorHarness.Run(HalfTieStubs).Generated;
        string clip = generated["T.Clip.g.cs"];
        Assert.Contains("HalfElementwiseLoop.Run(x, destination, new ClipSingleOperator());", clip);
        Assert.Contains("computed through the float kernel and rounded to Half.", clip);

        // The stub's formula rounds more than once in float: its float operator computes in double, so a Half operator pays.
        string quadratic = generated["T.Quadratic.g.cs"];
        Assert.Contains("HalfElementwiseLoop.Run(x, destination, new QuadraticHalfOperator());", quadratic);

        string withFloatFormula = generated["T.QuadraticWithFloatFormula.g.cs"];
        Assert.Contains("HalfElementwiseLoop.Run(x, destination, new QuadraticWithFloatFormulaSingleOperator(), new QuadraticWithFloatFormulaDoubleOperator());", withFloatFormula);
        Assert.Contains("a float result exactly halfway between two halves is computed again by the double kernel", withFloatFormula);
        Assert.DoesNotContain("HalfOperator", withFloatFormula);

        // tanh runs natively in float: its Half kernel runs the float operator and settles ties, unless the stub asks for
        // the cheaper …ForHalf math (FastHalf); tanh of x alone has a tie window, so the double operator settles every
        // result within it of a Half midpoint.
        string tangent = generated["T.Tangent.g.cs"];
        Assert.Contains("HalfElementwiseLoop.Run(x, destination, new TangentSingleOperator(), new TangentDoubleOperator());", tangent);
        Assert.DoesNotContain("ForHalf", tangent);
        string fastTangent = generated["T.FastTangent.g.cs"];
        Assert.Contains("HalfElementwiseLoop.Run(x, destination, new FastTangentHalfOperator(), new FastTangentDoubleOperator(), global::Activations.Kernels.HalfTieWindows.Tanh);", fastTangent);
        Assert.Contains("VectorMath.TanhForHalf(", fastTangent);
        Assert.Contains("so that every result is correctly rounded", fastTangent);

        // Anything more than the bare call has no tie window: that FastHalf kernel is within one Half ULP, no more.
        string fastHalvedTangent = generated["T.FastHalvedTangent.g.cs"];
        Assert.Contains("HalfElementwiseLoop.Run(x, destination, new FastHalvedTangentHalfOperator());", fastHalvedTangent);
        Assert.Contains("VectorMath.TanhForHalf(", fastHalvedTangent);
        Assert.Contains("within one Half ULP", fastHalvedTangent);
    }

    [Fact]
    public void BranchesThatDivideByTheSameValueDivideOnce()
    {
        string text = GeneratorHarness.Run(HalfStubs).Generated["H.Logistic.g.cs"];
        string body = text.Substring(text.IndexOf("struct LogisticDoubleOperator", System.StringComparison.Ordinal));
        body = body.Substring(body.IndexOf("public Vector256<double> Invoke", System.StringComparison.Ordinal));
        body = body.Substring(0, body.IndexOf("[MethodImpl", System.StringComparison.Ordinal));
        Assert.Single(Regex.Matches(body, " / "));
        Assert.Contains("ConditionalSelect", body);
    }
}
