namespace Activations;

public static partial class Activation
{
    /// <summary>
    /// The threshold function, Keras 3's <c>keras.ops.threshold(x, threshold, default_value)</c>:
    /// <c>x</c> where <c>x &gt; threshold</c>, else <paramref name="defaultValue"/>.
    /// </summary>
    /// <param name="x">The input.</param>
    /// <param name="threshold">Keras <c>threshold</c>: inputs at or below it are replaced (no default, as in Keras).</param>
    /// <param name="defaultValue">Keras <c>default_value</c>: the replacement (no default, as in Keras).</param>
    /// <returns>The activation of <paramref name="x"/>.</returns>
    /// <remarks>Written as <c>x &lt;= threshold ? defaultValue : x</c>, so that NaN gives NaN (Keras's <c>where</c> gives the default).</remarks>
    [Activation("threshold")]
    public static double Threshold(double x, double threshold, double defaultValue) =>
        x <= threshold ? defaultValue : x;
}
