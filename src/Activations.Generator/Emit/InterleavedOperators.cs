using Activations.Generator.Formula;

namespace Activations.Generator.Emit;

/// <summary>
/// Which float operators implement <c>IInterleavedOperator</c>: those whose formula, as float lanes compute it, is one
/// math-core function of the element that the math core also writes for four Vector512 at once, interleaved
/// (<c>VectorMath.Sigmoid512x4</c>, <c>Silu512x4</c>, <c>GeluApproximate512x4</c>, <c>Mish512x4</c>, <c>Tanh512x4</c>, <c>Softplus512x4</c>). The shared loop then hands it four vectors at a time.
/// </summary>
internal static class InterleavedOperators
{
    /// <summary>The <c>VectorMath</c> method that computes <paramref name="formula"/> four vectors at a time, or null.</summary>
    /// <param name="formula">The formula as the float operator computes it, in float lanes.</param>
    public static string? FourVectorMethod(FormulaNode formula) => formula switch
    {
        CallNode { Function: Primitive.Sigmoid, Arguments: { Count: 1 } arguments } when arguments[0] is ElementNode => "Sigmoid512x4",
        CallNode { Function: Primitive.Silu, Arguments: { Count: 1 } arguments } when arguments[0] is ElementNode => "Silu512x4",
        CallNode { Function: Primitive.GeluApproximate, Arguments: { Count: 1 } arguments } when arguments[0] is ElementNode => "GeluApproximate512x4",
        CallNode { Function: Primitive.Mish, Arguments: { Count: 1 } arguments } when arguments[0] is ElementNode => "Mish512x4",
        CallNode { Function: Primitive.Tanh, Arguments: { Count: 1 } arguments } when arguments[0] is ElementNode => "Tanh512x4",
        CallNode { Function: Primitive.Softplus, Arguments: { Count: 1 } arguments } when arguments[0] is ElementNode => "Softplus512x4",
        _ => null,
    };
}
