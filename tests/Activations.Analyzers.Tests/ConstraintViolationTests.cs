using System.Threading.Tasks;
using Activations.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Activations.Analyzers.Tests.Verifiers.AnalyzerVerifier<Activations.Analyzers.ConstraintViolationAnalyzer>;

namespace Activations.Analyzers.Tests;

public class ConstraintViolationTests
{
    /// <summary>
    /// User stubs with each constraint, and span overloads written by hand the way the generator writes them
    /// (same name and type, same parameter names, no attributes of their own).
    /// </summary>
    private const string Stubs = """
        using System;
        using Activations;

        public static partial class MyActivations
        {
            [Activation("my_elu")]
            public static double MyElu(double x, [Positive] double alpha = 1.0) => x > 0 ? x : alpha * Math.Exp(x) - alpha;

            [Activation("my_shrink")]
            public static double MyShrink(double x, [NonNegative] double threshold = 0.5) => Math.Abs(x) > threshold ? x : 0;

            [Activation("my_mix")]
            public static double MyMix(double x, [Range(0, 1)] double weight = 0.5) => weight * x;

            public static void MyElu(ReadOnlySpan<float> x, Span<float> destination, float alpha = 1f) { }

            public static void MyShrink(ReadOnlySpan<double> x, Span<double> destination, double threshold = 0.5) { }

            public static void Other(double alpha) { }
        }
        """;

    private static Task VerifyAsync(string use, params DiagnosticResult[] expected) =>
        Verify.VerifyAsync(new[] { Stubs, use }, expected);

    private static DiagnosticResult Violation(int location, string parameter, string activation, string requirement, string value) =>
        Verify.Diagnostic("ACT0002").WithLocation(location).WithArguments(parameter, activation, requirement, value);

    [Fact]
    public Task Constant_arguments_breaking_the_stub_constraints_are_reported() => VerifyAsync(
        """
        static class Use
        {
            static void Run()
            {
                MyActivations.MyElu(1.0, {|#0:0|});
                MyActivations.MyElu(1.0, {|#1:alpha: -1.5|});
                MyActivations.MyShrink(1.0, {|#2:-0.25|});
                MyActivations.MyMix(1.0, {|#3:1.5|});
                MyActivations.MyMix(1.0, {|#4:double.NaN|});
            }
        }
        """,
        Violation(0, "alpha", "my_elu", "greater than 0", "0"),
        Violation(1, "alpha", "my_elu", "greater than 0", "-1.5"),
        Violation(2, "threshold", "my_shrink", "greater than or equal to 0", "-0.25"),
        Violation(3, "weight", "my_mix", "between 0 and 1", "1.5"),
        Violation(4, "weight", "my_mix", "between 0 and 1", "NaN"));

    [Fact]
    public Task Arguments_within_the_constraints_and_implicit_defaults_are_accepted() => VerifyAsync(
        """
        static class Use
        {
            static void Run(double fromUser)
            {
                MyActivations.MyElu(1.0);
                MyActivations.MyElu(1.0, 1e-300);
                MyActivations.MyElu(1.0, fromUser);
                MyActivations.MyShrink(1.0, 0);
                MyActivations.MyMix(1.0, 0);
                MyActivations.MyMix(1.0, weight: 1);
                MyActivations.Other(-1);
            }
        }
        """);

    [Fact]
    public Task Generated_kernels_are_checked_against_their_stub_parameter() => VerifyAsync(
        """
        using System;

        static class Use
        {
            static void Run(float[] x, float[] y, double[] a, double[] b)
            {
                MyActivations.MyElu(x, y, {|#0:alpha: 0|});
                MyActivations.MyElu(x, y, {|#1:-2f|});
                MyActivations.MyShrink(a, b, threshold: "x".Length - 2); // negative, but not a constant
                MyActivations.MyShrink(a, b, 0);
                MyActivations.MyElu(x, y, 0.5f);
                MyActivations.MyElu(x, y);
            }
        }
        """,
        Violation(0, "alpha", "my_elu", "greater than 0", "0"),
        Violation(1, "alpha", "my_elu", "greater than 0", "-2"));

    [Fact]
    public Task Constants_from_const_fields_and_constant_expressions_are_checked() => VerifyAsync(
        """
        static class Use
        {
            const double Zero = 0.0;
            const int One = 1;

            static void Run()
            {
                MyActivations.MyElu(1.0, {|#0:Zero|});
                MyActivations.MyElu(1.0, {|#1:One - 1|});
                MyActivations.MyMix(1.0, {|#2:One * 2.0|});
                MyActivations.MyElu(1.0, One);
            }
        }
        """,
        Violation(0, "alpha", "my_elu", "greater than 0", "0"),
        Violation(1, "alpha", "my_elu", "greater than 0", "0"),
        Violation(2, "weight", "my_mix", "between 0 and 1", "2"));

    [Fact]
    public async Task Stubs_and_kernels_of_referenced_assemblies_are_checked()
    {
        var library = await LibraryCompiler.CompileAsync("ThirdParty", """
            using System;
            using Activations;

            public static partial class TheirActivations
            {
                [Activation("their_celu")]
                public static double TheirCelu(double x, [Positive] double alpha = 1.0) => x;

                public static void TheirCelu(ReadOnlySpan<float> x, Span<float> destination, float alpha = 1f) { }
            }
            """);
        var test = Verify.CreateTest("""
            static class Use
            {
                static void Run(float[] x, float[] y)
                {
                    TheirActivations.TheirCelu(x, y, {|#0:alpha: 0|});
                    TheirActivations.TheirCelu(1.0, {|#1:-1|});
                    TheirActivations.TheirCelu(x, y, alpha: 2);
                }
            }
            """);
        test.TestState.AdditionalReferences.Add(library);
        test.ExpectedDiagnostics.Add(Violation(0, "alpha", "their_celu", "greater than 0", "0"));
        test.ExpectedDiagnostics.Add(Violation(1, "alpha", "their_celu", "greater than 0", "-1"));
        await test.RunAsync();
    }
}
