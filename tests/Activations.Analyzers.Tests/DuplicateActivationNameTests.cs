using System.Threading.Tasks;
using Activations.Analyzers.Tests.Verifiers;
using Xunit;
using Verify = Activations.Analyzers.Tests.Verifiers.AnalyzerVerifier<Activations.Analyzers.DuplicateActivationNameAnalyzer>;

namespace Activations.Analyzers.Tests;

public class DuplicateActivationNameTests
{
    [Fact]
    public Task Two_stubs_with_one_name_are_both_reported() => Verify.VerifyAsync(
        """
        using Activations;

        public static partial class A
        {
            [Activation({|#0:"my_relu"|})]
            public static double MyRelu(double x) => x > 0 ? x : 0;
        }

        public static partial class B
        {
            [Activation({|#1:"my_relu"|})]
            public static double Rectify(double x) => x > 0 ? x : 0;
        }
        """,
        Verify.Diagnostic("ACT0009").WithLocation(0).WithArguments("my_relu", "'B.Rectify'"),
        Verify.Diagnostic("ACT0009").WithLocation(1).WithArguments("my_relu", "'A.MyRelu'"));

    [Fact]
    public Task An_alias_clashing_with_a_name_is_reported() => Verify.VerifyAsync(
        """
        using Activations;

        public static partial class A
        {
            [Activation({|#0:"my_silu"|})]
            public static double MySilu(double x) => x;

            [Activation("my_swish_beta", Aliases = new[] { {|#1:"my_silu"|}, "my_swish_b" })]
            public static double MySwishBeta(double x, double beta = 1.0) => x * beta;
        }
        """,
        Verify.Diagnostic("ACT0009").WithLocation(0).WithArguments("my_silu", "'A.MySwishBeta'"),
        Verify.Diagnostic("ACT0009").WithLocation(1).WithArguments("my_silu", "'A.MySilu'"));

    [Fact]
    public Task Distinct_names_and_a_stub_repeating_its_own_name_are_not_reported() => Verify.VerifyAsync(
        """
        using Activations;

        public static partial class A
        {
            [Activation("my_silu", Aliases = new[] { "my_swish", "my_silu" })]
            public static double MySilu(double x) => x;

            [Activation("my_silu2")]
            public static double MySilu2(double x) => x;
        }
        """);

    [Fact]
    public async Task A_name_taken_by_a_referenced_assembly_is_reported()
    {
        var library = await LibraryCompiler.CompileAsync("ThirdParty", """
            using Activations;

            public static partial class TheirActivations
            {
                [Activation("their_gelu")]
                public static double TheirGelu(double x) => x;
            }
            """);
        var test = Verify.CreateTest("""
            using Activations;

            public static partial class Mine
            {
                [Activation({|#0:"their_gelu"|})]
                public static double Gelu(double x) => x;

                [Activation("my_gelu")]
                public static double MyGelu(double x) => x;
            }
            """);
        test.TestState.AdditionalReferences.Add(library);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ACT0009").WithLocation(0).WithArguments("their_gelu", "'TheirActivations.TheirGelu' in ThirdParty"));
        await test.RunAsync();
    }
}
