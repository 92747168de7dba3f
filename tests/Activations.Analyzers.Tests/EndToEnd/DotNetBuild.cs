using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Activations.Analyzers.Tests.EndToEnd;

/// <summary>Runs <c>dotnet</c> as a user would and reads the diagnostics out of what it prints.</summary>
internal static partial class DotNetBuild
{
    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's own MSBuild settings must not leak into the user's build.
        foreach (string name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "DOTNET_HOST_PATH" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} ran over 3 minutes.\n{output}");
        }

        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }

    /// <summary>One compiler or analyzer error as MSBuild prints it: <c>Program.cs(7,22): error ACT0001: …</c>.</summary>
    public sealed record BuildError(string File, int Line, string Id, string Message);

    /// <summary>The distinct errors in a build log (MSBuild prints each twice: as it happens and in the summary).</summary>
    public static IReadOnlyList<BuildError> Errors(string output) =>
        ErrorLine().Matches(output)
            .Select(match => new BuildError(
                Path.GetFileName(match.Groups["file"].Value),
                int.Parse(match.Groups["line"].Value),
                match.Groups["id"].Value,
                match.Groups["message"].Value.Trim()))
            .Distinct()
            .OrderBy(error => error.Line)
            .ToList();

    [GeneratedRegex(@"^\s*(?<file>[^\s(][^(]*?)\((?<line>\d+),\d+\): error (?<id>[A-Z]+\d+): (?<message>.*?)(?: \[[^\]]*\])?$", RegexOptions.Multiline)]
    private static partial Regex ErrorLine();

    /// <summary>The folder that holds Activations.sln, found from the test's own location.</summary>
    public static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Activations.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Activations.sln not found above " + AppContext.BaseDirectory);
    }
}
