using System;
using System.Linq;
using System.Runtime.Intrinsics;
using Activations.Tests.Reference;

namespace Activations.Tests.BuiltIns;

/// <summary>
/// The maximum ULP error of one built-in case over every row of its reference files, per type: the generated span
/// kernels, and the Vector128/256/512 overloads (worst of the three widths) of float and double.
/// </summary>
internal readonly record struct BuiltInAccuracy(double SingleSpan, double SingleVectors, double DoubleSpan, double DoubleVectors, double HalfSpan)
{
    /// <summary>The worst float error, span kernel or vector overloads.</summary>
    public double Single => Math.Max(SingleSpan, SingleVectors);

    /// <summary>The worst double error, span kernel or vector overloads.</summary>
    public double Double => Math.Max(DoubleSpan, DoubleVectors);

    /// <summary>Runs every kernel of the case's activation over its reference rows, on the live SIMD path.</summary>
    public static BuiltInAccuracy Measure(BuiltInCase c)
    {
        if (!ActivationRegistry.TryGet(c.Activation, out ActivationDescriptor? d))
        {
            throw new InvalidOperationException($"{c.Activation} is not registered.");
        }

        return new BuiltInAccuracy(MeasureSingleSpan(c, d), MeasureSingleVectors(c), MeasureDoubleSpan(c, d), MeasureDoubleVectors(c), MeasureHalfSpan(c, d));
    }

    private static double MeasureSingleSpan(BuiltInCase c, ActivationDescriptor d)
    {
        var rows = ReferenceTable.Single(c.ReferenceName);
        float[] x = rows.Select(r => r.X).ToArray();
        var y = new float[x.Length];
        d.Single(x, y, c.Arguments);
        return AccuracyMeasure.Of(x, y, rows.Select(r => r.Y).ToArray()).MaxUlp;
    }

    private static double MeasureDoubleSpan(BuiltInCase c, ActivationDescriptor d)
    {
        var rows = ReferenceTable.Double(c.ReferenceName);
        double[] x = rows.Select(r => r.X).ToArray();
        var y = new double[x.Length];
        d.Double(x, y, c.Arguments);
        return AccuracyMeasure.Of(x, y, rows.Select(r => r.Y).ToArray()).MaxUlp;
    }

    private static double MeasureHalfSpan(BuiltInCase c, ActivationDescriptor d)
    {
        var rows = ReferenceTable.Half(c.ReferenceName);
        Half[] x = rows.Select(r => r.X).ToArray();
        var y = new Half[x.Length];
        d.Half(x, y, c.Arguments);
        return AccuracyMeasure.Of(x, y, rows.Select(r => r.Y).ToArray()).MaxUlp;
    }

    private static double MeasureSingleVectors(BuiltInCase c)
    {
        var rows = ReferenceTable.Single(c.ReferenceName);
        float[] x = rows.Select(r => r.X).ToArray(), expected = rows.Select(r => r.Y).ToArray();
        return new[] { typeof(Vector128<float>), typeof(Vector256<float>), typeof(Vector512<float>) }
            .Max(v => AccuracyMeasure.Of(x, VectorOverloads.Apply(c, v, x), expected).MaxUlp);
    }

    private static double MeasureDoubleVectors(BuiltInCase c)
    {
        var rows = ReferenceTable.Double(c.ReferenceName);
        double[] x = rows.Select(r => r.X).ToArray(), expected = rows.Select(r => r.Y).ToArray();
        return new[] { typeof(Vector128<double>), typeof(Vector256<double>), typeof(Vector512<double>) }
            .Max(v => AccuracyMeasure.Of(x, VectorOverloads.Apply(c, v, x), expected).MaxUlp);
    }
}
