using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Activations;

/// <summary>The axis kernels' operations on <see cref="Vector128{T}"/> of double.</summary>
internal readonly struct Lanes128 : ILanes<Vector128<double>>
{
    public static int Count => Vector128<double>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Create(double value) => Vector128.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Add(Vector128<double> a, Vector128<double> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Subtract(Vector128<double> a, Vector128<double> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Multiply(Vector128<double> a, Vector128<double> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Divide(Vector128<double> a, Vector128<double> b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> MultiplyAdd(Vector128<double> a, Vector128<double> b, Vector128<double> c) => Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : AdvSimd.Arm64.IsSupported ? AdvSimd.Arm64.FusedMultiplyAdd(c, a, b) : (a * b) + c;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> PowerOfTwo(Vector128<double> j) => Vector128.ShiftLeft(j.AsUInt64() + Vector128.Create(1023UL), 52).AsDouble();
#if NET9_0_OR_GREATER
    // NaN is tracked apart, so the single-instruction max will do (.NET 9 made Max a longer IEEE sequence).
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Max(Vector128<double> a, Vector128<double> b) => Vector128.MaxNative(a, b);
#else
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Max(Vector128<double> a, Vector128<double> b) => Vector128.Max(a, b);
#endif
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Exp(Vector128<double> x) => VectorMath.Exp(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> ExpForSingle(Vector128<double> x) => VectorMath.ExpForSingle(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> GreaterThan(Vector128<double> a, Vector128<double> b) => Vector128.GreaterThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Equals(Vector128<double> a, Vector128<double> b) => Vector128.Equals(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> IsNaN(Vector128<double> x) => ~Vector128.Equals(x, x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Or(Vector128<double> a, Vector128<double> b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Select(Vector128<double> mask, Vector128<double> whenTrue, Vector128<double> whenFalse) => Vector128.ConditionalSelect(mask, whenTrue, whenFalse);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool AnySet(Vector128<double> mask) => Vector128.ExtractMostSignificantBits(mask) != 0;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector128<double> Load(ref double source) => Vector128.LoadUnsafe(ref source);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector128<double> value, ref double destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load2(ref float source, out Vector128<double> lower, out Vector128<double> upper)
    {
        (lower, upper) = Vector128.Widen(Vector128.LoadUnsafe(ref source));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load2(ref double source, out Vector128<double> lower, out Vector128<double> upper)
    {
        lower = Vector128.LoadUnsafe(ref source);
        upper = Vector128.LoadUnsafe(ref source, (nuint)Vector128<double>.Count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store2(Vector128<double> lower, Vector128<double> upper, ref float destination) =>
        Vector128.Narrow(lower, upper).StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store2(Vector128<double> lower, Vector128<double> upper, ref double destination)
    {
        lower.StoreUnsafe(ref destination);
        upper.StoreUnsafe(ref destination, (nuint)Vector128<double>.Count);
    }
}
