using System.Threading.Tasks;
using Xunit;
using Verify = Activations.Analyzers.Tests.Verifiers.AnalyzerVerifier<Activations.Analyzers.StubProblemAnalyzer>;

namespace Activations.Analyzers.Tests;

/// <summary>
/// <c>[Formula]</c> helpers go through the shared parser: a valid helper is inlined silently, and a helper that
/// is not a formula is reported on the stub that calls it (a helper has no diagnostics of its own).
/// </summary>
public class FormulaHelperTests
{
    [Fact]
    public Task A_stub_calling_a_valid_private_helper_reports_nothing() => Verify.VerifyAsync("""
        using System;
        using Activations;

        public static partial class S
        {
            [Formula]
            private static double SquarePlusOne(double a) => a * a + 1.0;

            [Activation("isru")]
            public static double Isru(double x) => x / Math.Sqrt(SquarePlusOne(x));
        }
        """);

    [Fact]
    public Task A_helper_with_a_block_body_is_reported_on_its_caller() => Verify.VerifyAsync("""
        using System;
        using Activations;

        public static partial class S
        {
            [Formula]
            private static double SquarePlusOne(double a)
            {
                double sum = 0;
                for (int i = 0; i < 2; i++)
                {
                    sum += a * a;
                }

                return sum + 1.0;
            }

            [Activation("isru")]
            public static double Isru(double x) => x / Math.Sqrt({|ACT0011:SquarePlusOne(x)|});
        }
        """);
}
