using System;
using System.Collections.Generic;
using System.Text;

namespace Activations.Analyzers;

/// <summary>
/// Picks the known identifier a misspelt one most likely meant: first a match that differs only in case,
/// spaces, hyphens or underscores ("ReLU", "gelu ", "LeakyReLU"), then the nearest by edit distance
/// (a swap of two neighbouring letters counts as one edit).
/// </summary>
internal static class ActivationNameSuggester
{
    public static string? Suggest(string given, IReadOnlyList<string> known)
    {
        string folded = Fold(given);
        if (folded.Length == 0)
        {
            return null;
        }

        foreach (string candidate in known)
        {
            if (Fold(candidate) == folded)
            {
                return candidate;
            }
        }

        string lowered = given.Trim().ToLowerInvariant();
        int allowed = Math.Max(1, lowered.Length / 3);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in known)
        {
            int distance = EditDistance(lowered, candidate, bestDistance);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return bestDistance <= allowed ? best : null;
    }

    /// <summary>Lower case without whitespace, '_' or '-': the spelling-insensitive key.</summary>
    public static string Fold(string identifier)
    {
        var builder = new StringBuilder(identifier.Length);
        foreach (char c in identifier)
        {
            if (!char.IsWhiteSpace(c) && c is not ('_' or '-'))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions). Returns at least
    /// <paramref name="ceiling"/> as soon as the answer cannot be below it.
    /// </summary>
    public static int EditDistance(string a, string b, int ceiling = int.MaxValue)
    {
        if (Math.Abs(a.Length - b.Length) >= ceiling)
        {
            return ceiling;
        }

        // Three rows of the dynamic-programming table: two back (for transpositions), previous, current.
        int[] twoBack = new int[b.Length + 1];
        int[] previous = new int[b.Length + 1];
        int[] current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMinimum = current[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, twoBack[j - 2] + 1);
                }

                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum >= ceiling)
            {
                return ceiling;
            }

            (twoBack, previous, current) = (previous, current, twoBack);
        }

        return previous[b.Length];
    }
}
