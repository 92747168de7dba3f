using System;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace Activations.Tests.Axis;

/// <summary>
/// float softmax rows chosen to reach each form of the float middle pass (the exact split of x - max by Fast2Sum with
/// the maximum first, with x first when every value is negative, or TwoSum with clamping), every 2^(j/8) table
/// entry, results near the normal/subnormal boundary, and sums dominated by many equal elements (where a sum of the
/// rounded exponentials alone would move every result the same way), and long rows across many blocks of the float-lane
/// sums. Each element within 2 ULP of the reference.
/// </summary>
public sealed class SoftmaxSingleRowTests(ITestOutputHelper output)
{
    public static TheoryData<string, float[]> Rows()
    {
        var data = new TheoryData<string, float[]>();
        var random = new Random(5);
        foreach (int n in new[] { 7, 8, 9, 100, 1024, 4099 })
        {
            foreach ((double low, double high) in new[] { (-50.0, -10.0), (-1000.0, -990.0), (-0.3, 1.7), (0.5, 0.9), (-3.9, 2.1), (-80.0, 5.0), (-86.9, 0.0), (-95.0, 0.0), (-120.0, 0.0), (-200.0, 3e4) })
            {
                float[] x = Enumerable.Range(0, n).Select(_ => (float)(low + (high - low) * random.NextDouble())).ToArray();
                data.Add($"n={n} in [{low}, {high}]", x);
            }
        }

        // Long rows: many blocks of the float-lane sums (restarted every 2048 elements), lane sums far above 1 (values
        // near the maximum), a last partial block, a lone vector and a scalar tail (70,009 = 34·2048 + 23·16 + 8 + 1).
        foreach ((int n, double low, double high) in new[] { (100_000, -0.01, 0.0), (70_009, -10.0, 10.0), (70_009, -60.0, -0.5), (70_009, -150.0, 20.0) })
        {
            float[] x = Enumerable.Range(0, n).Select(_ => (float)(low + (high - low) * random.NextDouble())).ToArray();
            data.Add($"n={n} in [{low}, {high}]", x);
        }

        // Every d = x - max from 0 down to -104 in fine steps: all table entries, both sides of the clamp and of e^-87.
        data.Add("sweep to -104", Enumerable.Range(0, 10_000).Select(i => (float)(-104.0 * i / 9999)).ToArray());
        data.Add("sweep to -90 shifted by 37", Enumerable.Range(0, 10_000).Select(i => (float)(37 - 90.0 * i / 9999)).ToArray());

        // One maximum, a thousand equal elements that dominate the sum, one different element.
        foreach (float other in new[] { -1f, -0.3f, -2.7f })
        {
            float[] x = Enumerable.Repeat(-1f, 1000).Append(0f).Append(other).Append(-1.5f).ToArray();
            data.Add($"equal elements dominate, other {other}", x);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void FloatRowsAreWithinTwoUlps(string name, float[] x)
    {
        var y = new float[x.Length];
        Activation.Softmax(x, y);
        double worst = AxisAccuracy.Check(y, AxisReference.Softmax(AxisInputs.Widen(x)), $"softmax float {name}");
        output.WriteLine($"{name}: max {worst:F3} ULP ({SimdPathTests.LivePath})");
    }

    [Fact]
    public void InPlaceGivesTheSameAsIntoAnotherSpan()
    {
        float[] x = Enumerable.Range(0, 1000).Select(i => (float)Math.Sin(i) * 20).ToArray();
        var expected = new float[x.Length];
        Activation.Softmax(x, expected);
        Activation.Softmax(x, x);
        Assert.Equal(expected, x);
    }
}
