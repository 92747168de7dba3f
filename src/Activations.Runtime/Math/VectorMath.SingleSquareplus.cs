using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

// squareplus (x + √(x² + b)) / 2 of float vectors in float lanes, within 0.5 ULP and a little of the exact value. Naively
// x² + b, its square root and the sum with x each round (and below zero x + √(x² + b) cancels, so the stub divides
// instead), which kept it in double lanes. Here, with a = |x|:
// * a² = p + pl exactly (FMA), p + b = sh + sl exactly (Fast2Sum on the larger of the two), so x² + b = sh + (sl + pl).
// * √(x² + b) = rh + rl: rh = √sh rounded, rl = (sh - rh² + sl + pl) / (2 rh), with sh - rh² exact by FMA and 1 / rh from
//   the hardware's estimate (rl is about 2^-24 of rh, so its 12 bits are plenty).
// * T = √(x² + b) + |x| = th + tl: rh + a exactly (Fast2Sum on the larger), then rl added to the low part.
// * x >= 0 (-0 included): (x + √(x² + b)) / 2 = T / 2, rounded once. x < 0: (b / 4) / ((√(x² + b) - x) / 2) = (b / 2) / T,
//   the sigmoid core's corrected quotient (VectorMath.SingleSigmoid.cs): q = (b / 2) / th (at 512 bits b / 2 times the
//   14-bit reciprocal estimate), the excess q th - b / 2 + q tl by FMA, and q - excess / T with the estimate for 1 / T.
// Fast path for b in [2^-60, 2^100] and |x| at most 2^50 (NaN is not): x² + b stays finite, x²'s low part can only lose
// bits where x² is below 2^-42 b, where it does not matter, and both results stay normal floats. Lanes beyond, every lane
// for b beyond, and hardware without FMA take the stub's formula in double lanes (x² cannot overflow there), rounded once.
public static partial class VectorMath
{
    /// <summary>The bits of 2^-60, the smallest b the float lanes take.</summary>
    private const uint SquareplusSmallestBBits = 0x21800000;

    /// <summary>The bits of 2^100 less those of 2^-60: b's bits less <see cref="SquareplusSmallestBBits"/> are at most this.</summary>
    private const uint SquareplusBBitsSpan = 0x71800000 - SquareplusSmallestBBits;

    /// <summary>The bits of 2^50, the largest |x| the float lanes take.</summary>
    private const uint SquareplusLargestMagnitudeBits = 0x58800000;

    /// <summary>squareplus of a float (computed in double, rounded once).</summary>
    /// <param name="x">The argument.</param>
    /// <param name="b">The non-negative smoothness.</param>
    /// <returns>squareplus of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Squareplus(float x, float b) => (float)Squareplus((double)x, (double)b);

    /// <summary>squareplus per float lane, within 0.5 ULP and a little (see the file's comment).</summary>
    /// <param name="x">The arguments.</param>
    /// <param name="b">The non-negative smoothness, in every lane.</param>
    /// <returns>squareplus of each element; NaN for NaN.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Squareplus(Vector128<float> x, Vector128<float> b)
    {
        if (!Fma.IsSupported || Vector128.GreaterThanAny(b.AsUInt32() - Vector128.Create(SquareplusSmallestBBits), Vector128.Create(SquareplusBBitsSpan)))
        {
            return InDoubleLanes<SquareplusInDouble>(x, b);
        }

        // The check comes after the arithmetic, and the rare lanes' results reach the result through an operation (x - 0 = x
        // for every x; the JIT drops it), so that the hot path keeps its results in registers.
        Vector128<float> result = SquareplusFast(x, b);
        if (Vector128.GreaterThanAny(Vector128.Abs(x).AsUInt32(), Vector128.Create(SquareplusLargestMagnitudeBits)))
        {
            result = SquareplusRareLanes(x, b, result) - Vector128<float>.Zero;
        }

        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> SquareplusFast(Vector128<float> x, Vector128<float> b)
    {
        Vector128<float> a = Vector128.Abs(x);
        Vector128<float> p = a * a;
        Vector128<float> pl = Fma.MultiplySubtract(a, a, p);
        Vector128<float> sh = MaxFast(p, b) + MinFast(p, b);
        Vector128<float> sl = ((MaxFast(p, b) - sh) + MinFast(p, b)) + pl;
        Vector128<float> rh = Sse.Sqrt(sh);
        Vector128<float> rl = (Fma.MultiplyAddNegated(rh, rh, sh) + sl) * (Vector128.Create(0.5f) * Sse.Reciprocal(rh));
        Vector128<float> th = MaxFast(rh, a) + MinFast(rh, a);
        Vector128<float> tl = ((MaxFast(rh, a) - th) + MinFast(rh, a)) + rl;

        Vector128<float> half = Vector128.Create(0.5f) * b;
        Vector128<float> q = half / th;
        Vector128<float> excess = Fma.MultiplyAdd(q, tl, Fma.MultiplySubtract(q, th, half));
        Vector128<float> below = Fma.MultiplyAddNegated(excess, Sse.Reciprocal(th), q);
        return Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(x, Vector128<float>.Zero), (th + tl) * Vector128.Create(0.5f), below);
    }

    /// <inheritdoc cref="Squareplus(Vector128{float}, Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Squareplus(Vector256<float> x, Vector256<float> b)
    {
        if (!Fma.IsSupported || Vector256.GreaterThanAny(b.AsUInt32() - Vector256.Create(SquareplusSmallestBBits), Vector256.Create(SquareplusBBitsSpan)))
        {
            return InDoubleLanes<SquareplusInDouble>(x, b);
        }

        // The check comes after the arithmetic, and the rare lanes' results reach the result through an operation (x - 0 = x
        // for every x; the JIT drops it), so that the hot path keeps its results in registers.
        Vector256<float> result = SquareplusFast(x, b);
        if (Vector256.GreaterThanAny(Vector256.Abs(x).AsUInt32(), Vector256.Create(SquareplusLargestMagnitudeBits)))
        {
            result = SquareplusRareLanes(x, b, result) - Vector256<float>.Zero;
        }

        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> SquareplusFast(Vector256<float> x, Vector256<float> b)
    {
        Vector256<float> a = Vector256.Abs(x);
        Vector256<float> p = a * a;
        Vector256<float> pl = Fma.MultiplySubtract(a, a, p);
        Vector256<float> sh = MaxFast(p, b) + MinFast(p, b);
        Vector256<float> sl = ((MaxFast(p, b) - sh) + MinFast(p, b)) + pl;
        Vector256<float> rh = Avx.Sqrt(sh);
        Vector256<float> rl = (Fma.MultiplyAddNegated(rh, rh, sh) + sl) * (Vector256.Create(0.5f) * Avx.Reciprocal(rh));
        Vector256<float> th = MaxFast(rh, a) + MinFast(rh, a);
        Vector256<float> tl = ((MaxFast(rh, a) - th) + MinFast(rh, a)) + rl;

        Vector256<float> half = Vector256.Create(0.5f) * b;
        Vector256<float> q = half / th;
        Vector256<float> excess = Fma.MultiplyAdd(q, tl, Fma.MultiplySubtract(q, th, half));
        Vector256<float> below = Fma.MultiplyAddNegated(excess, Avx.Reciprocal(th), q);
        return Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(x, Vector256<float>.Zero), (th + tl) * Vector256.Create(0.5f), below);
    }

    /// <inheritdoc cref="Squareplus(Vector128{float}, Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Squareplus(Vector512<float> x, Vector512<float> b)
    {
        if (!Avx512F.IsSupported || Vector512.GreaterThanAny(b.AsUInt32() - Vector512.Create(SquareplusSmallestBBits), Vector512.Create(SquareplusBBitsSpan)))
        {
            return InDoubleLanes<SquareplusInDouble>(x, b);
        }

        // The check comes after the arithmetic, and the rare lanes' results reach the result through an operation (x - 0 = x
        // for every x; the JIT drops it), so that the hot path keeps its results in registers.
        Vector512<float> result = SquareplusFast(x, b);
        if (Vector512.GreaterThanAny(Vector512.Abs(x).AsUInt32(), Vector512.Create(SquareplusLargestMagnitudeBits)))
        {
            result = SquareplusRareLanes(x, b, result) - Vector512<float>.Zero;
        }

        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> SquareplusFast(Vector512<float> x, Vector512<float> b)
    {
        Vector512<float> a = Vector512.Abs(x);
        Vector512<float> p = a * a;
        Vector512<float> pl = Avx512F.FusedMultiplySubtract(a, a, p);
        Vector512<float> sh = MaxFast(p, b) + MinFast(p, b);
        Vector512<float> sl = ((MaxFast(p, b) - sh) + MinFast(p, b)) + pl;
        Vector512<float> rh = Avx512F.Sqrt(sh);
        Vector512<float> rl = (Avx512F.FusedMultiplyAddNegated(rh, rh, sh) + sl) * (Vector512.Create(0.5f) * Avx512F.Reciprocal14(rh));
        Vector512<float> th = MaxFast(rh, a) + MinFast(rh, a);
        Vector512<float> tl = ((MaxFast(rh, a) - th) + MinFast(rh, a)) + rl;

        Vector512<float> half = Vector512.Create(0.5f) * b;
        Vector512<float> reciprocal = Avx512F.Reciprocal14(th);
        Vector512<float> q = half * reciprocal;
        Vector512<float> excess = Avx512F.FusedMultiplyAdd(q, tl, Avx512F.FusedMultiplySubtract(q, th, half));
        Vector512<float> below = Avx512F.FusedMultiplyAddNegated(excess, reciprocal, q);
        return Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(x, Vector512<float>.Zero), (th + tl) * Vector512.Create(0.5f), below);
    }

    // The lanes beyond ±2^50 (NaN and ±∞ included) from the double path, the others' fast results kept: an element's result
    // never depends on the other elements in its vector.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector128<float> SquareplusRareLanes(Vector128<float> x, Vector128<float> b, Vector128<float> fast) =>
        Vector128.ConditionalSelect(
            Vector128.GreaterThan(Vector128.Abs(x).AsUInt32(), Vector128.Create(SquareplusLargestMagnitudeBits)).AsSingle(), InDoubleLanes<SquareplusInDouble>(x, b), fast);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<float> SquareplusRareLanes(Vector256<float> x, Vector256<float> b, Vector256<float> fast) =>
        Vector256.ConditionalSelect(
            Vector256.GreaterThan(Vector256.Abs(x).AsUInt32(), Vector256.Create(SquareplusLargestMagnitudeBits)).AsSingle(), InDoubleLanes<SquareplusInDouble>(x, b), fast);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<float> SquareplusRareLanes(Vector512<float> x, Vector512<float> b, Vector512<float> fast) =>
        Vector512.ConditionalSelect(
            Vector512.GreaterThan(Vector512.Abs(x).AsUInt32(), Vector512.Create(SquareplusLargestMagnitudeBits)).AsSingle(), InDoubleLanes<SquareplusInDouble>(x, b), fast);

    // Off the fast path, or without FMA: the stub's formula in double lanes (float x² cannot overflow there, so √(x² + b)
    // needs no rescaling), narrowed once (VectorMath.InDoubleLanes.cs).
    private readonly struct SquareplusInDouble : IDoubleLaneParameterFormula
    {
        public static Vector128<double> Of(Vector128<double> x, Vector128<double> b)
        {
            Vector128<double> s = Vector128.Sqrt((x * x) + b);
            Vector128<double> half = Vector128.Create(0.5);
            Vector128<double> below = (b * Vector128.Create(0.25)) / ((half * s) - (half * x));
            return Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(x, Vector128<double>.Zero), (half * x) + (half * s), below);
        }
    }
}
