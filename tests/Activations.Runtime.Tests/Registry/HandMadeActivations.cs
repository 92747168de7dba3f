using System;

namespace Activations.Tests.Registry;

/// <summary>
/// Descriptors written by hand, as the generator would emit them, so that the registry is tested on its own.
/// Names start with "handmade_" so they never collide with built-ins or generated stubs.
/// </summary>
internal static class HandMadeActivations
{
    /// <summary>handmade_scale(x, factor = 2, [Positive]) = factor * x; alias handmade_times.</summary>
    public static readonly ActivationDescriptor Scale = new(
        "handmade_scale",
        new[] { "handmade_times" },
        new[] { new ActivationParameter("factor", "factor", 2.0, Constraint: ParameterConstraint.Positive) },
        (x, destination, arguments) => { float factor = (float)arguments[0]; Loop(x, destination, v => v * factor); },
        (x, destination, arguments) => { double factor = arguments[0]; Loop(x, destination, v => v * factor); },
        (x, destination, arguments) => { float factor = (float)arguments[0]; Loop(x, destination, v => (Half)((float)v * factor)); });

    /// <summary>handmade_clip(x, lowClip = 0 [NonNegative], high = 1 [Range 0..10], negate = false) with every kind of parameter.</summary>
    public static readonly ActivationDescriptor Clip = new(
        "handmade_clip",
        Array.Empty<string>(),
        new[]
        {
            new ActivationParameter("lowClip", "low_clip", 0.0, Constraint: ParameterConstraint.NonNegative),
            new ActivationParameter("high", "high", 1.0, Constraint: ParameterConstraint.Range, Minimum: 0, Maximum: 10),
            new ActivationParameter("negate", "negate", 0.0, IsSwitch: true),
        },
        (x, destination, a) => { double[] args = a.ToArray(); Loop(x, destination, v => (float)Clipped(v, args)); },
        (x, destination, a) => { double[] args = a.ToArray(); Loop(x, destination, v => Clipped(v, args)); },
        (x, destination, a) => { double[] args = a.ToArray(); Loop(x, destination, v => (Half)Clipped((double)v, args)); });

    /// <summary>handmade_normalize: divides a whole span by its sum, like softmax works along an axis.</summary>
    public static readonly ActivationDescriptor Normalize = new(
        "handmade_normalize",
        Array.Empty<string>(),
        Array.Empty<ActivationParameter>(),
        (x, destination, _) => { float sum = 0; foreach (float v in x) { sum += v; } Loop(x, destination, v => v / sum); },
        (x, destination, _) => { double sum = 0; foreach (double v in x) { sum += v; } Loop(x, destination, v => v / sum); },
        (x, destination, _) => { float sum = 0; foreach (Half v in x) { sum += (float)v; } Loop(x, destination, v => (Half)((float)v / sum)); })
    {
        IsAlongLastAxis = true,
    };

    /// <summary>handmade_shift(x, offset) = x + offset, where offset has no default (NaN in the descriptor).</summary>
    public static readonly ActivationDescriptor Shift = new(
        "handmade_shift",
        Array.Empty<string>(),
        new[] { new ActivationParameter("offset", "offset", double.NaN) },
        (x, destination, a) => { float offset = (float)a[0]; Loop(x, destination, v => v + offset); },
        (x, destination, a) => { double offset = a[0]; Loop(x, destination, v => v + offset); },
        (x, destination, a) => { float offset = (float)a[0]; Loop(x, destination, v => (Half)((float)v + offset)); });

    private static bool s_registered;

    /// <summary>Registers the descriptors (idempotent: the registry accepts the same descriptor twice).</summary>
    public static void EnsureRegistered()
    {
        if (!s_registered)
        {
            ActivationRegistry.Register(Scale);
            ActivationRegistry.Register(Clip);
            ActivationRegistry.Register(Normalize);
            ActivationRegistry.Register(Shift);
            s_registered = true;
        }
    }

    private static double Clipped(double v, double[] a)
    {
        double clipped = Math.Clamp(v, -a[0], a[1]);
        return a[2] != 0 ? -clipped : clipped;
    }

    private static void Loop<T>(ReadOnlySpan<T> x, Span<T> destination, Func<T, T> f)
    {
        if (destination.Length < x.Length)
        {
            throw new ArgumentException("Destination is too short.", nameof(destination));
        }

        for (int i = 0; i < x.Length; i++)
        {
            destination[i] = f(x[i]);
        }
    }
}
