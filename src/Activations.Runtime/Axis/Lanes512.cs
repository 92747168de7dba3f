using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Activations;

/// <summary>The axis kernels' operations on <see cref="Vector512{T}"/> of double.</summary>
internal readonly struct Lanes512 : ILanes<Vector512<double>>
{
    public static int Count => Vector512<double>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Create(double value) => Vector512.Create(value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Add(Vector512<double> a, Vector512<double> b) => a + b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Subtract(Vector512<double> a, Vector512<double> b) => a - b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Multiply(Vector512<double> a, Vector512<double> b) => a * b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Divide(Vector512<double> a, Vector512<double> b) => a / b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> MultiplyAdd(Vector512<double> a, Vector512<double> b, Vector512<double> c) => Avx512F.IsSupported ? Avx512F.FusedMultiplyAdd(a, b, c) : (a * b) + c;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> PowerOfTwo(Vector512<double> j) => Vector512.ShiftLeft(j.AsUInt64() + Vector512.Create(1023UL), 52).AsDouble();
#if NET9_0_OR_GREATER
    // NaN is tracked apart, so the single-instruction max will do (.NET 9 made Max a longer IEEE sequence).
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Max(Vector512<double> a, Vector512<double> b) => Vector512.MaxNative(a, b);
#else
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Max(Vector512<double> a, Vector512<double> b) => Vector512.Max(a, b);
#endif
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Exp(Vector512<double> x) => VectorMath.Exp(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> ExpForSingle(Vector512<double> x) => VectorMath.ExpForSingle(x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> GreaterThan(Vector512<double> a, Vector512<double> b) => Vector512.GreaterThan(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Equals(Vector512<double> a, Vector512<double> b) => Vector512.Equals(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> IsNaN(Vector512<double> x) => ~Vector512.Equals(x, x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Or(Vector512<double> a, Vector512<double> b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Select(Vector512<double> mask, Vector512<double> whenTrue, Vector512<double> whenFalse) => Vector512.ConditionalSelect(mask, whenTrue, whenFalse);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static bool AnySet(Vector512<double> mask) => Vector512.ExtractMostSignificantBits(mask) != 0;
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Vector512<double> Load(ref double source) => Vector512.LoadUnsafe(ref source);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static void Store(Vector512<double> value, ref double destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load2(ref float source, out Vector512<double> lower, out Vector512<double> upper)
    {
        (lower, upper) = Vector512.Widen(Vector512.LoadUnsafe(ref source));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Load2(ref double source, out Vector512<double> lower, out Vector512<double> upper)
    {
        lower = Vector512.LoadUnsafe(ref source);
        upper = Vector512.LoadUnsafe(ref source, (nuint)Vector512<double>.Count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store2(Vector512<double> lower, Vector512<double> upper, ref float destination) =>
        Vector512.Narrow(lower, upper).StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store2(Vector512<double> lower, Vector512<double> upper, ref double destination)
    {
        lower.StoreUnsafe(ref destination);
        upper.StoreUnsafe(ref destination, (nuint)Vector512<double>.Count);
    }
}
