namespace Activations;

/// <summary>
/// The vector math core: the primitives every generated kernel calls (exp, expm1, log, log1p, tanh, erf, erfc,
/// NaN-propagating max/min and Half conversions), for scalars and for 128-, 256- and 512-bit vectors of float
/// and double. Accuracy against correctly rounded results: float within 1 ULP, double within 2 ULP, on every
/// SIMD path (the vector overloads are correct in software fallback too). The <c>…ForSingle</c> variants
/// compute in double to a relative error far below a float ULP, for float formulas evaluated in double and
/// narrowed once. See docs/math-core.md for the algorithms and measurements.
/// </summary>
public static partial class VectorMath
{
}
