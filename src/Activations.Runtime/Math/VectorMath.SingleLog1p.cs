using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

// ln(1 + x) of float vectors in float lanes (twice the lanes of the double form), within 1 ULP of the exact value.
// fdlibm's log1p arrangement: u = 1 + x rounded and c its rounding error (exact, Fast2Sum with the larger of 1 and x
// first); u = 2^k m with m in [sqrt(1/2), sqrt 2) read from the bits; f = m - 1 (exact); then
// ln(1 + x) = k ln 2 + f - f^2/2 + s (f^2/2 + R) + c / u, with s = f / (2 + f) and R = 2 atanh(s) / s - 2 (the
// identity keeps f, the largest term, exact). R = z P(z), z = s^2, P of degree 2 with float coefficients fitted by us
// (relative error of 2 atanh(s) below 2^-30.2 on |s| <= 3 - 2 sqrt 2). ln 2 is the float exp's 15-bit split, so
// k ln2_hi is exact, and k ln2_hi + f is summed with its rounding error recovered (Fast2Sum: |k ln2_hi| >= 0.69 >
// |f| whenever k != 0), so only the last addition rounds at full weight (without it, k = 1 lost half an ULP).
// -0 keeps its sign by OR-ing in the sign of x (a negative x has a negative result anyway); tiny and subnormal x
// come out exactly (u = 1, f = 0, c = x). u <= 0, +inf and NaN lanes take a cold out-of-line path.
// Fast path, x in [-0.25, 1] (softplus's log1p(e^-|x|) always lands there): 1 + x = 2^k (1 + f) with k = 0 and f = x
// below 1/2, k = 1 and f = (x - 1) / 2 from 1/2 up. f is exact, so c = 0 and one of the two divisions goes, k ln 2 is
// a select, and nothing is out of range. f in [-0.25, 0.5) reaches |s| = 0.2 (beyond the general P's 0.1716): P is
// refitted there. The general form is the rare path, out of line.
// Written out per width with the vector operators (the JIT inlining budget, see VectorMath.SingleVectors.cs).
public static partial class VectorMath
{
    // P(z) = (2 atanh(sqrt z) / sqrt z - 2) / z, degree 2, float coefficients (docs/math-core.md, log's weight).
    private const float Log1pFloatP0 = 0.666667759f;  // 0x1.55557ap-1
    private const float Log1pFloatP1 = 0.399775863f;  // 0x1.995ed8p-2
    private const float Log1pFloatP2 = 0.298706919f;  // 0x1.31e03ap-2

    // The fast path's P, fitted the same way on |s| <= 0.2 (f in [-0.25, 0.5)): relative error of 2 atanh(s) 2^-28.2.
    private const float Log1pFloatFastP0 = 0.666669488f;  // 0x1.5555b4p-1
    private const float Log1pFloatFastP1 = 0.399579108f;  // 0x1.992b44p-2
    private const float Log1pFloatFastP2 = 0.303590596f;  // 0x1.36e074p-2

    /// <summary>The fast path is x in [-0.25, 1]: |x - 0.375| &lt;= 0.625 (both exact at the ends).</summary>
    private const float Log1pFloatFastPathCenter = 0.375f;

    /// <summary>See <see cref="Log1pFloatFastPathCenter"/>.</summary>
    private const float Log1pFloatFastPathHalfWidth = 0.625f;

    /// <summary>ln(1 + x) per float lane, within 1 ULP of the exact value; -inf at -1, NaN below -1 and for NaN, +inf at +inf, -0 kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> LogOnePlusOfFloats(Vector128<float> x)
    {
        // Lanes outside [-0.25, 1] take the out-of-line general form (the call also keeps the JIT from hoisting every
        // constant into a register). |x - 0.375| > 0.625 is false for NaN, which the arithmetic below propagates.
        if (Vector128.GreaterThanAny(Vector128.Abs(x - Vector128.Create(Log1pFloatFastPathCenter)), Vector128.Create(Log1pFloatFastPathHalfWidth)))
        {
            return LogOnePlusOfFloatsGeneral(x);
        }

        // x in [-0.25, 1]: 1 + x = 2^k (1 + f) with k = 0, f = x below 1/2, and k = 1, f = (x - 1) / 2 from 1/2 up, both
        // exact: f in [-0.25, 0.5), no rounding error c and no division by u.
        Vector128<float> oneHalf = Vector128.Create(0.5f);
        Vector128<float> upper = Vector128.GreaterThanOrEqual(x, oneHalf); // k = 1
        Vector128<float> f = Vector128.ConditionalSelect(upper, MultiplyAdd(x, oneHalf, Vector128.Create(-0.5f)), x); // exact, fused or not

        Vector128<float> s = f / (f + Vector128.Create(2.0f));
        Vector128<float> z = s * s;
        Vector128<float> r = z * MultiplyAdd(MultiplyAdd(Vector128.Create(Log1pFloatFastP2), z, Vector128.Create(Log1pFloatFastP1)), z, Vector128.Create(Log1pFloatFastP0));
        Vector128<float> halfSquare = (f * oneHalf) * f;
        Vector128<float> low = MultiplyAdd(s, halfSquare + r, upper & Vector128.Create(Ln2LowSingle)) - halfSquare;
        Vector128<float> kLn2 = upper & Vector128.Create(Ln2HighSingle);
        Vector128<float> high = kLn2 + f;
        Vector128<float> highLow = f - (high - kLn2); // exact (Fast2Sum; both 0 for k = 0)
        Vector128<float> result = high + (low + highLow);
        return result | (x & Vector128.Create(-0.0f)); // ln(1 + -0) = -0
    }

    /// <summary>The general form of <see cref="LogOnePlusOfFloats(Vector128{float})"/>, out of line: some lane outside [-0.25, 1], or infinite.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector128<float> LogOnePlusOfFloatsGeneral(Vector128<float> x)
    {
        Vector128<float> one = Vector128.Create(1.0f);
        Vector128<float> large = MaxFast(one, x);
        Vector128<float> small = MinFast(one, x);
        Vector128<float> u = large + small;
        Vector128<float> c = small - (u - large); // exact for x >= -1 (Fast2Sum)

        // u = 2^k m with m in [sqrt(1/2), sqrt 2): offsetting the bits by those of sqrt(1/2) moves the binade boundary there.
        Vector128<int> offset = u.AsInt32() - Vector128.Create(SqrtHalfSingleBits);
        Vector128<float> k = Vector128.ConvertToSingle(Vector128.ShiftRightArithmetic(offset, 23));
        Vector128<float> f = ((offset & Vector128.Create(0x007fffff)) + Vector128.Create(SqrtHalfSingleBits)).AsSingle() - one;

        Vector128<float> s = f / (f + Vector128.Create(2.0f));
        Vector128<float> z = s * s;
        Vector128<float> r = z * MultiplyAdd(MultiplyAdd(Vector128.Create(Log1pFloatP2), z, Vector128.Create(Log1pFloatP1)), z, Vector128.Create(Log1pFloatP0));
        Vector128<float> halfSquare = (f * Vector128.Create(0.5f)) * f;
        Vector128<float> low = MultiplyAdd(s, halfSquare + r, MultiplyAdd(k, Vector128.Create(Ln2LowSingle), c / u)) - halfSquare;
        Vector128<float> kLn2 = k * Vector128.Create(Ln2HighSingle); // exact
        Vector128<float> high = kLn2 + f;
        Vector128<float> highLow = f - (high - kLn2); // exact (Fast2Sum)
        Vector128<float> result = high + (low + highLow);
        result |= x & Vector128.Create(-0.0f); // ln(1 + -0) = -0

        // u <= 0 (x <= -1), +inf and NaN: the bit tricks mean nothing there.
        Vector128<float> valid = Vector128.GreaterThan(u, Vector128<float>.Zero) & Vector128.LessThan(u, Vector128.Create(float.PositiveInfinity));
        if (valid.AsUInt32() != Vector128<uint>.AllBitsSet)
        {
            result = Vector128.ConditionalSelect(valid, result, Log1pForHalfOutOfRange(u));
        }

        return result;
    }

    /// <summary>ln(1 + x) per float lane, within 1 ULP of the exact value; -inf at -1, NaN below -1 and for NaN, +inf at +inf, -0 kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> LogOnePlusOfFloats(Vector256<float> x)
    {
        // Lanes outside [-0.25, 1] take the out-of-line general form (the call also keeps the JIT from hoisting every
        // constant into a register). |x - 0.375| > 0.625 is false for NaN, which the arithmetic below propagates.
        if (Vector256.GreaterThanAny(Vector256.Abs(x - Vector256.Create(Log1pFloatFastPathCenter)), Vector256.Create(Log1pFloatFastPathHalfWidth)))
        {
            return LogOnePlusOfFloatsGeneral(x);
        }

        // x in [-0.25, 1]: 1 + x = 2^k (1 + f) with k = 0, f = x below 1/2, and k = 1, f = (x - 1) / 2 from 1/2 up, both
        // exact: f in [-0.25, 0.5), no rounding error c and no division by u.
        Vector256<float> oneHalf = Vector256.Create(0.5f);
        Vector256<float> upper = Vector256.GreaterThanOrEqual(x, oneHalf); // k = 1
        Vector256<float> f = Vector256.ConditionalSelect(upper, MultiplyAdd(x, oneHalf, Vector256.Create(-0.5f)), x); // exact, fused or not

        Vector256<float> s = f / (f + Vector256.Create(2.0f));
        Vector256<float> z = s * s;
        Vector256<float> r = z * MultiplyAdd(MultiplyAdd(Vector256.Create(Log1pFloatFastP2), z, Vector256.Create(Log1pFloatFastP1)), z, Vector256.Create(Log1pFloatFastP0));
        Vector256<float> halfSquare = (f * oneHalf) * f;
        Vector256<float> low = MultiplyAdd(s, halfSquare + r, upper & Vector256.Create(Ln2LowSingle)) - halfSquare;
        Vector256<float> kLn2 = upper & Vector256.Create(Ln2HighSingle);
        Vector256<float> high = kLn2 + f;
        Vector256<float> highLow = f - (high - kLn2); // exact (Fast2Sum; both 0 for k = 0)
        Vector256<float> result = high + (low + highLow);
        return result | (x & Vector256.Create(-0.0f)); // ln(1 + -0) = -0
    }

    /// <summary>The general form of <see cref="LogOnePlusOfFloats(Vector256{float})"/>, out of line: some lane outside [-0.25, 1], or infinite.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<float> LogOnePlusOfFloatsGeneral(Vector256<float> x)
    {
        Vector256<float> one = Vector256.Create(1.0f);
        Vector256<float> large = MaxFast(one, x);
        Vector256<float> small = MinFast(one, x);
        Vector256<float> u = large + small;
        Vector256<float> c = small - (u - large); // exact for x >= -1 (Fast2Sum)

        // u = 2^k m with m in [sqrt(1/2), sqrt 2): offsetting the bits by those of sqrt(1/2) moves the binade boundary there.
        Vector256<int> offset = u.AsInt32() - Vector256.Create(SqrtHalfSingleBits);
        Vector256<float> k = Vector256.ConvertToSingle(Vector256.ShiftRightArithmetic(offset, 23));
        Vector256<float> f = ((offset & Vector256.Create(0x007fffff)) + Vector256.Create(SqrtHalfSingleBits)).AsSingle() - one;

        Vector256<float> s = f / (f + Vector256.Create(2.0f));
        Vector256<float> z = s * s;
        Vector256<float> r = z * MultiplyAdd(MultiplyAdd(Vector256.Create(Log1pFloatP2), z, Vector256.Create(Log1pFloatP1)), z, Vector256.Create(Log1pFloatP0));
        Vector256<float> halfSquare = (f * Vector256.Create(0.5f)) * f;
        Vector256<float> low = MultiplyAdd(s, halfSquare + r, MultiplyAdd(k, Vector256.Create(Ln2LowSingle), c / u)) - halfSquare;
        Vector256<float> kLn2 = k * Vector256.Create(Ln2HighSingle); // exact
        Vector256<float> high = kLn2 + f;
        Vector256<float> highLow = f - (high - kLn2); // exact (Fast2Sum)
        Vector256<float> result = high + (low + highLow);
        result |= x & Vector256.Create(-0.0f); // ln(1 + -0) = -0

        // u <= 0 (x <= -1), +inf and NaN: the bit tricks mean nothing there.
        Vector256<float> valid = Vector256.GreaterThan(u, Vector256<float>.Zero) & Vector256.LessThan(u, Vector256.Create(float.PositiveInfinity));
        if (valid.AsUInt32() != Vector256<uint>.AllBitsSet)
        {
            result = Vector256.ConditionalSelect(valid, result, Log1pForHalfOutOfRange(u));
        }

        return result;
    }

    /// <summary>ln(1 + x) per float lane, within 1 ULP of the exact value; -inf at -1, NaN below -1 and for NaN, +inf at +inf, -0 kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> LogOnePlusOfFloats(Vector512<float> x)
    {
        // Lanes outside [-0.25, 1] take the out-of-line general form (the call also keeps the JIT from hoisting every
        // constant into a register). |x - 0.375| > 0.625 is false for NaN, which the arithmetic below propagates.
        if (Vector512.GreaterThanAny(Vector512.Abs(x - Vector512.Create(Log1pFloatFastPathCenter)), Vector512.Create(Log1pFloatFastPathHalfWidth)))
        {
            return LogOnePlusOfFloatsGeneral(x);
        }

        // x in [-0.25, 1]: 1 + x = 2^k (1 + f) with k = 0, f = x below 1/2, and k = 1, f = (x - 1) / 2 from 1/2 up, both
        // exact: f in [-0.25, 0.5), no rounding error c and no division by u.
        Vector512<float> oneHalf = Vector512.Create(0.5f);
        Vector512<float> upper = Vector512.GreaterThanOrEqual(x, oneHalf); // k = 1
        Vector512<float> f = Vector512.ConditionalSelect(upper, MultiplyAdd(x, oneHalf, Vector512.Create(-0.5f)), x); // exact, fused or not

        Vector512<float> s = f / (f + Vector512.Create(2.0f));
        Vector512<float> z = s * s;
        Vector512<float> r = z * MultiplyAdd(MultiplyAdd(Vector512.Create(Log1pFloatFastP2), z, Vector512.Create(Log1pFloatFastP1)), z, Vector512.Create(Log1pFloatFastP0));
        Vector512<float> halfSquare = (f * oneHalf) * f;
        Vector512<float> low = MultiplyAdd(s, halfSquare + r, upper & Vector512.Create(Ln2LowSingle)) - halfSquare;
        Vector512<float> kLn2 = upper & Vector512.Create(Ln2HighSingle);
        Vector512<float> high = kLn2 + f;
        Vector512<float> highLow = f - (high - kLn2); // exact (Fast2Sum; both 0 for k = 0)
        Vector512<float> result = high + (low + highLow);
        return result | (x & Vector512.Create(-0.0f)); // ln(1 + -0) = -0
    }

    /// <summary>The general form of <see cref="LogOnePlusOfFloats(Vector512{float})"/>, out of line: some lane outside [-0.25, 1], or infinite.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<float> LogOnePlusOfFloatsGeneral(Vector512<float> x)
    {
        Vector512<float> one = Vector512.Create(1.0f);
        Vector512<float> large = MaxFast(one, x);
        Vector512<float> small = MinFast(one, x);
        Vector512<float> u = large + small;
        Vector512<float> c = small - (u - large); // exact for x >= -1 (Fast2Sum)

        // u = 2^k m with m in [sqrt(1/2), sqrt 2): offsetting the bits by those of sqrt(1/2) moves the binade boundary there.
        Vector512<int> offset = u.AsInt32() - Vector512.Create(SqrtHalfSingleBits);
        Vector512<float> k = Vector512.ConvertToSingle(Vector512.ShiftRightArithmetic(offset, 23));
        Vector512<float> f = ((offset & Vector512.Create(0x007fffff)) + Vector512.Create(SqrtHalfSingleBits)).AsSingle() - one;

        Vector512<float> s = f / (f + Vector512.Create(2.0f));
        Vector512<float> z = s * s;
        Vector512<float> r = z * MultiplyAdd(MultiplyAdd(Vector512.Create(Log1pFloatP2), z, Vector512.Create(Log1pFloatP1)), z, Vector512.Create(Log1pFloatP0));
        Vector512<float> halfSquare = (f * Vector512.Create(0.5f)) * f;
        Vector512<float> low = MultiplyAdd(s, halfSquare + r, MultiplyAdd(k, Vector512.Create(Ln2LowSingle), c / u)) - halfSquare;
        Vector512<float> kLn2 = k * Vector512.Create(Ln2HighSingle); // exact
        Vector512<float> high = kLn2 + f;
        Vector512<float> highLow = f - (high - kLn2); // exact (Fast2Sum)
        Vector512<float> result = high + (low + highLow);
        result |= x & Vector512.Create(-0.0f); // ln(1 + -0) = -0

        // u <= 0 (x <= -1), +inf and NaN: the bit tricks mean nothing there.
        Vector512<float> valid = Vector512.GreaterThan(u, Vector512<float>.Zero) & Vector512.LessThan(u, Vector512.Create(float.PositiveInfinity));
        if (valid.AsUInt32() != Vector512<uint>.AllBitsSet)
        {
            result = Vector512.ConditionalSelect(valid, result, Log1pForHalfOutOfRange(u));
        }

        return result;
    }
}
