using System;

namespace Activations;

/// <summary>Argument checks for the axis functions: every check runs before anything is written.</summary>
internal static class AxisArguments
{
    /// <summary>The axis in [0, rank); negative axes count from the end, as in Keras.</summary>
    public static int NormalizeAxis(int axis, int rank, string parameterName)
    {
        int normalized = axis < 0 ? axis + rank : axis;
        if ((uint)normalized >= (uint)rank)
        {
            throw new ArgumentOutOfRangeException(parameterName, axis, $"The axis {axis} is out of range for a tensor of rank {rank}: it must be in [{-rank}, {rank}).");
        }

        return normalized;
    }

    /// <summary>Normalizes, sorts and checks the axes (at least one, none repeated) into <paramref name="normalized"/>.</summary>
    public static void NormalizeAxes(ReadOnlySpan<int> axes, int rank, Span<int> normalized, string parameterName)
    {
        if (axes.IsEmpty)
        {
            throw new ArgumentException("At least one axis is required.", parameterName);
        }

        for (int i = 0; i < axes.Length; i++)
        {
            normalized[i] = NormalizeAxis(axes[i], rank, parameterName);
        }

        normalized.Sort();
        for (int i = 1; i < normalized.Length; i++)
        {
            if (normalized[i] == normalized[i - 1])
            {
                throw new ArgumentException($"The axis {normalized[i]} is given more than once in [{string.Join(", ", axes.ToArray())}].", parameterName);
            }
        }
    }

    /// <summary>
    /// The destination must have x's lengths, except along <paramref name="axis"/> where it has
    /// <paramref name="axisLength"/>, and must not repeat an element (a zero stride on a dimension longer than 1).
    /// </summary>
    public static void CheckShapes(ReadOnlySpan<nint> xLengths, ReadOnlySpan<nint> destinationLengths, ReadOnlySpan<nint> destinationStrides, int axis, nint axisLength)
    {
        bool same = xLengths.Length == destinationLengths.Length;
        for (int d = 0; same && d < xLengths.Length; d++)
        {
            same = destinationLengths[d] == (d == axis ? axisLength : xLengths[d]);
        }

        if (!same)
        {
            string expected = Describe(xLengths, axis, axisLength);
            throw new ArgumentException($"The destination's lengths {Describe(destinationLengths, -1, 0)} differ from the expected {expected}.", "destination");
        }

        for (int d = 0; d < destinationLengths.Length; d++)
        {
            if (destinationStrides[d] == 0 && destinationLengths[d] > 1)
            {
                throw new ArgumentException($"The destination broadcasts dimension {d} (stride 0, length {destinationLengths[d]}): its elements would overwrite each other.", "destination");
            }
        }
    }

    /// <summary>glu halves its axis: the length must be even.</summary>
    public static void CheckEven(nint length, string parameterName)
    {
        if (length % 2 != 0)
        {
            throw new ArgumentException($"glu splits its axis in two halves, but the axis has odd length {length}.", parameterName);
        }
    }

    /// <summary>Span kernels: the destination must be long enough, and the same memory as x or apart from it.</summary>
    public static void CheckSpans<T>(ReadOnlySpan<T> x, Span<T> destination, int required)
    {
        if (destination.Length < required)
        {
            throw new ArgumentException($"The destination is too short: it has {destination.Length} elements and needs {required}.", nameof(destination));
        }

        if (x.Overlaps(destination, out int offset) && offset != 0)
        {
            throw new ArgumentException($"The destination overlaps x at an offset of {offset} elements: it must be x itself or apart from it.", nameof(destination));
        }
    }

    private static string Describe(ReadOnlySpan<nint> lengths, int axis, nint axisLength)
    {
        var text = new System.Text.StringBuilder("[");
        for (int d = 0; d < lengths.Length; d++)
        {
            text.Append(d == 0 ? "" : ", ").Append(d == axis ? axisLength : lengths[d]);
        }

        return text.Append(']').ToString();
    }
}
