using System;

namespace Activations.Tests.Axis;

/// <summary>
/// A double-double (hi + lo, |lo| ≤ ulp(hi)/2): about 106 bits, the tests' higher-precision reference arithmetic
/// for double results (Dekker, Knuth; Math.FusedMultiplyAdd for the exact products). Accuracy of the operations
/// used: add/sub/mul/div ~2^-104 relative; Exp ~2^-94 relative (ten squarings) in its normal range (the lo part underflows for
/// results below ~2^-969, where the reference has fewer digits but still far more than a double's subnormal).
/// </summary>
internal readonly struct DoubleDouble
{
    public readonly double Hi;
    public readonly double Lo;

    public DoubleDouble(double hi, double lo = 0)
    {
        Hi = hi;
        Lo = lo;
    }

    public static readonly DoubleDouble Zero = new(0);
    public static readonly DoubleDouble One = new(1);
    private static readonly DoubleDouble Ln2 = new(0.6931471805599453, 2.3190468138462996e-17);

    public static implicit operator DoubleDouble(double value) => new(value);

    /// <summary>Rounds to double (hi is already the rounded sum when normalized).</summary>
    public double ToDouble() => Hi + Lo;

    private static DoubleDouble TwoSum(double a, double b)
    {
        double s = a + b;
        double bb = s - a;
        return new DoubleDouble(s, (a - (s - bb)) + (b - bb));
    }

    private static DoubleDouble FastTwoSum(double a, double b)
    {
        double s = a + b;
        return new DoubleDouble(s, b - (s - a));
    }

    private static DoubleDouble TwoProduct(double a, double b)
    {
        double p = a * b;
        return new DoubleDouble(p, Math.FusedMultiplyAdd(a, b, -p));
    }

    public static DoubleDouble operator +(DoubleDouble a, DoubleDouble b)
    {
        if (double.IsInfinity(a.Hi) || double.IsInfinity(b.Hi) || double.IsNaN(a.Hi) || double.IsNaN(b.Hi))
        {
            return new DoubleDouble(a.Hi + b.Hi);
        }

        DoubleDouble s = TwoSum(a.Hi, b.Hi);
        DoubleDouble t = TwoSum(a.Lo, b.Lo);
        s = FastTwoSum(s.Hi, s.Lo + t.Hi);
        return FastTwoSum(s.Hi, s.Lo + t.Lo);
    }

    public static DoubleDouble operator -(DoubleDouble a) => new(-a.Hi, -a.Lo);

    public static DoubleDouble operator -(DoubleDouble a, DoubleDouble b) => a + (-b);

    public static DoubleDouble operator *(DoubleDouble a, DoubleDouble b)
    {
        if (!double.IsFinite(a.Hi) || !double.IsFinite(b.Hi))
        {
            return new DoubleDouble(a.Hi * b.Hi);
        }

        DoubleDouble p = TwoProduct(a.Hi, b.Hi);
        return FastTwoSum(p.Hi, p.Lo + (a.Hi * b.Lo + a.Lo * b.Hi));
    }

    public static DoubleDouble operator /(DoubleDouble a, DoubleDouble b)
    {
        if (!double.IsFinite(a.Hi) || !double.IsFinite(b.Hi) || b.Hi == 0)
        {
            return new DoubleDouble(a.Hi / b.Hi);
        }

        // Long division: q1 = a/b, remainder, q2, remainder, q3.
        double q1 = a.Hi / b.Hi;
        DoubleDouble r = a - b * q1;
        double q2 = r.Hi / b.Hi;
        r -= b * q2;
        double q3 = r.Hi / b.Hi;
        DoubleDouble q = FastTwoSum(q1, q2);
        return q + q3;
    }

    public static bool operator >(DoubleDouble a, DoubleDouble b) => a.Hi > b.Hi || (a.Hi == b.Hi && a.Lo > b.Lo);

    public static bool operator <(DoubleDouble a, DoubleDouble b) => b > a;

    /// <summary>e^a: a = k·ln2 + r, |r| ≤ ln2/2, r/2^10 through a Taylor series, squared ten times, scaled by 2^k.</summary>
    public static DoubleDouble Exp(DoubleDouble a)
    {
        if (double.IsNaN(a.Hi))
        {
            return new DoubleDouble(double.NaN);
        }

        if (a.Hi < -746)
        {
            return Zero;
        }

        if (a.Hi > 710)
        {
            return new DoubleDouble(double.PositiveInfinity);
        }

        double k = Math.Round(a.Hi / Ln2.Hi);
        DoubleDouble r = a - Ln2 * k;
        r = new DoubleDouble(Math.ScaleB(r.Hi, -10), Math.ScaleB(r.Lo, -10));

        // Σ r^i / i! for i < 24: |r| < 2^-10.5 makes the remainder below 2^-260.
        DoubleDouble sum = One, term = One;
        for (int i = 1; i < 24; i++)
        {
            term = term * r / i;
            sum += term;
        }

        for (int i = 0; i < 10; i++)
        {
            sum *= sum;
        }

        // Scale in two steps so that neither overflows nor underflows too early.
        int k1 = (int)k / 2, k2 = (int)k - k1;
        sum = new DoubleDouble(Math.ScaleB(sum.Hi, k1), Math.ScaleB(sum.Lo, k1));
        return new DoubleDouble(Math.ScaleB(sum.Hi, k2), Math.ScaleB(sum.Lo, k2));
    }

    /// <summary>log a for a &gt; 0: Newton's step y + a·e^-y - 1 from Math.Log, doubling its ~53 bits.</summary>
    public static DoubleDouble Log(DoubleDouble a)
    {
        double y0 = Math.Log(a.Hi);
        if (!double.IsFinite(y0))
        {
            return new DoubleDouble(y0);
        }

        DoubleDouble y = y0;
        return y + a * Exp(-y) - One;
    }

    public override string ToString() => $"{Hi:R} + {Lo:R}";
}
