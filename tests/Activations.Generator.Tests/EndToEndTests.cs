using System.Reflection;
using Xunit;

namespace Activations.Generator.Tests;

/// <summary>Stubs compiled with the generator, loaded, and each kernel compared with its own stub.</summary>
public sealed class EndToEndTests
{
    [Fact]
    public void ASimpleStubRunsOnEveryType()
    {
        Assembly assembly = GeneratorHarness.CompileAndLoad("""
            using System;
            using Activations;

            namespace UserCode;

            public static partial class Simple
            {
                /// <summary>A softplus-like curve.</summary>
                [Activation("e2e_simple")]
                public static double Curve(double x) => Math.Log(1.0 + Math.Exp(x)) - 0.25 * x;
            }
            """);
        KernelChecks.MatchStub(assembly, "UserCode.Simple", "Curve", "e2e_simple", [], singleUlps: 1, doubleUlps: 4, halfUlps: 1);
    }
}
