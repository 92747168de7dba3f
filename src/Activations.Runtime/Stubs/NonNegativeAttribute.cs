using System;

namespace Activations;

/// <summary>
/// Constrains a stub parameter to values greater than or equal to zero. Generated span kernels throw
/// <see cref="ArgumentOutOfRangeException"/> otherwise, and the analyzers flag constant arguments that break it.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class NonNegativeAttribute : Attribute
{
}
