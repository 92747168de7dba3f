using System;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Activations.Analyzers.Tests.Verifiers;

/// <summary>What every test compilation references: .NET 8 and the Activations runtime built for it.</summary>
internal static class TestReferences
{
    /// <summary>.NET 8's reference pack and the System.Numerics.Tensors the runtime uses there.</summary>
    public static ReferenceAssemblies Net80 { get; } = ReferenceAssemblies.Net.Net80
        .AddPackages([new PackageIdentity("System.Numerics.Tensors", "10.0.0")]);

    /// <summary>The runtime's net8.0 build, which the test project copies beside itself.</summary>
    public static MetadataReference Runtime { get; } =
        MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "net8.0-runtime", "Activations.Runtime.dll"));
}
