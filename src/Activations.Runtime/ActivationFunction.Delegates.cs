using System;

namespace Activations;

public sealed partial class ActivationFunction
{
    // A delegate function keeps what the user gave; the other types go through it (Half always through float).
    private readonly Func<float, float>? _single;
    private readonly Func<double, double>? _double;

    private ActivationFunction(string name, Func<float, float>? single, Func<double, double>? @double)
    {
        Name = name;
        _single = single;
        _double = @double;
        _arguments = Array.Empty<double>();
    }

    /// <summary>
    /// Wraps a scalar function as an activation (Keras's "callable"), applied element by element: for
    /// <see cref="double"/> inputs it runs in <see cref="float"/>, and so does <see cref="Half"/>.
    /// </summary>
    /// <param name="function">The element-wise function.</param>
    /// <param name="name">The name to show; defaults to the method's name, or <c>"custom"</c> for a lambda.</param>
    public static ActivationFunction FromDelegate(Func<float, float> function, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        return new ActivationFunction(name ?? NameOf(function), function, null);
    }

    /// <summary>
    /// Wraps a scalar function as an activation (Keras's "callable"), applied element by element: for
    /// <see cref="float"/> and <see cref="Half"/> inputs it runs in <see cref="double"/> and rounds.
    /// </summary>
    /// <param name="function">The element-wise function.</param>
    /// <param name="name">The name to show; defaults to the method's name, or <c>"custom"</c> for a lambda.</param>
    public static ActivationFunction FromDelegate(Func<double, double> function, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        return new ActivationFunction(name ?? NameOf(function), null, function);
    }

    // Compiler-generated names (lambdas, local functions) contain '<'; they mean nothing to a reader.
    private static string NameOf(Delegate function) =>
        function.Method.Name is { } name && !name.Contains('<') ? name : "custom";

    private void ApplyDelegate(ReadOnlySpan<float> x, Span<float> destination)
    {
        if (_single is { } single)
        {
            for (int i = 0; i < x.Length; i++)
            {
                destination[i] = single(x[i]);
            }
        }
        else
        {
            Func<double, double> @double = _double!;
            for (int i = 0; i < x.Length; i++)
            {
                destination[i] = (float)@double(x[i]);
            }
        }
    }

    private void ApplyDelegate(ReadOnlySpan<double> x, Span<double> destination)
    {
        if (_double is { } @double)
        {
            for (int i = 0; i < x.Length; i++)
            {
                destination[i] = @double(x[i]);
            }
        }
        else
        {
            Func<float, float> single = _single!;
            for (int i = 0; i < x.Length; i++)
            {
                destination[i] = single((float)x[i]);
            }
        }
    }

    private void ApplyDelegate(ReadOnlySpan<Half> x, Span<Half> destination)
    {
        if (_single is { } single)
        {
            for (int i = 0; i < x.Length; i++)
            {
                destination[i] = (Half)single((float)x[i]);
            }
        }
        else
        {
            Func<double, double> @double = _double!;
            for (int i = 0; i < x.Length; i++)
            {
                destination[i] = (Half)@double((double)x[i]);
            }
        }
    }
}
