using Activations.Generator.Formula;

namespace Activations.Generator.Emit;

/// <summary>
/// Which float operators implement <c>IInterleavedOperator</c>: those whose formula, as float lanes compute it, is one
/// math-core function of the element that the math core also writes for four Vector512 at once, interleaved
/// (<c>VectorMath.Sigmoid512x4</c>, <c>Silu512x4</c>, <c>GeluApproximate512x4</c>, <c>Mish512x4</c>, <c>Tanh512x4</c>, <c>Softplus512x4</c>), or
/// log_sigmoid's <c>-Softplus(-x)</c> (<c>LogSigmoid512x4</c>). The shared loop then hands it four vectors at a time.
/// </summary>
internal static class InterleavedOperators
{
    /// <summary>The math-core functions with a four-vector form, named after the function: <c>VectorMath.{Function}512x4</c>.</summary>
    private static readonly Primitive[] s_withFourVectorForm =
    {
        Primitive.Sigmoid, Primitive.Silu, Primitive.GeluApproximate, Primitive.Mish, Primitive.Tanh, Primitive.Softplus,
    };

    /// <summary>The <c>VectorMath</c> method that computes <paramref name="formula"/> four vectors at a time, or null.</summary>
    /// <param name="formula">The formula as the float operator computes it, in float lanes.</param>
    public static string? FourVectorMethod(FormulaNode formula) => formula switch
    {
        CallNode { Arguments: { Count: 1 } arguments } call when arguments[0] is ElementNode
            && System.Array.IndexOf(s_withFourVectorForm, call.Function) >= 0 => call.Function + "512x4",

        // log_sigmoid's float formula, -softplus(-x): softplus's four-vector form with the signs flipped in and out.
        UnaryNode { Operator: UnaryOperator.Negate, Operand: CallNode { Function: Primitive.Softplus, Arguments: { Count: 1 } arguments } }
            when arguments[0] is UnaryNode { Operator: UnaryOperator.Negate, Operand: ElementNode } => "LogSigmoid512x4",
        _ => null,
    };
}
