namespace Activations.Generator.Emit;

/// <summary>
/// What one lowering of the formula computes in: the scalar type (<see cref="float"/> only for formulas exact
/// in float), the vector width (0 for scalar code), and whether the math core's cheaper
/// <c>…ForSingle</c> functions suffice (double code whose result is rounded to float).
/// </summary>
internal sealed record LoweringTarget(bool Single, int Width, bool ForSingle)
{
    public string Scalar => Single ? "float" : "double";

    public bool IsVector => Width != 0;

    /// <summary>The static class of the vector width (<c>Vector256</c>).</summary>
    public string VectorClass => "Vector" + Width;

    /// <summary>The type of a value: <c>double</c> or <c>Vector256&lt;double&gt;</c>.</summary>
    public string ValueType => IsVector ? $"Vector{Width}<{Scalar}>" : Scalar;

    public string Literal(double value) => CSharpLiterals.Of(value, Single);
}
