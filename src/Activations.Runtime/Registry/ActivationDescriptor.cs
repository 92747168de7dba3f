using System;
using System.Collections.Generic;

namespace Activations;

/// <summary>
/// Everything the registry knows about one activation: its identifier and aliases, its parameters, and its
/// generated kernels. The generator emits one per <see cref="ActivationAttribute"/> stub and registers it
/// with <see cref="ActivationRegistry.Register"/>.
/// </summary>
public sealed class ActivationDescriptor
{
    /// <summary>Describes a generated activation.</summary>
    public ActivationDescriptor(
        string name,
        IReadOnlyList<string> aliases,
        IReadOnlyList<ActivationParameter> parameters,
        ActivationKernel<float> single,
        ActivationKernel<double> @double,
        ActivationKernel<Half> half)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Aliases = aliases ?? throw new ArgumentNullException(nameof(aliases));
        Parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
        Single = single ?? throw new ArgumentNullException(nameof(single));
        Double = @double ?? throw new ArgumentNullException(nameof(@double));
        Half = half ?? throw new ArgumentNullException(nameof(half));
    }

    /// <summary>The canonical identifier (<c>"silu"</c>).</summary>
    public string Name { get; }

    /// <summary>Other identifiers that resolve here (<c>"swish"</c>).</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The scalar parameters after the element, in the stub's order.</summary>
    public IReadOnlyList<ActivationParameter> Parameters { get; }

    /// <summary>The <see cref="float"/> span kernel.</summary>
    public ActivationKernel<float> Single { get; }

    /// <summary>The <see cref="double"/> span kernel.</summary>
    public ActivationKernel<double> Double { get; }

    /// <summary>The <see cref="System.Half"/> span kernel.</summary>
    public ActivationKernel<Half> Half { get; }

    /// <summary>
    /// Whether the kernels treat the whole span as one vector (softmax, log_softmax) rather than each element
    /// on its own. Layers then apply them once per sample (a row), and tensors once per slice of the last axis.
    /// </summary>
    public bool IsAlongLastAxis { get; init; }
}
