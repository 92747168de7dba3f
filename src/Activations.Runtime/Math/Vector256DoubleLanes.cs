using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

/// <summary>Four doubles per <see cref="Vector256{T}"/>; correct in software fallback too.</summary>
internal readonly struct Vector256DoubleLanes : IDoubleLanes<Vector256<double>>
{
    public static bool IsFused => Fma.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Create(double value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> CreateBits(ulong bits) => Vector256.Create(bits).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Add(Vector256<double> a, Vector256<double> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Subtract(Vector256<double> a, Vector256<double> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Multiply(Vector256<double> a, Vector256<double> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Divide(Vector256<double> a, Vector256<double> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> MultiplyAdd(Vector256<double> a, Vector256<double> b, Vector256<double> c) =>
        Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : (a * b) + c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Equals(Vector256<double> a, Vector256<double> b) => Vector256.Equals(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> LessThan(Vector256<double> a, Vector256<double> b) => Vector256.LessThan(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> LessThanOrEqual(Vector256<double> a, Vector256<double> b) => Vector256.LessThanOrEqual(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> GreaterThan(Vector256<double> a, Vector256<double> b) => Vector256.GreaterThan(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> GreaterThanOrEqual(Vector256<double> a, Vector256<double> b) => Vector256.GreaterThanOrEqual(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Select(Vector256<double> mask, Vector256<double> ifTrue, Vector256<double> ifFalse) =>
        Vector256.ConditionalSelect(mask, ifTrue, ifFalse);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(Vector256<double> mask) => mask.AsUInt64() != Vector256<ulong>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> And(Vector256<double> a, Vector256<double> b) => a & b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Or(Vector256<double> a, Vector256<double> b) => a | b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Xor(Vector256<double> a, Vector256<double> b) => a ^ b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> AndNot(Vector256<double> a, Vector256<double> b) => Vector256.AndNot(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> ShiftLeft(Vector256<double> a, int count) => Vector256.ShiftLeft(a.AsUInt64(), count).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> ShiftRightLogical(Vector256<double> a, int count) => Vector256.ShiftRightLogical(a.AsUInt64(), count).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> AddBits(Vector256<double> a, Vector256<double> b) => (a.AsUInt64() + b.AsUInt64()).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> SubtractBits(Vector256<double> a, Vector256<double> b) => (a.AsUInt64() - b.AsUInt64()).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> MinFast(Vector256<double> a, Vector256<double> b) =>
        Avx.IsSupported ? Avx.Min(a, b) : Vector256.Min(a, b); // the instruction returns b when either is NaN

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> MaxFast(Vector256<double> a, Vector256<double> b) =>
        Avx.IsSupported ? Avx.Max(a, b) : Vector256.Max(a, b); // the instruction returns b when either is NaN

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Sqrt(Vector256<double> a) => Vector256.Sqrt(a);
}
