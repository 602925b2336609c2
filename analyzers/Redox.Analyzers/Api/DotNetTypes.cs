using System;
using System.Collections.Generic;
using System.IO;

namespace Redox.Analyzers.Api;

/// <summary>
/// The public top-level types of .NET (System.* and Microsoft.*), by metadata name, from the embedded
/// <c>DotNetTypes.txt</c> that <c>analyzers/Redox.ApiList --dotnet-types</c> generates from the Microsoft.NETCore.App.Ref
/// pack. RDX2101 uses it to tell a .NET API the Redox core library lacks from a name that exists nowhere.
/// </summary>
internal static class DotNetTypes
{
    private static readonly Lazy<Index> s_index = new(Load);

    /// <summary>The metadata names (<c>System.Collections.Generic.List`1</c>) of the types whose simple metadata name is <paramref name="metadataName"/> (<c>List`1</c>).</summary>
    internal static IReadOnlyList<string> WithName(string metadataName) =>
        s_index.Value.ByName.TryGetValue(metadataName, out var names) ? names : Array.Empty<string>();

    /// <summary>True when <paramref name="fullName"/> is a .NET namespace (one that holds a public type).</summary>
    internal static bool IsNamespace(string fullName) => s_index.Value.Namespaces.Contains(fullName);

    /// <summary>True when <paramref name="metadataName"/> (<c>System.Console</c>) is a public .NET type.</summary>
    internal static bool IsType(string metadataName) => s_index.Value.Types.Contains(metadataName);

    private sealed class Index
    {
        internal Dictionary<string, List<string>> ByName { get; } = new(StringComparer.Ordinal);

        internal HashSet<string> Namespaces { get; } = new(StringComparer.Ordinal);

        internal HashSet<string> Types { get; } = new(StringComparer.Ordinal);
    }

    private static Index Load()
    {
        var index = new Index();
        using var stream = typeof(DotNetTypes).Assembly.GetManifestResourceStream("DotNetTypes.txt")
            ?? throw new InvalidOperationException("DotNetTypes.txt is not embedded in Redox.Analyzers");
        using var reader = new StreamReader(stream);
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            index.Types.Add(line);
            int dot = line.LastIndexOf('.');
            string name = line.Substring(dot + 1);
            if (!index.ByName.TryGetValue(name, out var names))
            {
                index.ByName[name] = names = new List<string>();
            }

            names.Add(line);
            // Every enclosing namespace exists: System.Net.Http makes System.Net and System exist too.
            for (string space = line.Substring(0, dot); space.Length > 0; space = space.Substring(0, Math.Max(0, space.LastIndexOf('.'))))
            {
                if (!index.Namespaces.Add(space))
                {
                    break;
                }
            }
        }

        return index;
    }
}
