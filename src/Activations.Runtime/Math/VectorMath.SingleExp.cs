using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

// e^x of float vectors in float lanes (twice the lanes of the double form). Cody-Waite: k = round(x / ln 2),
// r = x - k ln2_hi - k ln2_lo with ln2_hi carrying 15 significant bits (SLEEF's split), so k * ln2_hi is exact
// for |k| <= 256 even without FMA and x - k ln2_hi is exact (Sterbenz); the rounding error of r is carried to the
// last addition. e^r = 1 + r + r^2 Q(r), Q of degree 4 fitted by us with float coefficients: relative error
// 2^-28.2 on |r| <= 0.3467, so rounding dominates: within 0.89 ULP of the exact e^x, fused or not (every 7th
// float of [-104, 89] checked, see docs/math-core.md), so within 1 ULP of the correctly rounded float.
// The last step is 2^k + 2^k (e^r - 1) (one rounding with FMA; without it 2^k (e^r - 1) is exact).
// Fast path when every lane has |x| <= 87: the result is normal and 2^k one normal float. Otherwise x is clamped
// to [-104, 89] (outside, the float result is 0 or +inf anyway) and 2^k applied in two halves, so results
// that are subnormal are rounded once more only after an exact scaling, and 2^128 overflows to +inf.
// Written out per width with the vector operators (no generic layering): kernels inline it several times per
// unrolled loop, and the JIT's inlining budget must not run out (see VectorMath.SingleVectors.cs).
public static partial class VectorMath
{
    /// <summary>Below this magnitude e^x is a normal float and 2^k one normal float: the one-scale fast path.</summary>
    private const float ExpFloatFastPathBound = 87f;

    /// <summary>e^-104 is below half the smallest subnormal: the float result is 0 from here down.</summary>
    private const float ExpFloatLowestArgument = -104f;

    /// <summary>e^89 is above float.MaxValue: the float result is +inf from here up.</summary>
    private const float ExpFloatHighestArgument = 89f;

    /// <summary>1.5 * 2^23 + 127: adding it rounds x / ln 2 to an integer k and leaves k + 127 (the biased exponent
    /// of 2^k) in the low bits, so shifting the bits left by 23 gives 2^k without adding the bias.</summary>
    private const float FloatRoundingShift = 12583039f;

    private const float InverseLn2Single = 1.44269504f;

    /// <summary>ln 2 rounded to 15 significant bits (0x3f317200): k * Ln2HighSingle is exact for |k| &lt;= 256.</summary>
    private const float Ln2HighSingle = 0.693145751953125f;

    /// <summary>ln 2 - Ln2HighSingle, rounded to float.</summary>
    private const float Ln2LowSingle = 1.42860677e-6f;

    /// <summary>The float exponent bias moved to the exponent field: (k &lt;&lt; 23) + this is the bits of 2^k.</summary>
    private const int FloatExponentBiasBits = 127 << 23;

    // Q(r) = (e^r - 1 - r) / r^2, degree 4, float coefficients (Lawson-weighted least squares toward minimax of
    // the relative error of e^r, coefficients fixed to float one at a time; see docs/math-core.md).
    private const float ExpFloatQ0 = 0.49999994f;     // 0x1.fffffcp-2
    private const float ExpFloatQ1 = 0.16666521f;     // 0x1.555492p-3
    private const float ExpFloatQ2 = 0.041668262f;    // 0x1.5558aep-5
    private const float ExpFloatQ3 = 0.0083686737f;   // 0x1.123986p-7
    private const float ExpFloatQ4 = 0.0013821003f;   // 0x1.6a4f2ep-10

    /// <summary>a * b + c, fused where the hardware has it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> MultiplyAdd(Vector128<float> a, Vector128<float> b, Vector128<float> c) =>
#if NET9_0_OR_GREATER
        Vector128.MultiplyAddEstimate(a, b, c);
#else
        Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : (a * b) + c;
#endif

    /// <summary>e^x per float lane, within 1 ULP; NaN, infinities, overflow and subnormal results as IEEE gives them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> ExpOfFloats(Vector128<float> x)
    {
        if (Vector128.GreaterThanAny(Vector128.Abs(x), Vector128.Create(ExpFloatFastPathBound)))
        {
            return ExpOfFloatsWide(x);
        }

        // |x| <= 87 or NaN (which the arithmetic propagates whatever the scale's bits).
        Vector128<float> shifted = MultiplyAdd(x, Vector128.Create(InverseLn2Single), Vector128.Create(FloatRoundingShift));
        Vector128<float> k = shifted - Vector128.Create(FloatRoundingShift);
        Vector128<float> expm1 = ExpMinusOneReduced(x, k);
        Vector128<float> scale = Vector128.ShiftLeft(shifted.AsInt32(), 23).AsSingle();
        return MultiplyAdd(expm1, scale, scale);
    }

    /// <summary>The rare path of <see cref="ExpOfFloats(Vector128{float})"/>: some lane beyond ±87 or infinite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> ExpOfFloatsWide(Vector128<float> x)
    {
        // The constant goes first: MinFast/MaxFast return the second operand when either is NaN.
        Vector128<float> clamped = MinFast(Vector128.Create(ExpFloatHighestArgument), MaxFast(Vector128.Create(ExpFloatLowestArgument), x));
        Vector128<float> shifted = MultiplyAdd(clamped, Vector128.Create(InverseLn2Single), Vector128.Create(FloatRoundingShift));
        Vector128<float> k = shifted - Vector128.Create(FloatRoundingShift);
        Vector128<float> expm1 = ExpMinusOneReduced(clamped, k);

        // k in [-150, 129]: 2^k = 2^floor(k/2) * 2^(k - floor(k/2)), both normal.
        Vector128<int> kBits = Vector128.ShiftLeft(shifted.AsInt32(), 23) - Vector128.Create(FloatExponentBiasBits); // (k + 127) << 23 fits: k + 127 <= 255
        Vector128<int> halfBits = Vector128.ShiftRightArithmetic(kBits, 1) & Vector128.Create(unchecked((int)0xff800000));
        Vector128<float> scale1 = (halfBits + Vector128.Create(FloatExponentBiasBits)).AsSingle();
        Vector128<float> scale2 = (kBits - halfBits + Vector128.Create(FloatExponentBiasBits)).AsSingle();
        return MultiplyAdd(expm1, scale1, scale1) * scale2;
    }

    /// <summary>e^r - 1 = r + r^2 Q(r) with r = x - k ln 2, |r| &lt;= ln2/2 (plus rounding slack).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> ExpMinusOneReduced(Vector128<float> x, Vector128<float> k)
    {
        // Carrying rLow to the last addition saves up to 0.18 ULP: the result stays within 1 ULP of the exact
        // value, not only of its rounding (measured: 0.86 ULP at most with FMA, 0.89 without; 1.01 and 0.99 without rLow).
        Vector128<float> r = ReduceByLn2(x, k, out Vector128<float> rLow);
        return r + ExpTailOfReduced(r, rLow);
    }

    /// <summary>r = x - k ln 2 rounded to float, and in <paramref name="rLow"/> its rounding error (|k| &lt;= 256).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> ReduceByLn2(Vector128<float> x, Vector128<float> k, out Vector128<float> rLow)
    {
        // r = rHigh - k Ln2LowSingle rounded, and rLow its rounding error: rHigh - r is exact (Sterbenz, unless
        // both are below 2^-11, where the error is negligible) and adding -k Ln2LowSingle back (the same product,
        // fused or rounded as in r) leaves the error (exact without FMA, as in Fast2Sum).
        Vector128<float> rHigh = MultiplyAdd(k, Vector128.Create(-Ln2HighSingle), x); // exact: k * Ln2HighSingle is, and Sterbenz
        Vector128<float> r = MultiplyAdd(k, Vector128.Create(-Ln2LowSingle), rHigh);
        rLow = MultiplyAdd(k, Vector128.Create(-Ln2LowSingle), rHigh - r);
        return r;
    }

    /// <summary>e^r - 1 - r = r^2 Q(r), with the reduction's rounding error <paramref name="rLow"/> added (one rounding).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> ExpTailOfReduced(Vector128<float> r, Vector128<float> rLow)
    {
        Vector128<float> q = MultiplyAdd(Vector128.Create(ExpFloatQ4), r, Vector128.Create(ExpFloatQ3));
        q = MultiplyAdd(q, r, Vector128.Create(ExpFloatQ2));
        q = MultiplyAdd(q, r, Vector128.Create(ExpFloatQ1));
        q = MultiplyAdd(q, r, Vector128.Create(ExpFloatQ0));
        return MultiplyAdd(r * r, q, rLow);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> MinFast(Vector128<float> a, Vector128<float> b) => Sse.IsSupported ? Sse.Min(a, b) : Vector128.Min(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> MaxFast(Vector128<float> a, Vector128<float> b) => Sse.IsSupported ? Sse.Max(a, b) : Vector128.Max(a, b);

    /// <summary>a * b + c, fused where the hardware has it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) =>
#if NET9_0_OR_GREATER
        Vector256.MultiplyAddEstimate(a, b, c);
#else
        Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : (a * b) + c;
#endif

    /// <summary>e^x per float lane, within 1 ULP; NaN, infinities, overflow and subnormal results as IEEE gives them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ExpOfFloats(Vector256<float> x)
    {
        if (Vector256.GreaterThanAny(Vector256.Abs(x), Vector256.Create(ExpFloatFastPathBound)))
        {
            return ExpOfFloatsWide(x);
        }

        // |x| <= 87 or NaN (which the arithmetic propagates whatever the scale's bits).
        Vector256<float> shifted = MultiplyAdd(x, Vector256.Create(InverseLn2Single), Vector256.Create(FloatRoundingShift));
        Vector256<float> k = shifted - Vector256.Create(FloatRoundingShift);
        Vector256<float> expm1 = ExpMinusOneReduced(x, k);
        Vector256<float> scale = Vector256.ShiftLeft(shifted.AsInt32(), 23).AsSingle();
        return MultiplyAdd(expm1, scale, scale);
    }

    /// <summary>The rare path of <see cref="ExpOfFloats(Vector256{float})"/>: some lane beyond ±87 or infinite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ExpOfFloatsWide(Vector256<float> x)
    {
        // The constant goes first: MinFast/MaxFast return the second operand when either is NaN.
        Vector256<float> clamped = MinFast(Vector256.Create(ExpFloatHighestArgument), MaxFast(Vector256.Create(ExpFloatLowestArgument), x));
        Vector256<float> shifted = MultiplyAdd(clamped, Vector256.Create(InverseLn2Single), Vector256.Create(FloatRoundingShift));
        Vector256<float> k = shifted - Vector256.Create(FloatRoundingShift);
        Vector256<float> expm1 = ExpMinusOneReduced(clamped, k);

        // k in [-150, 129]: 2^k = 2^floor(k/2) * 2^(k - floor(k/2)), both normal.
        Vector256<int> kBits = Vector256.ShiftLeft(shifted.AsInt32(), 23) - Vector256.Create(FloatExponentBiasBits); // (k + 127) << 23 fits: k + 127 <= 255
        Vector256<int> halfBits = Vector256.ShiftRightArithmetic(kBits, 1) & Vector256.Create(unchecked((int)0xff800000));
        Vector256<float> scale1 = (halfBits + Vector256.Create(FloatExponentBiasBits)).AsSingle();
        Vector256<float> scale2 = (kBits - halfBits + Vector256.Create(FloatExponentBiasBits)).AsSingle();
        return MultiplyAdd(expm1, scale1, scale1) * scale2;
    }

    /// <summary>e^r - 1 = r + r^2 Q(r) with r = x - k ln 2, |r| &lt;= ln2/2 (plus rounding slack).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ExpMinusOneReduced(Vector256<float> x, Vector256<float> k)
    {
        // Carrying rLow to the last addition saves up to 0.18 ULP: the result stays within 1 ULP of the exact
        // value, not only of its rounding (measured: 0.86 ULP at most with FMA, 0.89 without; 1.01 and 0.99 without rLow).
        Vector256<float> r = ReduceByLn2(x, k, out Vector256<float> rLow);
        return r + ExpTailOfReduced(r, rLow);
    }

    /// <summary>r = x - k ln 2 rounded to float, and in <paramref name="rLow"/> its rounding error (|k| &lt;= 256).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ReduceByLn2(Vector256<float> x, Vector256<float> k, out Vector256<float> rLow)
    {
        // r = rHigh - k Ln2LowSingle rounded, and rLow its rounding error: rHigh - r is exact (Sterbenz, unless
        // both are below 2^-11, where the error is negligible) and adding -k Ln2LowSingle back (the same product,
        // fused or rounded as in r) leaves the error (exact without FMA, as in Fast2Sum).
        Vector256<float> rHigh = MultiplyAdd(k, Vector256.Create(-Ln2HighSingle), x); // exact: k * Ln2HighSingle is, and Sterbenz
        Vector256<float> r = MultiplyAdd(k, Vector256.Create(-Ln2LowSingle), rHigh);
        rLow = MultiplyAdd(k, Vector256.Create(-Ln2LowSingle), rHigh - r);
        return r;
    }

    /// <summary>e^r - 1 - r = r^2 Q(r), with the reduction's rounding error <paramref name="rLow"/> added (one rounding).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ExpTailOfReduced(Vector256<float> r, Vector256<float> rLow)
    {
        Vector256<float> q = MultiplyAdd(Vector256.Create(ExpFloatQ4), r, Vector256.Create(ExpFloatQ3));
        q = MultiplyAdd(q, r, Vector256.Create(ExpFloatQ2));
        q = MultiplyAdd(q, r, Vector256.Create(ExpFloatQ1));
        q = MultiplyAdd(q, r, Vector256.Create(ExpFloatQ0));
        return MultiplyAdd(r * r, q, rLow);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> MinFast(Vector256<float> a, Vector256<float> b) => Avx.IsSupported ? Avx.Min(a, b) : Vector256.Min(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> MaxFast(Vector256<float> a, Vector256<float> b) => Avx.IsSupported ? Avx.Max(a, b) : Vector256.Max(a, b);

    /// <summary>a * b + c, fused where the hardware has it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> MultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c) =>
#if NET9_0_OR_GREATER
        Vector512.MultiplyAddEstimate(a, b, c);
#else
        Avx512F.IsSupported ? Avx512F.FusedMultiplyAdd(a, b, c) : (a * b) + c;
#endif

    /// <summary>e^x per float lane, within 1 ULP; NaN, infinities, overflow and subnormal results as IEEE gives them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ExpOfFloats(Vector512<float> x)
    {
        if (Vector512.GreaterThanAny(Vector512.Abs(x), Vector512.Create(ExpFloatFastPathBound)))
        {
            return ExpOfFloatsWide(x);
        }

        // |x| <= 87 or NaN (which the arithmetic propagates whatever the scale's bits).
        Vector512<float> shifted = MultiplyAdd(x, Vector512.Create(InverseLn2Single), Vector512.Create(FloatRoundingShift));
        Vector512<float> k = shifted - Vector512.Create(FloatRoundingShift);
        Vector512<float> expm1 = ExpMinusOneReduced(x, k);
        Vector512<float> scale = Vector512.ShiftLeft(shifted.AsInt32(), 23).AsSingle();
        return MultiplyAdd(expm1, scale, scale);
    }

    /// <summary>The rare path of <see cref="ExpOfFloats(Vector512{float})"/>: some lane beyond ±87 or infinite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ExpOfFloatsWide(Vector512<float> x)
    {
        // The constant goes first: MinFast/MaxFast return the second operand when either is NaN.
        Vector512<float> clamped = MinFast(Vector512.Create(ExpFloatHighestArgument), MaxFast(Vector512.Create(ExpFloatLowestArgument), x));
        Vector512<float> shifted = MultiplyAdd(clamped, Vector512.Create(InverseLn2Single), Vector512.Create(FloatRoundingShift));
        Vector512<float> k = shifted - Vector512.Create(FloatRoundingShift);
        Vector512<float> expm1 = ExpMinusOneReduced(clamped, k);

        // k in [-150, 129]: 2^k = 2^floor(k/2) * 2^(k - floor(k/2)), both normal.
        Vector512<int> kBits = Vector512.ShiftLeft(shifted.AsInt32(), 23) - Vector512.Create(FloatExponentBiasBits); // (k + 127) << 23 fits: k + 127 <= 255
        Vector512<int> halfBits = Vector512.ShiftRightArithmetic(kBits, 1) & Vector512.Create(unchecked((int)0xff800000));
        Vector512<float> scale1 = (halfBits + Vector512.Create(FloatExponentBiasBits)).AsSingle();
        Vector512<float> scale2 = (kBits - halfBits + Vector512.Create(FloatExponentBiasBits)).AsSingle();
        return MultiplyAdd(expm1, scale1, scale1) * scale2;
    }

    /// <summary>e^r - 1 = r + r^2 Q(r) with r = x - k ln 2, |r| &lt;= ln2/2 (plus rounding slack).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ExpMinusOneReduced(Vector512<float> x, Vector512<float> k)
    {
        // Carrying rLow to the last addition saves up to 0.18 ULP: the result stays within 1 ULP of the exact
        // value, not only of its rounding (measured: 0.86 ULP at most with FMA, 0.89 without; 1.01 and 0.99 without rLow).
        Vector512<float> r = ReduceByLn2(x, k, out Vector512<float> rLow);
        return r + ExpTailOfReduced(r, rLow);
    }

    /// <summary>r = x - k ln 2 rounded to float, and in <paramref name="rLow"/> its rounding error (|k| &lt;= 256).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ReduceByLn2(Vector512<float> x, Vector512<float> k, out Vector512<float> rLow)
    {
        // r = rHigh - k Ln2LowSingle rounded, and rLow its rounding error: rHigh - r is exact (Sterbenz, unless
        // both are below 2^-11, where the error is negligible) and adding -k Ln2LowSingle back (the same product,
        // fused or rounded as in r) leaves the error (exact without FMA, as in Fast2Sum).
        Vector512<float> rHigh = MultiplyAdd(k, Vector512.Create(-Ln2HighSingle), x); // exact: k * Ln2HighSingle is, and Sterbenz
        Vector512<float> r = MultiplyAdd(k, Vector512.Create(-Ln2LowSingle), rHigh);
        rLow = MultiplyAdd(k, Vector512.Create(-Ln2LowSingle), rHigh - r);
        return r;
    }

    /// <summary>e^r - 1 - r = r^2 Q(r), with the reduction's rounding error <paramref name="rLow"/> added (one rounding).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ExpTailOfReduced(Vector512<float> r, Vector512<float> rLow)
    {
        Vector512<float> q = MultiplyAdd(Vector512.Create(ExpFloatQ4), r, Vector512.Create(ExpFloatQ3));
        q = MultiplyAdd(q, r, Vector512.Create(ExpFloatQ2));
        q = MultiplyAdd(q, r, Vector512.Create(ExpFloatQ1));
        q = MultiplyAdd(q, r, Vector512.Create(ExpFloatQ0));
        return MultiplyAdd(r * r, q, rLow);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> MinFast(Vector512<float> a, Vector512<float> b) => Avx512F.IsSupported ? Avx512F.Min(a, b) : Vector512.Min(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> MaxFast(Vector512<float> a, Vector512<float> b) => Avx512F.IsSupported ? Avx512F.Max(a, b) : Vector512.Max(a, b);
}
