using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

/// <summary>Eight doubles per <see cref="Vector512{T}"/>; correct in software fallback too.</summary>
internal readonly struct Vector512DoubleLanes : IDoubleLanes<Vector512<double>>
{
    // Without AVX-512 (a caller's own Vector512 code on AVX2 hardware), each half fuses with FMA.
    public static bool IsFused => Avx512F.IsSupported || Fma.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Create(double value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> CreateBits(ulong bits) => Vector512.Create(bits).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Add(Vector512<double> a, Vector512<double> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Subtract(Vector512<double> a, Vector512<double> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Multiply(Vector512<double> a, Vector512<double> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Divide(Vector512<double> a, Vector512<double> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> MultiplyAdd(Vector512<double> a, Vector512<double> b, Vector512<double> c) =>
        Avx512F.IsSupported ? Avx512F.FusedMultiplyAdd(a, b, c)
        : Fma.IsSupported ? Vector512.Create(Fma.MultiplyAdd(a.GetLower(), b.GetLower(), c.GetLower()), Fma.MultiplyAdd(a.GetUpper(), b.GetUpper(), c.GetUpper()))
        : (a * b) + c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Equals(Vector512<double> a, Vector512<double> b) => Vector512.Equals(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> LessThan(Vector512<double> a, Vector512<double> b) => Vector512.LessThan(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> LessThanOrEqual(Vector512<double> a, Vector512<double> b) => Vector512.LessThanOrEqual(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> GreaterThan(Vector512<double> a, Vector512<double> b) => Vector512.GreaterThan(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> GreaterThanOrEqual(Vector512<double> a, Vector512<double> b) => Vector512.GreaterThanOrEqual(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Select(Vector512<double> mask, Vector512<double> ifTrue, Vector512<double> ifFalse) =>
        Vector512.ConditionalSelect(mask, ifTrue, ifFalse);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(Vector512<double> mask) => mask.AsUInt64() != Vector512<ulong>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> And(Vector512<double> a, Vector512<double> b) => a & b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Or(Vector512<double> a, Vector512<double> b) => a | b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Xor(Vector512<double> a, Vector512<double> b) => a ^ b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> AndNot(Vector512<double> a, Vector512<double> b) => Vector512.AndNot(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> ShiftLeft(Vector512<double> a, int count) => Vector512.ShiftLeft(a.AsUInt64(), count).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> ShiftRightLogical(Vector512<double> a, int count) => Vector512.ShiftRightLogical(a.AsUInt64(), count).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> AddBits(Vector512<double> a, Vector512<double> b) => (a.AsUInt64() + b.AsUInt64()).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> SubtractBits(Vector512<double> a, Vector512<double> b) => (a.AsUInt64() - b.AsUInt64()).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> MinFast(Vector512<double> a, Vector512<double> b) =>
        Avx512F.IsSupported ? Avx512F.Min(a, b) : Vector512.Min(a, b); // the instruction returns b when either is NaN

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> MaxFast(Vector512<double> a, Vector512<double> b) =>
        Avx512F.IsSupported ? Avx512F.Max(a, b) : Vector512.Max(a, b); // the instruction returns b when either is NaN

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Sqrt(Vector512<double> a) => Vector512.Sqrt(a);
}
