using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

/// <summary>
/// softmax's middle pass for float rows in float lanes (x86 AVX2 + FMA): stores e = e^(x - max) rounded to float and
/// returns S, the sum of the unrounded e. Eight lanes per vector and no widening of the inputs or narrowing of the
/// results (the double-lane pass widens, computes two vectors of doubles, and narrows: about 1.5x the instructions).
/// <para>
/// Accuracy (what the 2-ULP bar needs): e must be accurate to well below float's 2^-24 before its one rounding.
/// x - max is split exactly into d + lo (Fast2Sum where the row's range allows, else TwoSum); d = k·ln2/8 + t with t
/// exact (FMA, ln2/8 split in two); e^(x - max) = 2^(k/8)·e^u with u = t + (lo - k·ln2lo/8) + δ, where H = float(2^(j/8))
/// (j = k mod 8) comes from an 8-entry table (one permute) and δ = ln(2^(j/8)/H) from another, so H·e^u is exact
/// without a second table term. e^u = 1 + p, p = u + u²(a0 + a1·u + a2·u²) (a minimax fit on |u| ≤ ln2/16, 2^-32),
/// and e = fma(H·2^floor(k/8), p, H·2^floor(k/8)) is rounded once; the roundings of u and p leave about 2^-28.
/// </para>
/// <para>
/// The sum runs in float lanes: each lane's s starts at 1 (or 2^64, see <see cref="Clamped"/>) so that s ≥ e and
/// Fast2Sum's z = (s + e) - s is exactly what s took in; fma(H, p, H - z) is then both what s missed and what e's own
/// rounding lost (one FMA for both), summed into a second lane. So S is the sum of the unrounded e: summing only the
/// rounded e could move every y the same way (a test has a row where a thousand equal elements dominate the sum).
/// The lanes restart every <see cref="BlockLength"/> elements and are folded into a double, so a lane's compensation
/// sums at most 128 terms (its own rounding then stays near 128²·2^-48 relative).
/// </para>
/// </summary>
internal static class SingleExponentials256
{
    public static bool IsSupported => Fma.IsSupported && Vector256.IsHardwareAccelerated;

    /// <summary>
    /// Rows whose values span at most this much need no clamping, and every e^(x - max) ≥ e^-87 is a normal float, so
    /// H·2^floor(k/8) is one normal float (k ≥ -1004).
    /// </summary>
    public const double UnclampedSpread = 87.0;

    /// <summary>Elements per block of the float-lane sums (two vectors per iteration: 128 terms per lane).</summary>
    private const int BlockLength = 2048;

    private const float RoundingShift = 12582912f; // 1.5·2^23: adding it rounds to an integer, left in the low mantissa bits
    private const float EightOverLn2 = 11.541560173034668f;
    private const float Ln2Over8High = 0.08664339780807495f; // 21 significant bits: k·Ln2Over8High + t is exact (|k| < 2^11)
    private const float Ln2Over8Low = -2.380817765157417e-10f;

    // (e^u - 1 - u)/u² ≈ A0 + A1·u + A2·u², minimax for |u| ≤ ln2/16 (relative error of e^u 2^-32.2 with these floats).
    private const float A0 = 0.5f;
    private const float A1 = 0.16668106615543365f;
    private const float A2 = 0.04166993871331215f;

    /// <summary>The pass for a row of floats; <paramref name="min"/> and <paramref name="max"/> from the first pass pick the cheapest exact difference.</summary>
    public static double Run(ref float x, ref float destination, int n, float min, float max)
    {
        bool narrow = (double)max - min <= UnclampedSpread;

        // Fast2Sum(-max, x) is exact when x's exponent is at most max's: |x| below the power of two above max.
        float aboveMax = 2 * BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(max) & 0x7F800000);
        if (narrow && max > 0 && -min < aboveMax)
        {
            return Run<MaximumDominates>(ref x, ref destination, n, max);
        }

        if (narrow && max < 0)
        {
            return Run<InputDominates>(ref x, ref destination, n, max);
        }

        return Run<Clamped>(ref x, ref destination, n, max);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double Run<TDifference>(ref float x, ref float destination, int n, float max)
        where TDifference : struct, IDifference
    {
        // H = float(2^(j/8)) as bits, less j·2^20: the exponent step added below, (k << 20), also carries j into bits 20-22.
        Vector256<float> tableHigh = (Vector256.Create(
            0x3F800000, 0x3F8B95C2, 0x3F9837F0, 0x3FA5FED7, 0x3FB504F3, 0x3FC5672A, 0x3FD744FD, 0x3FEAC0C7)
            - Vector256.Create(0, 1 << 20, 2 << 20, 3 << 20, 4 << 20, 5 << 20, 6 << 20, 7 << 20)
            + Vector256.Create(TDifference.Bias << 23)).AsSingle();
        Vector256<float> tableDelta = Vector256.Create( // ln(2^(j/8) / H)
            0.0f, -1.199215748926008e-08f, 3.1934181521364735e-08f, -3.0990722876822474e-08f,
            1.7114270889351246e-08f, 5.233334210430485e-09f, -1.4719605978541495e-08f, -6.128259677495862e-09f);
        Vector256<float> negativeMax = Vector256.Create(-max);
        Vector256<float> unit = Vector256.Create(TDifference.Unit);
        double rowSum = 0;
        nint i = 0;
        while (i <= n - 2 * Vector256<float>.Count)
        {
            nint end = i + Math.Min(BlockLength, (n - i) & -(2 * Vector256<float>.Count));
            Vector256<float> sum = unit, secondSum = unit, compensation = Vector256<float>.Zero, secondCompensation = compensation;
            for (; i < end; i += 2 * Vector256<float>.Count)
            {
                Exponentials<TDifference>(
                    Vector256.LoadUnsafe(ref x, (nuint)i), Vector256.LoadUnsafe(ref x, (nuint)(i + Vector256<float>.Count)), negativeMax, tableHigh, tableDelta,
                    out Vector256<float> first, out Vector256<float> firstHigh, out Vector256<float> firstP,
                    out Vector256<float> second, out Vector256<float> secondHigh, out Vector256<float> secondP);
                TDifference.Unscale(first).StoreUnsafe(ref destination, (nuint)i);
                TDifference.Unscale(second).StoreUnsafe(ref destination, (nuint)(i + Vector256<float>.Count));
                Accumulate(first, firstHigh, firstP, ref sum, ref compensation, second, secondHigh, secondP, ref secondSum, ref secondCompensation);
            }

            rowSum += Fold(sum, compensation, TDifference.Unit) + Fold(secondSum, secondCompensation, TDifference.Unit);
        }

        if (i <= n - Vector256<float>.Count)
        {
            // One vector left: the pair's code with the same vector twice, the copy discarded (once per row).
            Vector256<float> v = Vector256.LoadUnsafe(ref x, (nuint)i);
            Exponentials<TDifference>(v, v, negativeMax, tableHigh, tableDelta, out Vector256<float> e, out Vector256<float> high, out Vector256<float> p, out _, out _, out _);
            TDifference.Unscale(e).StoreUnsafe(ref destination, (nuint)i);
            Vector256<float> sum = unit + e; // as Accumulate does, from a fresh lane sum
            rowSum += Fold(sum, Fma.MultiplyAdd(high, p, high - (sum - unit)), TDifference.Unit);
            i += Vector256<float>.Count;
        }

        rowSum *= 1.0 / TDifference.Unit;
        for (; i < n; i++)
        {
            double e = SoftmaxSingleExp.Scalar((double)Unsafe.Add(ref x, i) - max);
            Unsafe.Add(ref destination, i) = (float)e;
            rowSum += e;
        }

        return rowSum;
    }

    /// <summary>
    /// e^(v - max)·2^Bias for two vectors, rounded to float; before the rounding each is high·(1 + p). The two vectors'
    /// steps alternate: each exponential is one long dependency chain, and adjacent independent operations let the core
    /// overlap them without a deep window (measured 10-12% faster than the same code one vector after the other).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Exponentials<TDifference>(
        Vector256<float> v0, Vector256<float> v1, Vector256<float> negativeMax, Vector256<float> tableHigh, Vector256<float> tableDelta,
        out Vector256<float> e0, out Vector256<float> high0, out Vector256<float> p0,
        out Vector256<float> e1, out Vector256<float> high1, out Vector256<float> p1)
        where TDifference : struct, IDifference
    {
        Vector256<float> d0 = TDifference.Subtract(v0, negativeMax, out Vector256<float> lo0);
        Vector256<float> d1 = TDifference.Subtract(v1, negativeMax, out Vector256<float> lo1);

        Vector256<float> j0 = Fma.MultiplyAdd(d0, Vector256.Create(EightOverLn2), Vector256.Create(RoundingShift));
        Vector256<float> j1 = Fma.MultiplyAdd(d1, Vector256.Create(EightOverLn2), Vector256.Create(RoundingShift));
        Vector256<float> k0 = j0 - Vector256.Create(RoundingShift);
        Vector256<float> k1 = j1 - Vector256.Create(RoundingShift);
        Vector256<float> t0 = Fma.MultiplyAdd(k0, Vector256.Create(-Ln2Over8High), d0); // exact
        Vector256<float> t1 = Fma.MultiplyAdd(k1, Vector256.Create(-Ln2Over8High), d1);
        Vector256<float> c0 = Fma.MultiplyAdd(k0, Vector256.Create(-Ln2Over8Low), lo0);
        Vector256<float> c1 = Fma.MultiplyAdd(k1, Vector256.Create(-Ln2Over8Low), lo1);

        // vpermps takes the low three bits of each index: j = k mod 8.
        Vector256<float> u0 = t0 + (c0 + Avx2.PermuteVar8x32(tableDelta, j0.AsInt32()));
        Vector256<float> u1 = t1 + (c1 + Avx2.PermuteVar8x32(tableDelta, j1.AsInt32()));

        // p = e^u - 1 = u + u²·(A0 + A1·u + A2·u²), in Estrin order (a shorter chain than Horner's).
        Vector256<float> square0 = u0 * u0;
        Vector256<float> square1 = u1 * u1;
        Vector256<float> q0 = Fma.MultiplyAdd(u0, Vector256.Create(A1), Vector256.Create(A0));
        Vector256<float> q1 = Fma.MultiplyAdd(u1, Vector256.Create(A1), Vector256.Create(A0));
        q0 = Fma.MultiplyAdd(square0, Vector256.Create(A2), q0);
        q1 = Fma.MultiplyAdd(square1, Vector256.Create(A2), q1);
        p0 = Fma.MultiplyAdd(square0, q0, u0);
        p1 = Fma.MultiplyAdd(square1, q1, u1);

        // H·2^(floor(k/8) + Bias): j's bits shifted by 20 put floor(k/8) at the exponent (the table took j back out).
        high0 = (Avx2.PermuteVar8x32(tableHigh, j0.AsInt32()).AsInt32() + Vector256.ShiftLeft(j0.AsInt32(), 20)).AsSingle();
        high1 = (Avx2.PermuteVar8x32(tableHigh, j1.AsInt32()).AsInt32() + Vector256.ShiftLeft(j1.AsInt32(), 20)).AsSingle();
        e0 = Fma.MultiplyAdd(high0, p0, high0);
        e1 = Fma.MultiplyAdd(high1, p1, high1);
    }

    /// <summary>
    /// Adds e = fl(H·(1 + p)) to its lane sums, for two vectors (alternating): s + e by Fast2Sum (s ≥ e), and into the
    /// compensation both what s missed and what e's rounding lost, as H·p + (H - z) with z what s took in (H - z is
    /// exact: z is e or within s's rounding of it).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(
        Vector256<float> e0, Vector256<float> high0, Vector256<float> p0, ref Vector256<float> sum0, ref Vector256<float> compensation0,
        Vector256<float> e1, Vector256<float> high1, Vector256<float> p1, ref Vector256<float> sum1, ref Vector256<float> compensation1)
    {
        Vector256<float> next0 = sum0 + e0;
        Vector256<float> next1 = sum1 + e1;
        Vector256<float> z0 = next0 - sum0;
        Vector256<float> z1 = next1 - sum1;
        compensation0 += Fma.MultiplyAdd(high0, p0, high0 - z0);
        compensation1 += Fma.MultiplyAdd(high1, p1, high1 - z1);
        sum0 = next0;
        sum1 = next1;
    }

    /// <summary>A block's lane sums, less the starting <paramref name="unit"/> of each lane, in double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // a call would make the loop's vector registers spill around it
    private static double Fold(Vector256<float> sum, Vector256<float> compensation, float unit)
    {
        (Vector256<double> lower, Vector256<double> upper) = Vector256.Widen(sum);
        (Vector256<double> compensationLower, Vector256<double> compensationUpper) = Vector256.Widen(compensation);
        return (Vector256.Sum(lower + upper) - Vector256<float>.Count * (double)unit) + Vector256.Sum(compensationLower + compensationUpper);
    }

    /// <summary>x - max as d + lo exactly, d = fl(x - max) and lo its rounding error (an error-free transformation), and how e is scaled.</summary>
    private interface IDifference
    {
        static abstract Vector256<float> Subtract(Vector256<float> x, Vector256<float> negativeMax, out Vector256<float> lo);

        /// <summary>e is computed times 2^Bias, so that it is a normal float however small.</summary>
        static abstract int Bias { get; }

        /// <summary>2^Bias: each lane sum starts here (s ≥ e for Fast2Sum).</summary>
        static abstract float Unit { get; }

        /// <summary>e·2^Bias to e, rounded once.</summary>
        static abstract Vector256<float> Unscale(Vector256<float> scaled);
    }

    /// <summary>x's exponent at most max's (x ≤ max, |x| below the power of two above max): Dekker's Fast2Sum with max first is exact (two operations, not five).</summary>
    private readonly struct MaximumDominates : IDifference
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Subtract(Vector256<float> x, Vector256<float> negativeMax, out Vector256<float> lo)
        {
            Vector256<float> d = x + negativeMax;
            lo = x - (d - negativeMax);
            return d;
        }

        public static int Bias => 0;

        public static float Unit => 1f;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Unscale(Vector256<float> scaled) => scaled;
    }

    /// <summary>x ≤ max &lt; 0: |x| ≥ |max|, so Fast2Sum with x first is exact.</summary>
    private readonly struct InputDominates : IDifference
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Subtract(Vector256<float> x, Vector256<float> negativeMax, out Vector256<float> lo)
        {
            Vector256<float> d = x + negativeMax;
            lo = negativeMax - (d - x);
            return d;
        }

        public static int Bias => 0;

        public static float Unit => 1f;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Unscale(Vector256<float> scaled) => scaled;
    }

    /// <summary>
    /// Anything else (values spread more than <see cref="UnclampedSpread"/>, -∞): Knuth's TwoSum, then d clamped at
    /// -104 (e^-104 is under half the smallest float subnormal, so those lanes still give 0), dropping lo there (NaN
    /// for x = -∞). e is computed times 2^64, a normal float for every k ≥ -1208 (the clamp); times 2^-64 it is exact
    /// down to the smallest subnormal, where it is rounded once more.
    /// </summary>
    private readonly struct Clamped : IDifference
    {
        private const float Lowest = -104f;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Subtract(Vector256<float> x, Vector256<float> negativeMax, out Vector256<float> lo)
        {
            Vector256<float> d = x + negativeMax;
            Vector256<float> bVirtual = d - x;
            lo = (x - (d - bVirtual)) + (negativeMax - bVirtual);
            lo = Vector256.AndNot(lo, Vector256.LessThan(d, Vector256.Create(Lowest)));
            return Avx.Max(d, Vector256.Create(Lowest));
        }

        public static int Bias => 64;

        public static float Unit => 18446744073709551616f; // 2^64

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> Unscale(Vector256<float> scaled) => scaled * Vector256.Create(5.421010862427522e-20f); // 2^-64
    }
}
