using System.Threading.Tasks;
using Activations.Analyzers.Tests.Verifiers;
using Xunit;
using Verify = Activations.Analyzers.Tests.Verifiers.AnalyzerVerifier<Activations.Analyzers.UnknownActivationNameAnalyzer>;

namespace Activations.Analyzers.Tests;

public class UnknownActivationNameTests
{
    [Fact]
    public async Task Misspelt_identifier_is_reported_with_suggestion()
    {
        const string source = """
            using Activations;

            public static partial class MyActivations
            {
                [Activation("my_relu")]
                public static double MyRelu(double x) => x > 0 ? x : 0;
            }

            public static class Use
            {
                public static void Make([ActivationName] string activation) { }

                public static void Run() => Make({|#0:"my_rleu"|});
            }
            """;
        await Verify.VerifyAsync(source, Verify.Diagnostic("ACT0001").WithLocation(0).WithArguments("my_rleu", "; did you mean 'my_relu'?"));
    }
}
