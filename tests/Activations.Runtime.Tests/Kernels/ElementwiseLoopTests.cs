using System;
using System.Runtime.Intrinsics;
using Activations.Kernels;
using Xunit;

namespace Activations.Tests.Kernels;

/// <summary>
/// The float and double loop itself (on whichever SIMD path the process has): at every start offset within a 64-byte
/// line and at lengths from below one vector to past the unrolled loop, in place and out of place (with the source and
/// the destination equally misaligned, and misaligned differently), every element gets its own result and nothing
/// outside the destination is written. Both loop shapes: the one that stores each result as it is computed, and the one
/// for an <see cref="ILightweightOperator{T}"/>, which loads the next four vectors first (with AVX-512 only: elsewhere
/// the lightweight operator runs the first shape); and the first shape handing groups of four vectors to an
/// <see cref="IInterleavedOperator{T}"/> (where Vector512 is accelerated).
/// </summary>
public sealed class ElementwiseLoopTests
{
    private static readonly int[] Lengths = { 1, 7, 8, 9, 33, 64, 65, 80, 129, 144, 255, 256, 257, 300, 1000, 1031 };

    [Fact]
    public void EveryOffsetAndLengthInPlaceOrNotGivesEachElementItsOwnResult() => CheckEveryOffsetAndLength<ThreeXPlusOne>();

    [Fact]
    public void TheLightweightLoopToo() => CheckEveryOffsetAndLength<LightweightThreeXPlusOne>();

    [Fact]
    public void TheInterleavedLoopToo() => CheckEveryOffsetAndLength<InterleavedThreeXPlusOne>();

    [Fact]
    public void DoublesToo()
    {
        CheckDoubles<ThreeXPlusOne>();
        CheckDoubles<LightweightThreeXPlusOne>();
    }

    private static void CheckDoubles<TOperator>()
        where TOperator : struct, IElementwiseOperator<double>
    {
        foreach (int n in Lengths)
        {
            for (int offset = 0; offset < 8; offset++)
            {
                double[] buffer = new double[(2 * n) + 64];
                Span<double> x = buffer.AsSpan(offset, n);
                for (int i = 0; i < n; i++)
                {
                    x[i] = i - (n / 2.0);
                }

                // The destination 32 doubles (256 bytes) past a multiple of the line: misaligned as x is.
                Span<double> destination = buffer.AsSpan(offset + n + 32 - (n % 8), n);
                ElementwiseLoop.Run<double, TOperator>(x, destination, default);
                for (int i = 0; i < n; i++)
                {
                    Assert.True(((i - (n / 2.0)) * 3) + 1 == destination[i], $"{typeof(TOperator).Name}, n = {n}, offset {offset}, element {i}: {destination[i]}");
                }
            }
        }
    }

    private static void CheckEveryOffsetAndLength<TOperator>()
        where TOperator : struct, IElementwiseOperator<float>
    {
        foreach (int n in Lengths)
        {
            for (int offset = 0; offset < 16; offset++)
            {
                Check<TOperator>(n, offset, destinationShift: 0, inPlace: false);
                Check<TOperator>(n, offset, destinationShift: 1, inPlace: false);
                Check<TOperator>(n, offset, destinationShift: 0, inPlace: true);
            }
        }
    }

    private static void Check<TOperator>(int n, int offset, int destinationShift, bool inPlace)
        where TOperator : struct, IElementwiseOperator<float>
    {
        // One buffer holds x and, 16·k floats (a multiple of 64 bytes) further on plus the shift, the destination.
        int distance = ((n + 15) / 16 * 16) + 16 + destinationShift;
        float[] buffer = new float[offset + distance + n + 16];
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = -1e30f;
        }

        Span<float> x = buffer.AsSpan(offset, n);
        for (int i = 0; i < n; i++)
        {
            x[i] = (i * 0.25f) - 7f;
        }

        int destinationStart = inPlace ? offset : offset + distance;
        ElementwiseLoop.Run<float, TOperator>(x, buffer.AsSpan(destinationStart, n), default);

        string where = $"{typeof(TOperator).Name}, n = {n}, offset {offset}, {(inPlace ? "in place" : $"destination shifted by {destinationShift}")}";
        for (int i = 0; i < buffer.Length; i++)
        {
            bool inDestination = i >= destinationStart && i < destinationStart + n;
            bool inSource = i >= offset && i < offset + n;
            float expected = inDestination ? ((((i - destinationStart) * 0.25f) - 7f) * 3f) + 1f
                : inSource ? ((i - offset) * 0.25f) - 7f
                : -1e30f;
            Assert.True(expected == buffer[i], $"{where}, buffer[{i}] = {buffer[i]}, expected {expected}");
        }
    }

    // 3x + 1 rounded twice, the same in every lane and in scalar code.
    private readonly struct ThreeXPlusOne : IElementwiseOperator<float>, IElementwiseOperator<double>
    {
        public float Invoke(float x) => (x * 3f) + 1f;

        public Vector128<float> Invoke(Vector128<float> x) => (x * 3f) + Vector128<float>.One;

        public Vector256<float> Invoke(Vector256<float> x) => (x * 3f) + Vector256<float>.One;

        public Vector512<float> Invoke(Vector512<float> x) => (x * 3f) + Vector512<float>.One;

        public double Invoke(double x) => (x * 3) + 1;

        public Vector128<double> Invoke(Vector128<double> x) => (x * 3) + Vector128<double>.One;

        public Vector256<double> Invoke(Vector256<double> x) => (x * 3) + Vector256<double>.One;

        public Vector512<double> Invoke(Vector512<double> x) => (x * 3) + Vector512<double>.One;
    }

    // The same function, marked for the other loop shape.
    private readonly struct LightweightThreeXPlusOne : ILightweightOperator<float>, ILightweightOperator<double>
    {
        public float Invoke(float x) => default(ThreeXPlusOne).Invoke(x);

        public Vector128<float> Invoke(Vector128<float> x) => default(ThreeXPlusOne).Invoke(x);

        public Vector256<float> Invoke(Vector256<float> x) => default(ThreeXPlusOne).Invoke(x);

        public Vector512<float> Invoke(Vector512<float> x) => default(ThreeXPlusOne).Invoke(x);

        public double Invoke(double x) => default(ThreeXPlusOne).Invoke(x);

        public Vector128<double> Invoke(Vector128<double> x) => default(ThreeXPlusOne).Invoke(x);

        public Vector256<double> Invoke(Vector256<double> x) => default(ThreeXPlusOne).Invoke(x);

        public Vector512<double> Invoke(Vector512<double> x) => default(ThreeXPlusOne).Invoke(x);
    }

    // The same function, computing four vectors at a time in the Vector512 loop: all four read before any is stored, as
    // the math core's interleaved functions do.
    private readonly struct InterleavedThreeXPlusOne : IInterleavedOperator<float>
    {
        public float Invoke(float x) => default(ThreeXPlusOne).Invoke(x);

        public Vector128<float> Invoke(Vector128<float> x) => default(ThreeXPlusOne).Invoke(x);

        public Vector256<float> Invoke(Vector256<float> x) => default(ThreeXPlusOne).Invoke(x);

        public Vector512<float> Invoke(Vector512<float> x) => default(ThreeXPlusOne).Invoke(x);

        public void Invoke512x4(ref float x, ref float destination)
        {
            Vector512<float> a = Invoke(Vector512.LoadUnsafe(ref x));
            Vector512<float> b = Invoke(Vector512.LoadUnsafe(ref x, 16));
            Vector512<float> c = Invoke(Vector512.LoadUnsafe(ref x, 32));
            Vector512<float> d = Invoke(Vector512.LoadUnsafe(ref x, 48));
            a.StoreUnsafe(ref destination);
            b.StoreUnsafe(ref destination, 16);
            c.StoreUnsafe(ref destination, 32);
            d.StoreUnsafe(ref destination, 48);
        }
    }
}
