using System;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Activations.Tests.Reference;
using Xunit;
using Xunit.Abstractions;

namespace Activations.Tests.MathCore;

/// <summary>
/// The float vector exp against <c>(float)Math.Exp(x)</c> far beyond the reference rows: a fixed stride through
/// the bit patterns of every float in [-104, 89] (about 23 million inputs: every binade, both signs), and every
/// single float where the result is subnormal or near the overflow edge, at each vector width (a width that is
/// not accelerated runs in .NET's software fallback). Outside [-104, 89] the result is exactly 0 or +∞.
/// Two measures: the project's (<see cref="Ulp"/> against the correctly rounded float, at most 1), and the
/// distance to the unrounded <c>Math.Exp(x)</c> in ULPs of the float result, also below 1 (so every result is
/// one of the two floats around the exact value, not merely next to the rounded one).
/// </summary>
public sealed class DenseFloatExpTests(ITestOutputHelper output)
{
    /// <summary>A prime, so the sweep visits every residue of the low mantissa bits across binades.</summary>
    private const int Stride = 97;

    /// <summary>With hardware intrinsics off every vector operation runs in software, about 30 times slower, and
    /// computes exactly what the unfused Vector128 path computes (which CI sweeps densely): a sample suffices.</summary>
    private const int SoftwareStride = 9973;

    /// <summary>The edge sweeps take every float when accelerated, every 13th in software.</summary>
    private const int SoftwareEdgeStride = 13;

    private const int Chunk = 1 << 14;

    [Fact]
    public void AFixedStrideThroughEveryFloatOfTheFiniteRangeIsWithinOneUlp()
    {
        var check = new Checker();
        int stride = Vector128.IsHardwareAccelerated ? Stride : SoftwareStride;
        check.Sweep(Bits(0f), Bits(89f), stride);
        check.Sweep(Bits(-0f), Bits(-104f), stride);
        check.Report(output, 1.0);
    }

    [Fact]
    public void EveryFloatWithASubnormalOrNearlyOverflowingResultIsWithinOneUlpAndZeroAndInfinityAreExact()
    {
        var check = new Checker();
        int stride = Vector128.IsHardwareAccelerated ? 1 : SoftwareEdgeStride;
        check.Sweep(Bits(-86f), Bits(-105f), stride); // e^x below 2^-126 from -87.34, 0 below -103.97
        check.Sweep(Bits(88f), Bits(90f), stride); // +∞ from 88.7228394
        check.Report(output, 1.0);
        Assert.True(check.ZeroAndInfinityMismatches == 0, $"{check.ZeroAndInfinityMismatches} results are 0 or ∞ where the reference is not, or the reverse");
    }

    [Fact]
    public void BeyondTheRangeTheResultIsExactlyZeroOrInfinity()
    {
        float[] x = { -104f, -105f, -1e4f, -float.MaxValue, float.NegativeInfinity, 89f, 100f, 1e10f, float.MaxValue, float.PositiveInfinity };
        var check = new Checker();
        check.Run(x);
        Assert.True(check.ZeroAndInfinityMismatches == 0 && check.Worst == 0, $"worst {check.Worst} ULP at x = {check.WorstX:R}");
    }

    private static uint Bits(float x) => BitConverter.SingleToUInt32Bits(x);

    private sealed class Checker
    {
        private readonly float[] _x = new float[Chunk];
        private readonly float[] _reference = new float[Chunk];
        private readonly double[] _exact = new double[Chunk];
        private readonly double[] _spacing = new double[Chunk];
        private readonly double[] _worstExact = new double[3];
        private readonly float[] _worstExactX = new float[3];
        private readonly float[] _y = new float[Chunk];
        private readonly string[] _widths = { "Vector128", "Vector256", "Vector512" };
        private readonly double[] _worst = new double[3];
        private readonly float[] _worstX = new float[3];
        private long _count;
        private long _aboveBound;

        public int ZeroAndInfinityMismatches { get; private set; }

        public double Worst => Math.Max(_worst[0], Math.Max(_worst[1], _worst[2]));

        public float WorstX => _worstX[Array.IndexOf(_worst, Worst)];

        /// <summary>Every stride-th bit pattern from <paramref name="from"/> to <paramref name="to"/> (same sign).</summary>
        public void Sweep(uint from, uint to, int stride)
        {
            long step = to >= from ? stride : -stride;
            long bits = from;
            while (step > 0 ? bits <= to : bits >= to)
            {
                int n = 0;
                for (; n < Chunk && (step > 0 ? bits <= to : bits >= to); n++, bits += step)
                {
                    _x[n] = BitConverter.UInt32BitsToSingle((uint)bits);
                }

                Run(_x.AsSpan(0, n));
            }
        }

        public void Run(ReadOnlySpan<float> x)
        {
            int n = x.Length;
            Span<float> input = _x.AsSpan(0, Chunk);
            if (!x.Overlaps(input))
            {
                x.CopyTo(input);
            }

            input[n..].Fill(input[0]); // pad to whole vectors of every width
            int padded = (n + 15) & ~15;
            for (int i = 0; i < n; i++)
            {
                _exact[i] = Math.Exp(input[i]);
                _reference[i] = (float)_exact[i];
                _spacing[i] = Spacing(_reference[i]);
            }

            for (int w = 0; w < _widths.Length; w++)
            {
                Apply(w, input[..padded], _y);
                for (int i = 0; i < n; i++)
                {
                    double ulps = _y[i] == _reference[i] ? 0 : Ulp.Error(_y[i], _reference[i]);
                    if (!(ulps <= _worst[w]))
                    {
                        _worst[w] = ulps;
                        _worstX[w] = input[i];
                    }

                    if (!(ulps <= 1.0))
                    {
                        _aboveBound++;
                    }

                    double exactUlps = FromExact(_y[i], _exact[i], _reference[i], _spacing[i]);
                    if (!(exactUlps <= _worstExact[w]))
                    {
                        _worstExact[w] = exactUlps;
                        _worstExactX[w] = input[i];
                    }

                    if ((_y[i] == 0) != (_reference[i] == 0) || float.IsInfinity(_y[i]) != float.IsInfinity(_reference[i]))
                    {
                        ZeroAndInfinityMismatches++;
                    }
                }
            }

            _count += n;
        }

        public void Report(ITestOutputHelper output, double bound)
        {
            for (int w = 0; w < _widths.Length; w++)
            {
                output.WriteLine(
                    $"{_widths[w]}: {_count} inputs, worst {_worst[w]:0.####} ULP at x = {_worstX[w]:R} (Ulp against the rounded float); " +
                    $"{_worstExact[w]:0.####} ULP from the exact value at x = {_worstExactX[w]:R}");
            }

            Assert.True(
                _aboveBound == 0 && Worst <= bound,
                $"{_aboveBound} results above {bound} ULP; worst {Worst:0.####} ULP at x = {WorstX:R}");
            int worstWidth = Array.IndexOf(_worstExact, Math.Max(_worstExact[0], Math.Max(_worstExact[1], _worstExact[2])));
            Assert.True(
                _worstExact[worstWidth] < 1.0,
                $"{_widths[worstWidth]}: {_worstExact[worstWidth]:0.####} ULP from the exact value at x = {_worstExactX[worstWidth]:R}");
        }

        /// <summary>|y - exact| in units of the float spacing at the rounded result (0 when both are 0 or the same
        /// infinity; the exact/rounded agreement on 0 and ∞ is checked separately).</summary>
        private static double FromExact(float y, double exact, float rounded, double spacing)
        {
            if (float.IsInfinity(rounded) || rounded == 0 || float.IsNaN(y))
            {
                return y == rounded ? 0 : double.PositiveInfinity;
            }

            return Math.Abs(y - exact) / spacing;
        }

        /// <summary>The float spacing at r, as <see cref="Ulp"/> defines it.</summary>
        private static double Spacing(float r)
        {
            float a = MathF.Abs(r);
            return a == float.MaxValue ? (double)a - MathF.BitDecrement(a) : (double)MathF.BitIncrement(a) - a;
        }

        private static void Apply(int width, ReadOnlySpan<float> x, Span<float> y)
        {
            ref float source = ref MemoryMarshal.GetReference(x);
            ref float destination = ref MemoryMarshal.GetReference(y);
            switch (width)
            {
                case 0:
                    for (int i = 0; i < x.Length; i += Vector128<float>.Count)
                    {
                        VectorMath.Exp(Vector128.LoadUnsafe(ref source, (nuint)i)).StoreUnsafe(ref destination, (nuint)i);
                    }

                    break;
                case 1:
                    for (int i = 0; i < x.Length; i += Vector256<float>.Count)
                    {
                        VectorMath.Exp(Vector256.LoadUnsafe(ref source, (nuint)i)).StoreUnsafe(ref destination, (nuint)i);
                    }

                    break;
                default:
                    for (int i = 0; i < x.Length; i += Vector512<float>.Count)
                    {
                        VectorMath.Exp(Vector512.LoadUnsafe(ref source, (nuint)i)).StoreUnsafe(ref destination, (nuint)i);
                    }

                    break;
            }
        }
    }
}
