using System;
using System.Runtime.Intrinsics;
using Xunit;
using Xunit.Abstractions;

namespace Activations.Tests.MathCore;

/// <summary>
/// The float-lane functions built on exact pairs of floats (session 14: selu's constant products, hard_sigmoid,
/// hard_silu, softsign, sparse_plus, celu; squareplus and tanh_shrink in session 15) against double references, at each vector width: a fixed stride through
/// every float of the ranges where they compute, and every float of a stretch where a dropped low part shows (dropping
/// celu's quotient low part costs 1.44 ULP near x = -0.062 for alpha = 0.3). Bounds as DenseFloatSweep's: at most 1 ULP
/// against the correctly rounded float, below 1 ULP from the exact value.
/// </summary>
public sealed class DenseFloatPairTests(ITestOutputHelper output)
{
    /// <summary>A prime, so the sweep visits every residue of the low mantissa bits across binades.</summary>
    private const int Stride = 389;

    private const int SoftwareStride = 9973;

    private static int SweepStride => DenseFloatSweep.Accelerated ? Stride : SoftwareStride;

    private static int EveryFloat => DenseFloatSweep.Accelerated ? 1 : 61;

    [Fact]
    public void SeluMultipliesItsConstantsAsPairs()
    {
        var check = new DenseFloatSweep(
            x => x > 0 ? 1.0507009873554805 * x : 1.7580993408473768 * Expm1(x),
            x => (float)Activation.Selu((double)x),
            x => Activation.Selu(x),
            x => Activation.Selu(x),
            x => Activation.Selu(x));
        check.Sweep(-1e-30f, -20f, SweepStride);
        check.Sweep(1e-30f, 1e30f, SweepStride);
        check.Sweep(-0.3f, -0.34f, EveryFloat); // the worst measured (0.94 ULP near -0.319)
        check.Report(output);
    }

    [Fact]
    public void HardSigmoidAndHardSiluMultiplyTheirPairsByASixth()
    {
        var sigmoid = new DenseFloatSweep(
            x => Math.Min(Math.Max((x + 3.0) / 6.0, 0.0), 1.0), VectorMath.HardSigmoid, VectorMath.HardSigmoid, VectorMath.HardSigmoid, VectorMath.HardSigmoid);
        sigmoid.Sweep(-0f, -4f, SweepStride);
        sigmoid.Sweep(0f, 4f, SweepStride);
        sigmoid.Sweep(-2.99f, -3f, EveryFloat); // x + 3 small, exact by Sterbenz
        sigmoid.Report(output);

        var silu = new DenseFloatSweep(
            x => x <= -3.0 ? 0.0 : x >= 3.0 ? x : x * (x + 3.0) / 6.0, VectorMath.HardSilu, VectorMath.HardSilu, VectorMath.HardSilu, VectorMath.HardSilu);
        silu.Sweep(-1e-30f, -4f, SweepStride);
        silu.Sweep(1e-30f, 4f, SweepStride);
        silu.Sweep(0.5f, 0.51f, EveryFloat); // x + 3 rounds here: the pair's low part matters
        silu.Report(output);
    }

    [Fact]
    public void SoftsignDividesByItsPair()
    {
        var check = new DenseFloatSweep(
            x => Math.Abs(x) > 1.152921504606846976e18 ? Math.CopySign(1.0, x) : x / (Math.Abs(x) + 1.0),
            VectorMath.Softsign, VectorMath.Softsign, VectorMath.Softsign, VectorMath.Softsign);
        check.Sweep(-0f, -float.MaxValue, SweepStride);
        check.Sweep(0f, float.MaxValue, SweepStride);
        check.Sweep(0.999f, 1.001f, EveryFloat); // |x| + 1 near 2: which of |x| and 1 is larger changes
        check.Report(output);
    }

    [Fact]
    public void SparsePlusSquaresItsPair()
    {
        var check = new DenseFloatSweep(
            x => x <= -1.0 ? 0.0 : x >= 1.0 ? x : (x + 1.0) * (x + 1.0) * 0.25,
            VectorMath.SparsePlus, VectorMath.SparsePlus, VectorMath.SparsePlus, VectorMath.SparsePlus);
        check.Sweep(-0f, -2f, SweepStride);
        check.Sweep(0f, 2f, SweepStride);
        check.Sweep(0.5f, 0.51f, EveryFloat); // x + 1 rounds here
        check.Report(output);
    }

    [Theory]
    [InlineData(0.3f)]
    [InlineData(2.7f)]
    [InlineData(1f)]
    public void CeluCarriesItsQuotientAsAPair(float alpha)
    {
        var check = new DenseFloatSweep(
            x => x > 0 ? x : alpha * Expm1(x / alpha),
            x => VectorMath.Celu(x, alpha),
            x => VectorMath.Celu(x, Vector128.Create(alpha)),
            x => VectorMath.Celu(x, Vector256.Create(alpha)),
            x => VectorMath.Celu(x, Vector512.Create(alpha)));
        check.Sweep(-0f, -40f * alpha, SweepStride);
        check.Sweep(1e-30f, 100f, SweepStride * 16);
        check.Sweep(-0.05f * alpha, -0.3f * alpha, EveryFloat * 7);
        check.Report(output);
    }

    [Fact]
    public void CeluWithAlphaOneIsElusKernel()
    {
        // alpha = 1 takes elu's path (x / alpha and the product with alpha are exact there; with FMA the general path gives
        // the same bits more slowly, without FMA its double lanes differ from elu's in places, which this catches on the
        // Vector128 path): the same bits as elu over a stride through the floats and all of [-0.5, -0.25].
        var x = new float[1 << 16];
        var celu = new float[x.Length];
        var elu = new float[x.Length];
        long differ = 0;
        foreach ((float from, float to, int stride) in new[] { (-0f, -float.MaxValue, SweepStride), (-0.25f, -0.5f, EveryFloat), (0f, 1e30f, SweepStride * 16) })
        {
            long step = DenseFloatSweep.Bits(to) >= DenseFloatSweep.Bits(from) ? stride : -stride;
            for (long bits = DenseFloatSweep.Bits(from); step > 0 ? bits <= DenseFloatSweep.Bits(to) : bits >= DenseFloatSweep.Bits(to);)
            {
                int n = 0;
                for (; n < x.Length && (step > 0 ? bits <= DenseFloatSweep.Bits(to) : bits >= DenseFloatSweep.Bits(to)); n++, bits += step)
                {
                    x[n] = BitConverter.UInt32BitsToSingle((uint)bits);
                }

                Activation.Celu(x.AsSpan(0, n), celu);
                Activation.Elu(x.AsSpan(0, n), elu);
                for (int i = 0; i < n; i++)
                {
                    differ += BitConverter.SingleToInt32Bits(celu[i]) == BitConverter.SingleToInt32Bits(elu[i]) ? 0 : 1;
                }
            }
        }

        Assert.Equal(0, differ);
    }

    [Theory]
    [InlineData(4f)]
    [InlineData(0.3f)]
    [InlineData(8.6736174e-19f)] // 2^-60, the smallest b the float lanes take
    [InlineData(1e30f)]
    public void SquareplusCarriesItsRootAndSumAsPairs(float b)
    {
        var check = new DenseFloatSweep(
            x =>
            {
                double s = Math.Sqrt((x * x) + b);
                return x >= 0 ? (0.5 * x) + (0.5 * s) : b * 0.25 / ((0.5 * s) - (0.5 * x));
            },
            x => VectorMath.Squareplus(x, b),
            x => VectorMath.Squareplus(x, Vector128.Create(b)),
            x => VectorMath.Squareplus(x, Vector256.Create(b)),
            x => VectorMath.Squareplus(x, Vector512.Create(b)));
        check.Sweep(-0f, -float.MaxValue, SweepStride);
        check.Sweep(0f, float.MaxValue, SweepStride);
        float root = MathF.Sqrt(b);
        check.Sweep(-0.01f * root, -0.03f * root, EveryFloat * 3); // √(x² + b) rounds: its low part shows
        check.Sweep(-1000f * root, -1100f * root, EveryFloat * 3); // x² rounds, far above b: its low part shows
        check.Sweep(100f * root, 110f * root, EveryFloat * 3);
        check.Report(output, exactBound: 0.6); // 0.54 at worst over every float for b in {2^-60, 2^-10, 0.3, 4, 100, 1e10, 1e30}
    }

    [Fact]
    public void TanhShrinkMultipliesItsCubeByTheTabulatedRatio()
    {
        var check = new DenseFloatSweep(
            Activation.TanhShrink, VectorMath.TanhShrink, VectorMath.TanhShrink, VectorMath.TanhShrink, VectorMath.TanhShrink);
        check.Sweep(-0f, -float.MaxValue, SweepStride);
        check.Sweep(0f, float.MaxValue, SweepStride);
        check.Sweep(1.9f, 2.1f, EveryFloat * 3); // the two branches meet at 2
        check.Sweep(0.99f, 1.01f, EveryFloat * 3); // two of the ratio's intervals meet at 1
        check.Sweep(-7.2e-13f, -1.2e-12f, EveryFloat * 3); // the worst measured at 256 bits (0.56 ULP near 1.0e-12), and 2^-40 where the double lanes take over
        check.Sweep(3.98f, 4.02f, EveryFloat * 3); // the worst measured at 512 bits (0.60 ULP near 3.994, where the tail is 4% of R)
        check.Sweep(8.9f, 9.1f, EveryFloat * 3); // the 512-bit body switches to |x| - 1 at 9
        check.Report(output, exactBound: 0.65); // over every float: 0.5622 at worst at 128 and 256 bits, 0.6029 at 512
    }

    /// <summary>e^x - 1 in double, by the reference of <see cref="DenseFloatExpm1Tests"/>.</summary>
    private static double Expm1(double x) => DenseFloatExpm1Tests.Exact(x);
}
