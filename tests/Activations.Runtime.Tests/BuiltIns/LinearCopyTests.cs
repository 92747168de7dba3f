using System;
using System.Linq;
using Xunit;

namespace Activations.Tests.BuiltIns;

/// <summary>
/// linear is the identity, so its span kernels copy (the generator's copy for an identity case; LoweringTests holds the
/// text): every bit pattern comes out as it went in (NaN payloads and signaling NaNs included), in place or not, through
/// the typed API and the registry, and a destination that overlaps partially is still refused with nothing written.
/// </summary>
public sealed class LinearCopyTests
{
    [Fact]
    public void EveryHalfBitPatternIsKept()
    {
        Half[] x = Enumerable.Range(0, 65536).Select(i => BitConverter.UInt16BitsToHalf((ushort)i)).ToArray();
        var y = new Half[x.Length];
        Activation.Linear(x, y);
        Assert.Equal(x.Select(BitConverter.HalfToUInt16Bits), y.Select(BitConverter.HalfToUInt16Bits));

        Activation.Get("linear").Apply(x.AsSpan(), x.AsSpan()); // in place, through the registry
        Assert.Equal(Enumerable.Range(0, 65536).Select(i => (ushort)i), x.Select(BitConverter.HalfToUInt16Bits));
    }

    [Fact]
    public void FloatAndDoubleNaNPayloadsAreKept()
    {
        float[] x = [BitConverter.UInt32BitsToSingle(0x7F800001), BitConverter.UInt32BitsToSingle(0xFFC12345), -0f, float.Epsilon, 3.5f];
        var y = new float[x.Length];
        Activation.Linear(x, y);
        Assert.Equal(x.Select(BitConverter.SingleToUInt32Bits), y.Select(BitConverter.SingleToUInt32Bits));

        double[] xd = [BitConverter.UInt64BitsToDouble(0x7FF0000000000001), BitConverter.UInt64BitsToDouble(0xFFF8123456789ABC), -0.0, double.Epsilon];
        var yd = new double[xd.Length];
        Activation.Linear(xd, yd);
        Assert.Equal(xd.Select(BitConverter.DoubleToUInt64Bits), yd.Select(BitConverter.DoubleToUInt64Bits));
    }

    [Fact]
    public void APartialOverlapOrAShortDestinationIsRefusedAndNothingIsWritten()
    {
        float[] buffer = Enumerable.Range(0, 40).Select(i => (float)i).ToArray();
        Assert.Throws<ArgumentException>(() => Activation.Linear(buffer.AsSpan(0, 32), buffer.AsSpan(4, 32)));
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (float)i), buffer);
        Assert.Throws<ArgumentException>(() => Activation.Linear(new float[8], new float[7]));
    }
}
