using System;
using System.Linq;
using System.Numerics.Tensors;
using Activations.Tests.Reference;
using Xunit;
using Xunit.Abstractions;

namespace Activations.Tests.MathCore;

/// <summary>
/// The accuracy table of docs/math-core.md: TensorPrimitives' float Exp and Tanh beside ours, on every row of the
/// reference files (run with a detailed console logger to see the numbers). Asserts that ours is within its
/// bound and never worse than the peer's worst row.
/// </summary>
public sealed class PeerAccuracyTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("exp")]
    [InlineData("tanh")]
    public void FloatAgainstTensorPrimitives(string name)
    {
        (float X, float Y)[] rows = ReferenceTable.Single(name);
        float[] x = rows.Select(r => r.X).ToArray();
        var peer = new float[x.Length];
        if (name == "exp")
        {
            TensorPrimitives.Exp(x, peer);
        }
        else
        {
            TensorPrimitives.Tanh(x, peer);
        }

        float[] ours = MathFunctions.Apply(MathFunctions.ByName[name], SimdPathTests.LivePath == "Scalar" ? "Scalar" : SimdPathTests.LivePath, x);
        double[] peerErrors = rows.Select((r, i) => Ulp.Error(peer[i], r.Y)).ToArray();
        double[] ourErrors = rows.Select((r, i) => Ulp.Error(ours[i], r.Y)).ToArray();
        int worstPeer = Array.IndexOf(peerErrors, peerErrors.Max());
        output.WriteLine($"{name} f32, {rows.Length} rows, path {SimdPathTests.LivePath}: TensorPrimitives worst {peerErrors.Max():G4} ULP at x={x[worstPeer]:R}, " +
            $"{peerErrors.Count(e => e > 1)} rows above 1 ULP; ours worst {ourErrors.Max():G4} ULP, {ourErrors.Count(e => e > 1)} rows above 1 ULP");
        foreach (float probe in new[] { 0f, -0f, 1e-4f, 1e-8f, 1f })
        {
            // 64 copies, so that TensorPrimitives takes its vector path (a one-element span is done in scalar).
            float[] probes = Enumerable.Repeat(probe, 64).ToArray();
            var one = new float[64];
            if (name == "exp")
            {
                TensorPrimitives.Exp(probes, one);
            }
            else
            {
                TensorPrimitives.Tanh(probes, one);
            }

            float mine = name == "exp" ? VectorMath.Exp(probe) : VectorMath.Tanh(probe);
            output.WriteLine($"  {name}({probe:R}): TensorPrimitives {one[0]:R}, ours {mine:R}, System.Math {(name == "exp" ? (float)Math.Exp(probe) : (float)Math.Tanh(probe)):R}");
        }

        Assert.True(ourErrors.Max() <= 1.0);
        Assert.True(ourErrors.Max() <= peerErrors.Max());
    }
}
