using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

/// <summary>
/// softmax's middle pass for float rows in float lanes (x86 AVX2 + FMA): stores e = e^(x - max) rounded to float and
/// returns Σ e. Eight lanes per vector and no widening of the inputs or narrowing of the results (the double-lane
/// pass widens, computes two vectors of doubles, and narrows: about 1.5x the instructions).
/// <para>
/// Accuracy (what the 2-ULP bar needs): e must be accurate to well below float's 2^-24 before its one rounding.
/// x - max is split exactly into d + lo (Fast2Sum where the row's range allows, else TwoSum); d = k·ln2/8 + t with t exact (FMA,
/// ln2/8 split in two); e^(t + c) = 2^(k/8)·(1 + s), 2^(j/8) (j = k mod 8) from an 8-entry table of float pairs (one
/// permute each), s = t + c + c·t + t²(1/2 + t/6 + t²/24) for |t| ≤ ln2/16 (truncation 2^-29.6); the sum
/// T_hi + (T_hi·t + (T_hi·w + T_lo)) leaves about 2^-28 of error before the final rounding. S sums the stored floats
/// without loss (TwoSum in float lanes) plus each e's rounding error (Fast2Sum), so S is the sum of the unrounded e
/// to about 2^-31, and y = e/S is within 1.5 ULP + 2^-4.
/// </para>
/// </summary>
internal static class SingleExponentials256
{
    public static bool IsSupported => Fma.IsSupported && Vector256.IsHardwareAccelerated;

    /// <summary>
    /// Rows whose values span at most this much need no clamping, and every e^(x - max) ≥ e^-87 is a normal float, so
    /// 2^(k/8 rounded down) is one normal float (k ≥ -1004).
    /// </summary>
    public const double UnclampedSpread = 87.0;

    private const float RoundingShift = 12582912f; // 1.5·2^23: adding it rounds to an integer, left in the low mantissa bits
    private const float EightOverLn2 = 11.541560173034668f;
    private const float Ln2Over8High = 0.08664339780807495f;
    private const float Ln2Over8Low = -2.380817765157417e-10f;


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
        Vector256<float> tableHigh = Vector256.Create(
            1.0f, 1.0905077457427979f, 1.1892070770263672f, 1.2968395948410034f,
            1.4142135381698608f, 1.5422108173370361f, 1.6817928552627563f, 1.8340080976486206f);
        Vector256<float> tableLow = Vector256.Create(
            0.0f, -1.3077539939843064e-08f, 3.797635272917432e-08f, -4.018999533172973e-08f,
            2.4203234971764687e-08f, 8.070904833346049e-09f, -2.4755326677450284e-08f, -1.1239277952768134e-08f);
        Vector256<float> negativeMax = Vector256.Create(-max);
        Vector256<double> sumLower = Vector256<double>.Zero, sumUpper = sumLower;
        Vector256<float> corrections = Vector256<float>.Zero, secondCorrections = corrections;
        nint i = 0;
        for (; i <= n - 2 * Vector256<float>.Count; i += 2 * Vector256<float>.Count)
        {
            // Two vectors per iteration: independent work for the core to overlap, half the loop overhead.
            Vector256<float> first = Exponential<TDifference>(Vector256.LoadUnsafe(ref x, (nuint)i), negativeMax, tableHigh, tableLow, out Vector256<float> firstError, out Vector256<float> firstScale);
            Vector256<float> second = Exponential<TDifference>(Vector256.LoadUnsafe(ref x, (nuint)(i + Vector256<float>.Count)), negativeMax, tableHigh, tableLow, out Vector256<float> secondError, out Vector256<float> secondScale);
            first.StoreUnsafe(ref destination, (nuint)i);
            second.StoreUnsafe(ref destination, (nuint)(i + Vector256<float>.Count));
            Add(first, ref sumLower, ref sumUpper);
            Add(second, ref sumLower, ref sumUpper);
            corrections = Fma.MultiplyAdd(firstError, firstScale, corrections);
            secondCorrections = Fma.MultiplyAdd(secondError, secondScale, secondCorrections);
        }

        if (i <= n - Vector256<float>.Count)
        {
            Vector256<float> result = Exponential<TDifference>(Vector256.LoadUnsafe(ref x, (nuint)i), negativeMax, tableHigh, tableLow, out Vector256<float> error, out Vector256<float> scale);
            result.StoreUnsafe(ref destination, (nuint)i);
            Add(result, ref sumLower, ref sumUpper);
            corrections = Fma.MultiplyAdd(error, scale, corrections);
            i += Vector256<float>.Count;
        }

        double rowSum = Vector256.Sum(sumLower + sumUpper) + (Widened(corrections) + Widened(secondCorrections));
        for (; i < n; i++)
        {
            double e = SoftmaxSingleExp.Scalar((double)Unsafe.Add(ref x, i) - max);
            Unsafe.Add(ref destination, i) = (float)e;
            rowSum += e;
        }

        return rowSum;
    }

    /// <summary>e^(v - max) rounded to float; <paramref name="error"/> · <paramref name="scale"/> is what the rounding of e lost.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Exponential<TDifference>(Vector256<float> v, Vector256<float> negativeMax, Vector256<float> tableHigh, Vector256<float> tableLow, out Vector256<float> error, out Vector256<float> scale)
        where TDifference : struct, IDifference
    {
        Vector256<float> d = TDifference.Subtract(v, negativeMax, out Vector256<float> lo);

        Vector256<float> j = Fma.MultiplyAdd(d, Vector256.Create(EightOverLn2), Vector256.Create(RoundingShift));
        Vector256<float> k = j - Vector256.Create(RoundingShift);
        Vector256<float> t = Fma.MultiplyAdd(k, Vector256.Create(-Ln2Over8High), d); // exact
        Vector256<float> c = Fma.MultiplyAdd(k, Vector256.Create(-Ln2Over8Low), lo);

        // e^(t + c) - 1 - t ≈ c + c·t + t²·(1/2 + t/6 + t²/24) =: w
        Vector256<float> q = Fma.MultiplyAdd(t, Vector256.Create(1f / 24), Vector256.Create(1f / 6));
        q = Fma.MultiplyAdd(q, t, Vector256.Create(0.5f));
        Vector256<float> w = Fma.MultiplyAdd(t * t, q, Fma.MultiplyAdd(c, t, c));

        // 2^(j/8) as a float pair (vpermps takes the low three bits of each index: k mod 8).
        Vector256<int> index = j.AsInt32();
        Vector256<float> high = Avx2.PermuteVar8x32(tableHigh, index);
        Vector256<float> low = Avx2.PermuteVar8x32(tableLow, index);
        Vector256<float> rest = Fma.MultiplyAdd(high, t, Fma.MultiplyAdd(high, w, low));
        Vector256<float> e = high + rest;
        error = rest - (e - high); // Fast2Sum: |high| ≥ |rest|

        scale = TDifference.PowerOfTwo(j);
        return e * scale;
    }

    /// <summary>Σ in double lanes: the stored floats are added without loss.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(Vector256<float> result, ref Vector256<double> sumLower, ref Vector256<double> sumUpper)
    {
        (Vector256<double> lower, Vector256<double> upper) = Vector256.Widen(result);
        sumLower += lower;
        sumUpper += upper;
    }

    /// <summary>The sum of the lanes, in double.</summary>
    private static double Widened(Vector256<float> v)
    {
        (Vector256<double> lower, Vector256<double> upper) = Vector256.Widen(v);
        return Vector256.Sum(lower + upper);
    }

    /// <summary>x - max as d + lo exactly, d = fl(x - max) and lo its rounding error (an error-free transformation).</summary>
    private interface IDifference
    {
        static abstract Vector256<float> Subtract(Vector256<float> x, Vector256<float> negativeMax, out Vector256<float> lo);

        /// <summary>2^floor(k/8) from j = k + 1.5·2^23 (k in the low mantissa bits).</summary>
        static abstract Vector256<float> PowerOfTwo(Vector256<float> j);
    }

    /// <summary>2^floor(k/8) for k ≥ -1008, a normal float: (floor(k/8) + 127) in the exponent field, from j's bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> NormalPowerOfTwo(Vector256<float> j) =>
        Vector256.ShiftLeft(Vector256.ShiftRightLogical(j.AsUInt32() + Vector256.Create(127u * 8), 3), 23).AsSingle();

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

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> PowerOfTwo(Vector256<float> j) => NormalPowerOfTwo(j);
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

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> PowerOfTwo(Vector256<float> j) => NormalPowerOfTwo(j);
    }

    /// <summary>
    /// Anything else (values spread more than <see cref="UnclampedSpread"/>, -∞): Knuth's TwoSum, then d clamped at
    /// -104 (e^-104 is under half the smallest float subnormal, so those lanes still give 0), dropping lo there (NaN
    /// for x = -∞).
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

        /// <summary>
        /// 2^(floor(k/8) + 64) is a normal float for k ≥ -1208 (the clamp); times 2^-64 it is exact down to the smallest
        /// subnormal, so e · 2^floor(k/8) is still rounded once (into a subnormal if it must).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<float> PowerOfTwo(Vector256<float> j) =>
            Vector256.ShiftLeft(Vector256.ShiftRightLogical(j.AsUInt32() + Vector256.Create(191u * 8), 3), 23).AsSingle()
            * Vector256.Create(5.421010862427522e-20f); // 2^-64
    }
}
