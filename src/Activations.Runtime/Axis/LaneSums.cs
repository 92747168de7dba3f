using System;

namespace Activations;

/// <summary>Folds vector accumulators (sum and compensation lanes) into one compensated scalar sum.</summary>
internal static class LaneSums
{
    public static void AddTo<TL, TV>(TV sum, TV compensation, ref double total, ref double totalCompensation)
        where TL : struct, ILanes<TV> where TV : struct
    {
        Span<double> lanes = stackalloc double[TL.Count];
        TL.Store(sum, ref lanes[0]);
        foreach (double lane in lanes)
        {
            total = Compensated.TwoSum(total, lane, out double error);
            totalCompensation += error;
        }

        TL.Store(compensation, ref lanes[0]);
        foreach (double lane in lanes)
        {
            totalCompensation += lane;
        }
    }

    /// <summary>The plain sum of a vector's lanes.</summary>
    public static double Sum<TL, TV>(TV v)
        where TL : struct, ILanes<TV> where TV : struct
    {
        Span<double> lanes = stackalloc double[TL.Count];
        TL.Store(v, ref lanes[0]);
        double sum = 0;
        foreach (double lane in lanes)
        {
            sum += lane;
        }

        return sum;
    }
}
