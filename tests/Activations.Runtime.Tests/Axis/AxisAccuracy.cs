using System;
using Activations.Tests.Reference;
using Xunit;

namespace Activations.Tests.Axis;

/// <summary>
/// The bars (float ≤ 2 ULP, double ≤ 4 ULP, Half ≤ 1 ULP per element), measured with the reference README's ULP
/// measure against the double-double reference rounded to the element type (via double: the double rounding can
/// move a float reference by at most 2^-29 ULP, and only at exact midpoints).
/// </summary>
internal static class AxisAccuracy
{
    public const double FloatBound = 2;
    public const double DoubleBound = 4;
    public const double HalfBound = 1;

    public static double Error(float y, DoubleDouble r) => Ulp.Error(y, (float)r.ToDouble());

    public static double Error(double y, DoubleDouble r) => Ulp.Error(y, r.ToDouble());

    public static double Error(Half y, DoubleDouble r) => Ulp.Error(y, (Half)r.ToDouble());

    /// <summary>Asserts every element within the bound; returns the largest error seen.</summary>
    public static double Check(float[] actual, DoubleDouble[] expected, string context) =>
        Check(actual.Length, expected, i => Error(actual[i], expected[i]), i => actual[i].ToString("R"), FloatBound, context);

    public static double Check(double[] actual, DoubleDouble[] expected, string context) =>
        Check(actual.Length, expected, i => Error(actual[i], expected[i]), i => actual[i].ToString("R"), DoubleBound, context);

    public static double Check(Half[] actual, DoubleDouble[] expected, string context) =>
        Check(actual.Length, expected, i => Error(actual[i], expected[i]), i => actual[i].ToString(), HalfBound, context);

    private delegate double ErrorAt(int index);

    private delegate string TextAt(int index);

    private static double Check(int length, DoubleDouble[] expected, ErrorAt error, TextAt text, double bound, string context)
    {
        Assert.Equal(expected.Length, length);
        double worst = 0;
        for (int i = 0; i < length; i++)
        {
            double e = error(i);
            if (!(e <= bound))
            {
                Assert.Fail($"{context}: element {i} is {text(i)}, reference {expected[i]}: {e:G4} ULP > {bound}.");
            }

            worst = Math.Max(worst, e);
        }

        return worst;
    }
}
