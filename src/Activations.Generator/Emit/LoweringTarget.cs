namespace Activations.Generator.Emit;

/// <summary>
/// What one lowering of the formula computes in: the scalar type (<see cref="float"/> only for formulas exact
/// in float, or for Half kernels that <see cref="HalfPrecisionAnalysis"/> accepts), the vector width (0 for
/// scalar code), and which cheaper math-core functions suffice: <c>…ForSingle</c> (double code whose result is
/// rounded to float) or <c>…ForHalf</c> (float code whose result is rounded to Half).
/// </summary>
internal sealed record LoweringTarget(bool Single, int Width, bool ForSingle, bool ForHalf = false)
{
    /// <summary>The suffix of the math-core function names: <c>ForSingle</c>, <c>ForHalf</c> or none.</summary>
    public string MathSuffix => ForHalf ? "ForHalf" : ForSingle ? "ForSingle" : "";

    public string Scalar => Single ? "float" : "double";

    public bool IsVector => Width != 0;

    /// <summary>The static class of the vector width (<c>Vector256</c>).</summary>
    public string VectorClass => "Vector" + Width;

    /// <summary>The type of a value: <c>double</c> or <c>Vector256&lt;double&gt;</c>.</summary>
    public string ValueType => IsVector ? $"Vector{Width}<{Scalar}>" : Scalar;

    public string Literal(double value) => CSharpLiterals.Of(value, Single);
}
