using System;
using System.Collections.Generic;
using System.Linq;

namespace Activations;

/// <summary>Finds the registered identifiers nearest to a misspelt one, for "did you mean" messages.</summary>
internal static class IdentifierSuggestions
{
    private const int MaxSuggestions = 3;

    /// <summary>
    /// The identifiers within a small edit distance of <paramref name="identifier"/>, nearest first.
    /// Case is ignored when measuring (Keras names are lower case, so "ReLU" should suggest "relu"), and a
    /// pure case difference ranks first.
    /// </summary>
    public static IReadOnlyList<string> Nearest(string identifier, IEnumerable<string> candidates)
    {
        string wanted = identifier.ToLowerInvariant();
        int budget = Math.Max(2, wanted.Length / 3);
        return candidates
            .Select(candidate => (Candidate: candidate, Distance: Distance(wanted, candidate.ToLowerInvariant())))
            .Where(scored => scored.Distance <= budget)
            .OrderBy(scored => scored.Distance)
            .ThenBy(scored => scored.Candidate, StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .Select(scored => scored.Candidate)
            .ToArray();
    }

    /// <summary>Optimal string alignment distance: Levenshtein plus adjacent transpositions ("rleu").</summary>
    private static int Distance(string a, string b)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int best = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, previous2[j - 2] + 1);
                }

                current[j] = best;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
