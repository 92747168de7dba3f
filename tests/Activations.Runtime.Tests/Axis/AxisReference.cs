using System;
using System.Linq;

namespace Activations.Tests.Axis;

/// <summary>
/// The tests' own higher-precision reference for the axis functions, in double-double from the exact inputs
/// (every float, Half and double is a double). Written from the definitions, independently of the kernels:
/// softmax and log_softmax from the sum of e^(x - max); sparsemax by sorting and the k-th cumulative sum
/// (Martins and Astudillo's formula); glu as a / (1 + e^-b).
/// Special values, as the library documents them: a line with NaN or +∞, or only -∞, is NaN.
/// </summary>
internal static class AxisReference
{
    public static DoubleDouble[] Compute(AxisFunction function, double[] x) => function switch
    {
        AxisFunction.Softmax => Softmax(x),
        AxisFunction.LogSoftmax => LogSoftmax(x),
        AxisFunction.Glu => Glu(x),
        AxisFunction.Sparsemax => Sparsemax(x),
        _ => throw new ArgumentOutOfRangeException(nameof(function)),
    };

    public static bool IsUndefined(double[] x) =>
        x.Any(double.IsNaN) || x.Any(double.IsPositiveInfinity) || x.All(double.IsNegativeInfinity);

    public static DoubleDouble[] Softmax(double[] x)
    {
        if (IsUndefined(x))
        {
            return Fill(x.Length, double.NaN);
        }

        double max = x.Max();
        DoubleDouble[] e = x.Select(v => DoubleDouble.Exp((DoubleDouble)v - max)).ToArray();
        DoubleDouble sum = DoubleDouble.Zero;
        foreach (DoubleDouble term in e)
        {
            sum += term;
        }

        return e.Select(term => term / sum).ToArray();
    }

    public static DoubleDouble[] LogSoftmax(double[] x)
    {
        if (IsUndefined(x))
        {
            return Fill(x.Length, double.NaN);
        }

        double max = x.Max();
        DoubleDouble sum = DoubleDouble.Zero;
        foreach (double v in x)
        {
            sum += DoubleDouble.Exp((DoubleDouble)v - max);
        }

        DoubleDouble logSum = DoubleDouble.Log(sum);
        return x.Select(v => double.IsNegativeInfinity(v) ? new DoubleDouble(double.NegativeInfinity) : ((DoubleDouble)v - max) - logSum).ToArray();
    }

    public static DoubleDouble[] Glu(double[] x)
    {
        int half = x.Length / 2;
        var y = new DoubleDouble[half];
        for (int k = 0; k < half; k++)
        {
            double a = x[k], b = x[k + half];
            if (double.IsNaN(a) || double.IsNaN(b))
            {
                y[k] = double.NaN;
            }
            else if (double.IsPositiveInfinity(b))
            {
                y[k] = a;
            }
            else if (double.IsNegativeInfinity(b))
            {
                y[k] = double.IsInfinity(a) ? double.NaN : 0.0;
            }
            else
            {
                y[k] = (DoubleDouble)a / (DoubleDouble.One + DoubleDouble.Exp(-(DoubleDouble)b));
            }
        }

        return y;
    }

    /// <summary>Sorted descending z; k = max{k : 1 + k·z_k &gt; Σ_{j≤k} z_j}; τ = (Σ_{j≤k} z_j - 1) / k; y = max(z - τ, 0).</summary>
    public static DoubleDouble[] Sparsemax(double[] x)
    {
        if (IsUndefined(x))
        {
            return Fill(x.Length, double.NaN);
        }

        double[] sorted = x.OrderByDescending(v => v).ToArray();
        DoubleDouble cumulative = DoubleDouble.Zero, tau = DoubleDouble.Zero;
        for (int k = 1; k <= sorted.Length && !double.IsNegativeInfinity(sorted[k - 1]); k++)
        {
            cumulative += sorted[k - 1];
            if (DoubleDouble.One + (DoubleDouble)sorted[k - 1] * k > cumulative)
            {
                tau = (cumulative - DoubleDouble.One) / k;
            }
        }

        return x.Select(v =>
        {
            if (double.IsNegativeInfinity(v))
            {
                return DoubleDouble.Zero;
            }

            DoubleDouble y = (DoubleDouble)v - tau;
            return y > DoubleDouble.Zero ? y : DoubleDouble.Zero;
        }).ToArray();
    }

    private static DoubleDouble[] Fill(int length, double value) => Enumerable.Repeat(new DoubleDouble(value), length).ToArray();
}
