using System.Runtime.Intrinsics;

namespace Activations;

/// <summary>
/// The double-precision vector operations the axis kernels are written against, one implementation per width
/// (Vector128/256/512). The kernels compute in double whatever the element type: float softmax needs its
/// exponentials and sums well beyond float precision to stay within 2 ULP (see docs/axis.md).
/// </summary>
/// <typeparam name="TV">The vector of doubles.</typeparam>
internal interface ILanes<TV> where TV : struct
{
    /// <summary>Doubles per vector.</summary>
    static abstract int Count { get; }

    static abstract TV Create(double value);
    static abstract TV Add(TV a, TV b);
    static abstract TV Subtract(TV a, TV b);
    static abstract TV Multiply(TV a, TV b);
    static abstract TV Divide(TV a, TV b);

    /// <summary>a · b + c, fused where the hardware has it (the callers' accuracy does not depend on it).</summary>
    static abstract TV MultiplyAdd(TV a, TV b, TV c);

    /// <summary>
    /// 2^k from j = k + 1.5·2^52 (k an integer in [-1022, 1023] left in j's low mantissa bits by the rounding
    /// shift): the exponent field is built from j's bits.
    /// </summary>
    static abstract TV PowerOfTwo(TV j);

    /// <summary>Maximum of non-NaN lanes; NaN is tracked apart (the hardware instructions disagree on NaN).</summary>
    static abstract TV Max(TV a, TV b);

    static abstract TV Exp(TV x);

    /// <summary>e^x to a relative 2^-33 (the math core's exp for results that end as float): enough for float outputs.</summary>
    static abstract TV ExpForSingle(TV x);
    static abstract TV GreaterThan(TV a, TV b);
    static abstract TV Equals(TV a, TV b);
    static abstract TV IsNaN(TV x);
    static abstract TV Or(TV a, TV b);
    static abstract TV Select(TV mask, TV whenTrue, TV whenFalse);
    static abstract bool AnySet(TV mask);

    static abstract TV Load(ref double source);
    static abstract void Store(TV value, ref double destination);

    /// <summary>Loads <c>2 * Count</c> elements (one float vector, or two double vectors) as two double vectors.</summary>
    static abstract void Load2(ref float source, out TV lower, out TV upper);
    static abstract void Load2(ref double source, out TV lower, out TV upper);
    static abstract void Store2(TV lower, TV upper, ref float destination);
    static abstract void Store2(TV lower, TV upper, ref double destination);
}
