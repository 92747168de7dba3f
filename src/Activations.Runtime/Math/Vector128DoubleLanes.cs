using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

/// <summary>Two doubles per <see cref="Vector128{T}"/>; correct in software fallback too.</summary>
internal readonly struct Vector128DoubleLanes : IDoubleLanes<Vector128<double>>
{
    public static bool IsFused => Fma.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Create(double value) => Vector128.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> CreateBits(ulong bits) => Vector128.Create(bits).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Add(Vector128<double> a, Vector128<double> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Subtract(Vector128<double> a, Vector128<double> b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Multiply(Vector128<double> a, Vector128<double> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Divide(Vector128<double> a, Vector128<double> b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> MultiplyAdd(Vector128<double> a, Vector128<double> b, Vector128<double> c) =>
        Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : (a * b) + c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Equals(Vector128<double> a, Vector128<double> b) => Vector128.Equals(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> LessThan(Vector128<double> a, Vector128<double> b) => Vector128.LessThan(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> LessThanOrEqual(Vector128<double> a, Vector128<double> b) => Vector128.LessThanOrEqual(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> GreaterThan(Vector128<double> a, Vector128<double> b) => Vector128.GreaterThan(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> GreaterThanOrEqual(Vector128<double> a, Vector128<double> b) => Vector128.GreaterThanOrEqual(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Select(Vector128<double> mask, Vector128<double> ifTrue, Vector128<double> ifFalse) =>
        Vector128.ConditionalSelect(mask, ifTrue, ifFalse);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(Vector128<double> mask) => mask.AsUInt64() != Vector128<ulong>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> And(Vector128<double> a, Vector128<double> b) => a & b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Or(Vector128<double> a, Vector128<double> b) => a | b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Xor(Vector128<double> a, Vector128<double> b) => a ^ b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> AndNot(Vector128<double> a, Vector128<double> b) => Vector128.AndNot(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> ShiftLeft(Vector128<double> a, int count) => Vector128.ShiftLeft(a.AsUInt64(), count).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> ShiftRightLogical(Vector128<double> a, int count) => Vector128.ShiftRightLogical(a.AsUInt64(), count).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> AddBits(Vector128<double> a, Vector128<double> b) => (a.AsUInt64() + b.AsUInt64()).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> SubtractBits(Vector128<double> a, Vector128<double> b) => (a.AsUInt64() - b.AsUInt64()).AsDouble();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> MinFast(Vector128<double> a, Vector128<double> b) =>
        Sse2.IsSupported ? Sse2.Min(a, b) : Vector128.Min(a, b); // the instruction returns b when either is NaN

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> MaxFast(Vector128<double> a, Vector128<double> b) =>
        Sse2.IsSupported ? Sse2.Max(a, b) : Vector128.Max(a, b); // the instruction returns b when either is NaN

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Sqrt(Vector128<double> a) => Vector128.Sqrt(a);
}
