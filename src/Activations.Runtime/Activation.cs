namespace Activations;

/// <summary>
/// The built-in activations, by Keras name: <c>Activation.Relu(x, destination)</c>, <c>Activation.Gelu(x, destination, approximate: true)</c>.
/// Each built-in is a formula stub; the generator adds its span and vector kernels to this class.
/// </summary>
public static partial class Activation
{
}
