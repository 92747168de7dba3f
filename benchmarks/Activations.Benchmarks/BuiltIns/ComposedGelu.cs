using System;
using System.Numerics.Tensors;

namespace Activations.Benchmarks.BuiltIns;

/// <summary>
/// gelu composed from TensorPrimitives calls, as a user would write it: the tanh form, and the exact form
/// <c>0.5 x (1 + erf(x/√2))</c>. TensorPrimitives has no erf, so the exact form builds it from its calls the usual way,
/// Abramowitz and Stegun 7.1.26: <c>erf z ≈ sign(z) (1 - t (a1 + t (a2 + t (a3 + t (a4 + t a5)))) e^(-z²))</c> with
/// <c>t = 1 / (1 + p |z|)</c>, within 1.5·10⁻⁷ of erf. Shared by the benchmarks and the accuracy report.
/// </summary>
internal static class ComposedGelu
{
    private const float P = 0.3275911f;
    private const float A1 = 0.254829592f;
    private const float A2 = -0.284496736f;
    private const float A3 = 1.421413741f;
    private const float A4 = -1.453152027f;
    private const float A5 = 1.061405429f;

    /// <summary><c>0.5 x (1 + tanh(√(2/π) (x + 0.044715 x³)))</c>; <paramref name="destination"/> may be <paramref name="scratch"/>.</summary>
    public static void TanhForm(ReadOnlySpan<float> x, Span<float> scratch, Span<float> destination)
    {
        TensorPrimitives.Multiply(x, x, scratch);                     // x²
        TensorPrimitives.Multiply(scratch, x, scratch);               // x³
        TensorPrimitives.MultiplyAdd(scratch, 0.044715f, x, scratch); // x + 0.044715 x³
        TensorPrimitives.Multiply(scratch, MathF.Sqrt(2f / MathF.PI), scratch);
        TensorPrimitives.Tanh(scratch, scratch);
        TensorPrimitives.Add(scratch, 1f, scratch);
        TensorPrimitives.Multiply(scratch, x, destination);
        TensorPrimitives.Multiply(destination, 0.5f, destination);
    }

    /// <summary><c>0.5 x (1 + erf(x/√2))</c> with erf by Abramowitz and Stegun 7.1.26; two scratch buffers.</summary>
    public static void ExactForm(ReadOnlySpan<float> x, Span<float> magnitude, Span<float> t, Span<float> destination)
    {
        TensorPrimitives.Multiply(x, 1f / MathF.Sqrt(2f), magnitude); // z = x/√2
        TensorPrimitives.Abs(magnitude, magnitude);                   // |z|
        TensorPrimitives.Multiply(magnitude, P, t);
        TensorPrimitives.Add(t, 1f, t);
        TensorPrimitives.Reciprocal(t, t);                            // t = 1 / (1 + p|z|)
        TensorPrimitives.Multiply(t, A5, destination);
        TensorPrimitives.Add(destination, A4, destination);
        TensorPrimitives.MultiplyAdd(destination, t, A3, destination);
        TensorPrimitives.MultiplyAdd(destination, t, A2, destination);
        TensorPrimitives.MultiplyAdd(destination, t, A1, destination);
        TensorPrimitives.Multiply(destination, t, destination);      // the polynomial
        TensorPrimitives.Multiply(magnitude, magnitude, magnitude);
        TensorPrimitives.Negate(magnitude, magnitude);
        TensorPrimitives.Exp(magnitude, magnitude);                   // e^(-z²)
        TensorPrimitives.Multiply(destination, magnitude, destination); // 1 - erf|z|
        TensorPrimitives.Subtract(1f, destination, destination);
        TensorPrimitives.CopySign(destination, x, destination);      // erf z
        TensorPrimitives.Add(destination, 1f, destination);
        TensorPrimitives.Multiply(destination, x, destination);
        TensorPrimitives.Multiply(destination, 0.5f, destination);
    }
}
