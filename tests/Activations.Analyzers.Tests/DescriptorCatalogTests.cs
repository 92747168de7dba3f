using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Activations.Analyzers.Tests;

/// <summary>Every descriptor has a unique ID, a help page that exists, and is reported by some analyzer.</summary>
public class DescriptorCatalogTests
{
    private static IReadOnlyList<DiagnosticDescriptor> AllDescriptors() =>
        typeof(DiagnosticDescriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
            .ToList();

    private static string RepositoryRoot()
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

    [Fact]
    public void Ids_are_unique_and_numbered()
    {
        var ids = AllDescriptors().Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^ACT[0-9]{4}$", id));
    }

    [Fact]
    public void Every_descriptor_links_to_an_existing_page_with_a_wrong_and_a_right_example()
    {
        string docs = Path.Combine(RepositoryRoot(), "docs", "diagnostics");
        foreach (DiagnosticDescriptor descriptor in AllDescriptors())
        {
            Assert.Equal($"https://github.com/activations/activations/blob/main/docs/diagnostics/{descriptor.Id}.md", descriptor.HelpLinkUri);
            string page = File.ReadAllText(Path.Combine(docs, descriptor.Id + ".md"));
            Assert.StartsWith($"# {descriptor.Id}: ", page);
            Assert.Contains("## Wrong", page);
            Assert.Contains("## Right", page);
        }
    }

    [Fact]
    public void Every_descriptor_is_supported_by_an_analyzer_and_listed_in_the_release_notes()
    {
        var supported = typeof(DiagnosticDescriptors).Assembly.GetTypes()
            .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract)
            .SelectMany(type => ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics)
            .Select(d => d.Id)
            .ToHashSet();
        string unshipped = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Activations.Analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (DiagnosticDescriptor descriptor in AllDescriptors())
        {
            Assert.Contains(descriptor.Id, supported);
            Assert.Contains($"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", unshipped);
        }
    }
}
