using System.Threading.Tasks;
using Activations.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Activations.Analyzers.Tests.Verifiers.AnalyzerVerifier<Activations.Analyzers.UnknownActivationNameAnalyzer>;

namespace Activations.Analyzers.Tests;

public class UnknownActivationNameTests
{
    /// <summary>User stubs the cases below name, and two methods that take an activation identifier.</summary>
    private const string Stubs = """
        using Activations;

        public static partial class MyActivations
        {
            [Activation("my_relu")]
            public static double MyRelu(double x) => x > 0 ? x : 0;

            [Activation("my_silu", Aliases = new[] { "my_swish" })]
            public static double MySilu(double x) => x / (1 + System.Math.Exp(-x));
        }

        public sealed class MyLayer
        {
            public MyLayer([ActivationName] string activation, int units = 1) { }
        }

        public static class Registry
        {
            public static void Use([ActivationName] string activation) { }

            public static void Plain(string anything) { }
        }
        """;

    private static Task VerifyAsync(string use, params DiagnosticResult[] expected) =>
        Verify.VerifyAsync(new[] { Stubs, use }, expected);

    private static DiagnosticResult Unknown(int location, string identifier, string? suggestion) =>
        Verify.Diagnostic("ACT0001").WithLocation(location)
            .WithArguments(identifier, suggestion is null ? "" : $"; did you mean '{suggestion}'?");

    [Fact]
    public Task Misspelt_identifier_is_reported_with_the_nearest_name() => VerifyAsync(
        """
        static class Use { static void Run() => Registry.Use({|#0:"my_rleu"|}); }
        """,
        Unknown(0, "my_rleu", "my_relu"));

    [Fact]
    public Task Known_names_and_aliases_are_accepted() => VerifyAsync(
        """
        static class Use
        {
            static void Run()
            {
                Registry.Use("my_relu");
                Registry.Use("my_silu");
                Registry.Use("my_swish");
            }
        }
        """);

    [Fact]
    public Task Case_and_whitespace_slips_suggest_the_exact_spelling() => VerifyAsync(
        """
        static class Use
        {
            static void Run()
            {
                Registry.Use({|#0:"My_ReLU"|});
                Registry.Use({|#1:"my_swish "|});
                Registry.Use({|#2:"MySilu"|});
            }
        }
        """,
        Unknown(0, "My_ReLU", "my_relu"),
        Unknown(1, "my_swish ", "my_swish"),
        Unknown(2, "MySilu", "my_silu"));

    [Fact]
    public Task Far_from_every_name_reports_without_suggestion() => VerifyAsync(
        """
        static class Use { static void Run() => Registry.Use({|#0:"transformer"|}); }
        """,
        Unknown(0, "transformer", null));

    [Fact]
    public Task Named_arguments_constructors_and_const_fields_are_checked() => VerifyAsync(
        """
        static class Use
        {
            const string Name = "my_sliu";

            static void Run()
            {
                Registry.Use(activation: {|#0:"my_rlu"|});
                _ = new MyLayer(units: 2, activation: {|#1:"my_swsh"|});
                Registry.Use({|#2:Name|});
                Registry.Use({|#3:"my_" + "rleu"|});
            }
        }
        """,
        Unknown(0, "my_rlu", "my_relu"),
        Unknown(1, "my_swsh", "my_swish"),
        Unknown(2, "my_sliu", "my_silu"),
        Unknown(3, "my_rleu", "my_relu"));

    [Fact]
    public Task Unmarked_parameters_and_non_constant_strings_are_not_checked() => VerifyAsync(
        """
        static class Use
        {
            static void Run(string fromUser)
            {
                Registry.Plain("my_rleu");
                Registry.Use(fromUser);
                Registry.Use(null!);
            }
        }
        """);

    [Fact]
    public async Task Stubs_of_referenced_assemblies_are_known()
    {
        var library = await LibraryCompiler.CompileAsync("ThirdParty", """
            using Activations;

            public static partial class TheirActivations
            {
                [Activation("their_gelu", Aliases = new[] { "their_gelu_alias" })]
                public static double TheirGelu(double x) => x;
            }
            """);
        var test = Verify.CreateTest(Stubs, """
            static class Use
            {
                static void Run()
                {
                    Registry.Use("their_gelu");
                    Registry.Use("their_gelu_alias");
                    Registry.Use({|#0:"their_gleu"|});
                }
            }
            """);
        test.TestState.AdditionalReferences.Add(library);
        test.ExpectedDiagnostics.Add(Unknown(0, "their_gleu", "their_gelu"));
        await test.RunAsync();
    }

    [Fact]
    public Task Without_the_runtime_nothing_is_reported()
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<UnknownActivationNameAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.Net80,
            TestCode = """
                namespace Activations { public sealed class ActivationNameAttribute : System.Attribute { } }
                static class Use
                {
                    static void Take([Activations.ActivationName] string activation) { }
                    static void Run() => Take("anything");
                }
                """,
        };
        return test.RunAsync();
    }
}
