using System.Runtime.CompilerServices;

namespace Activations;

/// <summary>
/// e^d for float softmax, d = x - max ≤ 0 computed in double (exact enough: both are floats), to a relative 2^-33:
/// float accuracy, as the math core's <see cref="VectorMath.ExpForSingle(double)"/>, but without its range check and
/// the cold call behind it, which made the JIT spill every vector register in the hot loop. Instead d is clamped
/// at -104: e^-104 is below half the smallest float subnormal, so every clamped element still rounds to 0 as a float
/// (and adds nothing visible to a sum ≥ 1), and 2^k (k ≥ -151) is always one normal double. No branch, no table.
/// Only for softmax: log_softmax sums terms far smaller than that (see <see cref="ShiftedExp"/>).
/// </summary>
internal static class SoftmaxSingleExp
{
    /// <summary>Below this, e^d rounds to 0 as a float (e^-104 ≈ 6.8e-46 &lt; 2^-150 ≈ 7.0e-46).</summary>
    private const double Lowest = -104.0;

    private const double RoundingShift = VectorMath.RoundingShift;
    private const double InverseLn2 = VectorMath.InverseLn2;
    private const double Ln2 = VectorMath.Ln2;

    // e^r = 1 + r·(1 + r·Q(r)) on [-ln2/2, ln2/2]: the math core's float-accuracy fit (2^-34 relative); in double
    // its roundings (2^-53) do not matter.
    private const double Q5 = VectorMath.ExpSingleQ5;
    private const double Q4 = VectorMath.ExpSingleQ4;
    private const double Q3 = VectorMath.ExpSingleQ3;
    private const double Q2 = VectorMath.ExpSingleQ2;
    private const double Q1 = VectorMath.ExpSingleQ1;
    private const double Q0 = VectorMath.ExpSingleQ0;

    /// <summary>e^d per lane for d ≤ 0 (NaN excluded: the caller has rejected lines with a NaN).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Vector<TL, TV>(TV d)
        where TL : struct, ILanes<TV> where TV : struct
    {
        d = TL.Max(d, TL.Create(Lowest));
        TV j = TL.MultiplyAdd(d, TL.Create(InverseLn2), TL.Create(RoundingShift)); // k + 1.5·2^52, k = round(d / ln 2)
        TV k = TL.Subtract(j, TL.Create(RoundingShift));
        TV r = TL.MultiplyAdd(k, TL.Create(-Ln2), d); // |r| ≤ ln2/2; ln 2's rounding times |k| ≤ 151 is below 2^-46
        // Estrin's scheme: a shorter dependency chain than Horner's lets more iterations overlap in the core.
        TV r2 = TL.Multiply(r, r);
        TV q01 = TL.MultiplyAdd(TL.Create(Q1), r, TL.Create(Q0));
        TV q23 = TL.MultiplyAdd(TL.Create(Q3), r, TL.Create(Q2));
        TV q45 = TL.MultiplyAdd(TL.Create(Q5), r, TL.Create(Q4));
        TV q = TL.MultiplyAdd(TL.MultiplyAdd(q45, r2, q23), r2, q01);
        TV p = TL.MultiplyAdd(r2, q, TL.Add(r, TL.Create(1.0)));
        return TL.Multiply(p, TL.PowerOfTwo(j));
    }

    /// <summary>The same for one element (row tails).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Scalar(double d)
    {
        d = d > Lowest ? d : Lowest;
        double j = (d * InverseLn2) + RoundingShift;
        double k = j - RoundingShift;
        double r = (k * -Ln2) + d;
        double q = (((((((Q5 * r) + Q4) * r + Q3) * r + Q2) * r + Q1) * r + Q0) * r) + 1.0;
        double p = (q * r) + 1.0;
        return p * System.BitConverter.Int64BitsToDouble((System.BitConverter.DoubleToInt64Bits(j) + 1023) << 52);
    }
}
