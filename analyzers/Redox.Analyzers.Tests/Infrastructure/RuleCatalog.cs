using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace Redox.Analyzers.Tests.Infrastructure;

/// <summary>The IDs declared in DiagnosticIds.cs, read by reflection.</summary>
internal static class RuleCatalog
{
    /// <summary>Every ID constant.</summary>
    internal static IEnumerable<string> AllIds() =>
        typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!);

    /// <summary>Reserved IDs of removed rules (RetiredDiagnosticIds).</summary>
    internal static IEnumerable<string> RetiredIds() =>
        typeof(RetiredDiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!);

    /// <summary>RDX20xx: the language and runtime features listed in LIMITS.md.</summary>
    internal static bool IsBareMetalFeature(string id) => id.StartsWith("RDX20");
}
