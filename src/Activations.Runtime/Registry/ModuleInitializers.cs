using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Activations;

/// <summary>
/// Makes sure the generated registrations of the user's assemblies have run. The generator registers each
/// stub from a module initializer, and the runtime runs a module initializer only when its assembly is
/// first used: an assembly that declares <c>[Activation]</c> stubs but has not been touched yet (the entry
/// assembly calling <c>Activation.Get</c> from a library, a plug-in) would otherwise be invisible.
/// </summary>
internal static class ModuleInitializers
{
    private const string RuntimeAssemblyName = "Activations.Runtime";

    private static readonly object s_gate = new();
    private static readonly HashSet<string> s_visited = new(StringComparer.Ordinal);
    private static volatile bool s_loadedScanned;

    /// <summary>Runs the module initializers of every loaded assembly that references the runtime, once.</summary>
    public static void EnsureLoadedAssemblies()
    {
        if (s_loadedScanned)
        {
            return;
        }

        lock (s_gate)
        {
            if (!s_loadedScanned)
            {
                ScanLoaded();
                s_loadedScanned = true;
            }
        }
    }

    /// <summary>
    /// After a lookup missed: scans assemblies loaded since, and loads the entry assembly's references
    /// (transitively, skipping the framework) to run the initializers of those that reference the runtime.
    /// Returns whether any new initializer ran, so the caller knows a retry may succeed.
    /// </summary>
    public static bool ScanHarder()
    {
        lock (s_gate)
        {
            int before = s_visited.Count;
            ScanLoaded();
            if (Assembly.GetEntryAssembly() is { } entry)
            {
                LoadReferencesOf(entry);
            }

            return s_visited.Count != before;
        }
    }

    private static void ScanLoaded()
    {
        if (Assembly.GetEntryAssembly() is { } entry)
        {
            Visit(entry);
        }

        foreach (Assembly assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            Visit(assembly);
        }
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification =
        "Best effort: a reference the trimmer removed belongs to an assembly the app never uses, and a native AOT app runs every module initializer at startup anyway.")]
    private static void LoadReferencesOf(Assembly root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<Assembly>();
        pending.Enqueue(root);
        while (pending.Count > 0)
        {
            foreach (AssemblyName reference in pending.Dequeue().GetReferencedAssemblies())
            {
                if (reference.Name is not { } name || IsFramework(name) || !seen.Add(name))
                {
                    continue;
                }

                Assembly loaded;
                try
                {
                    loaded = Assembly.Load(reference);
                }
                catch (Exception e) when (e is System.IO.FileNotFoundException or System.IO.FileLoadException or BadImageFormatException)
                {
                    continue; // A reference the app never ships (an optional dependency) is not ours to fix.
                }

                Visit(loaded);
                pending.Enqueue(loaded);
            }
        }
    }

    /// <summary>Runs the module initializer of <paramref name="assembly"/> if it references the runtime and has not been visited.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification =
        "Best effort: a reference the trimmer removed belongs to an assembly the app never uses, and a native AOT app runs every module initializer at startup anyway.")]
    private static void Visit(Assembly assembly)
    {
        if (assembly.IsDynamic || assembly.GetName().Name is not { } name || name == RuntimeAssemblyName || IsFramework(name))
        {
            return;
        }

        if (!s_visited.Add(assembly.FullName ?? name))
        {
            return;
        }

        foreach (AssemblyName reference in assembly.GetReferencedAssemblies())
        {
            if (reference.Name == RuntimeAssemblyName)
            {
                // Idempotent: the runtime runs a module constructor at most once.
                RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
                return;
            }
        }
    }

    private static bool IsFramework(string name) =>
        name == "System" || name.StartsWith("System.", StringComparison.Ordinal)
        || name.StartsWith("Microsoft.", StringComparison.Ordinal)
        || name is "mscorlib" or "netstandard" or "WindowsBase";
}
