using System.Threading.Tasks;
using Activations.CodeFixes;
using Xunit;
using Verify = Activations.Analyzers.Tests.Verifiers.CodeFixVerifier<
    Activations.Analyzers.UnknownActivationNameAnalyzer,
    Activations.CodeFixes.UnknownActivationNameCodeFixProvider>;

namespace Activations.Analyzers.Tests;

public class UnknownActivationNameCodeFixTests
{
    private const string Header = """
        using Activations;

        public static partial class MyActivations
        {
            [Activation("my_relu")]
            public static double MyRelu(double x) => x > 0 ? x : 0;

            [Activation("my_gelu")]
            public static double MyGelu(double x) => x;
        }

        public static class Registry
        {
            public static void Use([ActivationName] string activation) { }
        }

        """;

    [Fact]
    public Task Replaces_the_literal_with_the_suggestion() => Verify.VerifyAsync(
        Header + """
            static class Use { static void Run() => Registry.Use({|#0:"my_rleu"|}); }
            """,
        Header + """
            static class Use { static void Run() => Registry.Use("my_relu"); }
            """,
        Verify.Diagnostic("ACT0001").WithLocation(0).WithArguments("my_rleu", "; did you mean 'my_relu'?"));

    [Fact]
    public Task Fix_all_replaces_each_literal_with_its_own_suggestion() => Verify.VerifyAsync(
        Header + """
            static class Use
            {
                static void Run()
                {
                    Registry.Use({|#0:"my_rleu"|});
                    Registry.Use({|#1:"MY_GELU"|});
                    Registry.Use({|#2:@"my_relu "|});
                }
            }
            """,
        Header + """
            static class Use
            {
                static void Run()
                {
                    Registry.Use("my_relu");
                    Registry.Use("my_gelu");
                    Registry.Use("my_relu");
                }
            }
            """,
        Verify.Diagnostic("ACT0001").WithLocation(0).WithArguments("my_rleu", "; did you mean 'my_relu'?"),
        Verify.Diagnostic("ACT0001").WithLocation(1).WithArguments("MY_GELU", "; did you mean 'my_gelu'?"),
        Verify.Diagnostic("ACT0001").WithLocation(2).WithArguments("my_relu ", "; did you mean 'my_relu'?"));

    [Fact]
    public Task No_fix_without_a_suggestion_or_for_a_const() => Verify.VerifyAsync(
        Header + """
            static class Use
            {
                const string Name = "my_rleu";

                static void Run()
                {
                    Registry.Use({|#0:"transformer"|});
                    Registry.Use({|#1:Name|});
                }
            }
            """,
        Header + """
            static class Use
            {
                const string Name = "my_rleu";

                static void Run()
                {
                    Registry.Use({|#0:"transformer"|});
                    Registry.Use({|#1:Name|});
                }
            }
            """,
        new[]
        {
            Verify.Diagnostic("ACT0001").WithLocation(0).WithArguments("transformer", ""),
            Verify.Diagnostic("ACT0001").WithLocation(1).WithArguments("my_rleu", "; did you mean 'my_relu'?"),
        },
        Verify.Diagnostic("ACT0001").WithLocation(0).WithArguments("transformer", ""),
        Verify.Diagnostic("ACT0001").WithLocation(1).WithArguments("my_rleu", "; did you mean 'my_relu'?"));
}
