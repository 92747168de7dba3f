using System;

namespace Activations;

public sealed partial class ActivationFunction
{
    // An array converts implicitly both to a span and to a tensor span, which would make Apply(array, array)
    // ambiguous; these exact matches settle it, on the span path.

    /// <summary>Computes the activation of each element of <paramref name="x"/> into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentNullException">An array is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="x"/>.</exception>
    public void Apply(float[] x, float[] destination)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(destination);
        Apply(new ReadOnlySpan<float>(x), new Span<float>(destination));
    }

    /// <inheritdoc cref="Apply(float[], float[])"/>
    public void Apply(double[] x, double[] destination)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(destination);
        Apply(new ReadOnlySpan<double>(x), new Span<double>(destination));
    }

    /// <inheritdoc cref="Apply(float[], float[])"/>
    public void Apply(Half[] x, Half[] destination)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(destination);
        Apply(new ReadOnlySpan<Half>(x), new Span<Half>(destination));
    }
}
