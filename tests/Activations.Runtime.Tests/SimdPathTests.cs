using System;
using System.Runtime.Intrinsics;
using Xunit;
using Xunit.Abstractions;

namespace Activations.Tests;

/// <summary>
/// Keeps the CI matrix honest: each run states which SIMD path the JIT took, and when CI names the
/// path it expects (ACTIVATIONS_EXPECTED_PATH), the test fails if a different one is live.
/// </summary>
public sealed class SimdPathTests(ITestOutputHelper output)
{
    internal static string LivePath =>
        Vector512.IsHardwareAccelerated ? "Vector512"
        : Vector256.IsHardwareAccelerated ? "Vector256"
        : Vector128.IsHardwareAccelerated ? "Vector128"
        : "Scalar";

    [Fact]
    public void TheExpectedPathIsLive()
    {
        output.WriteLine($"SIMD path: {LivePath} on .NET {Environment.Version}");
        string? expected = Environment.GetEnvironmentVariable("ACTIVATIONS_EXPECTED_PATH");
        if (!string.IsNullOrEmpty(expected))
        {
            Assert.Equal(expected, LivePath);
        }
    }
}
