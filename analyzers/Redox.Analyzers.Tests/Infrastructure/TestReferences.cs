using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Redox.Analyzers.Tests.Infrastructure;

/// <summary>
/// Reference assemblies that work offline: the SDK's own Microsoft.NETCore.App.Ref pack, found
/// next to the running runtime (dotnet/shared/Microsoft.NETCore.App/x.y.z -> dotnet/packs/...).
/// Falls back to the runtime's implementation assemblies when no pack is installed.
/// </summary>
internal static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_net = new(Load);

    /// <summary>The .NET reference set (System.Runtime and friends).</summary>
    internal static ImmutableArray<MetadataReference> Net => s_net.Value;

    /// <summary>A reference-assembly descriptor that resolves nothing; tests add <see cref="Net"/> themselves.</summary>
    internal static ReferenceAssemblies None { get; } = new ReferenceAssemblies("net10.0");

    /// <summary>The folder holding the reference pack used, for diagnostics in test output.</summary>
    internal static string Source { get; private set; } = string.Empty;

    private static ImmutableArray<MetadataReference> Load()
    {
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var refDir = Directory.Exists(packs)
            ? Directory.GetDirectories(packs)
                .Select(version => Path.Combine(version, "ref", "net" + Environment.Version.Major + ".0"))
                .Where(Directory.Exists)
                .OrderByDescending(d => d, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
        Source = refDir ?? runtimeDir;
        var files = refDir != null
            ? Directory.GetFiles(refDir, "*.dll")
            : ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return files.Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToImmutableArray();
    }
}
