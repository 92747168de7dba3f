using System;

namespace Activations.Layers;

/// <summary>The shape checks every layer makes before writing anything.</summary>
internal static class LayerGuard
{
    /// <summary>Checks the batch against the input and returns the size of one input sample.</summary>
    public static int SampleSize(ReadOnlySpan<float> input, int batch)
    {
        if (batch <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(batch), batch, $"The batch must hold at least one sample; got {batch}.");
        }

        if (input.Length % batch != 0)
        {
            throw new ArgumentException(
                $"The input holds {input.Length} values, which is not a whole number of samples for a batch of {batch}.", nameof(input));
        }

        return input.Length / batch;
    }

    /// <summary>Checks that <paramref name="output"/> holds <paramref name="batch"/> samples of <paramref name="outputSize"/> values.</summary>
    public static void Output(Span<float> output, int batch, int outputSize)
    {
        long needed = (long)batch * outputSize;
        if (output.Length < needed)
        {
            throw new ArgumentException(
                $"The output is too short: it holds {output.Length} values and {batch} samples of {outputSize} need {needed}.", nameof(output));
        }
    }

    /// <summary>Checks that input and output are the same memory or do not overlap (an element-wise layer may run in place).</summary>
    public static void NoPartialOverlap(ReadOnlySpan<float> input, Span<float> output)
    {
        if (input.Overlaps(output, out int offset) && offset != 0)
        {
            throw new ArgumentException("The input and the output overlap partly; they must be the same memory or not overlap at all.", nameof(output));
        }
    }

    /// <summary>Checks that every parameter of <paramref name="function"/> has a value, so the layer cannot fail later.</summary>
    public static void Complete(ActivationFunction function)
    {
        if (!function.IsComplete)
        {
            throw new ArgumentException(
                $"The activation '{function.Name}' has parameters without a default that are not bound: bind them with With(...) first.", nameof(function));
        }
    }
}
