using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Activations.Package.Tests;

/// <summary>
/// Packs the library once, from a copy of the sources (so the running solution's outputs are untouched),
/// into a local folder feed, and makes consumer projects outside the solution that restore from that feed.
/// </summary>
public sealed class PackedLibrary : IDisposable
{
    private static readonly string[] s_copied = ["src", "Directory.Build.props", "Directory.Packages.props", "README.md", "LICENSE", ".editorconfig"];

    public PackedLibrary()
    {
        Root = Path.Combine(Path.GetTempPath(), "activations-package-" + Guid.NewGuid().ToString("N")[..8]);
        Feed = Path.Combine(Root, "feed");
        string sources = Path.Combine(Root, "sources");
        string repository = DotNetCli.RepositoryRoot();
        foreach (string entry in s_copied)
        {
            Copy(Path.Combine(repository, entry), Path.Combine(sources, entry));
        }

        (int exitCode, string output) = DotNetCli.Run(sources, Environment, "pack", "src/Activations.Runtime", "-c", "Release", "-o", Feed);
        PackOutput = output;
        if (exitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + output);
        }

        Package = Directory.GetFiles(Feed, "Activations.*.nupkg").Single(p => !p.EndsWith(".snupkg", StringComparison.Ordinal));
    }

    public string Root { get; }

    public string Feed { get; }

    public string Package { get; }

    public string PackOutput { get; }

    /// <summary>A private package cache, so a stale Activations package from an earlier run is never used.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = Path.Combine(Root, "packages"),
    };

    /// <summary>Writes a fresh console project that references the package from the local feed alone.</summary>
    public string CreateConsumer(string name, string programSource)
    {
        string project = Path.Combine(Root, name);
        Directory.CreateDirectory(project);
        string version = Path.GetFileNameWithoutExtension(Package)["Activations.".Length..];
        File.WriteAllText(Path.Combine(project, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Activations" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        // The local feed for Activations; nuget.org (through this machine's mirror) for its own dependencies.
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="Activations" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(project, "Program.cs"), programSource);
        return project;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static void Copy(string from, string to)
    {
        if (File.Exists(from))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to);
            return;
        }

        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(from, file);
            string[] parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Contains("bin") || parts.Contains("obj"))
            {
                continue;
            }

            Copy(file, Path.Combine(to, relative));
        }
    }
}
