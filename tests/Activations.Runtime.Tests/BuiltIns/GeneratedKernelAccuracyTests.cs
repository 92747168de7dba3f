using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.Intrinsics;
using Activations.Tests.Reference;
using Xunit;
using Xunit.Abstractions;

namespace Activations.Tests.BuiltIns;

/// <summary>
/// The generated kernels of every built-in on every row of its reference files: the span kernels (found
/// through the registry, with the case's arguments) for float ≤ 2 ULP, double ≤ 4 ULP, Half ≤ 1 ULP on
/// all 65536 inputs; and the Vector128/256/512 overloads of float and double, called explicitly whatever
/// path the JIT takes. Each test writes its maximum ULP error, function by function, to the output.
/// </summary>
public sealed class GeneratedKernelAccuracyTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> JudgedCases() => ScalarStubAccuracyTests.JudgedCases();

    [GeneratedKernelTheory]
    [MemberData(nameof(JudgedCases))]
    public void SpanKernelDoubleWithinFourUlp(string referenceName)
    {
        (BuiltInCase c, ActivationDescriptor d) = Resolve(referenceName);
        var rows = ReferenceTable.Double(referenceName);
        double[] x = rows.Select(r => r.X).ToArray();
        var y = new double[x.Length];
        d.Double(x, y, c.Arguments);
        Report(AccuracyMeasure.Of(x, y, rows.Select(r => r.Y).ToArray()), referenceName, "span double", 4);
    }

    [GeneratedKernelTheory]
    [MemberData(nameof(JudgedCases))]
    public void SpanKernelSingleWithinTwoUlp(string referenceName)
    {
        (BuiltInCase c, ActivationDescriptor d) = Resolve(referenceName);
        var rows = ReferenceTable.Single(referenceName);
        float[] x = rows.Select(r => r.X).ToArray();
        var y = new float[x.Length];
        d.Single(x, y, c.Arguments);
        Report(AccuracyMeasure.Of(x, y, rows.Select(r => r.Y).ToArray()), referenceName, "span float", 2);
    }

    /// <summary>
    /// Every Half kernel, on all 65536 halves, is correctly rounded: the goal beyond the bar (one Half ULP). Most run the
    /// float kernel (within one float ULP) and settle Half ties with the double kernel (Kernels/HalfTies.cs); sigmoid and
    /// tanh compute with the cheaper …ForHalf math (FastHalf, for the Half speed bars) and settle every result within their
    /// tie window of a Half midpoint (Kernels/HalfTieWindows.cs).
    /// </summary>
    [GeneratedKernelTheory]
    [MemberData(nameof(JudgedCases))]
    public void SpanKernelHalfCorrectlyRoundedOnAllInputs(string referenceName) => Report(MeasureHalfSpan(referenceName), referenceName, "span Half", 0);

    // The generated Half span kernel on all 65536 halves, against the reference.
    private static AccuracyMeasure MeasureHalfSpan(string referenceName)
    {
        (BuiltInCase c, ActivationDescriptor d) = Resolve(referenceName);
        var rows = ReferenceTable.Half(referenceName);
        Assert.Equal(65536, rows.Length);
        Half[] x = rows.Select(r => r.X).ToArray();
        var y = new Half[x.Length];
        d.Half(x, y, c.Arguments);
        return AccuracyMeasure.Of(x, y, rows.Select(r => r.Y).ToArray());
    }

    /// <summary>The built-ins whose double kernels compute with the math core's double pairs (VectorMath.MultiplyBySigmoid,
    /// VectorMath.Squareplus, VectorMath.TanhShrink, VectorMath.Mish): within 1 ULP, the goal beyond the bar, where the
    /// hardware fuses multiply-adds.</summary>
    public static IEnumerable<object[]> DoubleCoreCases() =>
        new[] { "sigmoid", "silu", "gelu_approximate", "squareplus", "tanh_shrink", "mish" }.Select(name => new object[] { name });

    /// <summary>
    /// sigmoid, silu, gelu's tanh form, squareplus, tanh_shrink and mish in double: within 1 ULP on every reference row with
    /// FMA (span kernel and each vector width); without, the written-out formulas they computed before on every path
    /// (within 2 ULP, mish 3).
    /// </summary>
    [GeneratedKernelTheory]
    [MemberData(nameof(DoubleCoreCases))]
    public void DoubleKernelsThroughTheDoubleCoresWithinOneUlpWithFma(string referenceName)
    {
        double bound = System.Runtime.Intrinsics.X86.Fma.IsSupported ? 1 : referenceName == "mish" ? 3 : 2;
        (BuiltInCase c, ActivationDescriptor d) = Resolve(referenceName);
        var rows = ReferenceTable.Double(referenceName);
        double[] x = rows.Select(r => r.X).ToArray();
        double[] expected = rows.Select(r => r.Y).ToArray();
        var y = new double[x.Length];
        d.Double(x, y, c.Arguments);
        Report(AccuracyMeasure.Of(x, y, expected), referenceName, "span double", bound);
        foreach (Type vector in new[] { typeof(Vector128<double>), typeof(Vector256<double>), typeof(Vector512<double>) })
        {
            Report(AccuracyMeasure.Of(x, VectorOverloads.Apply(c, vector, x), expected), referenceName, VectorOverloads.Label(vector), bound);
        }
    }

    [GeneratedKernelTheory]
    [MemberData(nameof(JudgedCases))]
    public void VectorOverloadsSingleWithinTwoUlp(string referenceName)
    {
        BuiltInCase c = BuiltInCatalog.Case(referenceName);
        var rows = ReferenceTable.Single(referenceName);
        float[] x = rows.Select(r => r.X).ToArray();
        float[] expected = rows.Select(r => r.Y).ToArray();
        foreach (Type vector in new[] { typeof(Vector128<float>), typeof(Vector256<float>), typeof(Vector512<float>) })
        {
            float[] y = VectorOverloads.Apply(c, vector, x);
            Report(AccuracyMeasure.Of(x, y, expected), referenceName, VectorOverloads.Label(vector), 2);
        }
    }

    [GeneratedKernelTheory]
    [MemberData(nameof(JudgedCases))]
    public void VectorOverloadsDoubleWithinFourUlp(string referenceName)
    {
        BuiltInCase c = BuiltInCatalog.Case(referenceName);
        var rows = ReferenceTable.Double(referenceName);
        double[] x = rows.Select(r => r.X).ToArray();
        double[] expected = rows.Select(r => r.Y).ToArray();
        foreach (Type vector in new[] { typeof(Vector128<double>), typeof(Vector256<double>), typeof(Vector512<double>) })
        {
            double[] y = VectorOverloads.Apply(c, vector, x);
            Report(AccuracyMeasure.Of(x, y, expected), referenceName, VectorOverloads.Label(vector), 4);
        }
    }

    private static (BuiltInCase Case, ActivationDescriptor Descriptor) Resolve(string referenceName)
    {
        BuiltInCase c = BuiltInCatalog.Case(referenceName);
        Assert.True(ActivationRegistry.TryGet(c.Activation, out ActivationDescriptor? d), $"'{c.Activation}' is not registered");
        Assert.Equal(c.Activation, d.Name);
        return (c, d);
    }

    private void Report(AccuracyMeasure measure, string referenceName, string kind, double bound)
    {
        string line = measure.Describe(referenceName, kind) + $" [{SimdPathTests.LivePath}]";
        output.WriteLine(line);
        Assert.True(measure.MaxUlp <= bound, line + $" exceeds {bound} ULP");
    }
}

/// <summary>Calls a built-in's generated Vector128/256/512 overload through reflection, vector by vector.</summary>
internal static class VectorOverloads
{
    public static string Label(Type vector) => $"{vector.Name.TrimEnd('1', '`')}<{vector.GetGenericArguments()[0].Name}>".Replace("Single", "float").Replace("Double", "double");

    public static T[] Apply<T>(BuiltInCase c, Type vectorType, T[] x)
        where T : struct
    {
        MethodInfo overload = typeof(Activation).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .SingleOrDefault(m => m.Name == c.Stub.Name && m.GetParameters() is { Length: > 0 } p && p[0].ParameterType == vectorType && m.ReturnType == vectorType)
            ?? throw new Xunit.Sdk.XunitException($"No {Label(vectorType)} overload of Activation.{c.Stub.Name} was generated.");
        ParameterInfo[] parameters = overload.GetParameters();
        Assert.Equal(c.Arguments.Length + 1, parameters.Length);

        var arguments = new object?[parameters.Length];
        for (int i = 1; i < parameters.Length; i++)
        {
            Type t = parameters[i].ParameterType;
            arguments[i] = t == typeof(bool) ? c.Arguments[i - 1] != 0 : Convert.ChangeType(c.Arguments[i - 1], t, System.Globalization.CultureInfo.InvariantCulture);
        }

        int lanes = (int)vectorType.GetProperty("Count", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var y = new T[x.Length];
        var lane = new T[lanes];
        for (int start = 0; start < x.Length; start += lanes)
        {
            for (int i = 0; i < lanes; i++) lane[i] = x[Math.Min(start + i, x.Length - 1)];
            arguments[0] = Create(vectorType, lane);
            object result = overload.Invoke(null, arguments)!;
            for (int i = 0; i < lanes && start + i < x.Length; i++) y[start + i] = Element<T>(result, i);
        }

        return y;
    }

    private static object Create<T>(Type vectorType, T[] lane)
        where T : struct =>
        vectorType.GetGenericTypeDefinition() == typeof(Vector128<>) ? Vector128.Create<T>(lane)
        : vectorType.GetGenericTypeDefinition() == typeof(Vector256<>) ? Vector256.Create<T>(lane)
        : Vector512.Create<T>(lane);

    private static T Element<T>(object vector, int i)
        where T : struct =>
        vector switch
        {
            Vector128<T> v => v.GetElement(i),
            Vector256<T> v => v.GetElement(i),
            Vector512<T> v => v.GetElement(i),
            _ => throw new InvalidOperationException(vector.GetType().Name),
        };
}
