using System;
using System.Linq;
using System.Runtime.Intrinsics;
using Activations.Kernels;
using Xunit;

namespace Activations.Tests.Kernels;

/// <summary>
/// Half ties: the test that finds a float lying exactly halfway between two halves (every midpoint, and nothing else
/// near one), and the Half loop that settles those elements with the double operator, at every position of every block,
/// in place and out of place, on whichever SIMD path the process has.
/// </summary>
public sealed class HalfTiesTests
{
    [Fact]
    public void EveryMidpointBetweenTwoHalvesIsATieAndItsNeighboursAreNot()
    {
        for (int bits = 0; bits < 0x7c00; bits++)
        {
            double low = (double)BitConverter.UInt16BitsToHalf((ushort)bits);
            double high = bits == 0x7bff ? 65536 : (double)BitConverter.UInt16BitsToHalf((ushort)(bits + 1));
            float midpoint = (float)((low + high) / 2); // at most 12 significant bits: exact in float
            Assert.Equal((low + high) / 2, midpoint);
            // Below 2^-14 the test adds 2^-14, which rounds away the bits below 2^-37: floats that close to a midpoint count
            // as ties too (harmless: the loop computes them again), so the neighbours tried there are 2^-36 away.
            float above = midpoint < 6.1035156e-05f ? midpoint + 1.4551915e-11f : MathF.BitIncrement(midpoint);
            float below = midpoint < 6.1035156e-05f ? midpoint - 1.4551915e-11f : MathF.BitDecrement(midpoint);
            foreach (float sign in new[] { 1f, -1f })
            {
                AssertTie(true, sign * midpoint);
                AssertTie(false, sign * above);
                AssertTie(false, sign * below);
                AssertTie(false, sign * (float)low);
            }
        }

        foreach (float special in new[] { float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.MaxValue, float.Epsilon, 0f, -0f })
        {
            AssertTie(false, special);
        }
    }

    private static void AssertTie(bool expected, float value, uint window = 0)
    {
        Assert.True(expected == VectorMath.IsHalfTie(value, window), $"{value:R}: IsHalfTie within {window} should be {expected}");
        if (!float.IsNaN(value))
        {
            // A NaN lane may count as a tie in the vectors (the loop checks each flagged lane again).
            Assert.True(expected == VectorMath.HasHalfTies(Vector128.Create(value), Vector128<float>.Zero, window), $"{value:R} in Vector128's lower vector, window {window}");
            Assert.True(expected == VectorMath.HasHalfTies(Vector128<float>.Zero, Vector128.Create(value), window), $"{value:R} in Vector128's upper vector, window {window}");
            Assert.True(expected == VectorMath.HasHalfTies(Vector256.Create(value), Vector256<float>.Zero, window), $"{value:R} in Vector256's lower vector, window {window}");
            Assert.True(expected == VectorMath.HasHalfTies(Vector512<float>.Zero, Vector512.Create(value), window), $"{value:R} in Vector512's upper vector, window {window}");
            Assert.Equal(expected ? 1ul : 0ul, VectorMath.HalfTieLaneBits(Vector256.Create(0f, value, 0f, 0f, 0f, 0f, 0f, 0f), window) >> 1);
        }
    }

    /// <summary>
    /// A window of W float ULPs flags every float within W ULPs of a midpoint (in the ULPs of [2^-14, 2^-13), 2^-37, below
    /// 2^-14) and nothing further: the Half kernels of the …ForHalf math settle those (Kernels/HalfTieWindows.cs).
    /// </summary>
    [Theory]
    [InlineData(1u)]
    [InlineData(4u)]
    [InlineData(5u)]
    [InlineData((uint)HalfElementwiseLoop.MaximumTieWindow)]
    public void AWindowFlagsTheFloatsWithinItOfEveryMidpointAndNoOthers(uint window)
    {
        for (int bits = 0; bits < 0x7c00; bits += 7) // every seventh half: every binade, near both its ends
        {
            double low = (double)BitConverter.UInt16BitsToHalf((ushort)bits);
            double high = bits == 0x7bff ? 65536 : (double)BitConverter.UInt16BitsToHalf((ushort)(bits + 1));
            float midpoint = (float)((low + high) / 2);
            float inside, outside, insideBelow, outsideBelow;
            if (midpoint < 6.1035156e-05f)
            {
                float step = 7.2759576e-12f; // 2^-37
                (inside, outside) = (midpoint + (window * step), midpoint + ((window + 1) * step));
                (insideBelow, outsideBelow) = (midpoint - (window * step), midpoint - ((window + 1) * step));
            }
            else
            {
                int m = BitConverter.SingleToInt32Bits(midpoint);
                (inside, outside) = (BitConverter.Int32BitsToSingle(m + (int)window), BitConverter.Int32BitsToSingle(m + (int)window + 1));
                (insideBelow, outsideBelow) = (BitConverter.Int32BitsToSingle(m - (int)window), BitConverter.Int32BitsToSingle(m - (int)window - 1));
            }

            foreach (float sign in new[] { 1f, -1f })
            {
                AssertTie(true, sign * midpoint, window);
                AssertTie(true, sign * inside, window);
                AssertTie(true, sign * insideBelow, window);
                AssertTie(false, sign * outside, window);
                AssertTie(false, sign * outsideBelow, window);
                AssertTie(false, sign * (float)low, window);
            }
        }
    }

    /// <summary>
    /// <see cref="TieMaker"/> puts every input of magnitude in [1, 2) and every Half subnormal exactly on a tie (and the
    /// others a quarter ULP off one), and its double twin says which way each tie goes: up in magnitude for positive
    /// inputs, down for negative ones. The loop must give every element the double twin's value rounded.
    /// </summary>
    [Fact]
    public void TheLoopSettlesEveryTieWithTheDoubleOperatorAtEveryPosition()
    {
        var random = new Random(17);
        Half[] x = Enumerable.Range(0, 700).Select(i => (i % 5) switch
        {
            0 => (Half)(1 + random.NextDouble()),
            1 => (Half)(-1 - random.NextDouble()),
            2 => BitConverter.UInt16BitsToHalf((ushort)random.Next(1, 0x400)),
            3 => (Half)(random.NextDouble() * 8 - 4),
            _ => (Half)(random.NextDouble() * 2 + 2),
        }).ToArray();
        x[130] = Half.NaN;
        x[131] = Half.PositiveInfinity; // blocks with special inputs take the full conversions
        x[400] = Half.NegativeInfinity;
        Assert.Contains(x, h => VectorMath.IsHalfTie(default(TieMaker).Invoke((float)h), 0));

        for (int n = 0; n <= x.Length; n += n < 140 ? 1 : 37)
        {
            AssertSettled(x.AsSpan(0, n).ToArray(), (source, destination) => HalfElementwiseLoop.Run(source, destination, default(TieMaker), default(TieSettler)));

            // The same operator as an interleaved one: on AVX-512 the loop then takes two blocks at a time through the
            // four-vector method (a single block with a copy of itself).
            AssertSettled(x.AsSpan(0, n).ToArray(), (source, destination) => HalfElementwiseLoop.Run(source, destination, default(InterleavedTieMaker), default(TieSettler)));
        }
    }

    private static void AssertSettled(Half[] x, Action<Half[], Half[]> run)
    {
        var outOfPlace = new Half[x.Length];
        run(x, outOfPlace);
        Half[] inPlace = x.ToArray();
        run(inPlace, inPlace);
        for (int i = 0; i < x.Length; i++)
        {
            Half expected = (Half)default(TieSettler).Invoke((double)x[i]);
            Assert.True(expected.Equals(outOfPlace[i]), $"n = {x.Length}, element {i} (x = {x[i]}): {outOfPlace[i]} for {expected}");
            Assert.True(expected.Equals(inPlace[i]), $"n = {x.Length}, element {i} in place (x = {x[i]}): {inPlace[i]} for {expected}");
        }
    }

    /// <summary>
    /// <see cref="NearTieMaker"/> puts every input of magnitude in [1, 2) and every Half subnormal three float ULPs (of the
    /// window's measure) below a midpoint, where rounding the float goes down and the double twin goes up. A window of
    /// three settles every one of them, at every position, in place and not; a window of two leaves them all rounded from
    /// the float. The first case collects far more than one group of pending elements.
    /// </summary>
    [Fact]
    public void TheLoopSettlesTheNearTiesWithinItsWindowAndNoOthers()
    {
        var random = new Random(29);
        Half[] x = Enumerable.Range(0, 700).Select(i => (i % 3) switch
        {
            0 => (Half)(1 + random.NextDouble()),
            1 => (Half)(-1 - random.NextDouble()),
            _ => BitConverter.UInt16BitsToHalf((ushort)(random.Next(1, 0x400) | (random.Next(2) << 15))),
        }).ToArray();
        x[130] = Half.NaN;
        x[400] = Half.NegativeInfinity;

        for (int n = 0; n <= x.Length; n += n < 140 ? 1 : 37)
        {
            Half[] part = x.AsSpan(0, n).ToArray();
            AssertSettled(part, (source, destination) => HalfElementwiseLoop.Run(source, destination, default(NearTieMaker), default(TieSettler), tieWindow: 3));

            var narrow = new Half[n];
            HalfElementwiseLoop.Run(part, narrow, default(NearTieMaker), default(TieSettler), tieWindow: 2);
            for (int i = 0; i < n; i++)
            {
                Half expected = (Half)default(NearTieMaker).Invoke((float)part[i]);
                Assert.True(expected.Equals(narrow[i]), $"n = {n}, element {i} (x = {part[i]}), window 2: {narrow[i]} for {expected}");
                float magnitude = MathF.Abs((float)part[i]);
                bool decisive = (magnitude > 1 && magnitude < 2) || Half.IsSubnormal(part[i]); // ±1 and ±2 land on no midpoint
                Assert.True(!decisive || !expected.Equals((Half)default(TieSettler).Invoke((double)part[i])), $"element {i} (x = {part[i]}): the window should matter");
            }
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(HalfElementwiseLoop.MaximumTieWindow + 1)]
    public void AWindowOutOfRangeIsRejectedAndNothingIsWritten(int window)
    {
        Half[] x = [(Half)1, (Half)2];
        Half[] y = [(Half)7, (Half)7];
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => HalfElementwiseLoop.Run(x, y, default(NearTieMaker), default(TieSettler), window));
        Assert.Equal("tieWindow", e.ParamName);
        Assert.Contains(window.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message);
        Assert.Equal([(Half)7, (Half)7], y);
    }

    [Fact]
    public void WithoutADoubleOperatorTiesGoToEven()
    {
        Half[] x = [(Half)1, BitConverter.UInt16BitsToHalf(0x3c01), (Half)(-1.5), BitConverter.UInt16BitsToHalf(1)];
        var y = new Half[x.Length];
        HalfElementwiseLoop.Run(x, y, default(TieMaker));
        Assert.Equal([(Half)1, BitConverter.UInt16BitsToHalf(0x3c02), (Half)(-1.5), BitConverter.UInt16BitsToHalf(2)], y);
    }

    /// <summary>x + 2^-11 (x + 2^-25 for |x| below 2^-14): exactly halfway between two halves where |x| is in [1, 2) or a Half subnormal.</summary>
    private readonly struct TieMaker : IElementwiseOperator<float>
    {
        private const float Small = 6.1035156e-05f; // 2^-14

        public float Invoke(float x) => x + (MathF.Abs(x) < Small ? 2.9802322e-08f : 4.8828125e-04f);

        public Vector128<float> Invoke(Vector128<float> x) =>
            x + Vector128.ConditionalSelect(Vector128.LessThan(Vector128.Abs(x), Vector128.Create(Small)), Vector128.Create(2.9802322e-08f), Vector128.Create(4.8828125e-04f));

        public Vector256<float> Invoke(Vector256<float> x) =>
            x + Vector256.ConditionalSelect(Vector256.LessThan(Vector256.Abs(x), Vector256.Create(Small)), Vector256.Create(2.9802322e-08f), Vector256.Create(4.8828125e-04f));

        public Vector512<float> Invoke(Vector512<float> x) =>
            x + Vector512.ConditionalSelect(Vector512.LessThan(Vector512.Abs(x), Vector512.Create(Small)), Vector512.Create(2.9802322e-08f), Vector512.Create(4.8828125e-04f));
    }

    /// <summary>
    /// <see cref="TieMaker"/> three float ULPs short: x + 2^-11 - 3 · 2^-23 (x + 2^-25 - 3 · 2^-37 for |x| below 2^-14), exact
    /// for |x| in [1, 2) and the Half subnormals.
    /// </summary>
    private readonly struct NearTieMaker : IElementwiseOperator<float>
    {
        private const float Small = 6.1035156e-05f; // 2^-14
        private const float SmallStep = 2.9780495e-08f; // 2^-25 - 3 · 2^-37
        private const float Step = 4.8792362e-04f; // 2^-11 - 3 · 2^-23

        public float Invoke(float x) => x + (MathF.Abs(x) < Small ? SmallStep : Step);

        public Vector128<float> Invoke(Vector128<float> x) =>
            x + Vector128.ConditionalSelect(Vector128.LessThan(Vector128.Abs(x), Vector128.Create(Small)), Vector128.Create(SmallStep), Vector128.Create(Step));

        public Vector256<float> Invoke(Vector256<float> x) =>
            x + Vector256.ConditionalSelect(Vector256.LessThan(Vector256.Abs(x), Vector256.Create(Small)), Vector256.Create(SmallStep), Vector256.Create(Step));

        public Vector512<float> Invoke(Vector512<float> x) =>
            x + Vector512.ConditionalSelect(Vector512.LessThan(Vector512.Abs(x), Vector512.Create(Small)), Vector512.Create(SmallStep), Vector512.Create(Step));
    }

    /// <summary><see cref="TieMaker"/> with a four-vector method, which the Half loop uses on AVX-512.</summary>
    private readonly struct InterleavedTieMaker : IInterleavedOperator<float>
    {
        public float Invoke(float x) => default(TieMaker).Invoke(x);

        public Vector128<float> Invoke(Vector128<float> x) => default(TieMaker).Invoke(x);

        public Vector256<float> Invoke(Vector256<float> x) => default(TieMaker).Invoke(x);

        public Vector512<float> Invoke(Vector512<float> x) => default(TieMaker).Invoke(x);

        public void Invoke512x4(ref float x, ref float destination)
        {
            for (nuint i = 0; i < 64; i += 16)
            {
                Invoke(Vector512.LoadUnsafe(ref x, i)).StoreUnsafe(ref destination, i);
            }
        }
    }

    /// <summary>TieMaker's value plus a 2^-20 of the step: every tie decided, upwards.</summary>
    private readonly struct TieSettler : IElementwiseOperator<double>
    {
        public double Invoke(double x)
        {
            double step = Math.Abs(x) < 6.103515625e-05 ? 2.98023223876953125e-08 : 4.8828125e-04;
            return x + step + (step / 1048576);
        }

        public Vector128<double> Invoke(Vector128<double> x) => throw new InvalidOperationException("the loop settles ties one element at a time");

        public Vector256<double> Invoke(Vector256<double> x) => throw new InvalidOperationException("the loop settles ties one element at a time");

        public Vector512<double> Invoke(Vector512<double> x) => throw new InvalidOperationException("the loop settles ties one element at a time");
    }
}
