using System;

namespace Activations.Tests.Axis;

/// <summary>Seeded random rows: uniform in [-scale, scale], rounded to the element type.</summary>
internal static class AxisInputs
{
    /// <summary>Row lengths from 1 to 10,000: around every vector width's block (2, 4, 8, 16 doubles) and its tails.</summary>
    public static readonly int[] Lengths = { 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 255, 1000, 1024, 4099, 10_000 };

    /// <summary>From gentle (wide supports for sparsemax) to ±1e4 (one-hot softmax, exponentials underflowing).</summary>
    public static readonly double[] Scales = { 0.01, 1, 30, 1e4 };

    public static double[] Doubles(int length, double scale, int seed)
    {
        var random = new Random(seed);
        var x = new double[length];
        for (int i = 0; i < length; i++)
        {
            x[i] = scale * (2 * random.NextDouble() - 1);
        }

        return x;
    }

    public static float[] Singles(int length, double scale, int seed) => Array.ConvertAll(Doubles(length, scale, seed), v => (float)v);

    public static Half[] Halves(int length, double scale, int seed) => Array.ConvertAll(Doubles(length, scale, seed), v => (Half)v);

    public static double[] Widen(float[] x) => Array.ConvertAll(x, v => (double)v);

    public static double[] Widen(Half[] x) => Array.ConvertAll(x, v => (double)v);
}
