using System;
using System.Runtime.Intrinsics;

namespace Activations.Tests.MathCore;

/// <summary>Runs a vector overload over an array, one full vector at a time (the last padded with its first lane).</summary>
internal static class VectorApply
{
    public static T[] Map<T>(T[] x, Func<Vector128<T>, Vector128<T>> f) where T : struct =>
        Map(x, Vector128<T>.Count, lanes => f(Vector128.Create<T>(lanes)), (v, d) => v.CopyTo(d));

    public static T[] Map<T>(T[] x, Func<Vector256<T>, Vector256<T>> f) where T : struct =>
        Map(x, Vector256<T>.Count, lanes => f(Vector256.Create<T>(lanes)), (v, d) => v.CopyTo(d));

    public static T[] Map<T>(T[] x, Func<Vector512<T>, Vector512<T>> f) where T : struct =>
        Map(x, Vector512<T>.Count, lanes => f(Vector512.Create<T>(lanes)), (v, d) => v.CopyTo(d));

    private static T[] Map<T, TVector>(T[] x, int count, Func<T[], TVector> apply, Action<TVector, T[]> store)
    {
        var y = new T[x.Length];
        var lanes = new T[count];
        var result = new T[count];
        for (int i = 0; i < x.Length; i += count)
        {
            for (int j = 0; j < count; j++)
            {
                lanes[j] = x[Math.Min(i + j, x.Length - 1)];
            }

            store(apply(lanes), result);
            Array.Copy(result, 0, y, i, Math.Min(count, x.Length - i));
        }

        return y;
    }
}
