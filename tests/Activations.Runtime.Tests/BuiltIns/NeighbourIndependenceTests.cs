using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Activations.Tests.Reference;
using Xunit;
using Xunit.Abstractions;

namespace Activations.Tests.BuiltIns;

/// <summary>
/// Whether an element's result depends on the other elements that share its vector: each row of a built-in's reference
/// file (every third row) goes through the span kernel once beside ordinary values and once beside values that send their
/// lanes to a rare path (±10³⁰, ±∞, NaN, ±100), once beside ±20 and once beside -10.02, at every position of an 80-element span, and the
/// four results must be the same bits.
/// float softplus (and log_sigmoid, whose float kernels compute -softplus(-x) with it) is listed below AVX-512: its narrow form (|x| ≤ 10.39) and its full-range form differ in the last bit,
/// and there a vector with one lane beyond 10.39 takes the full-range form for all (docs/math-core.md,
/// "Reproducibility"); its AVX-512 code blends the two lane by lane and is held to the rule. The Half kernels
/// run the float ones and round to Half, which would hide a one-ULP float difference except at a rounding midpoint:
/// every tested row is asserted for them.
/// </summary>
public sealed class NeighbourIndependenceTests(ITestOutputHelper output)
{
    /// <summary>Float kernels that pick a form per vector whose bits another form does not reproduce (below AVX-512).</summary>
    private static readonly HashSet<string> s_singleFormPerVector = ["softplus", "log_sigmoid"];

    /// <summary>Whether the float code that ran is AVX-512's, which computes every lane on its own for every kernel.</summary>
    private static bool Avx512Code(Type vector) => vector == typeof(Vector512<float>) && Avx512F.IsSupported;

    /// <summary>80 floats: at Vector512 one interleaved group of four vectors (IInterleavedOperator) and the tail vector.</summary>
    private const int Length = 80;

    /// <summary>Every third row (about 2150 per file, the tails included), to keep the four SIMD-path runs short.</summary>
    private const int RowStride = 3;

    private static readonly double[] s_rareNeighbours = [-1e30, 1e30, double.NegativeInfinity, double.PositiveInfinity, double.NaN, -100, 100];

    /// <summary>On the fast paths but beyond ±16, where an interleaved sigmoid or silu group adds its c_low step.</summary>
    private static readonly double[] s_moderateNeighbours = [-20, 20];

    /// <summary>On gelu's tanh-form fast path but below -9.98, where an interleaved group keeps the unit.</summary>
    private static readonly double[] s_nearBoundNeighbours = [-10.02, 0.5];

    public static IEnumerable<object[]> Cases() => ScalarStubAccuracyTests.JudgedCases();

    [GeneratedKernelTheory]
    [MemberData(nameof(Cases))]
    public void SingleResultDoesNotDependOnNeighbours(string referenceName)
    {
        var rows = ReferenceTable.Single(referenceName);
        var changed = Count<float, int>(referenceName, rows.Select(r => r.X).ToArray(), v => (float)v, v => BitConverter.SingleToInt32Bits(v), (d, x, y, a) => d.Single(x, y, a));
        bool avx512Loop = Vector512.IsHardwareAccelerated && Avx512F.IsSupported;
        Judge(referenceName, "float", changed, Tested(rows.Length), s_singleFormPerVector.Contains(referenceName) && !avx512Loop);
    }

    [GeneratedKernelTheory]
    [MemberData(nameof(Cases))]
    public void DoubleResultDoesNotDependOnNeighbours(string referenceName)
    {
        var rows = ReferenceTable.Double(referenceName);
        var changed = Count<double, long>(referenceName, rows.Select(r => r.X).ToArray(), v => v, v => BitConverter.DoubleToInt64Bits(v), (d, x, y, a) => d.Double(x, y, a));
        Judge(referenceName, "double", changed, Tested(rows.Length), vectorWide: false);
    }

    [GeneratedKernelTheory]
    [MemberData(nameof(Cases))]
    public void HalfResultDoesNotDependOnNeighbours(string referenceName)
    {
        var rows = ReferenceTable.Half(referenceName);
        var changed = Count<Half, short>(referenceName, rows.Select(r => r.X).ToArray(), v => (Half)v, v => BitConverter.HalfToInt16Bits(v), (d, x, y, a) => d.Half(x, y, a));
        Judge(referenceName, "Half", changed, Tested(rows.Length), vectorWide: false);
    }

    /// <summary>The generated Vector128/256/512 overloads, called directly (on this machine the span kernels reach only one
    /// width with FMA; the others' rare-lane code runs here).</summary>
    [GeneratedKernelTheory]
    [MemberData(nameof(Cases))]
    public void SingleVectorOverloadsDoNotDependOnNeighbours(string referenceName)
    {
        BuiltInCase c = BuiltInCatalog.Case(referenceName);
        float[] inputs = ReferenceTable.Single(referenceName).Where((_, i) => i % RowStride == 0).Select(r => r.X).ToArray();
        foreach (Type vector in new[] { typeof(Vector128<float>), typeof(Vector256<float>), typeof(Vector512<float>) })
        {
            int lanes = (int)vector.GetProperty("Count")!.GetValue(null)!;
            var ordinary = new float[inputs.Length * lanes];
            var rare = new float[inputs.Length * lanes];
            for (int i = 0; i < inputs.Length; i++)
            {
                for (int j = 0; j < lanes; j++)
                {
                    ordinary[(i * lanes) + j] = 0.5f;
                    rare[(i * lanes) + j] = (float)s_rareNeighbours[(i + j) % s_rareNeighbours.Length];
                }

                ordinary[(i * lanes) + (i % lanes)] = rare[(i * lanes) + (i % lanes)] = inputs[i];
            }

            float[] ordinaryResult = VectorOverloads.Apply(c, vector, ordinary);
            float[] rareResult = VectorOverloads.Apply(c, vector, rare);
            int changed = Enumerable.Range(0, inputs.Length).Count(i =>
                BitConverter.SingleToInt32Bits(ordinaryResult[(i * lanes) + (i % lanes)]) != BitConverter.SingleToInt32Bits(rareResult[(i * lanes) + (i % lanes)]));
            Judge(referenceName, VectorOverloads.Label(vector), (changed, ""), inputs.Length, s_singleFormPerVector.Contains(referenceName) && !Avx512Code(vector));
        }
    }

    private static (int Changed, string Rows) Count<T, TBits>(string referenceName, T[] inputs, Func<double, T> convert, Func<T, TBits> bits, Action<ActivationDescriptor, T[], T[], double[]> run)
        where TBits : IEquatable<TBits>
    {
        BuiltInCase c = BuiltInCatalog.Case(referenceName);
        Assert.True(ActivationRegistry.TryGet(c.Activation, out ActivationDescriptor? d), $"'{c.Activation}' is not registered");
        var ordinary = new T[Length];
        var rare = new T[Length];
        var moderate = new T[Length];
        var nearBound = new T[Length];
        var ordinaryResult = new T[Length];
        var rareResult = new T[Length];
        var moderateResult = new T[Length];
        var nearBoundResult = new T[Length];
        int changed = 0;
        string rows = "";
        for (int i = 0; i < inputs.Length; i += RowStride)
        {
            int position = i % Length;
            for (int j = 0; j < Length; j++)
            {
                ordinary[j] = convert(0.5);
                rare[j] = convert(s_rareNeighbours[(i + j) % s_rareNeighbours.Length]);
                moderate[j] = convert(s_moderateNeighbours[(i + j) % s_moderateNeighbours.Length]);
                nearBound[j] = convert(s_nearBoundNeighbours[(i + j) % s_nearBoundNeighbours.Length]);
            }

            ordinary[position] = rare[position] = moderate[position] = nearBound[position] = inputs[i];
            run(d, ordinary, ordinaryResult, c.Arguments);
            run(d, rare, rareResult, c.Arguments);
            run(d, moderate, moderateResult, c.Arguments);
            run(d, nearBound, nearBoundResult, c.Arguments);
            TBits expected = bits(ordinaryResult[position]);
            if (!expected.Equals(bits(rareResult[position])) || !expected.Equals(bits(moderateResult[position])) || !expected.Equals(bits(nearBoundResult[position])))
            {
                // The first few, so that a failure names its inputs and the four results' bits.
                changed++;
                if (changed <= 3)
                {
                    rows += $" x = {inputs[i]} at {position}: {bits(ordinaryResult[position])} beside ordinary values, {bits(rareResult[position])} beside rare ones, {bits(moderateResult[position])} beside ±20, {bits(nearBoundResult[position])} beside -10.02;";
                }
            }
        }

        return (changed, rows);
    }

    private static int Tested(int rows) => (rows + RowStride - 1) / RowStride;

    private void Judge(string referenceName, string kind, (int Changed, string Rows) count, int tested, bool vectorWide)
    {
        int changed = count.Changed;
        string line = $"{referenceName} {kind}: {changed} of {tested} rows change beside rare-path neighbours [{SimdPathTests.LivePath}]{count.Rows}";
        output.WriteLine(line);
        if (!vectorWide)
        {
            Assert.True(changed == 0, line);
        }
    }
}
