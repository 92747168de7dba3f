using System;

namespace Activations.Layers;

/// <summary>Keras's <c>ELU</c> layer: <c>x</c> if <c>x &gt; 0</c>, else <c>alpha · (exp(x) − 1)</c>.</summary>
public sealed class ELU : ElementwiseLayer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="alpha">The scale of the negative part. Must be &gt; 0 (the <c>elu</c> activation's constraint).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is not positive.</exception>
    public ELU(double alpha = 1.0)
        : base(Activation.Get("elu").With("alpha", alpha))
    {
        Alpha = alpha;
    }

    /// <summary>The scale of the negative part.</summary>
    public double Alpha { get; }
}
