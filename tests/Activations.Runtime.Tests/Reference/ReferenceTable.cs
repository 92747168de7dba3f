using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;

namespace Activations.Tests.Reference;

/// <summary>
/// The correctly rounded reference values (copied, gzipped, from ../shared/reference; its README is beside
/// the data). Each row is an input and the correctly rounded result, as bit patterns.
/// </summary>
internal static class ReferenceTable
{
    private static readonly ConcurrentDictionary<string, object> s_cache = new();

    private static string DataDirectory => Path.Combine(AppContext.BaseDirectory, "Reference", "data");

    /// <summary>Every function that has a file, by name (<c>"tanh"</c>, <c>"relu_max5"</c>).</summary>
    public static IEnumerable<string> Names()
    {
        foreach (string path in Directory.EnumerateFiles(DataDirectory, "*.f32.csv.gz"))
        {
            string file = Path.GetFileName(path);
            yield return file.Substring(0, file.Length - ".f32.csv.gz".Length);
        }
    }

    public static (float X, float Y)[] Single(string name) =>
        ((ReferenceRows<float>)s_cache.GetOrAdd(name + ".f32", key => Parse(key, bits => BitConverter.Int32BitsToSingle((int)bits)))).Rows;

    public static (double X, double Y)[] Double(string name) =>
        ((ReferenceRows<double>)s_cache.GetOrAdd(name + ".f64", key => Parse(key, bits => BitConverter.Int64BitsToDouble((long)bits)))).Rows;

    public static (Half X, Half Y)[] Half(string name) =>
        ((ReferenceRows<Half>)s_cache.GetOrAdd(name + ".f16", key => Parse(key, bits => BitConverter.UInt16BitsToHalf((ushort)bits)))).Rows;

    private static ReferenceRows<T> Parse<T>(string key, Func<ulong, T> fromBits)
    {
        string path = Path.Combine(DataDirectory, key + ".csv.gz");
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        string? header = reader.ReadLine();
        if (header != "x,y")
        {
            throw new InvalidDataException($"{path}: expected the header 'x,y', found '{header}'.");
        }

        var rows = new List<(T, T)>();
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            int comma = line.IndexOf(',');
            ulong x = ulong.Parse(line.AsSpan(0, comma), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            ulong y = ulong.Parse(line.AsSpan(comma + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            rows.Add((fromBits(x), fromBits(y)));
        }

        return new ReferenceRows<T>(rows.ToArray());
    }

    private sealed record ReferenceRows<T>((T X, T Y)[] Rows);
}
