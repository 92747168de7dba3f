using System;

namespace Activations;

/// <summary>
/// Marks a <see cref="string"/> parameter as taking an activation identifier, so that the analyzers check
/// constant arguments against the known activations (as they do for <c>Activation.Get</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class ActivationNameAttribute : Attribute
{
}
