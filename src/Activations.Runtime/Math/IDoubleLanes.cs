using System.Runtime.Intrinsics;

namespace Activations;

/// <summary>
/// The lane operations the math algorithms need, over one "vector of doubles" type: a scalar
/// <see cref="double"/> or a <see cref="Vector128{T}"/>/<see cref="Vector256{T}"/>/<see cref="Vector512{T}"/>
/// of doubles. Each algorithm is written once, generic over this interface; the JIT specializes it per
/// width and inlines these members, so the generic code costs nothing at run time.
/// Comparisons return masks (all bits set where true) of the same type; bit operations treat lanes as raw
/// 64-bit patterns.
/// </summary>
/// <typeparam name="TV">The lane type.</typeparam>
internal interface IDoubleLanes<TV>
    where TV : struct
{
    /// <summary>Whether <see cref="MultiplyAdd"/> is a single-rounding fused operation on this machine.</summary>
    static abstract bool IsFused { get; }

    static abstract TV Create(double value);

    static abstract TV CreateBits(ulong bits);

    static abstract TV Add(TV a, TV b);

    static abstract TV Subtract(TV a, TV b);

    static abstract TV Multiply(TV a, TV b);

    static abstract TV Divide(TV a, TV b);

    /// <summary>a * b + c, fused (one rounding) when <see cref="IsFused"/>, else multiply then add.</summary>
    static abstract TV MultiplyAdd(TV a, TV b, TV c);

    static abstract TV Equals(TV a, TV b);

    static abstract TV LessThan(TV a, TV b);

    static abstract TV LessThanOrEqual(TV a, TV b);

    static abstract TV GreaterThan(TV a, TV b);

    static abstract TV GreaterThanOrEqual(TV a, TV b);

    /// <summary>Lane-wise <paramref name="mask"/> ? <paramref name="ifTrue"/> : <paramref name="ifFalse"/>.</summary>
    static abstract TV Select(TV mask, TV ifTrue, TV ifFalse);

    /// <summary>Whether any lane of the mask is set.</summary>
    static abstract bool Any(TV mask);

    static abstract TV And(TV a, TV b);

    static abstract TV Or(TV a, TV b);

    static abstract TV Xor(TV a, TV b);

    /// <summary>a &amp; ~b.</summary>
    static abstract TV AndNot(TV a, TV b);

    /// <summary>The lanes' bits shifted left, as 64-bit integers.</summary>
    static abstract TV ShiftLeft(TV a, int count);

    /// <summary>The lanes' bits shifted right (zeros in), as 64-bit integers.</summary>
    static abstract TV ShiftRightLogical(TV a, int count);

    /// <summary>The lanes' bits added as 64-bit integers.</summary>
    static abstract TV AddBits(TV a, TV b);

    /// <summary>The lanes' bits subtracted as 64-bit integers.</summary>
    static abstract TV SubtractBits(TV a, TV b);

    /// <summary>The smaller of each pair, cheaply: when either is NaN the result is <paramref name="b"/> or NaN
    /// (x86 min returns b; the .NET 9+ software fallback propagates NaN). So MinFast(constant, x) is NaN for a NaN x.</summary>
    static abstract TV MinFast(TV a, TV b);

    /// <summary>The larger of each pair, cheaply, with NaN handled as in <see cref="MinFast"/>.</summary>
    static abstract TV MaxFast(TV a, TV b);

    /// <summary>The square root of each element, correctly rounded.</summary>
    static abstract TV Sqrt(TV a);
}
