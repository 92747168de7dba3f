using System.Collections.Generic;
using Activations.Generator.Formula;

namespace Activations.Generator.Emit;

/// <summary>
/// Which operators implement <c>ILightweightOperator</c>, so that the shared loop loads four vectors ahead of its
/// stores: those whose vector code is arithmetic, compares and selects, with at most one exponential in float lanes.
/// A heavier formula, or one whose math has an out-of-line rare path, would keep eight vectors live across that math
/// and spill them (exact gelu measured 19% slower so, softplus slower too), so it keeps the loop that stores each result
/// at once.
/// </summary>
internal static class LightweightOperators
{
    /// <summary>
    /// Whether an operator that computes <paramref name="formula"/> in its own element type qualifies; float operators
    /// that compute in double (widened lanes, twice the registers) never do.
    /// </summary>
    /// <param name="formula">The formula as the operator computes it.</param>
    /// <param name="single">Whether the operator's lanes are float (the exponentials' cost was measured there only).</param>
    public static bool Qualifies(FormulaNode formula, bool single)
    {
        var exponentials = new HashSet<FormulaNode>();
        return IsLight(formula, single, exponentials) && exponentials.Count <= 1;
    }

    private static bool IsLight(FormulaNode node, bool single, HashSet<FormulaNode> exponentials)
    {
        switch (node)
        {
            case ConstantNode or BooleanConstantNode or ElementNode or ParameterNode:
                return true;
            case UnaryNode u:
                return IsLight(u.Operand, single, exponentials);
            case BinaryNode b:
                return IsLight(b.Left, single, exponentials) && IsLight(b.Right, single, exponentials);
            case ConditionalNode c:
                return IsLight(c.Condition, single, exponentials) && IsLight(c.WhenTrue, single, exponentials)
                    && IsLight(c.WhenFalse, single, exponentials);
            case CallNode { Function: Primitive.Abs or Primitive.Max or Primitive.Min or Primitive.CopySign } call:
                return AllLight(call.Arguments, single, exponentials);
            // Arithmetic and selects in the math core (the float-lane forms of hard_sigmoid, hard_silu, softsign, sparse_plus).
            case CallNode { Function: Primitive.HardSigmoid or Primitive.HardSilu or Primitive.Softsign or Primitive.SparsePlus } call when single:
                return AllLight(call.Arguments, single, exponentials);
            case CallNode { Function: Primitive.Exp or Primitive.Expm1 or Primitive.Celu } call when single:
                exponentials.Add(call); // records: the same call written twice is one exponential, as the emitter computes it
                return AllLight(call.Arguments, single, exponentials);
            default:
                return false; // other math, another stub's kernel, a term only double computes
        }
    }

    private static bool AllLight(EquatableArray<FormulaNode> arguments, bool single, HashSet<FormulaNode> exponentials)
    {
        foreach (FormulaNode argument in arguments)
        {
            if (!IsLight(argument, single, exponentials))
            {
                return false;
            }
        }

        return true;
    }
}
