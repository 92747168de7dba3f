using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit;

namespace Activations.Generator.Tests;

/// <summary>
/// Checks a generated activation's span kernels (float, double, Half; through the registry, as
/// <c>Activation.Get</c> will call them) against its own scalar stub, on many lengths, out of place and in place.
/// </summary>
internal static class KernelChecks
{
    /// <summary>Lengths around every vector size the loops use (4 to 32 elements), and a long one.</summary>
    public static readonly int[] Lengths = { 0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 1000 };

    /// <summary>Inputs: the special values, a sweep over [-30, 30], tiny and huge magnitudes.</summary>
    public static readonly double[] Inputs = BuildInputs();

    private static double[] BuildInputs()
    {
        var values = new List<double>
        {
            double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0, 1.0, -1.0, 0.5, -0.5,
            1e-30, -1e-30, 1e-7, -1e-7, 1e30, -1e30, 88.5, -88.5, 100, -100, 6.0, -6.0, 3.0, -3.0,
        };
        for (double v = -30; v <= 30; v += 0.37)
        {
            values.Add(v);
        }

        var random = new Random(1234);
        for (int i = 0; i < 200; i++)
        {
            values.Add((random.NextDouble() - 0.5) * 20);
        }

        // Shuffle deterministically so that special values land in every lane position and in tails.
        return values.OrderBy(_ => random.Next()).ToArray();
    }

    public static MethodInfo Stub(Assembly assembly, string typeName, string methodName, int? parameterCount = null) =>
        assembly.GetType(typeName, throwOnError: true)!.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Single(m => m.Name == methodName && m.GetParameters() is [{ ParameterType: var t }, ..] && t == typeof(double)
                && (parameterCount is null || m.GetParameters().Length == parameterCount));

    public static double InvokeStub(MethodInfo stub, double x, double[] arguments)
    {
        ParameterInfo[] parameters = stub.GetParameters();
        var values = new object[parameters.Length];
        values[0] = x;
        for (int i = 1; i < parameters.Length; i++)
        {
            // Left-out trailing arguments take the stub's defaults, as the registry's kernels do.
            values[i] = i - 1 >= arguments.Length ? parameters[i].DefaultValue!
                : parameters[i].ParameterType == typeof(bool) ? arguments[i - 1] != 0
                : arguments[i - 1];
        }

        return (double)stub.Invoke(null, values)!;
    }

    /// <summary>
    /// Every kernel of <paramref name="activation"/> matches the stub: float within <paramref name="singleUlps"/> of
    /// the stub's result rounded to float, double within <paramref name="doubleUlps"/>, Half within <paramref name="halfUlps"/>.
    /// </summary>
    public static void MatchStub(Assembly assembly, string typeName, string methodName, string activation, double[] arguments,
        double singleUlps, double doubleUlps, double halfUlps, int? parameterCount = null)
    {
        MethodInfo stub = Stub(assembly, typeName, methodName, parameterCount);
        Assert.True(ActivationRegistry.TryGet(activation, out ActivationDescriptor? descriptor), $"'{activation}' is not registered.");

        // The float and Half kernels take float parameters (left-out ones default, then round): the stub sees the same values.
        double[] singleArguments = stub.GetParameters().Skip(1)
            .Select((p, i) => i < arguments.Length ? arguments[i] : System.Convert.ToDouble(p.DefaultValue))
            .Select(a => (double)(float)a).ToArray();

        foreach (int length in Lengths)
        {
            double[] x = Enumerable.Range(0, length).Select(i => Inputs[(i * 7 + length) % Inputs.Length]).ToArray();

            Check(x.Select(v => (float)v).ToArray(), descriptor!.Single, arguments,
                v => (float)InvokeStub(stub, v, singleArguments), Ulp.Distance, singleUlps, $"{activation} float n={length}");
            Check(x, descriptor.Double, arguments,
                v => InvokeStub(stub, v, arguments), Ulp.Distance, doubleUlps, $"{activation} double n={length}");
            Check(x.Select(v => (Half)v).ToArray(), descriptor.Half, arguments,
                v => (Half)InvokeStub(stub, (double)v, singleArguments), Ulp.Distance, halfUlps, $"{activation} Half n={length}");
        }
    }

    private static void Check<T>(T[] x, ActivationKernel<T> kernel, double[] arguments, Func<T, T> expected,
        Func<T, T, double> distance, double tolerance, string what)
        where T : struct
    {
        // Out of place, with sentinels after the end that must survive.
        T sentinel = (T)(object)(typeof(T) == typeof(float) ? 12345f : typeof(T) == typeof(double) ? 12345.0 : (object)(Half)1234);
        T[] destination = Enumerable.Repeat(sentinel, x.Length + 3).ToArray();
        kernel(x, destination, arguments);
        for (int i = 0; i < x.Length; i++)
        {
            T want = expected(x[i]);
            Assert.True(distance(destination[i], want) <= tolerance,
                $"{what}: f({x[i]}) at [{i}] gave {destination[i]}, the stub {want} ({distance(destination[i], want)} ULP > {tolerance}).");
        }

        Assert.All(destination.Skip(x.Length), value => Assert.Equal(sentinel, value));

        // In place: the same results.
        T[] inPlace = (T[])x.Clone();
        kernel(inPlace, inPlace, arguments);
        Assert.Equal(destination.Take(x.Length), inPlace);
    }
}
