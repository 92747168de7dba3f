using System;

namespace Activations;

/// <summary>
/// Names the registry identifier of a hand-written activation along an axis (<c>softmax</c>), on its float
/// span kernel. Such activations are not stubs (a stub maps one element), so the generator ignores them; the
/// attribute is how the analyzers learn that the identifier exists.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class AxisActivationAttribute : Attribute
{
    /// <summary>Declares the identifier the registry resolves to this activation.</summary>
    /// <param name="name">The Keras identifier (<c>"softmax"</c>).</param>
    public AxisActivationAttribute(string name) => Name = name;

    /// <summary>The identifier <c>Activation.Get</c> resolves.</summary>
    public string Name { get; }
}
