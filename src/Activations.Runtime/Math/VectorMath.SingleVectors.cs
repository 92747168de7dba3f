using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

// The float-accuracy exp, expm1 and tanh written out per width with the vector operators themselves, not through
// IDoubleLanes: a generated kernel inlines these four or more times per width in its unrolled loop, and the
// generic layering costs dozens of JIT inlinees per call, enough to exhaust the JIT's inlining budget (the
// leftovers become real calls that spill every vector register). Same algorithm and constants as the generic
// ExpSingle / Expm1SingleInRange / TanhSingle, which the scalar overloads use and the tests compare with.
public static partial class VectorMath
{
    /// <summary>a * b + c, fused where the hardware has it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> MultiplyAdd(Vector128<double> a, Vector128<double> b, Vector128<double> c) =>
#if NET9_0_OR_GREATER
        Vector128.MultiplyAddEstimate(a, b, c);
#else
        Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : (a * b) + c;
#endif

    /// <summary>e^x to float accuracy (see ExpSingle).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> ExpSingleVector(Vector128<double> x)
    {
        if (Vector128.GreaterThanAny(Vector128.Abs(x), Vector128.Create(ExpFastPathBound)))
        {
            return ExpSingleWideCall(x);
        }

        Vector128<double> shifted = (x * Vector128.Create(InverseLn2)) + Vector128.Create(RoundingShift);
        Vector128<double> k = shifted - Vector128.Create(RoundingShift);
        Vector128<double> r = MultiplyAdd(k, Vector128.Create(-Ln2), x);
        Vector128<double> q = MultiplyAdd(Vector128.Create(ExpSingleQ5), r, Vector128.Create(ExpSingleQ4));
        q = MultiplyAdd(q, r, Vector128.Create(ExpSingleQ3));
        q = MultiplyAdd(q, r, Vector128.Create(ExpSingleQ2));
        q = MultiplyAdd(q, r, Vector128.Create(ExpSingleQ1));
        q = MultiplyAdd(q, r, Vector128.Create(ExpSingleQ0));
        Vector128<double> p = MultiplyAdd(r * r, q, r) + Vector128.Create(1.0);
        Vector128<double> scale = Vector128.ShiftLeft((shifted.AsUInt64() + Vector128.Create(1023UL)), 52).AsDouble();
        return p * scale;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector128<double> ExpSingleWideCall(Vector128<double> x) => ExpSingleWide<Vector128<double>, Vector128DoubleLanes>(x);

    /// <summary>e^x - 1 to float accuracy for x in [-40, 700] or NaN (-0 gives +0) (see Expm1SingleInRange).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> Expm1SingleInRangeVector(Vector128<double> x)
    {
        Vector128<double> shifted = (x * Vector128.Create(InverseLn2)) + Vector128.Create(RoundingShift);
        Vector128<double> k = shifted - Vector128.Create(RoundingShift);
        Vector128<double> r = MultiplyAdd(k, Vector128.Create(-Ln2), x);
        Vector128<double> q = MultiplyAdd(Vector128.Create(ExpSingleQ5), r, Vector128.Create(ExpSingleQ4));
        q = MultiplyAdd(q, r, Vector128.Create(ExpSingleQ3));
        q = MultiplyAdd(q, r, Vector128.Create(ExpSingleQ2));
        q = MultiplyAdd(q, r, Vector128.Create(ExpSingleQ1));
        q = MultiplyAdd(q, r, Vector128.Create(ExpSingleQ0));
        Vector128<double> pm1 = MultiplyAdd(r * r, q, r);
        Vector128<double> scale = Vector128.ShiftLeft((shifted.AsUInt64() + Vector128.Create(1023UL)), 52).AsDouble();
        return MultiplyAdd(scale, pm1, scale - Vector128.Create(1.0));
    }

    /// <summary>tanh to float accuracy: -t / (t + 2) with t = expm1(-2|x|), sign copied (see TanhSingle).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> TanhSingleVector(Vector128<double> x)
    {
        Vector128<double> signBit = Vector128.Create(-0.0);
        Vector128<double> a = Vector128.AndNot(x, signBit);
        Vector128<double> t = Expm1SingleInRangeVector(Vector128DoubleLanes.MaxFast(Vector128.Create(TanhExpm1LowestArgument), a * Vector128.Create(-2.0)));
        return Vector128.AndNot(t / (Vector128.Create(-2.0) - t), signBit) | (x & signBit);
    }

    /// <summary>a * b + c, fused where the hardware has it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> MultiplyAdd(Vector256<double> a, Vector256<double> b, Vector256<double> c) =>
#if NET9_0_OR_GREATER
        Vector256.MultiplyAddEstimate(a, b, c);
#else
        Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : (a * b) + c;
#endif

    /// <summary>e^x to float accuracy (see ExpSingle).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> ExpSingleVector(Vector256<double> x)
    {
        if (Vector256.GreaterThanAny(Vector256.Abs(x), Vector256.Create(ExpFastPathBound)))
        {
            return ExpSingleWideCall(x);
        }

        Vector256<double> shifted = (x * Vector256.Create(InverseLn2)) + Vector256.Create(RoundingShift);
        Vector256<double> k = shifted - Vector256.Create(RoundingShift);
        Vector256<double> r = MultiplyAdd(k, Vector256.Create(-Ln2), x);
        Vector256<double> q = MultiplyAdd(Vector256.Create(ExpSingleQ5), r, Vector256.Create(ExpSingleQ4));
        q = MultiplyAdd(q, r, Vector256.Create(ExpSingleQ3));
        q = MultiplyAdd(q, r, Vector256.Create(ExpSingleQ2));
        q = MultiplyAdd(q, r, Vector256.Create(ExpSingleQ1));
        q = MultiplyAdd(q, r, Vector256.Create(ExpSingleQ0));
        Vector256<double> p = MultiplyAdd(r * r, q, r) + Vector256.Create(1.0);
        Vector256<double> scale = Vector256.ShiftLeft((shifted.AsUInt64() + Vector256.Create(1023UL)), 52).AsDouble();
        return p * scale;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector256<double> ExpSingleWideCall(Vector256<double> x) => ExpSingleWide<Vector256<double>, Vector256DoubleLanes>(x);

    /// <summary>e^x - 1 to float accuracy for x in [-40, 700] or NaN (-0 gives +0) (see Expm1SingleInRange).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Expm1SingleInRangeVector(Vector256<double> x)
    {
        Vector256<double> shifted = (x * Vector256.Create(InverseLn2)) + Vector256.Create(RoundingShift);
        Vector256<double> k = shifted - Vector256.Create(RoundingShift);
        Vector256<double> r = MultiplyAdd(k, Vector256.Create(-Ln2), x);
        Vector256<double> q = MultiplyAdd(Vector256.Create(ExpSingleQ5), r, Vector256.Create(ExpSingleQ4));
        q = MultiplyAdd(q, r, Vector256.Create(ExpSingleQ3));
        q = MultiplyAdd(q, r, Vector256.Create(ExpSingleQ2));
        q = MultiplyAdd(q, r, Vector256.Create(ExpSingleQ1));
        q = MultiplyAdd(q, r, Vector256.Create(ExpSingleQ0));
        Vector256<double> pm1 = MultiplyAdd(r * r, q, r);
        Vector256<double> scale = Vector256.ShiftLeft((shifted.AsUInt64() + Vector256.Create(1023UL)), 52).AsDouble();
        return MultiplyAdd(scale, pm1, scale - Vector256.Create(1.0));
    }

    /// <summary>tanh to float accuracy: -t / (t + 2) with t = expm1(-2|x|), sign copied (see TanhSingle).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> TanhSingleVector(Vector256<double> x)
    {
        Vector256<double> signBit = Vector256.Create(-0.0);
        Vector256<double> a = Vector256.AndNot(x, signBit);
        Vector256<double> t = Expm1SingleInRangeVector(Vector256DoubleLanes.MaxFast(Vector256.Create(TanhExpm1LowestArgument), a * Vector256.Create(-2.0)));
        return Vector256.AndNot(t / (Vector256.Create(-2.0) - t), signBit) | (x & signBit);
    }

    /// <summary>a * b + c, fused where the hardware has it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> MultiplyAdd(Vector512<double> a, Vector512<double> b, Vector512<double> c) =>
#if NET9_0_OR_GREATER
        Vector512.MultiplyAddEstimate(a, b, c);
#else
        Avx512F.IsSupported ? Avx512F.FusedMultiplyAdd(a, b, c) : (a * b) + c;
#endif

    /// <summary>e^x to float accuracy (see ExpSingle).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> ExpSingleVector(Vector512<double> x)
    {
        if (Vector512.GreaterThanAny(Vector512.Abs(x), Vector512.Create(ExpFastPathBound)))
        {
            return ExpSingleWideCall(x);
        }

        Vector512<double> shifted = (x * Vector512.Create(InverseLn2)) + Vector512.Create(RoundingShift);
        Vector512<double> k = shifted - Vector512.Create(RoundingShift);
        Vector512<double> r = MultiplyAdd(k, Vector512.Create(-Ln2), x);
        Vector512<double> q = MultiplyAdd(Vector512.Create(ExpSingleQ5), r, Vector512.Create(ExpSingleQ4));
        q = MultiplyAdd(q, r, Vector512.Create(ExpSingleQ3));
        q = MultiplyAdd(q, r, Vector512.Create(ExpSingleQ2));
        q = MultiplyAdd(q, r, Vector512.Create(ExpSingleQ1));
        q = MultiplyAdd(q, r, Vector512.Create(ExpSingleQ0));
        Vector512<double> p = MultiplyAdd(r * r, q, r) + Vector512.Create(1.0);
        Vector512<double> scale = Vector512.ShiftLeft((shifted.AsUInt64() + Vector512.Create(1023UL)), 52).AsDouble();
        return p * scale;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<double> ExpSingleWideCall(Vector512<double> x) => ExpSingleWide<Vector512<double>, Vector512DoubleLanes>(x);

    /// <summary>e^x - 1 to float accuracy for x in [-40, 700] or NaN (-0 gives +0) (see Expm1SingleInRange).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Expm1SingleInRangeVector(Vector512<double> x)
    {
        Vector512<double> shifted = (x * Vector512.Create(InverseLn2)) + Vector512.Create(RoundingShift);
        Vector512<double> k = shifted - Vector512.Create(RoundingShift);
        Vector512<double> r = MultiplyAdd(k, Vector512.Create(-Ln2), x);
        Vector512<double> q = MultiplyAdd(Vector512.Create(ExpSingleQ5), r, Vector512.Create(ExpSingleQ4));
        q = MultiplyAdd(q, r, Vector512.Create(ExpSingleQ3));
        q = MultiplyAdd(q, r, Vector512.Create(ExpSingleQ2));
        q = MultiplyAdd(q, r, Vector512.Create(ExpSingleQ1));
        q = MultiplyAdd(q, r, Vector512.Create(ExpSingleQ0));
        Vector512<double> pm1 = MultiplyAdd(r * r, q, r);
        Vector512<double> scale = Vector512.ShiftLeft((shifted.AsUInt64() + Vector512.Create(1023UL)), 52).AsDouble();
        return MultiplyAdd(scale, pm1, scale - Vector512.Create(1.0));
    }

    /// <summary>tanh to float accuracy: -t / (t + 2) with t = expm1(-2|x|), sign copied (see TanhSingle).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> TanhSingleVector(Vector512<double> x)
    {
        Vector512<double> signBit = Vector512.Create(-0.0);
        Vector512<double> a = Vector512.AndNot(x, signBit);
        Vector512<double> t = Expm1SingleInRangeVector(Vector512DoubleLanes.MaxFast(Vector512.Create(TanhExpm1LowestArgument), a * Vector512.Create(-2.0)));
        return Vector512.AndNot(t / (Vector512.Create(-2.0) - t), signBit) | (x & signBit);
    }
}
