using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.Intrinsics;
using Xunit;

namespace Activations.Tests.MathCore;

/// <summary>
/// The double cores are written once over the lanes (IDoubleLanes), so the scalar and every vector width must give the
/// same bits: this checks one function's overloads on each input, the input broadcast and a middle lane read back. NaN
/// inputs are left out (which NaN an operation passes on may differ between widths and JIT tiers) and checked as NaN.
/// </summary>
internal static class DoubleLaneWidths
{
    public static void AssertEveryWidthGivesTheScalarsBits(
        IEnumerable<double> inputs,
        Func<double, double> scalar,
        Func<Vector128<double>, Vector128<double>> of128,
        Func<Vector256<double>, Vector256<double>> of256,
        Func<Vector512<double>, Vector512<double>> of512)
    {
        foreach (double v in inputs.Where(v => !double.IsNaN(v)))
        {
            long expected = BitConverter.DoubleToInt64Bits(scalar(v));
            Assert.Equal(expected, BitConverter.DoubleToInt64Bits(of128(Vector128.Create(v)).GetElement(1)));
            Assert.Equal(expected, BitConverter.DoubleToInt64Bits(of256(Vector256.Create(v)).GetElement(3)));
            Assert.Equal(expected, BitConverter.DoubleToInt64Bits(of512(Vector512.Create(v)).GetElement(7)));
        }

        Assert.True(double.IsNaN(scalar(double.NaN)));
        Assert.True(double.IsNaN(of128(Vector128.Create(double.NaN)).GetElement(0)));
        Assert.True(double.IsNaN(of256(Vector256.Create(double.NaN)).GetElement(0)));
        Assert.True(double.IsNaN(of512(Vector512.Create(double.NaN)).GetElement(0)));
    }
}
