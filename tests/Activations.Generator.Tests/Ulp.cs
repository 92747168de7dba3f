using System;

namespace Activations.Generator.Tests;

/// <summary>The distance in units in the last place between two values of a type; NaN matches NaN and the zeros match each other.</summary>
internal static class Ulp
{
    public static double Distance(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b))
        {
            return double.IsNaN(a) && double.IsNaN(b) ? 0 : double.PositiveInfinity;
        }

        return (double)Int128.Abs((Int128)Ordered(BitConverter.DoubleToInt64Bits(a)) - Ordered(BitConverter.DoubleToInt64Bits(b)));
    }

    public static double Distance(float a, float b)
    {
        if (float.IsNaN(a) || float.IsNaN(b))
        {
            return float.IsNaN(a) && float.IsNaN(b) ? 0 : double.PositiveInfinity;
        }

        return Math.Abs((long)Ordered(BitConverter.SingleToInt32Bits(a)) - Ordered(BitConverter.SingleToInt32Bits(b)));
    }

    public static double Distance(Half a, Half b) => Half.IsNaN(a) || Half.IsNaN(b)
        ? (Half.IsNaN(a) && Half.IsNaN(b) ? 0 : double.PositiveInfinity)
        : Math.Abs(Ordered(BitConverter.HalfToInt16Bits(a)) - Ordered(BitConverter.HalfToInt16Bits(b)));

    // Maps the sign-magnitude bits to integers in the order of the values, with -0 and +0 both at 0.
    private static long Ordered(long bits) => bits < 0 ? long.MinValue - bits : bits;

    private static int Ordered(int bits) => bits < 0 ? int.MinValue - bits : bits;

    private static int Ordered(short bits) => bits < 0 ? short.MinValue - bits : bits;
}
