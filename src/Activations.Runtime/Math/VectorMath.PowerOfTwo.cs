using System.Runtime.CompilerServices;

namespace Activations;

public static partial class VectorMath
{
    /// <summary>1.5 * 2^52: adding then subtracting it rounds a double of magnitude below 2^51 to an integer
    /// (ties to even), and leaves that integer in the low mantissa bits of the intermediate sum.</summary>
    internal const double RoundingShift = 6755399441055744.0;

    /// <summary>ln 2 split so that <c>k * Ln2High</c> is exact for |k| below 2^21 (its low 21 bits are zero).</summary>
    private const double Ln2High = 0.6931471803691238; // 0x3fe62e42fee00000

    /// <summary>ln 2 - <see cref="Ln2High"/>, rounded.</summary>
    private const double Ln2Low = 1.9082149292705877e-10;

    internal const double Ln2 = 0.6931471805599453;

    internal const double InverseLn2 = 1.4426950408889634;

    /// <summary>The nearest integer (ties to even), for |x| below 2^51.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV RoundToInteger<TV, TL>(TV x)
        where TV : struct
        where TL : struct, IDoubleLanes<TV> =>
        TL.Subtract(TL.Add(x, TL.Create(RoundingShift)), TL.Create(RoundingShift));

    /// <summary>The integer nearest a * b, for |a * b| below 2^51: fused, one step shorter than
    /// <see cref="RoundToInteger"/> of the rounded product (where FMA is missing, it is exactly that).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV RoundProductToInteger<TV, TL>(TV a, TV b)
        where TV : struct
        where TL : struct, IDoubleLanes<TV> =>
        TL.Subtract(TL.MultiplyAdd(a, b, TL.Create(RoundingShift)), TL.Create(RoundingShift));

    /// <summary>2^n for an integral n in [-1022, 1023], built from its bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV PowerOfTwo<TV, TL>(TV n)
        where TV : struct
        where TL : struct, IDoubleLanes<TV> =>
        TL.ShiftLeft(TL.Add(n, TL.Create(RoundingShift + 1023)), 52);

    /// <summary>
    /// p * 2^k for an integral k in [-2044, 2046], with one rounding: k is split in two halves, each a
    /// normal power of two, so that overflow gives infinity and underflow a correctly rounded subnormal.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ScaleByPowerOfTwo<TV, TL>(TV p, TV k)
        where TV : struct
        where TL : struct, IDoubleLanes<TV>
    {
        TV half = RoundToInteger<TV, TL>(TL.Multiply(k, TL.Create(0.5)));
        return TL.Multiply(TL.Multiply(p, PowerOfTwo<TV, TL>(half)), PowerOfTwo<TV, TL>(TL.Subtract(k, half)));
    }

    /// <summary>Lanes that are NaN, as a mask.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV IsNaN<TV, TL>(TV x)
        where TV : struct
        where TL : struct, IDoubleLanes<TV> =>
        TL.AndNot(TL.CreateBits(ulong.MaxValue), TL.Equals(x, x));

    /// <summary>|x|.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Abs<TV, TL>(TV x)
        where TV : struct
        where TL : struct, IDoubleLanes<TV> =>
        TL.AndNot(x, TL.Create(-0.0));

    /// <summary>|magnitude| with the sign of <paramref name="sign"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV CopySign<TV, TL>(TV magnitude, TV sign)
        where TV : struct
        where TL : struct, IDoubleLanes<TV> =>
        TL.Or(TL.AndNot(magnitude, TL.Create(-0.0)), TL.And(sign, TL.Create(-0.0)));
}
