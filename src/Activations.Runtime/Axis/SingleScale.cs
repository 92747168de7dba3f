using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Activations;

/// <summary>
/// softmax's last pass for float rows, in float lanes: y = e / total with one rounding, as
/// fma(e, hi, e · lo) where hi + lo is 1/total to ~2^-48 (hi = float(1/total), lo = float(1/total - hi)). Twice
/// as many lanes as widening to double and dividing there, with the same result bound. Needs a vector fused
/// multiply-add (.NET 9 and later); otherwise the caller divides in double.
/// </summary>
internal static class SingleScale
{
    public static bool IsAvailable =>
#if NET9_0_OR_GREATER
        Vector512.IsHardwareAccelerated || Vector256.IsHardwareAccelerated || Vector128.IsHardwareAccelerated;
#else
        false;
#endif

    [MethodImpl(MethodImplOptions.NoInlining)] // a JIT root of its own: inlined into a large caller, its loop could lose registers
    public static void Row(ref float destination, int n, double total)
    {
#if NET9_0_OR_GREATER
        double inverse = 1.0 / total;
        float high = (float)inverse;
        float low = (float)(inverse - high);
        nint i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<float> h = Vector512.Create(high), l = Vector512.Create(low);
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                Vector512<float> e = Vector512.LoadUnsafe(ref destination, (nuint)i);
                Vector512.FusedMultiplyAdd(e, h, e * l).StoreUnsafe(ref destination, (nuint)i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Vector256<float> h = Vector256.Create(high), l = Vector256.Create(low);
            for (; i <= n - 2 * Vector256<float>.Count; i += 2 * Vector256<float>.Count) // two per iteration: half the loop overhead (rows of 1024 are 128 vectors)
            {
                Vector256<float> e = Vector256.LoadUnsafe(ref destination, (nuint)i);
                Vector256<float> f = Vector256.LoadUnsafe(ref destination, (nuint)(i + Vector256<float>.Count));
                Vector256.FusedMultiplyAdd(e, h, e * l).StoreUnsafe(ref destination, (nuint)i);
                Vector256.FusedMultiplyAdd(f, h, f * l).StoreUnsafe(ref destination, (nuint)(i + Vector256<float>.Count));
            }

            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                Vector256<float> e = Vector256.LoadUnsafe(ref destination, (nuint)i);
                Vector256.FusedMultiplyAdd(e, h, e * l).StoreUnsafe(ref destination, (nuint)i);
            }
        }
        else
        {
            Vector128<float> h = Vector128.Create(high), l = Vector128.Create(low);
            for (; i <= n - Vector128<float>.Count; i += Vector128<float>.Count)
            {
                Vector128<float> e = Vector128.LoadUnsafe(ref destination, (nuint)i);
                Vector128.FusedMultiplyAdd(e, h, e * l).StoreUnsafe(ref destination, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            float e = Unsafe.Add(ref destination, i);
            Unsafe.Add(ref destination, i) = MathF.FusedMultiplyAdd(e, high, e * low);
        }
#else
        throw new PlatformNotSupportedException();
#endif
    }
}
