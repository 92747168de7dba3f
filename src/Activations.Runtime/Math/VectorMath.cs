namespace Activations;

/// <summary>
/// The vector math core: the primitives every generated kernel calls (exp, expm1, log, log1p, tanh, erf, erfc,
/// NaN-propagating max/min and Half conversions), for scalars and for 128-, 256- and 512-bit vectors of float
/// and double. Accuracy against correctly rounded results: float within 1 ULP, double within 2 ULP, on every
/// SIMD path (the vector overloads are correct in software fallback too). The <c>…ForSingle</c> variants
/// compute in double to a relative error far below a float ULP, for float formulas evaluated in double and
/// narrowed once. See docs/math-core.md for the algorithms and measurements.
/// </summary>
/// <remarks>
/// Inlining policy. The JIT gives each compiled method a budget of inlinees; a kernel's unrolled loop inlines
/// its formula six times per width (twice more for float computed in double). The functions written once,
/// generically over <c>IDoubleLanes</c> (erf, erfc, log, log1p, double tanh, …), cost a hundred or more
/// inlinees each, so a loop that inlined them ran out of budget part-way and left the rest as calls that
/// spill every register (gelu measured 1.5-2x slower than with a call). Their vector overloads are therefore
/// <c>NoInlining</c>: one call per vector, each compiled once as its own fully inlined method. The cheap
/// float-accuracy exp, expm1 and tanh are written out per width instead and inline.
/// </remarks>
public static partial class VectorMath
{
}
