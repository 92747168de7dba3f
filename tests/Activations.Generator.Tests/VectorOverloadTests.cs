using System;
using System.Linq;
using System.Numerics;
using System.Reflection;
using System.Runtime.Intrinsics;
using Xunit;

namespace Activations.Generator.Tests;

/// <summary>The public vector overloads (for users' own loops) agree with the stub, lane by lane, at every width.</summary>
public sealed class VectorOverloadTests
{
    private const string Stubs = "UserCode.Deep.Outer+Stubs";

    private static MethodInfo Overload(string method, Type vector) =>
        EndToEndTestsAccess.Compiled.GetType(Stubs)!.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == method && m.GetParameters()[0].ParameterType == vector);

    [Theory]
    [InlineData("SwishBeta", 1.3, 1)]
    [InlineData("Elu", 0.7, 1)]
    [InlineData("Gelu", 1.0, 1)]
    [InlineData("Leaky", 0.1, 0)]
    public void EveryWidthMatchesTheStub(string method, double parameter, double singleUlps)
    {
        MethodInfo stub = KernelChecks.Stub(EndToEndTestsAccess.Compiled, Stubs, method);
        bool isSwitch = stub.GetParameters()[1].ParameterType == typeof(bool);
        object Argument(Type scalar) => isSwitch ? parameter != 0 : scalar == typeof(float) ? (object)(float)parameter : parameter;

        double[] inputs = KernelChecks.Inputs.Take(64).ToArray();
        foreach ((Type vector, Type scalar, int count) in new[]
        {
            (typeof(Vector128<float>), typeof(float), 4), (typeof(Vector256<float>), typeof(float), 8), (typeof(Vector512<float>), typeof(float), 16),
            (typeof(Vector<float>), typeof(float), Vector<float>.Count),
            (typeof(Vector128<double>), typeof(double), 2), (typeof(Vector256<double>), typeof(double), 4), (typeof(Vector512<double>), typeof(double), 8),
            (typeof(Vector<double>), typeof(double), Vector<double>.Count),
        })
        {
            MethodInfo overload = Overload(method, vector);
            for (int start = 0; start + count <= inputs.Length; start += count)
            {
                double[] lanes = inputs.Skip(start).Take(count).ToArray();
                object result;
                if (scalar == typeof(float))
                {
                    float[] values = lanes.Select(v => (float)v).ToArray();
                    result = overload.Invoke(null, new[] { Create(vector, values), Argument(scalar) })!;
                    float[] actual = ToArray<float>(result, count);
                    double argument = isSwitch ? parameter : (float)parameter;
                    for (int i = 0; i < count; i++)
                    {
                        float want = (float)KernelChecks.InvokeStub(stub, values[i], new[] { argument });
                        Assert.True(Ulp.Distance(actual[i], want) <= singleUlps, $"{vector.Name} {method}({values[i]}) = {actual[i]}, stub {want}");
                    }
                }
                else
                {
                    result = overload.Invoke(null, new[] { Create(vector, lanes), Argument(scalar) })!;
                    double[] actual = ToArray<double>(result, count);
                    for (int i = 0; i < count; i++)
                    {
                        double want = KernelChecks.InvokeStub(stub, lanes[i], new[] { parameter });
                        Assert.True(Ulp.Distance(actual[i], want) <= 4 * singleUlps, $"{vector.Name} {method}({lanes[i]}) = {actual[i]}, stub {want}");
                    }
                }
            }
        }
    }

    private static object Create<T>(Type vector, T[] values)
        where T : struct
    {
        if (vector == typeof(Vector<T>))
        {
            return new Vector<T>(values);
        }

        return vector.GetGenericTypeDefinition() == typeof(Vector128<>) ? Vector128.Create(values)
            : vector.GetGenericTypeDefinition() == typeof(Vector256<>) ? Vector256.Create(values)
            : Vector512.Create(values);
    }

    private static T[] ToArray<T>(object vector, int count)
        where T : struct
    {
        var result = new T[count];
        switch (vector)
        {
            case Vector<T> v: v.CopyTo(result); break;
            case Vector128<T> v: v.CopyTo(result); break;
            case Vector256<T> v: v.CopyTo(result); break;
            case Vector512<T> v: v.CopyTo(result); break;
        }

        return result;
    }
}
