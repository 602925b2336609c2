using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Redox.Analyzers.Tests.Infrastructure;

/// <summary>The repository's C# files (bin/obj skipped), grouped by the folder of their nearest project file.</summary>
internal static class RepositorySources
{
    /// <summary>Project folder -> its .cs files. Files with no project above them form a group of their own.</summary>
    internal static IReadOnlyList<(string Project, IReadOnlyList<string> Files)> ByProject()
    {
        var root = RepositoryPaths.Root;
        var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in Enumerate(root))
        {
            var project = NearestProject(Path.GetDirectoryName(file)!, root);
            if (!groups.TryGetValue(project, out var list))
            {
                groups[project] = list = new List<string>();
            }

            list.Add(file);
        }

        return groups.OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<string>)g.Value))
            .ToList();
    }

    private static IEnumerable<string> Enumerate(string directory)
    {
        IEnumerable<string> files;
        IEnumerable<string> children;
        try
        {
            files = Directory.EnumerateFiles(directory, "*.cs").ToList();
            children = Directory.EnumerateDirectories(directory).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another team may be moving files right now.
            yield break;
        }

        foreach (var file in files)
        {
            yield return file;
        }

        foreach (var child in children)
        {
            var name = Path.GetFileName(child);
            if (name is "bin" or "obj" or ".git" or "artifacts" || name.StartsWith('.'))
            {
                continue;
            }

            foreach (var file in Enumerate(child))
            {
                yield return file;
            }
        }
    }

    private static string NearestProject(string directory, string root)
    {
        for (var dir = directory; dir != null && dir.Length >= root.Length; dir = Path.GetDirectoryName(dir))
        {
            if (Directory.EnumerateFiles(dir, "*.csproj").Any())
            {
                return dir;
            }
        }

        return root;
    }
}
