using System;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Activations.Tests.Reference;
using Xunit;
using Xunit.Abstractions;

namespace Activations.Tests.MathCore;

/// <summary>
/// Sweeps a float vector function of the math core against a double-precision reference at every vector width
/// (a width that is not accelerated runs in .NET's software fallback), recording two measures per width: the
/// project's <see cref="Ulp"/> against the correctly rounded float, and the distance to the unrounded reference in
/// ULPs of the float result.
/// </summary>
internal sealed class DenseFloatChecker
{
    private const int Chunk = 1 << 14;

    private readonly Func<double, double> _exact;
    private readonly Func<Vector128<float>, Vector128<float>> _function128;
    private readonly Func<Vector256<float>, Vector256<float>> _function256;
    private readonly Func<Vector512<float>, Vector512<float>> _function512;
    private readonly float[] _x = new float[Chunk];
    private readonly float[] _reference = new float[Chunk];
    private readonly double[] _exactValues = new double[Chunk];
    private readonly double[] _spacing = new double[Chunk];
    private readonly double[] _worstExact = new double[3];
    private readonly float[] _worstExactX = new float[3];
    private readonly float[] _y = new float[Chunk];
    private readonly string[] _widths = { "Vector128", "Vector256", "Vector512" };
    private readonly double[] _worst = new double[3];
    private readonly float[] _worstX = new float[3];
    private long _count;
    private long _aboveBound;

    public DenseFloatChecker(
        Func<double, double> exact,
        Func<Vector128<float>, Vector128<float>> function128,
        Func<Vector256<float>, Vector256<float>> function256,
        Func<Vector512<float>, Vector512<float>> function512)
    {
        _exact = exact;
        _function128 = function128;
        _function256 = function256;
        _function512 = function512;
    }

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
            _exactValues[i] = _exact(input[i]);
            _reference[i] = (float)_exactValues[i];
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

                double exactUlps = FromExact(_y[i], _exactValues[i], _reference[i], _spacing[i]);
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

    private void Apply(int width, ReadOnlySpan<float> x, Span<float> y)
    {
        ref float source = ref MemoryMarshal.GetReference(x);
        ref float destination = ref MemoryMarshal.GetReference(y);
        switch (width)
        {
            case 0:
                for (int i = 0; i < x.Length; i += Vector128<float>.Count)
                {
                    _function128(Vector128.LoadUnsafe(ref source, (nuint)i)).StoreUnsafe(ref destination, (nuint)i);
                }

                break;
            case 1:
                for (int i = 0; i < x.Length; i += Vector256<float>.Count)
                {
                    _function256(Vector256.LoadUnsafe(ref source, (nuint)i)).StoreUnsafe(ref destination, (nuint)i);
                }

                break;
            default:
                for (int i = 0; i < x.Length; i += Vector512<float>.Count)
                {
                    _function512(Vector512.LoadUnsafe(ref source, (nuint)i)).StoreUnsafe(ref destination, (nuint)i);
                }

                break;
        }
    }
}
