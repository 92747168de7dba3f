using System.Threading.Tasks;
using Xunit;
using Verify = Activations.Analyzers.Tests.Verifiers.AnalyzerVerifier<Activations.Analyzers.StubCycleAnalyzer>;

namespace Activations.Analyzers.Tests;

public class StubCycleTests
{
    [Fact]
    public Task Stubs_calling_each_other_in_a_cycle_are_reported() => Verify.VerifyAsync(
        """
        using Activations;

        public static partial class A
        {
            [Activation("ping")]
            public static double {|#0:Ping|}(double x) => x > 0 ? Pong(x - 1) : 0;

            [Activation("pong")]
            public static double {|#1:Pong|}(double x) => B.Pang(x) + 1;
        }

        public static partial class B
        {
            [Activation("pang")]
            public static double {|#2:Pang|}(double x) => A.Ping(x);
        }
        """,
        Verify.Diagnostic("ACT0011").WithLocation(0).WithArguments("Ping", "Ping → Pong → Pang → Ping"),
        Verify.Diagnostic("ACT0011").WithLocation(1).WithArguments("Pong", "Pong → Pang → Ping → Pong"),
        Verify.Diagnostic("ACT0011").WithLocation(2).WithArguments("Pang", "Pang → Ping → Pong → Pang"));

    [Fact]
    public Task Calls_without_a_cycle_and_direct_self_calls_are_not_reported() => Verify.VerifyAsync(
        """
        using Activations;

        public static partial class A
        {
            [Activation("inner")]
            public static double Inner(double x) => x * 2;

            [Activation("outer")]
            public static double Outer(double x) => Inner(x) + Inner(-x) + Helper(x);

            [Activation("top")]
            public static double Top(double x) => Outer(Inner(x));

            // A stub calling itself is ACT0010, the parser's; not a cycle through others.
            [Activation("self")]
            public static double Self(double x) => x > 0 ? Self(x - 1) : 0;

            // Not a stub: calls through it are not inlined, so no cycle here.
            public static double Helper(double x) => Outer(x);
        }
        """);
}
