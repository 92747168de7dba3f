using System.Collections.Generic;
using System.Globalization;

namespace Activations.Analyzers;

/// <summary>
/// Reads the form <c>Activation.Serialize</c> writes and <c>Activation.Deserialize</c> takes:
/// <c>"elu(alpha=0.5)"</c>, a name then <c>keyword=value</c> pairs in Keras's spelling.
/// </summary>
internal static class SerializedActivation
{
    /// <summary>The numeric arguments of a well-formed parameter list; false if there is none or it is malformed.</summary>
    public static bool TryParse(string text, out string name, out List<KeyValuePair<string, double>> arguments)
    {
        name = text;
        arguments = new List<KeyValuePair<string, double>>();
        int open = text.IndexOf('(');
        if (open < 0 || !text.EndsWith(")"))
        {
            return false;
        }

        name = text.Substring(0, open);
        foreach (string item in text.Substring(open + 1, text.Length - open - 2).Split(','))
        {
            int equals = item.IndexOf('=');
            if (equals < 0)
            {
                return false;
            }

            string key = item.Substring(0, equals).Trim();
            string value = item.Substring(equals + 1).Trim();
            if (TryParseNumber(value, out double number))
            {
                arguments.Add(new KeyValuePair<string, double>(key, number));
            }
        }

        return true;
    }

    private static bool TryParseNumber(string text, out double value)
    {
        switch (text)
        {
            case "inf" or "+inf":
                value = double.PositiveInfinity;
                return true;
            case "-inf":
                value = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}
