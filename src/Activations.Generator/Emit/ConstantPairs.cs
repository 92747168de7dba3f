using System;
using Activations.Generator.Formula;

namespace Activations.Generator.Emit;

/// <summary>
/// Products with a constant that is no float, in float lanes. Rounded to one float, such a constant (selu's scale
/// 1.0507009873554805) is off by up to 2^-24 of itself, which with the product's own rounding reaches 1.4 ULP. As a
/// pair of floats, <c>high</c> (the constant rounded toward zero) and <c>low</c> (the rest, of the same sign, so that
/// signed zeros come out as the exact product's), it is off by about 2^-48, and the math core multiplies the pair as an
/// unevaluated sum and rounds once: <c>VectorMath.MultiplyByPair</c> for an exact float factor, and
/// <c>VectorMath.Expm1OfMinWithZeroTimesPair</c> for a positive constant times <c>expm1(min(x, 0))</c>.
/// </summary>
internal static class ConstantPairs
{
    /// <summary>The product's constant factor, when it is a finite number that float lanes would round, and the other factor.</summary>
    public static bool TryMatch(BinaryNode product, out double constant, out FormulaNode other)
    {
        constant = 0;
        other = product;
        if (product.Operator != BinaryOperator.Multiply)
        {
            return false;
        }

        for (int i = 0; i < 2; i++)
        {
            FormulaNode factor = i == 0 ? product.Left : product.Right;
            if (factor is ConstantNode c && NeedsPair(c.Value))
            {
                constant = c.Value;
                other = i == 0 ? product.Right : product.Left;
                return other.DependsOnElement;
            }
        }

        return false;
    }

    /// <summary>The constant as <c>high + low</c>: high rounded toward zero, low the rest rounded to float.</summary>
    public static (float High, float Low) Split(double constant)
    {
        float high = (float)constant;
        if (Math.Abs((double)high) > Math.Abs(constant))
        {
            high = TowardZero(high);
        }

        return (high, (float)(constant - high));
    }

    // Between the float range's edges (so that the pair's low part stays a normal float), not a float already.
    private static bool NeedsPair(double value) =>
        !double.IsNaN(value) && Math.Abs(value) >= 1e-30 && Math.Abs(value) <= 1e38 && (double)(float)value != value;

    // The next float toward zero from a nonzero normal float: one step down in the magnitude's bits.
    private static float TowardZero(float value)
    {
        int bits = BitConverter.ToInt32(BitConverter.GetBytes(value), 0);
        return BitConverter.ToSingle(BitConverter.GetBytes(bits - 1), 0);
    }
}
