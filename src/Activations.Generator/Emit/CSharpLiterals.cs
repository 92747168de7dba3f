using System.Globalization;

namespace Activations.Generator.Emit;

/// <summary>Numbers as C# source: round-trippable literals, and the named constants for infinities and NaN.</summary>
internal static class CSharpLiterals
{
    public static string Double(double value)
    {
        if (double.IsNaN(value))
        {
            return "double.NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity";
        }

        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOfAny(new[] { '.', 'E', 'e' }) < 0 ? text + ".0" : text;
    }

    public static string Single(double value)
    {
        float single = (float)value;
        if (float.IsNaN(single))
        {
            return "float.NaN";
        }

        if (float.IsInfinity(single))
        {
            return single > 0 ? "float.PositiveInfinity" : "float.NegativeInfinity";
        }

        return single.ToString("R", CultureInfo.InvariantCulture) + "f";
    }

    public static string Of(double value, bool single) => single ? Single(value) : Double(value);

    public static string Boolean(bool value) => value ? "true" : "false";

    public static string String(string value) => SymbolDisplayString(value);

    private static string SymbolDisplayString(string value) =>
        Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);
}
