using System.Runtime.CompilerServices;

namespace Activations;

/// <summary>
/// e^(x - max) with the rounding error of the subtraction put back: for double, x - max can lose up to 2^-44 of
/// absolute precision (|x - max| up to 745), which e^ turns into hundreds of ULPs; TwoSum recovers the lost
/// part r and e^(d + r) ≈ e^d + e^d·r. For float inputs the subtraction in double is already exact enough, and
/// the math core's float-accuracy exp (2^-33 relative, computed in double) suffices: the result is rounded to float.
/// </summary>
internal static class ShiftedExp
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Scalar<T>(double x, double max)
    {
        if (typeof(T) == typeof(float))
        {
            return VectorMath.ExpForSingle(x - max);
        }

        double d = Compensated.TwoSum(x, -max, out double r);
        double e = VectorMath.Exp(d);
        return double.IsNaN(r) ? e : e + e * r; // r is NaN only for x = -∞, where e is 0
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Vector<TL, TV, T>(TV x, TV max)
        where TL : struct, ILanes<TV> where TV : struct
    {
        if (typeof(T) == typeof(float))
        {
            return TL.ExpForSingle(TL.Subtract(x, max));
        }

        TV d = Compensated.TwoSum<TL, TV>(x, TL.Subtract(TL.Create(0), max), out TV r);
        TV e = TL.Exp(d);
        r = TL.Select(TL.IsNaN(r), TL.Create(0), r);
        return TL.Add(e, TL.Multiply(e, r));
    }

    /// <summary>The pieces of x - max separately, for log_softmax: returns d = fl(x - max), r its rounding error (0 for -∞).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Difference<TL, TV, T>(TV x, TV max, out TV r)
        where TL : struct, ILanes<TV> where TV : struct
    {
        if (typeof(T) == typeof(float))
        {
            r = TL.Create(0);
            return TL.Subtract(x, max);
        }

        TV d = Compensated.TwoSum<TL, TV>(x, TL.Subtract(TL.Create(0), max), out r);
        r = TL.Select(TL.IsNaN(r), TL.Create(0), r);
        return d;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Difference<T>(double x, double max, out double r)
    {
        if (typeof(T) == typeof(float))
        {
            r = 0;
            return x - max;
        }

        double d = Compensated.TwoSum(x, -max, out r);
        r = double.IsNaN(r) ? 0 : r;
        return d;
    }
}
