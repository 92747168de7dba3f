using System;
using Xunit;
using Xunit.Sdk;

namespace Activations.Generator.Tests;

/// <summary>The checker itself can fail: a kernel one ULP off, or one that ignores in-place, is caught.</summary>
public sealed class KernelChecksTests
{
    private const string Stubs = "UserCode.Deep.Outer+Stubs";

    [Fact]
    public void AKernelOneUlpOffInOneLaneIsCaughtWhenExactnessIsRequired()
    {
        _ = EndToEndTestsAccess.Compiled;
        Assert.True(ActivationRegistry.TryGet("user_hard_tanh", out ActivationDescriptor? real));
        ActivationRegistry.Register(new ActivationDescriptor(
            "checker_one_ulp_off", Array.Empty<string>(), Array.Empty<ActivationParameter>(),
            (x, destination, arguments) =>
            {
                real!.Single(x, destination, arguments);
                if (x.Length > 2)
                {
                    destination[2] = MathF.BitIncrement(destination[2]);
                }
            },
            real!.Double,
            real.Half));

        Assert.ThrowsAny<XunitException>(() => KernelChecks.MatchStub(
            EndToEndTestsAccess.Compiled, Stubs, "HardTanh", "checker_one_ulp_off", [], singleUlps: 0, doubleUlps: 0, halfUlps: 0));
    }

    [Fact]
    public void AKernelThatWritesPastTheInputIsCaught()
    {
        _ = EndToEndTestsAccess.Compiled;
        Assert.True(ActivationRegistry.TryGet("user_hard_tanh", out ActivationDescriptor? real));
        ActivationRegistry.Register(new ActivationDescriptor(
            "checker_overrun", Array.Empty<string>(), Array.Empty<ActivationParameter>(),
            real!.Single,
            (x, destination, arguments) =>
            {
                real.Double(x, destination, arguments);
                if (destination.Length > x.Length)
                {
                    destination[x.Length] = 0;
                }
            },
            real.Half));

        Assert.ThrowsAny<XunitException>(() => KernelChecks.MatchStub(
            EndToEndTestsAccess.Compiled, Stubs, "HardTanh", "checker_overrun", [], singleUlps: 0, doubleUlps: 0, halfUlps: 0));
    }
}
