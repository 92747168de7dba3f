using System;
using System.Collections.Generic;
using System.Linq;
using Activations.Tests.Reference;
using Xunit;
using Xunit.Abstractions;

namespace Activations.Tests.MathCore;

/// <summary>
/// Every row of every reference file, through every path (scalar and each vector width, which run in
/// software when not accelerated): float within 1 ULP, double within 2 ULP of the correctly rounded result.
/// The rows run in file order and shuffled, so that lanes of one vector take different branches.
/// </summary>
public sealed class AccuracyTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Cases() =>
        from name in MathFunctions.WithReference
        from path in MathFunctions.Paths
        from shuffled in new[] { false, true }
        select new object[] { name, path, shuffled };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FloatIsWithinOneUlp(string name, string path, bool shuffled)
    {
        (float X, float Y)[] rows = Order(ReferenceTable.Single(name), shuffled);
        float[] y = MathFunctions.Apply(MathFunctions.ByName[name], path, rows.Select(r => r.X).ToArray());
        AssertWithin(rows.Select((r, i) => (Describe(r.X), Describe(y[i]), Describe(r.Y), Ulp.Error(y[i], r.Y))), 1.0);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ForSingleNarrowedIsWithinOneUlp(string name, string path, bool shuffled)
    {
        (float X, float Y)[] rows = Order(ReferenceTable.Single(name), shuffled);
        float[] y = MathFunctions.ApplyForSingle(MathFunctions.ByName[name], path, rows.Select(r => r.X).ToArray());
        AssertWithin(rows.Select((r, i) => (Describe(r.X), Describe(y[i]), Describe(r.Y), Ulp.Error(y[i], r.Y))), 1.0);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DoubleIsWithinTwoUlp(string name, string path, bool shuffled)
    {
        (double X, double Y)[] rows = Order(ReferenceTable.Double(name), shuffled);
        double[] y = MathFunctions.Apply(MathFunctions.ByName[name], path, rows.Select(r => r.X).ToArray());
        AssertWithin(rows.Select((r, i) => (Describe(r.X), Describe(y[i]), Describe(r.Y), Ulp.Error(y[i], r.Y))), 2.0);
    }

    private static T[] Order<T>(T[] rows, bool shuffled)
    {
        if (!shuffled)
        {
            return rows;
        }

        T[] copy = (T[])rows.Clone();
        new Random(20261128).Shuffle(copy);
        return copy;
    }

    private void AssertWithin(IEnumerable<(string X, string Y, string Reference, double Ulps)> results, double bound)
    {
        var all = results.ToList();
        var worst = all.OrderByDescending(r => r.Ulps).Take(5).ToList();
        output.WriteLine($"{all.Count} rows; worst {worst[0].Ulps:0.###} ULP");
        var bad = all.Where(r => !(r.Ulps <= bound)).ToList();
        Assert.True(
            bad.Count == 0,
            $"{bad.Count} of {all.Count} rows above {bound} ULP, e.g.:\n" +
            string.Join("\n", bad.OrderByDescending(r => r.Ulps).Take(10).Select(r => $"  x={r.X} got {r.Y} want {r.Reference}: {r.Ulps:0.###} ULP")));
    }

    private static string Describe(float v) => $"{v:R} (0x{BitConverter.SingleToUInt32Bits(v):x8})";

    private static string Describe(double v) => $"{v:R} (0x{BitConverter.DoubleToUInt64Bits(v):x16})";
}
