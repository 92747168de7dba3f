using System;
using System.Collections.Generic;
using System.Linq;
using Activations.Tests.Reference;
using Xunit;
using Xunit.Abstractions;

namespace Activations.Tests.MathCore;

/// <summary>
/// ln has no reference file. What these tests prove: double ln is within 2 ULP of System.Math.Log (glibc's log,
/// itself documented within about 0.52 ULP of exact), and float ln within 1 ULP of (float)Math.Log(x), which is
/// the correctly rounded float except when the exact value lies within glibc's error of a float midpoint
/// (about one input in 2^28). Inputs: random bit patterns over every magnitude (subnormals included) and a dense
/// random sample of [0.5, 2], where ln x cancels toward 0. Each runs through every path.
/// </summary>
public sealed class LogTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Paths() => MathFunctions.Paths.Select(p => new object[] { p });

    [Theory]
    [MemberData(nameof(Paths))]
    public void DoubleIsWithinTwoUlpOfMathLog(string path)
    {
        double[] x = DoubleInputs();
        double[] y = MathFunctions.Apply(MathFunctions.ByName["log"], path, x);
        AssertWithin(x.Select((v, i) => (v.ToString("R"), y[i].ToString("R"), Math.Log(v).ToString("R"), Ulp.Error(y[i], Math.Log(v)))), 2.0);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void FloatIsWithinOneUlpOfMathLog(string path)
    {
        float[] x = SingleInputs();
        float[] y = MathFunctions.Apply(MathFunctions.ByName["log"], path, x);
        AssertWithin(x.Select((v, i) => (v.ToString("R"), y[i].ToString("R"), ((float)Math.Log(v)).ToString("R"), Ulp.Error(y[i], (float)Math.Log(v)))), 1.0);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void ForSingleNarrowedIsWithinOneUlpOfMathLog(string path)
    {
        float[] x = SingleInputs();
        float[] y = MathFunctions.ApplyForSingle(MathFunctions.ByName["log"], path, x);
        AssertWithin(x.Select((v, i) => (v.ToString("R"), y[i].ToString("R"), ((float)Math.Log(v)).ToString("R"), Ulp.Error(y[i], (float)Math.Log(v)))), 1.0);
    }

    private static double[] DoubleInputs()
    {
        var random = new Random(7);
        var x = new List<double>();
        for (int i = 0; i < 100_000; i++)
        {
            x.Add(BitConverter.Int64BitsToDouble(random.NextInt64(1, 0x7ff0000000000000))); // every positive finite
        }

        for (int i = 0; i < 100_000; i++)
        {
            x.Add(0.5 + (1.5 * random.NextDouble()));
        }

        x.AddRange(new[] { 1.0, double.Epsilon, double.MaxValue, 2.2250738585072014e-308, Math.E, 0.5, 2.0 });
        return x.ToArray();
    }

    private static float[] SingleInputs()
    {
        var random = new Random(8);
        var x = new List<float>();
        for (int i = 0; i < 100_000; i++)
        {
            x.Add(BitConverter.Int32BitsToSingle(random.Next(1, 0x7f800000)));
        }

        for (int i = 0; i < 100_000; i++)
        {
            x.Add((float)(0.5 + (1.5 * random.NextDouble())));
        }

        x.AddRange(new[] { 1f, float.Epsilon, float.MaxValue, 1.17549435e-38f, MathF.E, 0.5f, 2f });
        return x.ToArray();
    }

    private void AssertWithin(IEnumerable<(string X, string Y, string Expected, double Ulps)> results, double bound)
    {
        var all = results.ToList();
        output.WriteLine($"{all.Count} inputs; worst {all.Max(r => r.Ulps):0.###} ULP");
        var bad = all.Where(r => !(r.Ulps <= bound)).ToList();
        Assert.True(
            bad.Count == 0,
            $"{bad.Count} of {all.Count} inputs above {bound} ULP, e.g.:\n" +
            string.Join("\n", bad.OrderByDescending(r => r.Ulps).Take(10).Select(r => $"  x={r.X} got {r.Y} want {r.Expected}: {r.Ulps:0.###} ULP")));
    }
}
