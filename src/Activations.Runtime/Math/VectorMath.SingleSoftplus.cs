using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

// softplus(x) = max(x, 0) + log1p(e^-|x|) of float vectors in float lanes, one short chain instead of exp followed by log1p.
// Two forms. When every lane has |x| <= 10.39 or is NaN (and the hardware has AVX2 and FMA), the narrow-range form of
// VectorMath.SingleSoftplusNarrowRange.cs: reduction by about 2 ln 2, no correction, about 27 operations and 9 table
// reads. Otherwise the full-range form below: at Vector128 and Vector256 for the whole vector once any lane is beyond
// 10.39 or infinite, with AVX-512 for those lanes only (Softplus(Vector512<float>)):
// With m = -|x| = k ln 2 + r (the float exp's reduction, |r| <= ln2 / 2, r's rounding error rLow kept), log1p(e^m) is
// 2^k Q_k(r) with Q_k(r) = log1p(2^k e^r) / 2^k: a smooth function of r for each k, approximated by a degree-6 polynomial
// per k (least squares fitted by us, relative error below 2^-28 with the float coefficients) whose coefficients come from
// 8-entry tables by one vpermps each (native rows, VectorMath.TableLookup.cs), indexed by k's low bits: k = 0..-6 have
// their own entries. Below, k <= -7 (|x| > 4.5, e = e^m < 2^-6.5), the entry is e^r and log1p(e) = e - e^2 (1/2 - e/3 +
// e^2/4): the correction, at most 2^-7.5 of the result, is computed from the polynomial's own e^r and subtracted from its
// small part. The constant term is a float pair (high + low) and the polynomial is summed as high + (r c1 + rest), with
// r c1 and the rest rounded once by an FMA, so only that and the last addition round at full weight. For x > 0,
// softplus(x) = x + log1p(e^-x): x and the high term are added with their rounding error recovered (Fast2Sum on the
// larger first), so x + f rounds once more only.
// Within 1 ULP of the exact value (0.89 ULP at most, measured over every float of |x| in [2^-30, 80] with a throwaway
// harness; DenseFloatSoftplusTests checks strides and the edges, calling this form directly). About 45 arithmetic
// instructions per vector. Beyond |x| = 80 (2^k and every term normal below) or without AVX2 and FMA the lanes are
// widened to double (float-accuracy exp and log1p, rounded once). Vector128 uses the Vector256 bodies; Vector512 has
// 512-bit copies of them with AVX-512F, else runs them on each half.
public static partial class VectorMath
{
    /// <summary>Below this magnitude 2^k (k = round(-|x| / ln 2)) and every term of the fast path are normal floats.</summary>
    private const float SoftplusFloatFastPathBound = 80f;

    /// <summary>The bits of <see cref="FloatRoundingShift"/> + k are 0x4b40007f + k: the largest with k &lt;= -7 selects table entry 0, the correction's.</summary>
    private const int SoftplusFloatTailIndex = 0x4b40007f - 7;

    /// <summary>k &lt; this (k &lt;= -7) is the tail, where the entry is e^r and the correction applies.</summary>
    private const float SoftplusFloatTailK = -6.5f;

    private const int SoftplusFullRowC0High = 0 * SoftplusRowLength;
    private const int SoftplusFullRowC0Low = 1 * SoftplusRowLength;
    private const int SoftplusFullRowC1 = 2 * SoftplusRowLength;
    private const int SoftplusFullRowC2 = 3 * SoftplusRowLength;
    private const int SoftplusFullRowC3 = 4 * SoftplusRowLength;
    private const int SoftplusFullRowC4 = 5 * SoftplusRowLength;
    private const int SoftplusFullRowC5 = 6 * SoftplusRowLength;
    private const int SoftplusFullRowC6 = 7 * SoftplusRowLength;

    /// <summary>The full-range form's tables, one 32-byte row each: entry k + 7 for k = 0..-6, entry 0 for the tail.</summary>
    private static unsafe float* s_softplusFullRangeTable = CreateConstantRows(
        SoftplusRowLength,
        [],
        [
            // c0 as a float pair (high, low), then c1..c6 of Q_k.
            1f, 0.99226797f, 0.98469305f, 0.96999395f, 0.94226426f, 0.8925742f, 0.8109302f, 0.6931472f,
            0f, -2.7968671e-08f, 2.6951597e-08f, 1.2649508e-10f, 2.6389525e-08f, 1.4163394e-08f, 2.3745779e-08f, -1.9046542e-09f,
            1f, 0.9846154f, 0.96969694f, 0.9411764f, 0.88888884f, 0.8f, 0.6666667f, 0.5f,
            0.49999988f, 0.4847337f, 0.47015607f, 0.4429066f, 0.39506173f, 0.32000002f, 0.22222218f, 0.12499999f,
            0.16666518f, 0.15660602f, 0.14722203f, 0.13026957f, 0.10242612f, 0.06399932f, 0.024689637f, 3.7057718e-11f,
            0.041669656f, 0.036723923f, 0.03227304f, 0.02464845f, 0.01341249f, 0.0010657215f, -0.0061717276f, -0.0052079344f,
            0.008368961f, 0.00641282f, 0.0047460906f, 0.002143111f, -0.0009876236f, -0.002933476f, -0.0020259507f, -3.5193434e-10f,
            0.0013744801f, 0.0007651913f, 0.00027943111f, -0.00036548622f, -0.0008686998f, -0.0006347832f, 0.00015431624f, 0.00034131145f,
        ]);

    /// <summary>The same rows each written twice, for the Vector512 body (declared after them: initialised in order).</summary>
    private static unsafe float* s_softplusFullRangeTableWide = CreateWideRows(s_softplusFullRangeTable, (SoftplusFullRowC6 / SoftplusRowLength) + 1);

    /// <summary>softplus(x) = max(x, 0) + log1p(e^-|x|), the formula of <see cref="Activation.Softplus(double)"/>.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>softplus(<paramref name="x"/>); NaN for NaN, +0 for -∞, ∞ for ∞.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Softplus(double x) => System.Math.Max(x, 0.0) + Log1p(Exp(-System.Math.Abs(x)));

    /// <summary>softplus(x) of a float, within 1 ULP (computed in double with float-accuracy exp and log1p, rounded once).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>softplus(<paramref name="x"/>).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Softplus(float x)
    {
        double wide = x;
        return (float)(System.Math.Max(wide, 0.0) + Log1pForSingle(ExpForSingle(-System.Math.Abs(wide))));
    }

    /// <summary>softplus(x) per float lane, within 1 ULP of the exact value.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>softplus of each element; NaN for NaN, +0 for -∞, ∞ for ∞.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector128<float> Softplus(Vector128<float> x)
    {
        if (!Avx2.IsSupported || !Fma.IsSupported)
        {
            return SoftplusInDouble(x);
        }

        // Widened with zero upper lanes (which compute softplus(0) and are dropped): only the lower four are checked and kept.
        float* c = s_softplusNarrowTable;
        Vector128<float> magnitude = Vector128.Abs(x);
        if (Vector128.GreaterThanAny(magnitude, Vector128.Load(c + SoftplusRowBound)))
        {
            return SoftplusBeyondNarrowRange(x);
        }

        return SoftplusNarrowRange(x.ToVector256(), magnitude.ToVector256(), c).GetLower();
    }

    /// <summary>softplus(x) per float lane, within 1 ULP of the exact value.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>softplus of each element; NaN for NaN, +0 for -∞, ∞ for ∞.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector256<float> Softplus(Vector256<float> x)
    {
        if (!Avx2.IsSupported || !Fma.IsSupported)
        {
            return SoftplusInDouble(x);
        }

        // The narrow form first: the JIT lays it out as the fall-through path to the store (about 1% faster than a jump).
        float* c = s_softplusNarrowTable;
        Vector256<float> magnitude = Vector256.Abs(x);
        if (SoftplusNarrowCovers(magnitude, c))
        {
            return SoftplusNarrowRange(x, magnitude, c);
        }

        return SoftplusBeyondNarrowRange(x);
    }

    /// <summary>softplus(x) per float lane, within 1 ULP of the exact value.</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>softplus of each element; NaN for NaN, +0 for -∞, ∞ for ∞.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector512<float> Softplus(Vector512<float> x)
    {
        if (!Avx2.IsSupported || !Fma.IsSupported)
        {
            return SoftplusInDouble(x);
        }

        if (!Avx512F.IsSupported)
        {
            return SoftplusOnHalves(x);
        }

        // Lane by lane (unlike the narrower widths): a vector with lanes beyond the narrow range gets the full-range form
        // in those lanes only, so that no element's result depends on its neighbours (and the Vector512 loop may start at
        // an aligned element, which groups elements by the destination's address).
        float* c = s_softplusNarrowTableWide;
        Vector512<float> magnitude = Vector512.Abs(x);
        Vector512<float> result = SoftplusNarrowRange(x, magnitude, c);
        Vector512<float> beyond = Vector512.GreaterThan(magnitude, LoadRow(c, SoftplusRowBound));
        if (beyond != Vector512<float>.Zero)
        {
            // Lanes beyond ±80 take a call; the narrow result is then its argument rather than a value live across it,
            // which the JIT would spill in every vector of the loop, taken or not (softplus 0.249 → 0.224 ns per element, n = 4096 on [-10, 10]).
            Vector512<float> negativeMagnitude = x | Vector512.Create(-0f);
            result = Vector512.LessThanAny(negativeMagnitude, Vector512.Create(-SoftplusFloatFastPathBound))
                ? SoftplusWithFarLanes(x, result)
                : Vector512.ConditionalSelect(beyond, SoftplusFullRange(x, negativeMagnitude), result) - Vector512<float>.Zero;
        }

        return result;
    }

    // Softplus(Vector512) when some lane is beyond ±80: the full-range form, the far lanes from double, blended with the
    // narrow form's lanes. Not inlined (see above).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe Vector512<float> SoftplusWithFarLanes(Vector512<float> x, Vector512<float> narrow)
    {
        Vector512<float> beyond = Vector512.GreaterThan(Vector512.Abs(x), LoadRow(s_softplusNarrowTableWide, SoftplusRowBound));
        return Vector512.ConditionalSelect(beyond, SoftplusBeyondNarrowRange(x), narrow) - Vector512<float>.Zero;
    }

    // AVX2 without AVX-512 (a caller's own Vector512 loop): the Vector256 form on each half, each choosing its own form. Not
    // inlined, so that its IL does not count against the inlining budget of the kernel loops, where the JIT would then
    // leave calls.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<float> SoftplusOnHalves(Vector512<float> x) => Vector512.Create(Softplus(x.GetLower()), Softplus(x.GetUpper()));

    // Some lane beyond the narrow range (|x| > 10.39 or infinite): the full-range float-lane form below, with the lanes
    // beyond ±80 replaced from double (SoftplusRareLanes: not inlined, so the kernel loops keep their constants as memory
    // operands). At Vector128 and Vector256 the narrow lanes of such a vector get the full-range form too, which can
    // differ from the narrow form in the last bit (computing both measured 1.04-1.06x slower on [-10, 10], 1.4-1.55x on
    // [-20, 20] on Zen 3; the AVX-512 code does blend, at no measurable cost on Zen 5). Inlined into
    // the kernel loops beside the narrow form (their JIT listing has no other call): as a call per vector it made inputs
    // in [-20, 20] 1.25x slower than the full-range form alone, inlined about 1.1x. Tests call it directly.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<float> SoftplusBeyondNarrowRange(Vector128<float> x)
    {
        if (!Avx2.IsSupported || !Fma.IsSupported)
        {
            return SoftplusInDouble(x);
        }

        Vector128<float> result = SoftplusFullRange(x.ToVector256(), x.ToVector256() | Vector256.Create(-0f)).GetLower();
        if (Vector128.LessThanAny(x | Vector128.Create(-0f), Vector128.Create(-SoftplusFloatFastPathBound)))
        {
            result = SoftplusRareLanes(x, result) - Vector128<float>.Zero;
        }

        // A NaN lane returns its own NaN, as the narrow form does (the full-range form's NaN may come from x | -0, sign set).
        return Vector128.ConditionalSelect(Vector128.Equals(x, x), result, x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<float> SoftplusBeyondNarrowRange(Vector256<float> x)
    {
        if (!Avx2.IsSupported || !Fma.IsSupported)
        {
            return SoftplusInDouble(x);
        }

        Vector256<float> negativeMagnitude = x | Vector256.Create(-0f);
        Vector256<float> result = SoftplusFullRange(x, negativeMagnitude);
        if (Vector256.LessThanAny(negativeMagnitude, Vector256.Create(-SoftplusFloatFastPathBound)))
        {
            result = SoftplusRareLanes(x, result) - Vector256<float>.Zero;
        }

        // A NaN lane returns its own NaN, as the narrow form does (the full-range form's NaN may come from x | -0, sign set),
        // so that a NaN's result does not depend on which form its neighbours choose.
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<float> SoftplusBeyondNarrowRange(Vector512<float> x)
    {
        if (!Avx2.IsSupported || !Fma.IsSupported)
        {
            return SoftplusInDouble(x);
        }

        if (!Avx512F.IsSupported)
        {
            return SoftplusBeyondNarrowRangeOnHalves(x);
        }

        Vector512<float> negativeMagnitude = x | Vector512.Create(-0f);
        Vector512<float> result = SoftplusFullRange(x, negativeMagnitude);
        if (Vector512.LessThanAny(negativeMagnitude, Vector512.Create(-SoftplusFloatFastPathBound)))
        {
            result = SoftplusRareLanes(x, result) - Vector512<float>.Zero;
        }

        return result;
    }

    // One straight-line body (no tuple or out values, which the JIT keeps in memory across the unrolled loop). m = -|x| in
    // [-80, 0] or NaN (which propagates through the arithmetic: every result term depends on r).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector256<float> SoftplusFullRange(Vector256<float> x, Vector256<float> m)
    {
        // m = k ln 2 + r + rLow, as in the float exp (k * Ln2HighSingle exact, rHigh exact, rLow the rounding error of r).
        Vector256<float> shifted = Fma.MultiplyAdd(m, Vector256.Create(InverseLn2Single), Vector256.Create(FloatRoundingShift));
        Vector256<float> k = shifted - Vector256.Create(FloatRoundingShift);
        Vector256<float> rHigh = Fma.MultiplyAdd(k, Vector256.Create(-Ln2HighSingle), m);
        Vector256<float> r = Fma.MultiplyAdd(k, Vector256.Create(-Ln2LowSingle), rHigh);
        Vector256<float> rLow = Fma.MultiplyAdd(k, Vector256.Create(-Ln2LowSingle), rHigh - r);
        Vector256<float> scale = Vector256.ShiftLeft(shifted.AsInt32(), 23).AsSingle(); // 2^k, normal for k >= -116

        // Entry k + 7 for k = 0..-6 (vpermps reads the low 3 bits of k + 127), entry 0 for k <= -7.
        Vector256<int> index = Avx2.Max(shifted.AsInt32(), Vector256.Create(SoftplusFloatTailIndex));
        float* table = s_softplusFullRangeTable;
        Vector256<float> c0High = LookUp(table + SoftplusFullRowC0High, index);
        Vector256<float> c0Low = LookUp(table + SoftplusFullRowC0Low, index);
        Vector256<float> c1 = LookUp(table + SoftplusFullRowC1, index);
        Vector256<float> c2 = LookUp(table + SoftplusFullRowC2, index);
        Vector256<float> c3 = LookUp(table + SoftplusFullRowC3, index);
        Vector256<float> c4 = LookUp(table + SoftplusFullRowC4, index);
        Vector256<float> c5 = LookUp(table + SoftplusFullRowC5, index);
        Vector256<float> c6 = LookUp(table + SoftplusFullRowC6, index);

        // Q_k(r) = c0High + inner, inner = r c1 + rest, rest = r^2 (c2 + c3 r + ... + c6 r^4) + c0Low + rLow c1: the last FMA
        // rounds r c1 and the small rest once (r c1 is up to a third of Q, so rounding it alone cost a quarter ULP).
        Vector256<float> r2 = r * r;
        Vector256<float> p = Fma.MultiplyAdd(r2, Fma.MultiplyAdd(r2, c6, Fma.MultiplyAdd(r, c5, c4)), Fma.MultiplyAdd(r, c3, c2));
        Vector256<float> rest = Fma.MultiplyAdd(r2, p, Fma.MultiplyAdd(rLow, c1, c0Low));

        // Tail (k <= -7): the entry is e^r = 1 + r + rest, and log1p(e) = e - e^2 G with G = 1/2 - e/3 + e^2/4, e = 2^k e^r.
        // The correction e (e^r) G, in units of 2^k (normal: e^r >= 0.7, 2^k >= 2^-116) and at most 2^-7.5 of the result,
        // comes off rest, which is small, so subtracting it rounds far below the result's ULP. (Computing it beside the main
        // chain from a separate e^r shortens the chain but costs more instructions, and measured slower.)
        Vector256<float> expR = rest + (r + Vector256<float>.One);
        Vector256<float> e = expR * scale;
        Vector256<float> g = Fma.MultiplyAdd(e, Fma.MultiplyAdd(e, Vector256.Create(0.25f), Vector256.Create(-1f / 3f)), Vector256.Create(0.5f));
        Vector256<float> correction = ((e * expR) * g) & Vector256.LessThan(k, Vector256.Create(SoftplusFloatTailK));
        Vector256<float> inner = Fma.MultiplyAdd(r, c1, rest - correction);

        // max(x, 0) + 2^k c0High summed with its rounding error (Fast2Sum, larger first), then 2^k inner (exact scaling) and
        // that error added with one rounding, so only it and the final sum round at full weight.
        Vector256<float> f0 = c0High * scale;
        Vector256<float> positive = Avx.Max(x, Vector256<float>.Zero);
        Vector256<float> big = Avx.Max(f0, positive);
        Vector256<float> small = Avx.Min(f0, positive);
        Vector256<float> sum = big + small;
        Vector256<float> sumError = small - (sum - big);
        return sum + Fma.MultiplyAdd(inner, scale, sumError);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<float> SoftplusBeyondNarrowRangeOnHalves(Vector512<float> x) =>
        Vector512.Create(SoftplusBeyondNarrowRange(x.GetLower()), SoftplusBeyondNarrowRange(x.GetUpper()));

    // The Vector256 body above in 512-bit instructions (AVX-512F), operation for operation, so the same bits per lane.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector512<float> SoftplusFullRange(Vector512<float> x, Vector512<float> m)
    {
        Vector512<float> shifted = Avx512F.FusedMultiplyAdd(m, Vector512.Create(InverseLn2Single), Vector512.Create(FloatRoundingShift));
        Vector512<float> k = shifted - Vector512.Create(FloatRoundingShift);
        Vector512<float> rHigh = Avx512F.FusedMultiplyAdd(k, Vector512.Create(-Ln2HighSingle), m);
        Vector512<float> r = Avx512F.FusedMultiplyAdd(k, Vector512.Create(-Ln2LowSingle), rHigh);
        Vector512<float> rLow = Avx512F.FusedMultiplyAdd(k, Vector512.Create(-Ln2LowSingle), rHigh - r);
        Vector512<float> scale = Vector512.ShiftLeft(shifted.AsInt32(), 23).AsSingle();

        Vector512<int> index = Avx512F.Max(shifted.AsInt32(), Vector512.Create(SoftplusFloatTailIndex));
        float* table = s_softplusFullRangeTableWide;
        Vector512<float> c0High = LookUp(table, SoftplusFullRowC0High, index);
        Vector512<float> c0Low = LookUp(table, SoftplusFullRowC0Low, index);
        Vector512<float> c1 = LookUp(table, SoftplusFullRowC1, index);
        Vector512<float> c2 = LookUp(table, SoftplusFullRowC2, index);
        Vector512<float> c3 = LookUp(table, SoftplusFullRowC3, index);
        Vector512<float> c4 = LookUp(table, SoftplusFullRowC4, index);
        Vector512<float> c5 = LookUp(table, SoftplusFullRowC5, index);
        Vector512<float> c6 = LookUp(table, SoftplusFullRowC6, index);

        Vector512<float> r2 = r * r;
        Vector512<float> p = Avx512F.FusedMultiplyAdd(r2, Avx512F.FusedMultiplyAdd(r2, c6, Avx512F.FusedMultiplyAdd(r, c5, c4)), Avx512F.FusedMultiplyAdd(r, c3, c2));
        Vector512<float> rest = Avx512F.FusedMultiplyAdd(r2, p, Avx512F.FusedMultiplyAdd(rLow, c1, c0Low));

        Vector512<float> expR = rest + (r + Vector512<float>.One);
        Vector512<float> e = expR * scale;
        Vector512<float> g = Avx512F.FusedMultiplyAdd(e, Avx512F.FusedMultiplyAdd(e, Vector512.Create(0.25f), Vector512.Create(-1f / 3f)), Vector512.Create(0.5f));
        Vector512<float> correction = ((e * expR) * g) & Vector512.LessThan(k, Vector512.Create(SoftplusFloatTailK));
        Vector512<float> inner = Avx512F.FusedMultiplyAdd(r, c1, rest - correction);

        Vector512<float> f0 = c0High * scale;
        Vector512<float> positive = Avx512F.Max(x, Vector512<float>.Zero);
        Vector512<float> big = Avx512F.Max(f0, positive);
        Vector512<float> small = Avx512F.Min(f0, positive);
        Vector512<float> sum = big + small;
        Vector512<float> sumError = small - (sum - big);
        return sum + Avx512F.FusedMultiplyAdd(inner, scale, sumError);
    }

    // Lanes beyond ±80, infinities, or hardware without AVX2 and FMA: softplus in double, rounded once.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector128<float> SoftplusInDouble(Vector128<float> x) => SoftplusWidened(x);

    // The same, inlined into SoftplusRareLanes: a call from there cost up to 30% more on inputs that take the rare path.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> SoftplusWidened(Vector128<float> x)
    {
        (Vector128<double> lower, Vector128<double> upper) = Vector128.Widen(x);
        return Vector128.Narrow(SoftplusForSingle(lower), SoftplusForSingle(upper));
    }

    // The lanes beyond ±80 (or infinite) from the double path, the others' full-range results kept: an element's result
    // never depends on the other elements in its vector.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector128<float> SoftplusRareLanes(Vector128<float> x, Vector128<float> fast) =>
        Vector128.ConditionalSelect(Vector128.LessThan(x | Vector128.Create(-0f), Vector128.Create(-SoftplusFloatFastPathBound)), SoftplusWidened(x), fast);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<float> SoftplusInDouble(Vector256<float> x) => SoftplusWidened(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> SoftplusWidened(Vector256<float> x)
    {
        (Vector256<double> lower, Vector256<double> upper) = Vector256.Widen(x);
        return Vector256.Narrow(SoftplusForSingle(lower), SoftplusForSingle(upper));
    }

    // The lanes beyond ±80 (or infinite) from the double path, the others' full-range results kept: an element's result
    // never depends on the other elements in its vector.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<float> SoftplusRareLanes(Vector256<float> x, Vector256<float> fast) =>
        Vector256.ConditionalSelect(Vector256.LessThan(x | Vector256.Create(-0f), Vector256.Create(-SoftplusFloatFastPathBound)), SoftplusWidened(x), fast);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<float> SoftplusInDouble(Vector512<float> x) => SoftplusWidened(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> SoftplusWidened(Vector512<float> x)
    {
        (Vector512<double> lower, Vector512<double> upper) = Vector512.Widen(x);
        return Vector512.Narrow(SoftplusForSingle(lower), SoftplusForSingle(upper));
    }

    // The lanes beyond ±80 (or infinite) from the double path, the others' full-range results kept: an element's result
    // never depends on the other elements in its vector.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<float> SoftplusRareLanes(Vector512<float> x, Vector512<float> fast) =>
        Vector512.ConditionalSelect(Vector512.LessThan(x | Vector512.Create(-0f), Vector512.Create(-SoftplusFloatFastPathBound)), SoftplusWidened(x), fast);

    // max(x, 0) (NaN kept by the sum) + log1p(e^-|x|) with the float-accuracy double exp and log1p.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> SoftplusForSingle(Vector128<double> x) =>
        (x & Vector128.GreaterThan(x, Vector128<double>.Zero)) + Log1pForSingle(ExpForSingle(-Vector128.Abs(x)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> SoftplusForSingle(Vector256<double> x) =>
        (x & Vector256.GreaterThan(x, Vector256<double>.Zero)) + Log1pForSingle(ExpForSingle(-Vector256.Abs(x)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> SoftplusForSingle(Vector512<double> x) =>
        (x & Vector512.GreaterThan(x, Vector512<double>.Zero)) + Log1pForSingle(ExpForSingle(-Vector512.Abs(x)));
}
