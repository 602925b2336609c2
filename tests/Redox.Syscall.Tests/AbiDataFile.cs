using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace Redox.Syscall.Tests;

/// <summary>A parsed <c>abi/redox-abi.txt</c>: sections of named values and struct layouts.</summary>
public sealed class AbiDataFile
{
    /// <summary>
    /// One <c>[kind Name type]</c> section. A later <c>[kind Name type extension]</c> header adds its entries
    /// to the section of the same kind and name (or opens it, when the pinned release has no such section).
    /// </summary>
    public sealed record Section(string Kind, string Name, string Type, string Doc, List<Entry> Entries, List<Field> Fields, int Size);

    /// <summary>
    /// One named value: Redox spelling, C# name, evaluated value, the source expression and doc;
    /// <paramref name="IsExtension"/> when it comes from an <c>extension</c> section (not in the pinned release).
    /// </summary>
    public sealed record Entry(string RedoxName, string CsName, ulong Value, string Expression, string Doc, bool IsExtension);

    /// <summary>The marker of the line naming the pinned release: <c># pinned-release: &lt;crate&gt; &lt;version&gt; &lt;commit&gt;</c>.</summary>
    public const string PinnedReleaseMarker = "# pinned-release:";

    /// <summary>The pinned release as written after <see cref="PinnedReleaseMarker"/>, e.g. <c>redox_syscall 0.9.3</c>.</summary>
    public string PinnedRelease { get; private set; } = "";

    /// <summary>The full commit hash of the pinned release.</summary>
    public string PinnedCommit { get; private set; } = "";

    /// <summary>One struct field: Redox spelling, C# name, byte offset and size.</summary>
    public sealed record Field(string RedoxName, string CsName, int Offset, int Size);

    /// <summary>The sections in file order.</summary>
    public List<Section> Sections { get; } = new();

    /// <summary>Finds the repository root by walking up to the folder holding <c>abi/redox-abi.txt</c>.</summary>
    public static string FindPath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null)
        {
            var candidate = Path.Combine(dir.FullName, "abi", "redox-abi.txt");
            if (File.Exists(candidate))
            {
                return candidate;
            }
            dir = dir.Parent;
        }
        throw new FileNotFoundException("abi/redox-abi.txt not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Parses the data file at <paramref name="path"/>.</summary>
    public static AbiDataFile Load(string path)
    {
        var file = new AbiDataFile();
        Section? current = null;
        bool inExtension = false;
        bool seenExtension = false;
        int lineNo = 0;
        foreach (var raw in File.ReadAllLines(path))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.StartsWith(PinnedReleaseMarker, StringComparison.Ordinal))
            {
                var words = line[PinnedReleaseMarker.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length != 3)
                {
                    throw new FormatException($"line {lineNo}: expected '{PinnedReleaseMarker} <crate> <version> <commit>'");
                }
                file.PinnedRelease = words[0] + " " + words[1];
                file.PinnedCommit = words[2];
                continue;
            }
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            string doc = "";
            int hash = line.IndexOf('#');
            if (hash >= 0)
            {
                doc = line[(hash + 1)..].Trim();
                line = line[..hash].Trim();
            }
            if (line.StartsWith('['))
            {
                var parts = line.Trim('[', ']').Split(' ', StringSplitOptions.RemoveEmptyEntries);
                bool isStruct = parts[0] == "struct";
                inExtension = parts.Length == 4 && parts[3] == "extension";
                if (parts.Length != (isStruct ? 3 : inExtension ? 4 : 3) || (isStruct && inExtension))
                {
                    throw new FormatException($"line {lineNo}: bad section header '{line}'");
                }
                if (!inExtension && seenExtension)
                {
                    throw new FormatException($"line {lineNo}: pinned section after an extension section; extensions go last, below the banner");
                }
                seenExtension |= inExtension;
                current = inExtension ? file.Sections.Find(s => s.Kind == parts[0] && s.Name == parts[1]) : null;
                if (current != null && current.Type != parts[2])
                {
                    throw new FormatException($"line {lineNo}: extension of {parts[1]} must keep its type {current.Type}");
                }
                if (current == null)
                {
                    current = new Section(parts[0], parts[1], isStruct ? "" : parts[2], doc, new(), new(),
                        isStruct ? int.Parse(parts[2], CultureInfo.InvariantCulture) : 0);
                    file.Sections.Add(current);
                }
                continue;
            }
            if (current == null)
            {
                throw new FormatException($"line {lineNo}: entry before any section");
            }
            var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (current.Kind == "struct")
            {
                current.Fields.Add(new Field(tokens[0], tokens[1],
                    int.Parse(tokens[2], CultureInfo.InvariantCulture), int.Parse(tokens[3], CultureInfo.InvariantCulture)));
                continue;
            }
            var expression = string.Join(' ', tokens, 2, tokens.Length - 2);
            current.Entries.Add(new Entry(tokens[0], tokens[1], file.Evaluate(expression, current, lineNo), expression, doc, inExtension));
        }
        return file;
    }

    private ulong Evaluate(string expression, Section scope, int lineNo)
    {
        ulong value = 0;
        foreach (var part in expression.Split('|'))
        {
            var term = part.Trim().Replace("_", "", StringComparison.Ordinal);
            if (term.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                value |= ulong.Parse(term[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
            else if (term.StartsWith("0o", StringComparison.OrdinalIgnoreCase))
            {
                value |= Convert.ToUInt64(term[2..], 8);
            }
            else if (term.Length > 0 && char.IsDigit(term[0]))
            {
                value |= ulong.Parse(term, CultureInfo.InvariantCulture);
            }
            else
            {
                value |= Lookup(part.Trim(), scope) ?? throw new FormatException($"line {lineNo}: unknown name '{part.Trim()}'");
            }
        }
        return value;
    }

    private ulong? Lookup(string redoxName, Section scope)
    {
        foreach (var e in scope.Entries)
        {
            if (e.RedoxName == redoxName)
            {
                return e.Value;
            }
        }
        foreach (var s in Sections)
        {
            foreach (var e in s.Entries)
            {
                if (e.RedoxName == redoxName)
                {
                    return e.Value;
                }
            }
        }
        return null;
    }
}
