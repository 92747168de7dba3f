using System;
using System.Linq;
using System.Runtime.Intrinsics;
using Activations.Kernels;
using Xunit;

namespace Activations.Tests.Kernels;

/// <summary>
/// The Half loop itself (run on whichever SIMD path the process has): every half passes through an identity
/// operator bit for bit (NaN payloads too), and every length, in place or not, gives each element the same bits as
/// a long run does (the main loop, the overlapping tail, and the short paths); results that overflow or turn NaN
/// from finite inputs come out as the full conversions give them (the x86 loop narrows other blocks by a faster route).
/// </summary>
public sealed class HalfElementwiseLoopTests
{
    [Fact]
    public void EveryHalfPassesThroughAnIdentityOperatorBitForBit()
    {
        Half[] all = Enumerable.Range(0, 65536).Select(i => BitConverter.UInt16BitsToHalf((ushort)i)).ToArray();
        var destination = new Half[all.Length];
        HalfElementwiseLoop.Run(all, destination, default(Identity));
        for (int i = 0; i < all.Length; i++)
        {
            Assert.True((ushort)i == BitConverter.HalfToUInt16Bits(destination[i]), $"0x{i:x4} came back as 0x{BitConverter.HalfToUInt16Bits(destination[i]):x4}");
        }
    }

    /// <summary>
    /// The loop's shapes with AVX2 or AVX-512: sigmoid's Half operator (the …ForHalf math, its near ties settled) and
    /// softsign's float operator (ties settled) go through the chunked loop one vector at a time, silu's (AVX-512) through
    /// its four-vector method, relu's (exact and lightweight) block by block. Lengths reach past two chunks of 512 halves.
    /// </summary>
    public static TheoryData<string> Shapes => new() { "sigmoid", "softsign", "silu", "relu" };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void EveryLengthInPlaceOrNotMatchesALongRun(string name)
    {
        ActivationFunction function = Activation.Get(name);
        var random = new Random(5);
        Half[] x = Enumerable.Range(0, 1200).Select(_ => (Half)(random.NextDouble() * 24 - 12)).ToArray();
        x[7] = Half.NaN;
        x[50] = Half.PositiveInfinity;
        x[51] = Half.NegativeInfinity;
        x[99] = Half.Epsilon;
        x[530] = Half.NaN;
        x[1040] = Half.NegativeInfinity;
        var longRun = new Half[x.Length];
        function.Apply(x, longRun);

        int[] beyondOneChunk = [479, 480, 481, 511, 512, 513, 543, 544, 545, 1023, 1024, 1025, 1055, 1056, 1057, 1199, 1200];
        foreach (int n in Enumerable.Range(0, 301).Concat(beyondOneChunk))
        {
            var outOfPlace = new Half[n + 3];
            function.Apply(x.AsSpan(0, n), outOfPlace);
            Half[] inPlace = x.AsSpan(0, n).ToArray();
            function.Apply(inPlace, inPlace);
            for (int i = 0; i < n; i++)
            {
                // Below one 128-bit vector of halves the loop is scalar, whose math may round differently.
                Half expected = n >= Vector128<ushort>.Count || !Vector128.IsHardwareAccelerated ? longRun[i] : Scalar(function, x[i]);
                Assert.True(BitConverter.HalfToUInt16Bits(expected) == BitConverter.HalfToUInt16Bits(outOfPlace[i]), $"{name}, n = {n}, element {i}: {outOfPlace[i]} for {expected}");
                Assert.True(BitConverter.HalfToUInt16Bits(expected) == BitConverter.HalfToUInt16Bits(inPlace[i]), $"{name}, n = {n}, element {i} in place: {inPlace[i]} for {expected}");
            }

            Assert.All(outOfPlace.Skip(n), h => Assert.Equal((Half)0, h));
        }
    }

    /// <summary>
    /// At each of the 32 offsets within a 64-byte line, in place and out of place (the source one element further on),
    /// every element gets the bits a plain run gives it and nothing around the destination is written.
    /// </summary>
    [Theory]
    [MemberData(nameof(Shapes))]
    public void EveryDestinationOffsetInPlaceOrNotMatchesAPlainRun(string name)
    {
        ActivationFunction function = Activation.Get(name);
        var random = new Random(11);
        foreach (int n in new[] { 255, 256, 257, 300, 1031 })
        {
            Half[] x = Enumerable.Range(0, n).Select(_ => (Half)(random.NextDouble() * 24 - 12)).ToArray();
            var plain = new Half[n];
            function.Apply(x, plain);
            for (int offset = 0; offset < 32; offset++)
            {
                var source = new Half[n + 64];
                x.CopyTo(source, offset + 1);
                var destination = new Half[n + 64];
                function.Apply(source.AsSpan(offset + 1, n), destination.AsSpan(offset, n));
                var inPlace = new Half[n + 64];
                x.CopyTo(inPlace, offset);
                function.Apply(inPlace.AsSpan(offset, n), inPlace.AsSpan(offset, n));
                for (int i = 0; i < n; i++)
                {
                    Assert.True(BitConverter.HalfToUInt16Bits(plain[i]) == BitConverter.HalfToUInt16Bits(destination[offset + i]), $"{name}, n = {n}, offset {offset}, element {i}: {destination[offset + i]} for {plain[i]}");
                    Assert.True(BitConverter.HalfToUInt16Bits(plain[i]) == BitConverter.HalfToUInt16Bits(inPlace[offset + i]), $"{name}, n = {n}, offset {offset}, element {i} in place: {inPlace[offset + i]} for {plain[i]}");
                }

                Assert.All(destination.Take(offset).Concat(destination.Skip(offset + n)), h => Assert.Equal((Half)0, h));
                Assert.All(inPlace.Take(offset).Concat(inPlace.Skip(offset + n)), h => Assert.Equal((Half)0, h));
            }
        }
    }

    [Fact]
    public void FiniteInputsWhoseResultsAreNotFiniteHalvesComeOutAsInfinityOrNaN()
    {
        // Every finite half, doubled: from 32760 up (65520 and above) the results are ±infinity, below that the nearest half.
        Half[] finite = Enumerable.Range(0, 65536).Select(i => BitConverter.UInt16BitsToHalf((ushort)i)).Where(Half.IsFinite).ToArray();
        var doubled = new Half[finite.Length];
        HalfElementwiseLoop.Run(finite, doubled, default(Doubling));
        for (int i = 0; i < finite.Length; i++)
        {
            Half expected = (Half)((float)finite[i] * 2);
            Assert.True(BitConverter.HalfToUInt16Bits(expected) == BitConverter.HalfToUInt16Bits(doubled[i]), $"2 * {finite[i]} gave {doubled[i]}, expected {expected}");
        }

        // inf - inf from finite inputs: NaN for every nonzero half, in blocks that hold no NaN or infinity.
        var nan = new Half[finite.Length];
        HalfElementwiseLoop.Run(finite, nan, default(InfinityMinusInfinity));
        for (int i = 0; i < finite.Length; i++)
        {
            Assert.True(finite[i] == (Half)0 ? nan[i] == (Half)0 : Half.IsNaN(nan[i]), $"{finite[i]} gave {nan[i]}");
        }
    }

    private static Half Scalar(ActivationFunction function, Half x)
    {
        var y = new Half[1];
        function.Apply(new[] { x }, y);
        return y[0];
    }

    private readonly struct Doubling : IElementwiseOperator<float>
    {
        public float Invoke(float x) => x * 2;

        public Vector128<float> Invoke(Vector128<float> x) => x * 2;

        public Vector256<float> Invoke(Vector256<float> x) => x * 2;

        public Vector512<float> Invoke(Vector512<float> x) => x * 2;
    }

    /// <summary>x · 2^127 · 4, less itself: 0 for 0, inf - inf = NaN for every other finite half.</summary>
    private readonly struct InfinityMinusInfinity : IElementwiseOperator<float>
    {
        public float Invoke(float x) => (x * 1.7014118e38f * 4e30f) - (x * 1.7014118e38f * 4e30f);

        public Vector128<float> Invoke(Vector128<float> x) => (x * 1.7014118e38f * 4e30f) - (x * 1.7014118e38f * 4e30f);

        public Vector256<float> Invoke(Vector256<float> x) => (x * 1.7014118e38f * 4e30f) - (x * 1.7014118e38f * 4e30f);

        public Vector512<float> Invoke(Vector512<float> x) => (x * 1.7014118e38f * 4e30f) - (x * 1.7014118e38f * 4e30f);
    }

    private readonly struct Identity : IElementwiseOperator<float>
    {
        public float Invoke(float x) => x;

        public Vector128<float> Invoke(Vector128<float> x) => x;

        public Vector256<float> Invoke(Vector256<float> x) => x;

        public Vector512<float> Invoke(Vector512<float> x) => x;
    }
}
