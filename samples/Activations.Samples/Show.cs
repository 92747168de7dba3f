using System;
using System.Globalization;
using System.Linq;

namespace Activations.Samples;

/// <summary>Printing helpers: vectors as Keras prints them, compactly.</summary>
internal static class Show
{
    public static void Heading(string title)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine(new string('-', title.Length));
    }

    /// <summary>A vector with up to four significant digits, keeping the sign of zero (Keras prints -0.).</summary>
    public static string Vector(ReadOnlySpan<float> values) =>
        "[" + string.Join(", ", values.ToArray().Select(Number)) + "]";

    public static string Vector(ReadOnlySpan<double> values) =>
        "[" + string.Join(", ", values.ToArray().Select(v => Number((float)v))) + "]";

    public static string Number(float value) =>
        value == 0 && float.IsNegative(value) ? "-0" : value.ToString("G4", CultureInfo.InvariantCulture);
}
