using System;
using System.Linq;
using System.Threading.Tasks;
using Activations.Generator.Formula;
using Xunit;
using Verify = Activations.Analyzers.Tests.Verifiers.AnalyzerVerifier<Activations.Analyzers.StubProblemAnalyzer>;

namespace Activations.Analyzers.Tests;

/// <summary>
/// The parser's problems surface as diagnostics at the parser's locations. Each case has a close neighbour
/// that is a valid stub and must report nothing.
/// </summary>
public class StubProblemTests
{
    private static Task VerifyAsync(string members) => Verify.VerifyAsync(
        "using System;\nusing Activations;\n\npublic static partial class S\n{\n" + members + "\n}\n");

    [Fact]
    public void Every_problem_kind_has_its_own_descriptor()
    {
        var kinds = Enum.GetValues<StubProblemKind>();
        var descriptors = kinds.Select(StubProblemAnalyzer.DescriptorFor).Select(d => d.Id).ToList();
        Assert.Equal(kinds.Length, descriptors.Distinct().Count());
        Assert.All(descriptors, id => Assert.Contains(new StubProblemAnalyzer().SupportedDiagnostics, d => d.Id == id));
    }

    [Fact]
    public Task Not_static_is_reported() => Verify.VerifyAsync("""
        using Activations;

        public partial class S
        {
            [Activation("my_relu")]
            public double {|ACT0003:MyRelu|}(double x) => x > 0 ? x : 0;
        }
        """);

    [Fact]
    public Task Valid_stub_reports_nothing() => VerifyAsync("""
            private const double Half = 0.5;

            [Activation("my_gelu", Aliases = new[] { "my_gelu2" })]
            public static double MyGelu(double x, bool approximate = false, [Positive] double scale = 1.0) =>
                approximate ? Half * x * (1 + Math.Tanh(0.79788456 * (x + 0.044715 * Math.Pow(x, 3)))) : scale * x * (x > 0 && !approximate ? 1 : Half);

            [Activation("relu6")]
            public static double Relu6(double x) => Math.Min(Math.Max(x, 0), 6);

            [Activation("composed")]
            public static double Composed(double x) => Relu6(MyGelu(x, approximate: true)) - Math.Exp(-x);
        """);

    [Fact]
    public Task Non_partial_containing_type_is_reported() => Verify.VerifyAsync("""
        using Activations;

        public static partial class Outer
        {
            public static class {|ACT0004:Inner|}
            {
                [Activation("my_relu")]
                public static double MyRelu(double x) => x > 0 ? x : 0;
            }

            public static partial class Fine
            {
                [Activation("my_relu_fine")]
                public static double MyRelu(double x) => x > 0 ? x : 0;
            }
        }
        """);

    [Fact]
    public Task Block_body_is_reported() => VerifyAsync("""
            [Activation("my_relu")]
            public static double {|ACT0005:MyRelu|}(double x)
            {
                return x > 0 ? x : 0;
            }
        """);

    [Fact]
    public Task Unsupported_parameter_types_are_reported_on_each_parameter() => VerifyAsync("""
            [Activation("scaled")]
            public static double Scaled({|ACT0006:float x|}, {|ACT0006:int factor = 2|}) => x * factor;

            [Activation("scaled_fine")]
            public static double ScaledFine(double x, double factor = 2, bool negate = false) => negate ? -x * factor : x * factor;
        """);

    [Fact]
    public Task A_parameter_named_like_the_span_kernels_output_is_reported() => VerifyAsync("""
            [Activation("shifted")]
            public static double Shifted(double x, {|ACT0006:double destination = 1|}) => x + destination;
        """);

    [Fact]
    public Task Return_type_other_than_double_is_reported() => VerifyAsync("""
            [Activation("my_relu")]
            public static {|ACT0007:float|} MyRelu(double x) => (float)(x > 0 ? x : 0);
        """);

    [Fact]
    public Task Ill_formed_names_and_aliases_are_reported() => VerifyAsync("""
            [{|ACT0008:Activation("My Relu")|}]
            public static double A(double x) => x;

            [{|ACT0008:Activation("")|}]
            public static double B(double x) => x;

            [{|ACT0008:Activation("b_ok", Aliases = new[] { "bOk" })|}]
            public static double C(double x) => x;

            [Activation("relu6", Aliases = new[] { "relu_6" })]
            public static double D(double x) => x;
        """);

    [Fact]
    public Task Recursion_direct_and_through_other_stubs_is_reported() => VerifyAsync("""
            [Activation("self")]
            public static double Self(double x) => x > 0 ? {|ACT0010:Self(x - 1)|} : 0;

            [Activation("ping")]
            public static double Ping(double x) => x > 0 ? {|ACT0010:Pong(x - 1)|} : 0;

            [Activation("pong")]
            public static double Pong(double x) => {|ACT0010:Ping(x)|} + 1;

            [Activation("calls_twice")]
            public static double CallsTwice(double x) => Inner(x) + Inner(-x);

            [Activation("inner")]
            public static double Inner(double x) => x * 2;
        """);

    [Fact]
    public Task Constructs_that_cannot_be_vectorized_are_reported_at_the_sub_expression() => VerifyAsync("""
            private static double s_scale = 2;
            private const double Scale = 2;

            [Activation("a")]
            public static double A(double x) => x * {|ACT0011:s_scale|};

            [Activation("b")]
            public static double B(double x) => x * (double){|ACT0011:new decimal(2)|} + {|ACT0011:x++|};

            [Activation("c")]
            public static double C(double x) => {|ACT0011:x = 2|};

            [Activation("d")]
            public static double D(double x) => x * Scale;
        """);

    [Fact]
    public Task Unknown_methods_are_reported_at_the_call() => VerifyAsync("""
            private static double Helper(double x) => x;

            [Activation("a")]
            public static double A(double x) => 1 + {|ACT0012:Helper(x)|};

            [Activation("b")]
            public static double B(double x) => 1 + Math.Exp(x) + VectorMath.Tanh(x);
        """);

    [Fact]
    public Task A_single_formula_that_is_missing_or_unparseable_is_reported() => VerifyAsync("""
            private static double WrongParameters(double x, double y) => x;

            private static double CallsSine(double x) => {|ACT0012:Math.Sin(x)|};

            private static double InFloat(double x) => x * VectorMath.Sigmoid(x);

            [{|ACT0012:Activation("a", SingleFormula = "Missing")|}]
            public static double A(double x) => x;

            [{|ACT0012:Activation("b", SingleFormula = nameof(WrongParameters))|}]
            public static double B(double x) => x;

            [Activation("c", SingleFormula = nameof(CallsSine))]
            public static double C(double x) => x;

            [Activation("d", SingleFormula = nameof(InFloat))]
            public static double D(double x) => x * Activation.Sigmoid(x);
        """);
}
