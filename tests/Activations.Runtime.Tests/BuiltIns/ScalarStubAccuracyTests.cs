using System;
using System.Collections.Generic;
using System.Linq;
using Activations.Tests.Reference;
using Xunit;
using Xunit.Abstractions;

namespace Activations.Tests.BuiltIns;

/// <summary>
/// The stubs themselves (plain C# over double) on every row of every built-in's reference file: double
/// ≤ 4 ULP; float and Half as the stub's double result rounded once to the format (float ≤ 2 ULP, Half
/// ≤ 1 ULP on all 65536 inputs). This judges the formulas before and independently of the generator.
/// </summary>
public sealed class ScalarStubAccuracyTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> JudgedCases() =>
        BuiltInCatalog.Cases().Where(c => MathCoreStatus.Problem(c) is null).Select(c => new object[] { c.ReferenceName });

    [Theory]
    [MemberData(nameof(JudgedCases))]
    public void DoubleWithinFourUlp(string referenceName)
    {
        BuiltInCase c = BuiltInCatalog.Case(referenceName);
        var rows = ReferenceTable.Double(referenceName);
        double[] x = rows.Select(r => r.X).ToArray();
        double[] y = x.Select(c.Scalar).ToArray();
        var measure = AccuracyMeasure.Of(x, y, rows.Select(r => r.Y).ToArray());
        output.WriteLine(measure.Describe(referenceName, "stub double"));
        Assert.True(measure.MaxUlp <= 4, measure.Describe(referenceName, "stub double"));
    }

    [Theory]
    [MemberData(nameof(JudgedCases))]
    public void SingleRoundedWithinTwoUlp(string referenceName)
    {
        BuiltInCase c = BuiltInCatalog.Case(referenceName);
        var rows = ReferenceTable.Single(referenceName);
        float[] x = rows.Select(r => r.X).ToArray();
        float[] y = x.Select(v => (float)c.Scalar(v)).ToArray();
        var measure = AccuracyMeasure.Of(x, y, rows.Select(r => r.Y).ToArray());
        output.WriteLine(measure.Describe(referenceName, "stub float"));
        Assert.True(measure.MaxUlp <= 2, measure.Describe(referenceName, "stub float"));
    }

    [Theory]
    [MemberData(nameof(JudgedCases))]
    public void HalfRoundedWithinOneUlp(string referenceName)
    {
        BuiltInCase c = BuiltInCatalog.Case(referenceName);
        var rows = ReferenceTable.Half(referenceName);
        Assert.Equal(65536, rows.Length);
        Half[] x = rows.Select(r => r.X).ToArray();
        Half[] y = x.Select(v => (Half)c.Scalar((double)v)).ToArray();
        var measure = AccuracyMeasure.Of(x, y, rows.Select(r => r.Y).ToArray());
        output.WriteLine(measure.Describe(referenceName, "stub Half"));
        Assert.True(measure.MaxUlp <= 1, measure.Describe(referenceName, "stub Half"));
    }

    [MathCorePendingFact]
    public void NothingIsPendingOnTheMathCore() =>
        Assert.All(BuiltInCatalog.Cases(), c => Assert.Null(MathCoreStatus.Problem(c)));
}
