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

    /// <summary>
    /// The name (give it with <c>nameof</c>) of a method of the same type, with the stub's parameters, whose formula the
    /// float kernels compute natively in float lanes. Without it a float kernel computes the stub in double and rounds
    /// once (unless the stub is exact in float), which is accurate but uses half the lanes. Use it for a form that stays
    /// accurate when every operation rounds to float, and measure it: the generator takes it as written. The stub
    /// itself still defines the double kernels (name the stub itself to have its own formula computed in float), and the Half kernels its error analysis lets compute in float lanes;
    /// the other Half kernels go through the float kernel, so through this formula.
    /// </summary>
    public string? SingleFormula { get; set; }

    /// <summary>
    /// Lets the Half kernels compute with the math core's cheaper <c>…ForHalf</c> functions (exp, expm1, tanh and log1p
    /// to 2^-16 relative) wherever the generator's error analysis proves every Half result within one Half ULP. Without it
    /// a Half kernel whose float kernel computes in float lanes runs that float kernel and settles the results that lie
    /// exactly halfway between two halves in double, so that its halves are correctly rounded; with it the halves may
    /// round to the other neighbour, except for a formula that is sigmoid or tanh of x alone, whose results near a Half
    /// midpoint are settled in double (Kernels/HalfTieWindows.cs; the built-in sigmoid and tanh use it, for Half kernels
    /// 1.1 and 1.6 times as fast as through their float kernels, correctly rounded). Kernels whose float formula computes
    /// in double always take the cheaper math.
    /// </summary>
    public bool FastHalf { get; set; }
}
