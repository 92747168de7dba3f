using System;

namespace Activations;

/// <summary>
/// Marks a static, expression-bodied method over <see cref="double"/> as an activation formula (a stub).
/// The Activations source generator compiles it into span and vector kernels for <see cref="float"/>,
/// <see cref="double"/> and <see cref="Half"/>, added to the same partial type, and registers it so that
/// <c>Activation.Get(name)</c> finds it at run time.
/// </summary>
/// <example>
/// <code>
/// [Activation("swish_beta")]
/// public static double SwishBeta(double x, [Positive] double beta = 1.0) => x * Activation.Sigmoid(beta * x);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ActivationAttribute : Attribute
{
    /// <summary>Declares an activation with the given identifier.</summary>
    /// <param name="name">The identifier, in snake_case, as Keras spells it (<c>"relu"</c>, <c>"hard_silu"</c>).</param>
    public ActivationAttribute(string name) => Name = name;

    /// <summary>The identifier <c>Activation.Get</c> resolves.</summary>
    public string Name { get; }

    /// <summary>Other identifiers that resolve to this activation (<c>"swish"</c> for <c>"silu"</c>).</summary>
    public string[]? Aliases { get; set; }
}
