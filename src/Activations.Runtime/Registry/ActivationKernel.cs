using System;

namespace Activations;

/// <summary>
/// A generated span kernel with its scalar parameters passed positionally, in the stub's order
/// (a <see cref="bool"/> switch as 0 or 1). This is how the registry calls a kernel it found by name.
/// </summary>
public delegate void ActivationKernel<T>(ReadOnlySpan<T> x, Span<T> destination, ReadOnlySpan<double> arguments);
