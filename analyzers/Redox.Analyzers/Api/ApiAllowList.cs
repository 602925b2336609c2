using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Redox.Analyzers.Api;

/// <summary>
/// The API the Redox core library provides, read from every additional file whose name ends in
/// <c>.redoxapi</c>: one documentation-comment ID per line (<c>T:System.Span`1</c>,
/// <c>M:System.Span`1.Slice(System.Int32)</c>, <c>P:System.String.Length</c>), <c>#</c> starts a
/// comment line. Written by <c>analyzers/Redox.ApiList</c> from the built library.
/// </summary>
internal sealed class ApiAllowList
{
    /// <summary>The file name suffix that marks an allow-list.</summary>
    internal const string Extension = ".redoxapi";

    private readonly HashSet<string> _ids;
    private readonly HashSet<string> _memberNames;

    private ApiAllowList(HashSet<string> ids)
    {
        _ids = ids;
        _memberNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            // "M:System.String.Concat(System.String,System.String)" -> "M:System.String.Concat"
            int paren = id.IndexOf('(');
            _memberNames.Add(paren < 0 ? id : id.Substring(0, paren));
        }
    }

    /// <summary>Reads the allow-list from the additional files; null when there is none (the API rule is then silent).</summary>
    internal static ApiAllowList? Read(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        HashSet<string>? ids = null;
        foreach (var file in files)
        {
            if (!file.Path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            ids ??= new HashSet<string>(StringComparer.Ordinal);
            var text = file.GetText(cancellationToken);
            if (text is null)
            {
                continue;
            }

            foreach (var line in text.Lines)
            {
                var entry = line.ToString().Trim();
                if (entry.Length > 0 && entry[0] != '#')
                {
                    ids.Add(entry);
                }
            }
        }

        return ids is null ? null : new ApiAllowList(ids);
    }

    /// <summary>True when the documentation-comment ID is listed.</summary>
    internal bool Contains(string id) => _ids.Contains(id);

    /// <summary>True when some overload of the member named by <paramref name="idWithoutParameters"/> (e.g. <c>M:System.String.Concat</c>) is listed.</summary>
    internal bool ContainsAnyOverload(string idWithoutParameters) => _memberNames.Contains(idWithoutParameters);
}
