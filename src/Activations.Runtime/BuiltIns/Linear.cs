namespace Activations;

public static partial class Activation
{
    /// <summary>The identity, Keras <c>linear</c>: returns <paramref name="x"/> unchanged.</summary>
    /// <param name="x">The input.</param>
    /// <returns><paramref name="x"/>.</returns>
    [Activation("linear")]
    public static double Linear(double x) => x;
}
