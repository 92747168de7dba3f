using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Activations;

/// <summary>One double as a one-lane "vector", so that the scalar overloads run the same algorithms.</summary>
internal readonly struct ScalarDoubleLanes : IDoubleLanes<double>
{
    private const long AllBits = -1;

    public static bool IsFused => Fma.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Create(double value) => value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double CreateBits(ulong bits) => BitConverter.UInt64BitsToDouble(bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Add(double a, double b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Subtract(double a, double b) => a - b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Multiply(double a, double b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Divide(double a, double b) => a / b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MultiplyAdd(double a, double b, double c) => Fma.IsSupported ? Math.FusedMultiplyAdd(a, b, c) : (a * b) + c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Equals(double a, double b) => Mask(a == b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LessThan(double a, double b) => Mask(a < b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LessThanOrEqual(double a, double b) => Mask(a <= b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double GreaterThan(double a, double b) => Mask(a > b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double GreaterThanOrEqual(double a, double b) => Mask(a >= b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Select(double mask, double ifTrue, double ifFalse) => Any(mask) ? ifTrue : ifFalse;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(double mask) => BitConverter.DoubleToInt64Bits(mask) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double And(double a, double b) => FromBits(Bits(a) & Bits(b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Or(double a, double b) => FromBits(Bits(a) | Bits(b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Xor(double a, double b) => FromBits(Bits(a) ^ Bits(b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double AndNot(double a, double b) => FromBits(Bits(a) & ~Bits(b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ShiftLeft(double a, int count) => FromBits(Bits(a) << count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ShiftRightLogical(double a, int count) => FromBits(Bits(a) >> count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double AddBits(double a, double b) => FromBits(Bits(a) + Bits(b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SubtractBits(double a, double b) => FromBits(Bits(a) - Bits(b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MinFast(double a, double b) => a < b ? a : b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MaxFast(double a, double b) => a > b ? a : b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Mask(bool condition) => BitConverter.Int64BitsToDouble(condition ? AllBits : 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Bits(double value) => BitConverter.DoubleToUInt64Bits(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double FromBits(ulong bits) => BitConverter.UInt64BitsToDouble(bits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sqrt(double a) => System.Math.Sqrt(a);
}
