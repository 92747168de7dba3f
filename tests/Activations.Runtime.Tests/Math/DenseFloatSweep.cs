using System;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Activations.Tests.Reference;
using Xunit;
using Xunit.Abstractions;

namespace Activations.Tests.MathCore;

/// <summary>
/// Runs a float vector function at every width over many float bit patterns and compares it with a double-precision
/// reference (relative error far below a float ULP): the worst error against the correctly rounded float
/// (<see cref="Ulp"/>, at most 1) and against the unrounded reference in ULPs of the rounded result (below 1, so every
/// result is one of the two floats around the exact value). Where the rounded reference is NaN, ±∞ or 0 the result
/// must equal the scalar float overload bit for bit (NaN: any NaN). A width that is not accelerated runs in .NET's
/// software fallback.
/// </summary>
internal sealed class DenseFloatSweep
{
    private const int Chunk = 1 << 14;

    private static readonly string[] Widths = { "Vector128", "Vector256", "Vector512" };

    private readonly Func<double, double> _exact;
    private readonly Func<float, float> _scalar;
    private readonly Func<Vector128<float>, Vector128<float>> _vector128;
    private readonly Func<Vector256<float>, Vector256<float>> _vector256;
    private readonly Func<Vector512<float>, Vector512<float>> _vector512;
    private readonly float[] _x = new float[Chunk];
    private readonly double[] _reference = new double[Chunk];
    private readonly float[] _y = new float[Chunk];
    private readonly double[] _worst = new double[3];
    private readonly float[] _worstX = new float[3];
    private readonly double[] _worstExact = new double[3];
    private readonly float[] _worstExactX = new float[3];
    private long _count;
    private long _aboveBound;
    private long _specialMismatches;
    private string _firstSpecialMismatch = string.Empty;

    public DenseFloatSweep(
        Func<double, double> exact,
        Func<float, float> scalar,
        Func<Vector128<float>, Vector128<float>> vector128,
        Func<Vector256<float>, Vector256<float>> vector256,
        Func<Vector512<float>, Vector512<float>> vector512)
    {
        _exact = exact;
        _scalar = scalar;
        _vector128 = vector128;
        _vector256 = vector256;
        _vector512 = vector512;
    }

    /// <summary>With hardware intrinsics off every vector operation runs in software, about 30 times slower, and
    /// computes what the unfused Vector128 path computes (which CI sweeps densely): a coarser sample suffices.</summary>
    public static bool Accelerated => Vector128.IsHardwareAccelerated;

    public static uint Bits(float x) => BitConverter.SingleToUInt32Bits(x);

    /// <summary>Every stride-th bit pattern from <paramref name="from"/> to <paramref name="to"/> (same sign).</summary>
    public void Sweep(float from, float to, int stride)
    {
        long step = Bits(to) >= Bits(from) ? stride : -stride;
        long bits = Bits(from);
        long end = Bits(to);
        while (step > 0 ? bits <= end : bits >= end)
        {
            int n = 0;
            for (; n < Chunk && (step > 0 ? bits <= end : bits >= end); n++, bits += step)
            {
                _x[n] = BitConverter.UInt32BitsToSingle((uint)bits);
            }

            Run(_x.AsSpan(0, n));
        }
    }

    public void Run(ReadOnlySpan<float> x)
    {
        int n = x.Length;
        Span<float> input = _x.AsSpan();
        if (!x.Overlaps(input))
        {
            x.CopyTo(input);
        }

        input[n..].Fill(input[0]); // pad to whole vectors of every width
        int padded = (n + 15) & ~15;
        for (int i = 0; i < n; i++)
        {
            _reference[i] = _exact(input[i]);
        }

        for (int w = 0; w < Widths.Length; w++)
        {
            Apply(w, input[..padded], _y);
            for (int i = 0; i < n; i++)
            {
                Check(w, input[i], _y[i], _reference[i]);
            }
        }

        _count += n;
    }

    /// <summary>Prints each width's worst errors and asserts the bounds: at most 1 ULP against the rounded float, and below
    /// <paramref name="exactBound"/> ULP from the exact value (1 unless a function documents a tighter bound).</summary>
    public void Report(ITestOutputHelper output, double exactBound = 1.0)
    {
        for (int w = 0; w < Widths.Length; w++)
        {
            output.WriteLine(
                $"{Widths[w]}: {_count} inputs, worst {_worst[w]:0.####} ULP at x = {_worstX[w]:R} (Ulp against the rounded float); " +
                $"{_worstExact[w]:0.####} ULP from the exact value at x = {_worstExactX[w]:R}");
        }

        Assert.True(_specialMismatches == 0, $"{_specialMismatches} NaN/±∞/0 results differ from the scalar overload, first {_firstSpecialMismatch}");
        double worst = Math.Max(_worst[0], Math.Max(_worst[1], _worst[2]));
        Assert.True(_aboveBound == 0 && worst <= 1.0, $"{_aboveBound} results above 1 ULP; worst {worst:0.####} ULP at x = {_worstX[Array.IndexOf(_worst, worst)]:R}");
        int worstWidth = Array.IndexOf(_worstExact, Math.Max(_worstExact[0], Math.Max(_worstExact[1], _worstExact[2])));
        Assert.True(
            _worstExact[worstWidth] < exactBound,
            $"{Widths[worstWidth]}: {_worstExact[worstWidth]:0.####} ULP from the exact value at x = {_worstExactX[worstWidth]:R}");
    }

    /// <summary>Each width gives exactly the scalar overload's result (NaN: any NaN) for every one of <paramref name="x"/>.</summary>
    public void AssertSameAsScalar(float[] x)
    {
        Span<float> input = _x.AsSpan();
        x.CopyTo(input);
        input[x.Length..].Fill(x[0]);
        int padded = (x.Length + 15) & ~15;
        for (int w = 0; w < Widths.Length; w++)
        {
            Apply(w, input[..padded], _y);
            for (int i = 0; i < x.Length; i++)
            {
                float expected = _scalar(x[i]);
                Assert.True(
                    float.IsNaN(expected) ? float.IsNaN(_y[i]) : BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(_y[i]),
                    $"{Widths[w]}: x = {x[i]:R} gives {_y[i]:R}, the scalar overload {expected:R}");
            }
        }
    }

    private void Check(int width, float x, float y, double exact)
    {
        float rounded = (float)exact;
        if (float.IsNaN(rounded) || float.IsInfinity(rounded) || rounded == 0 || float.IsNaN(y))
        {
            float expected = _scalar(x);
            bool same = float.IsNaN(expected) ? float.IsNaN(y) : BitConverter.SingleToInt32Bits(y) == BitConverter.SingleToInt32Bits(expected);
            if (!same && _specialMismatches++ == 0)
            {
                _firstSpecialMismatch = $"{Widths[width]}: x = {x:R} gives {y:R}, the scalar overload {expected:R}";
            }

            return;
        }

        double ulps = y == rounded ? 0 : Ulp.Error(y, rounded);
        if (!(ulps <= _worst[width]))
        {
            _worst[width] = ulps;
            _worstX[width] = x;
        }

        if (!(ulps <= 1.0))
        {
            _aboveBound++;
        }

        // |y - exact| in units of the float spacing at the rounded result, as Ulp measures.
        float a = MathF.Abs(rounded);
        double spacing = a == float.MaxValue ? (double)a - MathF.BitDecrement(a) : (double)MathF.BitIncrement(a) - a;
        double fromExact = Math.Abs(y - exact) / spacing;
        if (!(fromExact <= _worstExact[width]))
        {
            _worstExact[width] = fromExact;
            _worstExactX[width] = x;
        }
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
                    _vector128(Vector128.LoadUnsafe(ref source, (nuint)i)).StoreUnsafe(ref destination, (nuint)i);
                }

                break;
            case 1:
                for (int i = 0; i < x.Length; i += Vector256<float>.Count)
                {
                    _vector256(Vector256.LoadUnsafe(ref source, (nuint)i)).StoreUnsafe(ref destination, (nuint)i);
                }

                break;
            default:
                for (int i = 0; i < x.Length; i += Vector512<float>.Count)
                {
                    _vector512(Vector512.LoadUnsafe(ref source, (nuint)i)).StoreUnsafe(ref destination, (nuint)i);
                }

                break;
        }
    }
}
