using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

// gelu's exact form x Φ(x) = 0.5 x erfc(-x / √2) of float vectors in float lanes, within 1 ULP (0.8504 ULP from the exact
// value at most with the Vector256 body, 0.8412 with the Vector512 one, measured over every float of [-11.2, 11.2] with a
// throwaway harness against the double kernel).
// With a = |x|: x Φ(x) = -a Φ(-a) for x <= 0 and x - a Φ(-a) for x > 0, and a Φ(-a) = a H(a) e^(-a²/2) with
// H(a) = Φ(-a) e^(a²/2), smooth and between 0.5 (a = 0) and about 1/(a √(2π)). Nothing cancels and nothing overflows.
// * H(a) comes from 8 intervals of a (index: the exponent and first mantissa bit of a + 0.75, so vpermps picks each
//   coefficient from an 8-entry table by the index's low 3 bits; the tables are rows in native memory, loaded into a
//   register first, VectorMath.TableLookup.cs): v = a - c is exact for the interval's centre c, and
//   H = (c0 + c1 v) + v² P(v), c0 + c1 v as an exact pair (the FMA's rounding error by a second FMA) and v² P(v), at most
//   5% of H, with P of degree 6 (Estrin). Each centre is a float near the middle of its interval where H(c) and H'(c)
//   are within 2^-34 relative of floats, so c0 and c1 are those floats and no low parts are needed. Fitted by us
//   (weighted least squares toward minimax, coefficients rounded to float one by one with the rest refitted; relative
//   error below 2^-27.9; tools/fits/gelu_tail_centres.py and gelu_tail_coefficients.py 8). The Vector512 body: 16
//   intervals (the exponent and first two mantissa bits, a 16-entry row per coefficient), P of degree 4, relative error
//   below 2^-27.2 (gelu_tail_centres.py wide, gelu_tail_coefficients.py 6 wide).
// * e^(-a²/2): a²/2 = qh + ql exactly (FMA), then the float-lane sigmoid core's reduction (VectorMath.SingleSigmoid.cs)
//   with ql as the argument's low part: e^(-a²/2) = 2^k (1 + rH + t), 2^k and rH exact, t small (|t| < 0.07).
// * H e^(-a²/2) / 2^k = hh (1 + rH) + [hh t + hl (1 + rH + t)]: hh (1 + rH) = ph + pl exactly (FMA and its error), the
//   bracket s is small (a few percent of ph), so its roundings weigh little.
// * The result z - 2^k a (ph + s), z = max(x, 0) (x itself for -0 and NaN), with the factor a applied last (2^k a is
//   exact): R = z - (2^k a) ph rounded once (FMA), its error e by a second FMA (z - R is exact: (2^k a) ph <= z / 2 when
//   z > 0, as H <= 1/2), then R - (2^k a s - e), rounded once more: -0 gives -0, +0 gives +0.
// Fast path when every lane has x >= -11.2 (a + 0.75 < 12 keeps the index in its 8 entries, and 2^k and the result stay
// normal floats; +∞ and NaN are fine), and the hardware has AVX2 and FMA; a is capped at 11.2 (x above it gives x: the tail is
// below 10^-27). The other lanes, and hardware without FMA, compute 0.5 x erfc(-x / √2) in double lanes with the
// float-accuracy erfc, rounded once. Vector128 uses the Vector256 body; Vector512 has a 512-bit body with AVX-512F, else
// the Vector256 body on each half. The 512-bit body looks up 16 intervals of half the width (a zmm holds a 16-entry row:
// the index takes one more bit of a + 0.75), so P has degree 4 instead of 6: 7% faster at n = 4096 (docs/math-core.md).
public static partial class VectorMath
{
    /// <summary>Below -11.2 the fast path's table index would wrap and its result approach the subnormals: those lanes compute in double.</summary>
    private const float GeluExactFloatFastPathBound = 11.2f;

    /// <summary>a + 0.75 has exponent and first mantissa bit that number the 8 intervals of H(a) in [0, 11.25) (and with the second mantissa bit, the Vector512 body's 16).</summary>
    private const float GeluExactFloatIndexOffset = 0.75f;

    /// <summary>Floats per row of the interval tables (one Vector256: vpermps picks the interval's entry).</summary>
    private const int GeluRowLength = 8;

    private const int GeluRowCentre = 0 * GeluRowLength;
    private const int GeluRowC0 = 1 * GeluRowLength;
    private const int GeluRowC1 = 2 * GeluRowLength;
    private const int GeluRowR2 = 3 * GeluRowLength;
    private const int GeluRowR3 = 4 * GeluRowLength;
    private const int GeluRowR4 = 5 * GeluRowLength;
    private const int GeluRowR5 = 6 * GeluRowLength;
    private const int GeluRowR6 = 7 * GeluRowLength;
    private const int GeluRowR7 = 8 * GeluRowLength;
    private const int GeluRowR8 = 9 * GeluRowLength;

    /// <summary>The interval tables of the Vector256 <c>GeluFast</c>, one 32-byte row each, entry i for index i (i = 5 is the first interval).</summary>
    private static unsafe float* s_geluTable = CreateConstantRows(
        GeluRowLength,
        [],
        [
            // The centre c, then c0 and c1 of H = (c0 + c1 v) + v² P(v), then P's r2..r8.
            1.746427f, 2.7111506f, 4.240916f, 6.2394714f, 9.168343f, 0f, 0.49636006f, 1.0177999f,
            0.18549922f, 0.13227427f, 0.089533746f, 0.062408816f, 0.043012828f, 0.5f, 0.35043624f, 0.25915277f,
            -0.07498142f, -0.040326808f, -0.019237204f, -0.009544255f, -0.004585941f, -0.3989423f, -0.22499973f, -0.13517663f,
            0.02727482f, 0.01147111f, 0.0039751935f, 0.0014288542f, 0.00048367563f, 0.25000113f, 0.11937768f, 0.06078501f,
            -0.009115995f, -0.0030756344f, -0.00079292204f, -0.00020965387f, -5.0480598e-05f, -0.13301918f, -0.055248477f, -0.02443655f,
            0.0028386042f, 0.0007831361f, 0.0001531261f, 3.0181633e-05f, 5.21455e-06f, 0.06311958f, 0.022988698f, 0.008978224f,
            -0.0008313952f, -0.00019045685f, -2.8665012e-05f, -4.2651154e-06f, -5.323044e-07f, -0.03195018f, -0.008767103f, -0.0030596822f,
            0.00023100007f, 4.4556946e-05f, 5.231885e-06f, 5.930444e-07f, 5.4196473e-08f, 0.03587556f, 0.0031048728f, 0.0009805622f,
            -6.316095e-05f, -1.0179869e-05f, -9.884305e-07f, -8.407546e-08f, -5.8701475e-09f, -0.0665769f, -0.0010442694f, -0.00029659749f,
            1.582574e-05f, 1.9689676e-06f, 1.6804685e-07f, 1.1104061e-08f, 5.4197163e-10f, 0.06390549f, 0.00033409914f, 6.478094e-05f,
        ]);

    private const int GeluWideRowCentre = 0;
    private const int GeluWideRowC0 = 1;
    private const int GeluWideRowC1 = 2;
    private const int GeluWideRowR2 = 3;
    private const int GeluWideRowR3 = 4;
    private const int GeluWideRowR4 = 5;
    private const int GeluWideRowR5 = 6;
    private const int GeluWideRowR6 = 7;

    /// <summary>
    /// The Vector512 body's intervals of H (entry i for index i, the low 4 bits of (a + 0.75)'s bits shifted right by 21:
    /// the exponent and first two mantissa bits): widths 0.125 and 0.25 below 1.25, 0.5 to 3.25, 1 to 7.25, 2 to 11.25.
    /// Half as wide as the Vector256 body's, so that P has degree 4 there (two lookups and two multiply-adds fewer; the
    /// largest error 2^-27.2, tools/fits/gelu_tail_coefficients.py 6 wide).
    /// </summary>
    private static unsafe float* s_geluTable16 = CreateConstantRows(
        SixteenEntryRowLength,
        [],
        [
            // The centre c, then c0 and c1 of H = (c0 + c1 v) + v² P(v), then P's r2..r6.
            1.481631f, 2.0167603f, 2.4705563f, 3.0013416f, 3.7898722f, 4.8211737f, 5.7790675f, 6.712977f,
            8.327063f, 10.112082f, 0f, 0.18886659f, 0.37598616f, 0.6294696f, 0.87390095f, 1.1319952f,
            0.2074508f, 0.16705644f, 0.1426863f, 0.121467814f, 0.09909896f, 0.07957039f, 0.06712782f, 0.058189083f,
            0.047246125f, 0.03907702f, 0.5f, 0.43274847f, 0.37935153f, 0.32247835f, 0.27994007f, 0.24447398f,
            -0.091576725f, -0.062029473f, -0.04642773f, -0.03437588f, -0.023369897f, -0.01531961f, -0.011006097f, -0.008320309f,
            -0.005520843f, -0.0037922563f, -0.3989423f, -0.31721056f, -0.25631136f, -0.19595197f, -0.15430239f, -0.12219891f,
            0.03588393f, 0.020978933f, 0.013991991f, 0.0091470275f, 0.0052650245f, 0.002855948f, 0.0017614189f, 0.0011675194f,
            0.00063686114f, 0.0003647074f, 0.25000125f, 0.186419f, 0.141491f, 0.09956627f, 0.07254753f, 0.053072702f,
            -0.012803131f, -0.0065732654f, -0.003953219f, -0.002307496f, -0.0011386636f, -0.0005168583f, -0.0002755761f, -0.00016092451f,
            -7.255187e-05f, -3.4765868e-05f, -0.13302585f, -0.094000794f, -0.06770408f, -0.04442593f, -0.030300966f, -0.020706927f,
            0.0042294934f, 0.0019302148f, 0.0010565189f, 0.0005553658f, 0.00023721243f, 9.0949645e-05f, 4.2197058e-05f, 2.1809696e-05f,
            8.160591e-06f, 3.2881662e-06f, 0.06320874f, 0.042166423f, 0.029009432f, 0.017900445f, 0.011516977f, 0.007407749f,
            -0.0013168552f, -0.00053920643f, -0.00026989414f, -0.0001287057f, -4.8470625e-05f, -1.5747579e-05f, -6.3841835e-06f, -2.9246169e-06f,
            -9.2457225e-07f, -3.1108036e-07f, -0.031612013f, -0.01720466f, -0.011390871f, -0.0066480106f, -0.004056301f, -0.0024693855f,
            0.00036970776f, 0.00014673604f, 6.256716e-05f, 2.8455404e-05f, 9.97091e-06f, 2.8651577e-06f, 9.67984e-07f, 3.7198038e-07f,
            1.07902785e-07f, 2.6577919e-08f, 0.02306783f, 0.006518682f, 0.0041124835f, 0.002299402f, 0.0013250005f, 0.0007885911f,
        ]);

    /// <summary>1/√2 rounded to double.</summary>
    private const double GeluInvSqrtTwo = 0.7071067811865476;

    /// <summary>
    /// gelu's exact form <c>x Φ(x) = 0.5 x erfc(-x / √2)</c>, the formula gelu's stub computes for approximate = false without
    /// its double-only corrections; x is clamped at -10³⁰ so that -∞ gives -0 rather than NaN.
    /// </summary>
    /// <param name="x">The argument.</param>
    /// <returns>gelu of <paramref name="x"/>; NaN for NaN, -0 for -∞, ∞ for ∞.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Gelu(double x) => 0.5 * System.Math.Max(x, -1e30) * Erfc(-(x * GeluInvSqrtTwo));

    /// <summary>gelu's exact form of a float, within 1 ULP (computed in double with the float-accuracy erfc, rounded once).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>gelu of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Gelu(float x) => (float)(0.5 * System.Math.Max(x, -1e30) * ErfcForSingle(-(x * GeluInvSqrtTwo)));

    /// <summary>gelu's exact form per float lane, within 1 ULP (see the file's comment).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>gelu of each element; NaN for NaN, -0 for -∞, ∞ for ∞.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Gelu(Vector128<float> x)
    {
        if (!Avx2.IsSupported || !Fma.IsSupported)
        {
            return GeluInDouble(x);
        }

        // The check comes after the arithmetic, and the rare path's result reaches the result through an operation
        // (x - 0 = x for every x; the JIT drops it), so that the hot path keeps its results in registers.
        Vector128<float> result = GeluFast(x.ToVector256()).GetLower();
        if (Vector128.LessThanAny(x, Vector128.Create(-GeluExactFloatFastPathBound)))
        {
            result = GeluRareLanes(x, result) - Vector128<float>.Zero;
        }

        return result;
    }

    /// <summary>gelu's exact form per float lane, within 1 ULP (see the file's comment).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>gelu of each element; NaN for NaN, -0 for -∞, ∞ for ∞.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Gelu(Vector256<float> x)
    {
        if (!Avx2.IsSupported || !Fma.IsSupported)
        {
            return GeluInDouble(x);
        }

        Vector256<float> result = GeluFast(x);
        if (Vector256.LessThanAny(x, Vector256.Create(-GeluExactFloatFastPathBound)))
        {
            result = GeluRareLanes(x, result) - Vector256<float>.Zero;
        }

        return result;
    }

    /// <summary>gelu's exact form per float lane, within 1 ULP (see the file's comment).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>gelu of each element; NaN for NaN, -0 for -∞, ∞ for ∞.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Gelu(Vector512<float> x)
    {
        if (!Avx2.IsSupported || !Fma.IsSupported)
        {
            return GeluInDouble(x);
        }

        if (!Avx512F.IsSupported)
        {
            return GeluOnHalves(x);
        }

        Vector512<float> result = GeluFast(x);
        if (Vector512.LessThanAny(x, Vector512.Create(-GeluExactFloatFastPathBound)))
        {
            result = GeluRareLanes(x, result) - Vector512<float>.Zero;
        }

        return result;
    }

    // AVX2 without AVX-512 (a caller's own Vector512 loop): the Vector256 form on each half. Not inlined, so that its IL
    // does not count against the inlining budget of the kernel loops, where the JIT would then leave calls.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<float> GeluOnHalves(Vector512<float> x) => Vector512.Create(Gelu(x.GetLower()), Gelu(x.GetUpper()));

    // One straight-line body (no tuple or out values, which the JIT keeps in memory across the unrolled loop), with few
    // enough locals for the JIT to inline it (the tail polynomial is a helper of its own). Lanes below -11.2 give garbage
    // here (the caller replaces them); NaN propagates through z.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector256<float> GeluFast(Vector256<float> x)
    {
        // a = |x| capped, by an integer minimum of the bit patterns (non-negative floats order as their bits; NaN becomes
        // 11.2, and z below carries it to the result), the interval's coefficients by its index. The index comes from |x|
        // before the cap (one step less on the tables' path): above 11.25 it wraps to another interval, whose polynomial at
        // a = 11.2 stays finite and is scaled by e^(-62.7), far below the ULP of x, which those lanes return.
        Vector256<float> absX = Vector256.Abs(x);
        Vector256<float> a = Avx2.Min(absX.AsInt32(), Vector256.Create(GeluExactFloatFastPathBound).AsInt32()).AsSingle();
        Vector256<int> index = Vector256.ShiftRightLogical((absX + Vector256.Create(GeluExactFloatIndexOffset)).AsInt32(), 22);
        float* table = s_geluTable;
        Vector256<float> v = a - LookUp(table + GeluRowCentre, index);
        Vector256<float> c0 = LookUp(table + GeluRowC0, index);
        Vector256<float> c1 = LookUp(table + GeluRowC1, index);

        // H(a) = hh + hl: hh = c0 + c1 v rounded, hl its rounding error (c0 - hh is exact: c1 v is at most a fifth of c0)
        // plus v² P(v), at most 5% of H.
        Vector256<float> v2 = v * v;
        Vector256<float> hh = Fma.MultiplyAdd(c1, v, c0);
        Vector256<float> hl = Fma.MultiplyAdd(GeluTailPolynomial(v, v2, index, table), v2, Fma.MultiplyAdd(c1, v, c0 - hh));

        // e^(-a²/2) = 2^k (1 + rH + t): a²/2 = qh + ql exactly (a / 2 is exact), then the sigmoid core's reduction with ql
        // as the low part: minusRHigh = -rH = qh + k ln2_hi exact, t = e^r - 1 - rH = r² Q(r) + rLow (Estrin). k comes from
        // a² (the same k: halving is exact), so that the reduction does not wait for a / 2.
        Vector256<float> halfA = Vector256.Create(0.5f) * a;
        Vector256<float> qh = halfA * a;
        Vector256<float> shifted = Fma.MultiplyAdd(a * a, Vector256.Create(-0.5f * InverseLn2Single), Vector256.Create(FloatRoundingShift));
        Vector256<float> k = shifted - Vector256.Create(FloatRoundingShift);
        Vector256<float> minusRHigh = Fma.MultiplyAdd(k, Vector256.Create(Ln2HighSingle), qh);
        Vector256<float> minusRLow = Fma.MultiplyAdd(k, Vector256.Create(Ln2LowSingle), Fma.MultiplySubtract(halfA, a, qh));
        Vector256<float> minusR = minusRHigh + minusRLow;
        Vector256<float> minusR2 = minusR * minusR;
        Vector256<float> t = Fma.MultiplyAdd(
            minusR2 * minusR2,
            Fma.MultiplyAdd(minusR2, Vector256.Create(ExpFloatQ4), Fma.MultiplyAdd(minusR, Vector256.Create(-ExpFloatQ3), Vector256.Create(ExpFloatQ2))),
            Fma.MultiplySubtract(minusR2, Fma.MultiplyAdd(minusR, Vector256.Create(-ExpFloatQ1), Vector256.Create(ExpFloatQ0)), minusRLow));

        // H e^(-a²/2) / 2^k = ph + s: ph + pl = hh (1 + rH) exactly (hh - ph is exact: 1 + rH is in [0.65, 1.35]),
        // s = pl + hl (1 + rH) + (hh + hl) t.
        Vector256<float> ph = Fma.MultiplyAddNegated(hh, minusRHigh, hh);
        Vector256<float> pl = Fma.MultiplyAddNegated(hh, minusRHigh, hh - ph);
        Vector256<float> s = Fma.MultiplyAdd(hh + hl, t, Fma.MultiplyAddNegated(hl, minusRHigh, hl) + pl);

        // z - 2^k a (ph + s), z = max(x, 0) (x for ±0 and NaN: maxps returns its second operand), with the factor a applied
        // here rather than to H (one rounding step fewer on H's path): 2^k a is exact, R = z - (2^k a) ph rounded once by
        // FMA, and its error e by a second FMA (z - R is exact: (2^k a) ph is below z / 2 when z > 0, and R = -(2^k a) ph
        // rounded when z = 0), then R - (2^k a s - e). For x = +∞, e is ∞ - ∞ = NaN, which minps replaces by its second
        // operand, float.MaxValue, so that R - (2^k a s - e) stays +∞ (and no range check is needed for it).
        Vector256<float> scaledA = Vector256.ShiftLeft(shifted.AsInt32(), 23).AsSingle() * a;
        Vector256<float> z = Avx.Max(Vector256<float>.Zero, x);
        Vector256<float> rounded = Fma.MultiplyAddNegated(scaledA, ph, z);
        Vector256<float> error = Avx.Min(Fma.MultiplyAddNegated(scaledA, ph, z - rounded), Vector256.Create(float.MaxValue));
        return rounded - Fma.MultiplySubtract(scaledA, s, error);
    }

    // The Vector256 body above in 512-bit instructions (AVX-512F), with 16 intervals of H (s_geluTable16) where the
    // Vector256 body has 8, so that P has degree 4 instead of 6; the rest is the same operations in the same order. Above
    // 11.25 the index wraps to intervals below 1.25, whose polynomials at a = 11.2 stay finite, scaled as above.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector512<float> GeluFast(Vector512<float> x)
    {
        Vector512<float> absX = Vector512.Abs(x);
        Vector512<float> a = Avx512F.Min(absX.AsInt32(), Vector512.Create(GeluExactFloatFastPathBound).AsInt32()).AsSingle();
        Vector512<int> index = Vector512.ShiftRightLogical((absX + Vector512.Create(GeluExactFloatIndexOffset)).AsInt32(), 21);
        float* table = s_geluTable16;
        Vector512<float> v = a - LookUp16(table, GeluWideRowCentre, index);
        Vector512<float> c0 = LookUp16(table, GeluWideRowC0, index);
        Vector512<float> c1 = LookUp16(table, GeluWideRowC1, index);

        Vector512<float> v2 = v * v;
        Vector512<float> hh = Avx512F.FusedMultiplyAdd(c1, v, c0);
        Vector512<float> hl = Avx512F.FusedMultiplyAdd(GeluTailPolynomial16(v, v2, index, table), v2, Avx512F.FusedMultiplyAdd(c1, v, c0 - hh));

        Vector512<float> halfA = Vector512.Create(0.5f) * a;
        Vector512<float> qh = halfA * a;
        Vector512<float> shifted = Avx512F.FusedMultiplyAdd(a * a, Vector512.Create(-0.5f * InverseLn2Single), Vector512.Create(FloatRoundingShift));
        Vector512<float> k = shifted - Vector512.Create(FloatRoundingShift);
        Vector512<float> minusRHigh = Avx512F.FusedMultiplyAdd(k, Vector512.Create(Ln2HighSingle), qh);
        Vector512<float> minusRLow = Avx512F.FusedMultiplyAdd(k, Vector512.Create(Ln2LowSingle), Avx512F.FusedMultiplySubtract(halfA, a, qh));
        Vector512<float> minusR = minusRHigh + minusRLow;
        Vector512<float> minusR2 = minusR * minusR;
        Vector512<float> t = Avx512F.FusedMultiplyAdd(
            minusR2 * minusR2,
            Avx512F.FusedMultiplyAdd(minusR2, Vector512.Create(ExpFloatQ4), Avx512F.FusedMultiplyAdd(minusR, Vector512.Create(-ExpFloatQ3), Vector512.Create(ExpFloatQ2))),
            Avx512F.FusedMultiplySubtract(minusR2, Avx512F.FusedMultiplyAdd(minusR, Vector512.Create(-ExpFloatQ1), Vector512.Create(ExpFloatQ0)), minusRLow));

        Vector512<float> ph = Avx512F.FusedMultiplyAddNegated(hh, minusRHigh, hh);
        Vector512<float> pl = Avx512F.FusedMultiplyAddNegated(hh, minusRHigh, hh - ph);
        Vector512<float> s = Avx512F.FusedMultiplyAdd(hh + hl, t, Avx512F.FusedMultiplyAddNegated(hl, minusRHigh, hl) + pl);

        Vector512<float> scaledA = Vector512.ShiftLeft(shifted.AsInt32(), 23).AsSingle() * a;
        Vector512<float> z = Avx512F.Max(Vector512<float>.Zero, x);
        Vector512<float> rounded = Avx512F.FusedMultiplyAddNegated(scaledA, ph, z);
        Vector512<float> error = Avx512F.Min(Avx512F.FusedMultiplyAddNegated(scaledA, ph, z - rounded), Vector512.Create(float.MaxValue));
        return rounded - Avx512F.FusedMultiplySubtract(scaledA, s, error);
    }

    // P(v) = r2 + r3 v + ... + r8 v^6 of the interval, Estrin's scheme.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector256<float> GeluTailPolynomial(Vector256<float> v, Vector256<float> v2, Vector256<int> index, float* table)
    {
        Vector256<float> r2 = LookUp(table + GeluRowR2, index);
        Vector256<float> r3 = LookUp(table + GeluRowR3, index);
        Vector256<float> r4 = LookUp(table + GeluRowR4, index);
        Vector256<float> r5 = LookUp(table + GeluRowR5, index);
        Vector256<float> r6 = LookUp(table + GeluRowR6, index);
        Vector256<float> r7 = LookUp(table + GeluRowR7, index);
        Vector256<float> r8 = LookUp(table + GeluRowR8, index);
        Vector256<float> low = Fma.MultiplyAdd(Fma.MultiplyAdd(r5, v, r4), v2, Fma.MultiplyAdd(r3, v, r2));
        Vector256<float> high = Fma.MultiplyAdd(r8, v2, Fma.MultiplyAdd(r7, v, r6));
        return Fma.MultiplyAdd(high, v2 * v2, low);
    }

    // P(v) = r2 + r3 v + ... + r6 v^4 of the Vector512 body's interval, Estrin's scheme.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector512<float> GeluTailPolynomial16(Vector512<float> v, Vector512<float> v2, Vector512<int> index, float* table)
    {
        Vector512<float> r2 = LookUp16(table, GeluWideRowR2, index);
        Vector512<float> r3 = LookUp16(table, GeluWideRowR3, index);
        Vector512<float> r4 = LookUp16(table, GeluWideRowR4, index);
        Vector512<float> r5 = LookUp16(table, GeluWideRowR5, index);
        Vector512<float> r6 = LookUp16(table, GeluWideRowR6, index);
        Vector512<float> low = Avx512F.FusedMultiplyAdd(Avx512F.FusedMultiplyAdd(r5, v, r4), v2, Avx512F.FusedMultiplyAdd(r3, v, r2));
        return Avx512F.FusedMultiplyAdd(r6, v2 * v2, low);
    }

    // Hardware without AVX2 and FMA, and the lanes below -11.2 (GeluRareLanes): 0.5 x erfc(-x / √2) in double, rounded once.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector128<float> GeluInDouble(Vector128<float> x) => GeluWidened(x);

    // The same, inlined into GeluRareLanes: a call from there cost up to 30% more on inputs that take the rare path.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> GeluWidened(Vector128<float> x)
    {
        (Vector128<double> lower, Vector128<double> upper) = Vector128.Widen(x);
        return Vector128.Narrow(GeluForSingle(lower), GeluForSingle(upper));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<float> GeluInDouble(Vector256<float> x) => GeluWidened(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> GeluWidened(Vector256<float> x)
    {
        (Vector256<double> lower, Vector256<double> upper) = Vector256.Widen(x);
        return Vector256.Narrow(GeluForSingle(lower), GeluForSingle(upper));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<float> GeluInDouble(Vector512<float> x) => GeluWidened(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> GeluWidened(Vector512<float> x)
    {
        (Vector512<double> lower, Vector512<double> upper) = Vector512.Widen(x);
        return Vector512.Narrow(GeluForSingle(lower), GeluForSingle(upper));
    }

    // The lanes below -11.2 (-∞ included) from the double path, the others' fast results kept: an element's result never
    // depends on the other elements in its vector.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector128<float> GeluRareLanes(Vector128<float> x, Vector128<float> fast) =>
        Vector128.ConditionalSelect(Vector128.LessThan(x, Vector128.Create(-GeluExactFloatFastPathBound)), GeluWidened(x), fast);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<float> GeluRareLanes(Vector256<float> x, Vector256<float> fast) =>
        Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256.Create(-GeluExactFloatFastPathBound)), GeluWidened(x), fast);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<float> GeluRareLanes(Vector512<float> x, Vector512<float> fast) =>
        Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512.Create(-GeluExactFloatFastPathBound)), GeluWidened(x), fast);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> GeluForSingle(Vector128<double> x) =>
        Vector128.Create(0.5) * Vector128DoubleLanes.MaxFast(Vector128.Create(-1e30), x) * ErfcForSingle(-(x * Vector128.Create(GeluInvSqrtTwo)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> GeluForSingle(Vector256<double> x) =>
        Vector256.Create(0.5) * Vector256DoubleLanes.MaxFast(Vector256.Create(-1e30), x) * ErfcForSingle(-(x * Vector256.Create(GeluInvSqrtTwo)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> GeluForSingle(Vector512<double> x) =>
        Vector512.Create(0.5) * Vector512DoubleLanes.MaxFast(Vector512.Create(-1e30), x) * ErfcForSingle(-(x * Vector512.Create(GeluInvSqrtTwo)));
}
