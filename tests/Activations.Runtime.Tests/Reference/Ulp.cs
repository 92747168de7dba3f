using System;

namespace Activations.Tests.Reference;

/// <summary>
/// The ULP error the reference README defines: |y - r| / u(r), where u(r) is the spacing of the format at r
/// (the gap from |r| to the next larger magnitude; the smallest subnormal for zero and subnormals).
/// Both NaN: 0. One NaN: infinity. r infinite: 0 if y == r, else infinity. Zeros compare equal whatever their sign.
/// </summary>
internal static class Ulp
{
    public static double Error(double y, double r)
    {
        if (double.IsNaN(y) || double.IsNaN(r))
        {
            return double.IsNaN(y) && double.IsNaN(r) ? 0 : double.PositiveInfinity;
        }

        if (double.IsInfinity(r))
        {
            return y == r ? 0 : double.PositiveInfinity;
        }

        double a = Math.Abs(r);
        double spacing = a == double.MaxValue ? a - double.BitDecrement(a) : double.BitIncrement(a) - a;
        return Math.Abs(y - r) / spacing;
    }

    public static double Error(float y, float r)
    {
        if (float.IsNaN(y) || float.IsNaN(r))
        {
            return float.IsNaN(y) && float.IsNaN(r) ? 0 : double.PositiveInfinity;
        }

        if (float.IsInfinity(r))
        {
            return y == r ? 0 : double.PositiveInfinity;
        }

        float a = MathF.Abs(r);
        double spacing = a == float.MaxValue ? (double)a - MathF.BitDecrement(a) : (double)MathF.BitIncrement(a) - a;
        return Math.Abs((double)y - r) / spacing;
    }

    public static double Error(Half y, Half r)
    {
        if (Half.IsNaN(y) || Half.IsNaN(r))
        {
            return Half.IsNaN(y) && Half.IsNaN(r) ? 0 : double.PositiveInfinity;
        }

        if (Half.IsInfinity(r))
        {
            return y == r ? 0 : double.PositiveInfinity;
        }

        Half a = Half.Abs(r);
        double spacing = a == Half.MaxValue ? (double)a - (double)Half.BitDecrement(a) : (double)Half.BitIncrement(a) - (double)a;
        return Math.Abs((double)y - (double)r) / spacing;
    }
}
