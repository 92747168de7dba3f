using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

// tanh_shrink x - tanh x of float vectors in float lanes, within 0.57 ULP of the exact value at 128 and 256 bits and 0.61 at
// 512 (measured over every float).
// x - tanh x cancels below |x| = 2 (to x³ / 3 near 0), which kept it in double lanes. Here, with a = |x| and the sign of
// x put back last (tanh_shrink is odd; -0 stays -0):
// * a < 2: a - tanh a = a³ R(a), R(a) = (a - tanh a) / a³, smooth and between 0.13 and 1/3. R comes from 6 intervals of a
//   (index: the exponent and first two mantissa bits of a + 1, so vpermps picks each coefficient from an 8-entry table;
//   entries 2 and 3 are unused), as gelu's H does (VectorMath.SingleGelu.cs): v = a - c exact for the interval's centre c,
//   R = (c0 + c1 v) + v² P(v) with c0 + c1 v an exact pair and P of degree 5 (Estrin). Each centre is a float near the
//   middle of its interval where R(c) and R'(c) are within 2^-35 relative of floats, so c0 and c1 are those floats. Fitted
//   by us (tools/fits/tanh_shrink_*.py "narrow"; relative error below 2^-30). a³ = a² a as a pair (two exact FMA products),
//   and a³ R rounded once by FMA.
// * a >= 2: (a - 1) + 2E / (1 + E) with E = e^-2a by the float exp: a - 1 is exact below 2^24 (and rounds once above), the
//   fraction is at most 0.036 of a result of at least 1.03, so its float quotient's error stays below 0.1 ULP of it.
// Fast path when the hardware has AVX2 and FMA; lanes with 0 < |x| < 2^-40 (where a³ nears the subnormals) are blended
// in from double lanes, as is every lane without FMA: the stub's formula with the float-accuracy tanh, rounded once.
// Vector128 uses the Vector256 body. The Vector512 body reads 16-entry tables (one zmm per row, "wide": 14 intervals up to
// 11, relative error below 2^-28.3), so a³ R(a) covers every |x| below 9 and |x| - 1 the rest: no exponential.
public static partial class VectorMath
{
    /// <summary>Below this |x| the Vector256 body computes a³ R(a); from it up, (|x| - 1) + 2E / (1 + E).</summary>
    private const float TanhShrinkPolynomialBound = 2f;

    /// <summary>a + 1 has exponent and first two mantissa bits that number the intervals of R(a) in [0, 2).</summary>
    private const float TanhShrinkIndexOffset = 1f;

    /// <summary>The bits of 2^-40: nonzero magnitudes below it take the double lanes (a³ would near the subnormals).</summary>
    private const uint TanhShrinkSmallestBits = 0x2B800000;

    private const int TanhShrinkRowCentre = 0 * GeluRowLength;
    private const int TanhShrinkRowC0 = 1 * GeluRowLength;
    private const int TanhShrinkRowC1 = 2 * GeluRowLength;
    private const int TanhShrinkRowR2 = 3 * GeluRowLength;
    private const int TanhShrinkRowR3 = 4 * GeluRowLength;
    private const int TanhShrinkRowR4 = 5 * GeluRowLength;
    private const int TanhShrinkRowR5 = 6 * GeluRowLength;
    private const int TanhShrinkRowR6 = 7 * GeluRowLength;
    private const int TanhShrinkRowR7 = 8 * GeluRowLength;

    /// <summary>The interval tables of <c>TanhShrinkFast</c>, one 32-byte row each, entry i for index i.</summary>
    private static unsafe float* s_tanhShrinkTable = CreateConstantRows(
        GeluRowLength,
        [],
        [
            // The centre c, then c0 and c1 of R = (c0 + c1 v) + v² P(v), then P's r2..r7.
            1.2269379f, 1.7129834f, 1.7129834f, 1.7129834f, 0.124950126f, 0.37150532f, 0.62032855f, 0.8856917f,
            0.20858057f, 0.15437819f, 0.15437819f, 0.15437819f, 0.33126473f, 0.31590474f, 0.2889391f, 0.25393978f,
            -0.12644091f, -0.09569198f, -0.09569198f, -0.09569198f, -0.032902874f, -0.08886332f, -0.12384859f, -0.13610098f,
            0.026356269f, 0.032498445f, 0.032498445f, 0.032498445f, -0.12835687f, -0.09429283f, -0.04604153f, -0.0028449267f,
            0.01539304f, -0.0030152632f, -0.0030152632f, -0.0030152632f, 0.026135026f, 0.06090227f, 0.06331144f, 0.04324465f,
            -0.016156746f, -0.0041011143f, -0.0041011143f, -0.0041011143f, 0.048994493f, 0.018763985f, -0.011441476f, -0.022710286f,
            0.00609769f, 0.0031618811f, 0.0031618811f, 0.0031618811f, -0.015454319f, -0.028721137f, -0.017210076f, -0.0009136962f,
            0.0003897168f, -0.0012401191f, -0.0012401191f, -0.0012401191f, -0.018029049f, 0.0008715322f, 0.011340279f, 0.007413794f,
            -0.0015659519f, 0.00021932779f, 0.00021932779f, 0.00021932779f, 0.007976549f, 0.010729282f, 0.0010122298f, -0.004003041f,
        ]);

    /// <summary>From this |x| up tanh |x| has rounded to 1 (it does from 9.0109), so the Vector512 body returns |x| - 1.</summary>
    private const float TanhShrinkWideBound = 9f;

    /// <summary>
    /// The Vector512 body's intervals of R (entry i for index i, the low 4 bits of (a + 1)'s bits shifted right by 21: the
    /// exponent and first two mantissa bits): widths 0.25 below 1, 0.5 to 3, 1 to 7, 2 to 11; entries 10 and 11 are unused.
    /// </summary>
    private static unsafe float* s_tanhShrinkTable16 = CreateConstantRows(
        SixteenEntryRowLength,
        [],
        [
            // The centre c, then c0 and c1 of R = (c0 + c1 v) + v² P(v), then P's r2..r7.
            1.2269379f, 1.7129834f, 2.194542f, 2.7838223f, 3.4876287f, 4.525208f, 5.382103f, 6.579149f,
            7.9116173f, 9.701115f, 9.701115f, 9.701115f, 0.124950126f, 0.37150532f, 0.62032855f, 0.8856917f,
            0.20858057f, 0.15437819f, 0.11534375f, 0.0830378f, 0.058684144f, 0.038045038f, 0.028108053f, 0.019591114f,
            0.013956737f, 0.009530375f, 0.009530375f, 0.009530375f, 0.33126473f, 0.31590474f, 0.2889391f, 0.25393978f,
            -0.12644091f, -0.09569198f, -0.067644395f, -0.043836147f, -0.026994396f, -0.014435571f, -0.009253832f, -0.005421816f,
            -0.0032729297f, -0.0018518949f, -0.0018518949f, -0.0018518949f, -0.032902874f, -0.08886332f, -0.12384859f, -0.13610098f,
            0.026356269f, 0.032498445f, 0.025092363f, 0.015792638f, 0.0088341655f, 0.004001485f, 0.0022476164f, 0.0011144833f,
            0.00057214045f, 0.00026888502f, 0.00026888502f, 0.00026888502f, -0.12835687f, -0.09429283f, -0.04604153f, -0.0028449267f,
            0.01539304f, -0.0030152632f, -0.005911667f, -0.004356354f, -0.0023828158f, -0.0009518925f, -0.00047509797f, -0.0002012271f,
            -8.826685e-05f, -3.4556368e-05f, -3.4556368e-05f, -3.4556368e-05f, 0.026135026f, 0.06090227f, 0.06331144f, 0.04324465f,
            -0.016156746f, -0.0041011143f, 0.00012473199f, 0.00083498185f, 0.00053620466f, 0.00020229902f, 9.1581205e-05f, 3.356175e-05f,
            1.2655278e-05f, 4.1438143e-06f, 4.1438143e-06f, 4.1438143e-06f, 0.048994493f, 0.018763985f, -0.011441476f, -0.022710286f,
            0.00609769f, 0.0031618811f, 0.0007390513f, -2.8859164e-05f, -9.306794e-05f, -3.8516955e-05f, -1.6341595e-05f, -5.2716273e-06f,
            -1.7273381e-06f, -4.7516468e-07f, -4.7516468e-07f, -4.7516468e-07f, -0.015454319f, -0.028721137f, -0.017210076f, -0.0009136962f,
            0.0003897168f, -0.0012401191f, -0.0004630145f, -6.771284e-05f, 6.8276113e-06f, 6.4134906e-06f, 2.6981118e-06f, 7.906721e-07f,
            2.3122972e-07f, 5.2288524e-08f, 5.2288524e-08f, 5.2288524e-08f, -0.018029049f, 0.0008715322f, 0.011340279f, 0.007413794f,
            -0.0015659519f, 0.00021932779f, 0.0001579215f, 4.277296e-05f, 2.849987e-06f, -8.3869674e-07f, -3.6336067e-07f, -1.2158839e-07f,
            -2.6808166e-08f, -4.5180317e-09f, -4.5180317e-09f, -4.5180317e-09f, 0.007976549f, 0.010729282f, 0.0010122298f, -0.004003041f,
        ]);

    /// <summary>tanh_shrink of a float (computed in double, rounded once).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>tanh_shrink of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float TanhShrink(float x) => (float)TanhShrink((double)x);

    /// <summary>tanh_shrink per float lane, within about 0.55 ULP (see the file's comment).</summary>
    /// <param name="x">The arguments.</param>
    /// <returns>tanh_shrink of each element; NaN for NaN, ±∞ for ±∞.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> TanhShrink(Vector128<float> x)
    {
        if (!Avx2.IsSupported || !Fma.IsSupported)
        {
            return InDoubleLanes<TanhShrinkInDouble>(x);
        }

        // The check comes after the arithmetic, and the rare lanes' results reach the result through an operation (x - 0 = x
        // for every x; the JIT drops it), so that the hot path keeps its results in registers.
        Vector128<float> result = TanhShrinkFast(x.ToVector256()).GetLower();
        if (Vector128.LessThanAny(Vector128.Abs(x).AsUInt32() - Vector128<uint>.One, Vector128.Create(TanhShrinkSmallestBits - 1)))
        {
            result = TanhShrinkRareLanes(x, result) - Vector128<float>.Zero;
        }

        return result;
    }

    /// <inheritdoc cref="TanhShrink(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> TanhShrink(Vector256<float> x)
    {
        if (!Avx2.IsSupported || !Fma.IsSupported)
        {
            return InDoubleLanes<TanhShrinkInDouble>(x);
        }

        Vector256<float> result = TanhShrinkFast(x);
        if (Vector256.LessThanAny(Vector256.Abs(x).AsUInt32() - Vector256<uint>.One, Vector256.Create(TanhShrinkSmallestBits - 1)))
        {
            result = TanhShrinkRareLanes(x, result) - Vector256<float>.Zero;
        }

        return result;
    }

    /// <inheritdoc cref="TanhShrink(Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> TanhShrink(Vector512<float> x)
    {
        if (!Avx512F.IsSupported)
        {
            return Vector512.Create(TanhShrink(x.GetLower()), TanhShrink(x.GetUpper()));
        }

        Vector512<float> result = TanhShrinkFast(x);
        if (Vector512.LessThanAny(Vector512.Abs(x).AsUInt32() - Vector512<uint>.One, Vector512.Create(TanhShrinkSmallestBits - 1)))
        {
            result = TanhShrinkRareLanes(x, result) - Vector512<float>.Zero;
        }

        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector256<float> TanhShrinkFast(Vector256<float> x)
    {
        Vector256<float> a = Vector256.Abs(x);
        Vector256<int> index = Vector256.ShiftRightLogical((a + Vector256.Create(TanhShrinkIndexOffset)).AsInt32(), 21);
        float* table = s_tanhShrinkTable;
        Vector256<float> v = a - LookUp(table + TanhShrinkRowCentre, index);
        Vector256<float> c0 = LookUp(table + TanhShrinkRowC0, index);
        Vector256<float> c1 = LookUp(table + TanhShrinkRowC1, index);
        Vector256<float> v2 = v * v;
        Vector256<float> rh = Fma.MultiplyAdd(c1, v, c0);
        Vector256<float> low = Fma.MultiplyAdd(Fma.MultiplyAdd(LookUp(table + TanhShrinkRowR5, index), v, LookUp(table + TanhShrinkRowR4, index)), v2,
            Fma.MultiplyAdd(LookUp(table + TanhShrinkRowR3, index), v, LookUp(table + TanhShrinkRowR2, index)));
        Vector256<float> high = Fma.MultiplyAdd(LookUp(table + TanhShrinkRowR7, index), v, LookUp(table + TanhShrinkRowR6, index));
        Vector256<float> rl = Fma.MultiplyAdd(Fma.MultiplyAdd(high, v2 * v2, low), v2, Fma.MultiplyAdd(c1, v, c0 - rh));

        // a³ = ch + cl: a² = s + sl and s a = ch + its error, both by FMA; then a³ R = ch rh + (ch rl + cl rh), rounded once.
        Vector256<float> s = a * a;
        Vector256<float> ch = s * a;
        Vector256<float> cl = Fma.MultiplyAdd(Fma.MultiplySubtract(a, a, s), a, Fma.MultiplySubtract(s, a, ch));
        Vector256<float> small = Fma.MultiplyAdd(ch, rh, Fma.MultiplyAdd(ch, rl, cl * rh));

        // a - tanh a = (a - 1) + 2E / (1 + E), E = e^-2a: a - 1 is exact for a in [2, 2^24) (and rounds once above), and the
        // fraction, at most 0.036, needs only its float quotient.
        Vector256<float> e = Exp(a * Vector256.Create(-2f));
        Vector256<float> large = (a - Vector256<float>.One) + ((e + e) / (Vector256<float>.One + e));
        return Vector256.ConditionalSelect(Vector256.LessThan(a, Vector256.Create(TanhShrinkPolynomialBound)), small, large) | (x & Vector256.Create(-0f));
    }

    // The Vector512 body (AVX-512F): 16-entry tables, one zmm per row (s_tanhShrinkTable16), whose 14 intervals reach 11, so
    // a³ R(a) covers every |x| below 9 and |x| - 1 the rest (tanh has rounded to 1 there: the exact result is within 0.03
    // ULP of it): no exponential, half the Vector256 body's time. Its bits differ from the Vector256 body's (both within
    // 0.57 ULP of the exact value).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector512<float> TanhShrinkFast(Vector512<float> x)
    {
        Vector512<float> a = Vector512.Abs(x);
        Vector512<int> index = Vector512.ShiftRightLogical((a + Vector512.Create(TanhShrinkIndexOffset)).AsInt32(), 21);
        float* table = s_tanhShrinkTable16;
        Vector512<float> v = a - LookUp16(table, 0, index);
        Vector512<float> c0 = LookUp16(table, 1, index);
        Vector512<float> c1 = LookUp16(table, 2, index);
        Vector512<float> v2 = v * v;
        Vector512<float> rh = Avx512F.FusedMultiplyAdd(c1, v, c0);
        Vector512<float> low = Avx512F.FusedMultiplyAdd(Avx512F.FusedMultiplyAdd(LookUp16(table, 6, index), v, LookUp16(table, 5, index)), v2,
            Avx512F.FusedMultiplyAdd(LookUp16(table, 4, index), v, LookUp16(table, 3, index)));
        Vector512<float> high = Avx512F.FusedMultiplyAdd(LookUp16(table, 8, index), v, LookUp16(table, 7, index));
        Vector512<float> rl = Avx512F.FusedMultiplyAdd(Avx512F.FusedMultiplyAdd(high, v2 * v2, low), v2, Avx512F.FusedMultiplyAdd(c1, v, c0 - rh));

        Vector512<float> s = a * a;
        Vector512<float> ch = s * a;
        Vector512<float> cl = Avx512F.FusedMultiplyAdd(Avx512F.FusedMultiplySubtract(a, a, s), a, Avx512F.FusedMultiplySubtract(s, a, ch));
        Vector512<float> small = Avx512F.FusedMultiplyAdd(ch, rh, Avx512F.FusedMultiplyAdd(ch, rl, cl * rh));
        return Vector512.ConditionalSelect(Vector512.LessThan(a, Vector512.Create(TanhShrinkWideBound)), small, a - Vector512<float>.One) | (x & Vector512.Create(-0f));
    }

    // The lanes with 0 < |x| < 2^-40 from the double lanes, the others' fast results kept: an element's result never
    // depends on the other elements in its vector.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector128<float> TanhShrinkRareLanes(Vector128<float> x, Vector128<float> fast) =>
        Vector128.ConditionalSelect(
            Vector128.LessThan(Vector128.Abs(x).AsUInt32() - Vector128<uint>.One, Vector128.Create(TanhShrinkSmallestBits - 1)).AsSingle(),
            InDoubleLanes<TanhShrinkInDouble>(x),
            fast);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<float> TanhShrinkRareLanes(Vector256<float> x, Vector256<float> fast) =>
        Vector256.Create(TanhShrinkRareLanes(x.GetLower(), fast.GetLower()), TanhShrinkRareLanes(x.GetUpper(), fast.GetUpper()));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<float> TanhShrinkRareLanes(Vector512<float> x, Vector512<float> fast) =>
        Vector512.Create(TanhShrinkRareLanes(x.GetLower(), fast.GetLower()), TanhShrinkRareLanes(x.GetUpper(), fast.GetUpper()));

    // Without FMA (and for the rare lanes): the stub's formula in double lanes, the float-accuracy tanh beyond 1.25.
    private readonly struct TanhShrinkInDouble : IDoubleLaneFormula
    {
        public static Vector128<double> Of(Vector128<double> x)
        {
            Vector128<double> s = x * x;
            Vector128<double> p = Horner(s, [3.1622138893727926e-12, 9.249475626415419e-09, 4.035854531659261e-06, 0.0005521048999309869, 0.02608695652173913, 0.3333333333333333]);
            Vector128<double> q = Horner(s, [3.1622138893727926e-12, 9.496128309786497e-09, 4.273257739403923e-06, 0.0006102212051868803, 0.031055900621118012, 0.4782608695652174, 1.0]);
            Vector128<double> near = x * (s * p) / q;
            return Vector128.ConditionalSelect(Vector128.LessThanOrEqual(Vector128.Abs(x), Vector128.Create(1.25)), near, x - TanhForSingle(x));
        }

        // Horner's scheme, the coefficients from the highest degree down.
        private static Vector128<double> Horner(Vector128<double> s, ReadOnlySpan<double> highestFirst)
        {
            Vector128<double> sum = Vector128.Create(highestFirst[0]);
            for (int i = 1; i < highestFirst.Length; i++)
            {
                sum = (sum * s) + Vector128.Create(highestFirst[i]);
            }

            return sum;
        }
    }
}
