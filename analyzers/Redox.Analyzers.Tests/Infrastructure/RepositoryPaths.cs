using System;
using System.IO;

namespace Redox.Analyzers.Tests.Infrastructure;

/// <summary>Locates the repository root: the nearest folder above the test assembly that holds global.json.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> s_root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "global.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No global.json above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root.</summary>
    internal static string Root => s_root.Value;

    /// <summary>A path under the root.</summary>
    internal static string Combine(params string[] parts) => Path.Combine(Root, Path.Combine(parts));
}
