using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.Intrinsics;
using Xunit;

namespace Activations.Tests.MathCore;

/// <summary>
/// Half ↔ float: all 65536 halves widen exactly and narrow back to the same bits (NaNs stay NaN with their
/// payload), and float → Half rounds as .NET's own (Half)f does (to nearest, ties to even) on ties, overflow,
/// subnormals and random floats; through the span API and every vector width.
/// </summary>
public sealed class HalfConversionTests
{
    public static IEnumerable<object[]> Widths() => new[] { 128, 256, 512 }.Select(w => new object[] { w });

    [Fact]
    public void EveryHalfRoundTripsThroughTheSpanApi()
    {
        Half[] all = Enumerable.Range(0, 65536).Select(i => BitConverter.UInt16BitsToHalf((ushort)i)).ToArray();
        var floats = new float[all.Length];
        VectorMath.ConvertToSingle(all, floats);
        var back = new Half[all.Length];
        VectorMath.ConvertToHalf(floats, back);
        for (int i = 0; i < all.Length; i++)
        {
            Assert.True(SameWidening(all[i], floats[i]), $"half 0x{i:x4} widened to {floats[i]:R}, expected {(float)all[i]:R}");
            Assert.Equal((ushort)i, BitConverter.HalfToUInt16Bits(back[i]));
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void EveryHalfRoundTripsThroughEachWidth(int width)
    {
        ushort[] bits = Enumerable.Range(0, 65536).Select(i => (ushort)i).ToArray();
        float[] widened = Widen(bits, width);
        ushort[] narrowed = Narrow(widened, width);
        for (int i = 0; i < bits.Length; i++)
        {
            Assert.True(SameWidening(BitConverter.UInt16BitsToHalf(bits[i]), widened[i]), $"half 0x{i:x4} widened to {widened[i]:R} (0x{BitConverter.SingleToUInt32Bits(widened[i]):x8})");
            Assert.Equal(bits[i], narrowed[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void FloatsRoundToHalfAsDotNetDoes(int width)
    {
        float[] x = RoundingInputs();
        ushort[] narrowed = Narrow(x, width);
        var viaSpan = new Half[x.Length];
        VectorMath.ConvertToHalf(x, viaSpan);
        for (int i = 0; i < x.Length; i++)
        {
            Half expected = (Half)x[i];
            string what = $"{x[i]:R} (0x{BitConverter.SingleToUInt32Bits(x[i]):x8})";
            if (Half.IsNaN(expected))
            {
                Assert.True(Half.IsNaN(BitConverter.UInt16BitsToHalf(narrowed[i])), what);
                Assert.True(Half.IsNaN(viaSpan[i]), what);
                continue;
            }

            Assert.True(BitConverter.HalfToUInt16Bits(expected) == narrowed[i], $"{what}: expected 0x{BitConverter.HalfToUInt16Bits(expected):x4}, got 0x{narrowed[i]:x4}");
            Assert.True(BitConverter.HalfToUInt16Bits(expected) == BitConverter.HalfToUInt16Bits(viaSpan[i]), $"{what} via span");
        }
    }

    [Fact]
    public void AShortDestinationThrowsNamingItAndWritesNothing()
    {
        var halves = new Half[40];
        var floats = new float[39];
        floats.AsSpan().Fill(7f);
        var e = Assert.Throws<ArgumentException>(() => VectorMath.ConvertToSingle(halves, floats));
        Assert.Equal("destination", e.ParamName);
        Assert.All(floats, f => Assert.Equal(7f, f));

        var source = new float[40];
        var shortHalves = new Half[39];
        shortHalves.AsSpan().Fill((Half)7);
        e = Assert.Throws<ArgumentException>(() => VectorMath.ConvertToHalf(source, shortHalves));
        Assert.Equal("destination", e.ParamName);
        Assert.All(shortHalves, h => Assert.Equal((Half)7, h));
    }

    /// <summary>Ties (exact midpoints between halves), their neighbours, the overflow edge, subnormals and random floats.</summary>
    private static float[] RoundingInputs()
    {
        var x = new List<float>();
        for (int h = 0; h < 0x7c00; h++)
        {
            float a = (float)BitConverter.UInt16BitsToHalf((ushort)h);
            float b = (float)BitConverter.UInt16BitsToHalf((ushort)(h + 1));
            float tie = (float)(((double)a + b) / 2); // exact in float: halves have 11 significant bits
            x.AddRange(new[] { tie, MathF.BitDecrement(tie), MathF.BitIncrement(tie), -tie });
        }

        x.AddRange(new[] { 65504f, 65519.99f, 65520f, 65536f, 1e10f, float.MaxValue, float.PositiveInfinity, float.NegativeInfinity, float.NaN, -float.NaN,
            BitConverter.Int32BitsToSingle(0x7f800001), BitConverter.Int32BitsToSingle(0x7fc12345), float.Epsilon, 2.9802322e-8f, 2.9802326e-8f, 5.96e-8f, 0f, -0f });
        var random = new Random(11);
        for (int i = 0; i < 200_000; i++)
        {
            x.Add(BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue)));
        }

        return x.ToArray();
    }

    private static float[] Widen(ushort[] bits, int width)
    {
        var y = new float[bits.Length];
        int count = width / 16;
        for (int i = 0; i < bits.Length; i += count)
        {
            float[] lanes = width switch
            {
                128 => Flatten(VectorMath.WidenHalf(Vector128.Create(new ReadOnlySpan<ushort>(bits, i, count)))),
                256 => Flatten(VectorMath.WidenHalf(Vector256.Create(new ReadOnlySpan<ushort>(bits, i, count)))),
                _ => Flatten(VectorMath.WidenHalf(Vector512.Create(new ReadOnlySpan<ushort>(bits, i, count)))),
            };
            lanes.CopyTo(y, i);
        }

        return y;
    }

    private static ushort[] Narrow(float[] x, int width)
    {
        int count = width / 16;
        int padded = (x.Length + count - 1) / count * count;
        var source = new float[padded];
        x.CopyTo(source, 0);
        var y = new ushort[padded];
        for (int i = 0; i < padded; i += count)
        {
            int half = count / 2;
            ushort[] lanes = new ushort[count];
            switch (width)
            {
                case 128: VectorMath.NarrowToHalf(Vector128.Create(new ReadOnlySpan<float>(source, i, half)), Vector128.Create(new ReadOnlySpan<float>(source, i + half, half))).CopyTo(lanes); break;
                case 256: VectorMath.NarrowToHalf(Vector256.Create(new ReadOnlySpan<float>(source, i, half)), Vector256.Create(new ReadOnlySpan<float>(source, i + half, half))).CopyTo(lanes); break;
                default: VectorMath.NarrowToHalf(Vector512.Create(new ReadOnlySpan<float>(source, i, half)), Vector512.Create(new ReadOnlySpan<float>(source, i + half, half))).CopyTo(lanes); break;
            }

            lanes.CopyTo(y, i);
        }

        return y.AsSpan(0, x.Length).ToArray();
    }

    private static float[] Flatten((Vector128<float> Lower, Vector128<float> Upper) v) => [.. Enumerable.Range(0, 4).Select(j => v.Lower.GetElement(j)), .. Enumerable.Range(0, 4).Select(j => v.Upper.GetElement(j))];

    private static float[] Flatten((Vector256<float> Lower, Vector256<float> Upper) v) => [.. Enumerable.Range(0, 8).Select(j => v.Lower.GetElement(j)), .. Enumerable.Range(0, 8).Select(j => v.Upper.GetElement(j))];

    private static float[] Flatten((Vector512<float> Lower, Vector512<float> Upper) v) => [.. Enumerable.Range(0, 16).Select(j => v.Lower.GetElement(j)), .. Enumerable.Range(0, 16).Select(j => v.Upper.GetElement(j))];

    /// <summary>Exactly (float)half; for a NaN, a NaN with the half's sign and payload in the top mantissa bits
    /// (.NET's own conversion also sets the quiet bit, which would break the round trip of signaling NaNs).</summary>
    private static bool SameWidening(Half half, float widened)
    {
        if (!Half.IsNaN(half))
        {
            return BitConverter.SingleToInt32Bits((float)half) == BitConverter.SingleToInt32Bits(widened);
        }

        uint h = BitConverter.HalfToUInt16Bits(half);
        uint expected = ((h & 0x8000u) << 16) | 0x7f800000u | ((h & 0x3ffu) << 13);
        return float.IsNaN(widened) && BitConverter.SingleToUInt32Bits(widened) == expected;
    }
}
