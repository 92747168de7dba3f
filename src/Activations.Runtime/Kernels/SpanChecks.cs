using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace Activations.Kernels;

/// <summary>The argument checks every span kernel makes before it writes anything.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SpanChecks
{
    /// <summary>
    /// Throws unless <paramref name="destination"/> can receive one result per element of <paramref name="x"/>:
    /// it must be at least as long, and either be the same memory (in place) or not overlap it at all.
    /// </summary>
    /// <exception cref="ArgumentException">The destination is too short or partially overlaps the input.</exception>
    public static void ThrowIfInvalidDestination<T>(ReadOnlySpan<T> x, Span<T> destination)
        where T : struct
    {
        if (destination.Length < x.Length)
        {
            ThrowDestinationTooShort(x.Length, destination.Length);
        }

        // Compare the bytes actually read and written; identical starts are in place, anything else that touches is not.
        ReadOnlySpan<byte> input = System.Runtime.InteropServices.MemoryMarshal.AsBytes(x);
        ReadOnlySpan<byte> output = System.Runtime.InteropServices.MemoryMarshal.AsBytes((ReadOnlySpan<T>)destination.Slice(0, x.Length));
        if (input.Overlaps(output, out int offset) && (offset != 0 || input.Length != output.Length))
        {
            ThrowPartialOverlap();
        }
    }

    [DoesNotReturn]
    private static void ThrowDestinationTooShort(int needed, int actual) =>
        throw new ArgumentException(
            $"The destination span is too short: it holds {actual} elements and the input has {needed}.", "destination");

    [DoesNotReturn]
    private static void ThrowPartialOverlap() =>
        throw new ArgumentException(
            "The input and destination spans overlap without being the same memory; they must be identical (in place) or disjoint.",
            "destination");
}
