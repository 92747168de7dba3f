using System.Threading.Tasks;
using Activations.Analyzers.Tests.Verifiers;
using Xunit;
using Constraints = Activations.Analyzers.Tests.Verifiers.AnalyzerVerifier<Activations.Analyzers.ConstraintViolationAnalyzer>;
using Duplicates = Activations.Analyzers.Tests.Verifiers.AnalyzerVerifier<Activations.Analyzers.DuplicateActivationNameAnalyzer>;
using Fix = Activations.Analyzers.Tests.Verifiers.CodeFixVerifier<
    Activations.Analyzers.UnknownActivationNameAnalyzer,
    Activations.CodeFixes.UnknownActivationNameCodeFixProvider>;
using Names = Activations.Analyzers.Tests.Verifiers.AnalyzerVerifier<Activations.Analyzers.UnknownActivationNameAnalyzer>;

namespace Activations.Analyzers.Tests;

/// <summary>The analyzers against the real built-ins and registry API of Activations.Runtime, seen through metadata.</summary>
public class BuiltInTests
{
    [Fact]
    public Task Built_in_names_and_aliases_are_known_to_get_tryget_deserialize_and_layers() => Names.VerifyAsync("""
        using Activations;
        using Activations.Layers;

        static class Use
        {
            static void Run()
            {
                Activation.Get("relu");
                Activation.Get("swish");
                Activation.Get("hard_swish");
                Activation.Get(null);
                Activation.TryGet("gelu", out _);
                Activation.Deserialize("elu(alpha=0.5)");
                Activation.Deserialize("leaky_relu");
                _ = new Dense(4, activation: "softmax_not_elementwise_but_unknown".Length > 0 ? "tanh" : "sigmoid");
                _ = new ActivationLayer("mish");
            }
        }
        """);

    [Fact]
    public Task Activations_along_an_axis_are_known_and_their_misspellings_reported() => Names.VerifyAsync(
        """
        using Activations;
        using Activations.Layers;

        static class Use
        {
            static void Run()
            {
                _ = new Dense(10, activation: "softmax");
                Activation.Get("log_softmax");
                Activation.Get("sparsemax");
                Activation.Get({|#0:"sofmax"|});
            }
        }
        """,
        Names.Diagnostic("ACT0001").WithLocation(0).WithArguments("sofmax", "; did you mean 'softmax'?"));

    [Fact]
    public Task Misspelt_built_ins_are_reported_everywhere_an_identifier_is_taken() => Names.VerifyAsync(
        """
        using Activations;
        using Activations.Layers;

        static class Use
        {
            static void Run()
            {
                Activation.Get({|#0:"rleu"|});
                Activation.TryGet({|#1:"GELU"|}, out _);
                Activation.Deserialize({|#2:"leaky_rleu(negative_slope=0.1)"|});
                Activation.Get({|#3:"elu(alpha=0.5)"|});
                _ = new Dense(4, activation: {|#4:"hard swish"|});
                _ = new ActivationLayer({|#5:"sigmod"|});
            }
        }
        """,
        Names.Diagnostic("ACT0001").WithLocation(0).WithArguments("rleu", "; did you mean 'relu'?"),
        Names.Diagnostic("ACT0001").WithLocation(1).WithArguments("GELU", "; did you mean 'gelu'?"),
        Names.Diagnostic("ACT0001").WithLocation(2).WithArguments("leaky_rleu", "; did you mean 'leaky_relu'?"),
        Names.Diagnostic("ACT0001").WithLocation(3).WithArguments("elu(alpha=0.5)", ""),
        Names.Diagnostic("ACT0001").WithLocation(4).WithArguments("hard swish", "; did you mean 'hard_swish'?"),
        Names.Diagnostic("ACT0001").WithLocation(5).WithArguments("sigmod", "; did you mean 'sigmoid'?"));

    [Fact]
    public Task Fix_all_corrects_built_in_names_and_keeps_a_deserialize_parameter_list() => Fix.VerifyAsync(
        """
        using Activations;

        static class Use
        {
            static void Run()
            {
                Activation.Get({|#0:"ReLU"|});
                Activation.Deserialize({|#1:"leaky_rleu(negative_slope=0.1)"|});
            }
        }
        """,
        """
        using Activations;

        static class Use
        {
            static void Run()
            {
                Activation.Get("relu");
                Activation.Deserialize("leaky_relu(negative_slope=0.1)");
            }
        }
        """,
        Fix.Diagnostic("ACT0001").WithLocation(0).WithArguments("ReLU", "; did you mean 'relu'?"),
        Fix.Diagnostic("ACT0001").WithLocation(1).WithArguments("leaky_rleu", "; did you mean 'leaky_relu'?"));

    [Fact]
    public Task Keras_constraints_of_the_built_ins_are_checked_on_their_span_kernels() => Constraints.VerifyAsync(
        """
        using System;
        using Activations;

        static class Use
        {
            static void Run(float[] x, float[] y, double[] a, double[] b, Half[] h, Half[] g)
            {
                Activation.Elu(x, y, {|#0:alpha: 0|});
                Activation.Elu(a, b, {|#1:-1.0|});
                Activation.Relu(x, y, {|#2:maxValue: -1|});
                Activation.Relu(x, y, {|#3:negativeSlope: -0.1f|});
                Activation.Relu(h, g, {|#4:threshold: -2|});
                Activation.LeakyRelu(x, y, {|#5:-0.2f|});
                Activation.Celu(x, y, {|#6:alpha: 0|});
                Activation.Squareplus(a, b, {|#7:b: -4|});
                Activation.HardShrink(x, y, {|#8:threshold: -0.5f|});
                Activation.SoftShrink(x, y, {|#9:-0.5f|});
                Activation.Elu(1.0, {|#10:alpha: 0|});
            }
        }
        """,
        Constraints.Diagnostic("ACT0002").WithLocation(0).WithArguments("alpha", "elu", "greater than 0", "0"),
        Constraints.Diagnostic("ACT0002").WithLocation(1).WithArguments("alpha", "elu", "greater than 0", "-1"),
        Constraints.Diagnostic("ACT0002").WithLocation(2).WithArguments("maxValue", "relu", "greater than or equal to 0", "-1"),
        Constraints.Diagnostic("ACT0002").WithLocation(3).WithArguments("negativeSlope", "relu", "greater than or equal to 0", "-0.10000000149011612"),
        Constraints.Diagnostic("ACT0002").WithLocation(4).WithArguments("threshold", "relu", "greater than or equal to 0", "-2"),
        Constraints.Diagnostic("ACT0002").WithLocation(5).WithArguments("negativeSlope", "leaky_relu", "greater than or equal to 0", "-0.20000000298023224"),
        Constraints.Diagnostic("ACT0002").WithLocation(6).WithArguments("alpha", "celu", "greater than 0", "0"),
        Constraints.Diagnostic("ACT0002").WithLocation(7).WithArguments("b", "squareplus", "greater than or equal to 0", "-4"),
        Constraints.Diagnostic("ACT0002").WithLocation(8).WithArguments("threshold", "hard_shrink", "greater than or equal to 0", "-0.5"),
        Constraints.Diagnostic("ACT0002").WithLocation(9).WithArguments("threshold", "soft_shrink", "greater than or equal to 0", "-0.5"),
        Constraints.Diagnostic("ACT0002").WithLocation(10).WithArguments("alpha", "elu", "greater than 0", "0"));

    [Fact]
    public Task Values_in_a_deserialized_string_are_checked_by_keras_keyword() => Constraints.VerifyAsync(
        """
        using Activations;

        static class Use
        {
            static void Run()
            {
                Activation.Deserialize({|#0:"elu(alpha=0)"|});
                Activation.Deserialize({|#1:"relu(negative_slope=0.1, max_value=-1)"|});
                Activation.Deserialize("elu(alpha=0.5)");
                Activation.Deserialize("relu(max_value=inf, threshold=0)");
                Activation.Deserialize("gelu(approximate=true)");
            }
        }
        """,
        Constraints.Diagnostic("ACT0002").WithLocation(0).WithArguments("alpha", "elu", "greater than 0", "0"),
        Constraints.Diagnostic("ACT0002").WithLocation(1).WithArguments("max_value", "relu", "greater than or equal to 0", "-1"));

    [Fact]
    public Task Valid_built_in_arguments_are_accepted() => Constraints.VerifyAsync("""
        using System;
        using Activations;

        static class Use
        {
            static void Run(float[] x, float[] y, double[] a, double[] b)
            {
                Activation.Elu(x, y, alpha: 0.5f);
                Activation.Relu(x, y, maxValue: 6, negativeSlope: 0, threshold: 0);
                Activation.Relu(a, b, maxValue: double.PositiveInfinity);
                Activation.LeakyRelu(x, y, 0f);
                Activation.Celu(x, y);
                Activation.Squareplus(a, b, b: 0);
                Activation.HardShrink(x, y, threshold: 0);
                Activation.Threshold(x, y, -1f, -2f);
                Activation.Gelu(x, y, approximate: true);
            }
        }
        """);

    [Fact]
    public Task Names_and_aliases_taken_by_built_ins_are_duplicates() => Duplicates.VerifyAsync(
        """
        using Activations;

        public static partial class Mine
        {
            [Activation({|#0:"gelu"|})]
            public static double QuickGelu(double x) => x;

            [Activation("swish_beta", Aliases = new[] { {|#1:"swish"|} })]
            public static double SwishBeta(double x, double beta = 1.0) => x * beta;

            [Activation("quick_gelu")]
            public static double Fine(double x) => x;
        }
        """,
        Duplicates.Diagnostic("ACT0009").WithLocation(0).WithArguments("gelu", "'Activation.Gelu' in Activations.Runtime"),
        Duplicates.Diagnostic("ACT0009").WithLocation(1).WithArguments("swish", "'Activation.Silu' in Activations.Runtime"));
}
