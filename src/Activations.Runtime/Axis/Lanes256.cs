using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

/// <summary>The axis kernels' operations on <see cref="Vector256{T}"/> of double.</summary>
internal readonly struct Lanes256 : ILanes<Vector256<double>>
{
    public static int Count => Vector256<double>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Create(double value) => Vector256.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Add(Vector256<double> a, Vector256<double> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Subtract(Vector256<double> a, Vector256<double> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Multiply(Vector256<double> a, Vector256<double> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Divide(Vector256<double> a, Vector256<double> b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> MultiplyAdd(Vector256<double> a, Vector256<double> b, Vector256<double> c) => Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : (a * b) + c;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> PowerOfTwo(Vector256<double> j) => Vector256.ShiftLeft(j.AsUInt64() + Vector256.Create(1023UL), 52).AsDouble();
#if NET9_0_OR_GREATER
    // NaN is tracked apart, so the single-instruction max will do (.NET 9 made Max a longer IEEE sequence).
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Max(Vector256<double> a, Vector256<double> b) => Vector256.MaxNative(a, b);
#else
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Max(Vector256<double> a, Vector256<double> b) => Vector256.Max(a, b);
#endif
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Exp(Vector256<double> x) => VectorMath.Exp(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> ExpForSingle(Vector256<double> x) => VectorMath.ExpForSingle(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> GreaterThan(Vector256<double> a, Vector256<double> b) => Vector256.GreaterThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Equals(Vector256<double> a, Vector256<double> b) => Vector256.Equals(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> IsNaN(Vector256<double> x) => ~Vector256.Equals(x, x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Or(Vector256<double> a, Vector256<double> b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Select(Vector256<double> mask, Vector256<double> whenTrue, Vector256<double> whenFalse) => Vector256.ConditionalSelect(mask, whenTrue, whenFalse);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool AnySet(Vector256<double> mask) => Vector256.ExtractMostSignificantBits(mask) != 0;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector256<double> Load(ref double source) => Vector256.LoadUnsafe(ref source);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector256<double> value, ref double destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load2(ref float source, out Vector256<double> lower, out Vector256<double> upper)
    {
        (lower, upper) = Vector256.Widen(Vector256.LoadUnsafe(ref source));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load2(ref double source, out Vector256<double> lower, out Vector256<double> upper)
    {
        lower = Vector256.LoadUnsafe(ref source);
        upper = Vector256.LoadUnsafe(ref source, (nuint)Vector256<double>.Count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store2(Vector256<double> lower, Vector256<double> upper, ref float destination) =>
        Vector256.Narrow(lower, upper).StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store2(Vector256<double> lower, Vector256<double> upper, ref double destination)
    {
        lower.StoreUnsafe(ref destination);
        upper.StoreUnsafe(ref destination, (nuint)Vector256<double>.Count);
    }
}
