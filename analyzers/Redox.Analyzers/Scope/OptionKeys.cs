namespace Redox.Analyzers.Scope;

/// <summary>The analyzer-config keys the analyzers read (from <c>.editorconfig</c>, <c>.globalconfig</c> or MSBuild).</summary>
internal static class OptionKeys
{
    /// <summary>
    /// <c>redox_noalloc_force_scope = true</c> puts every member in scope of the allocation rules.
    /// Only the repository-wide robustness test sets it; it is not documented for users.
    /// </summary>
    internal const string ForceNoAllocScope = "redox_noalloc_force_scope";

    /// <summary>
    /// <c>redox_noalloc_follow_calls = false</c> keeps the allocation rules to the marked members and the
    /// handlers themselves: the helpers they call are not followed (<see cref="DirectCallReach"/>). An escape
    /// hatch for very large projects; the benchmark uses it to measure what following calls costs.
    /// </summary>
    internal const string FollowCalls = "redox_noalloc_follow_calls";

    /// <summary>
    /// MSBuild property <c>RedoxBareMetal</c>, made visible by <c>build/Redox.Analyzers.props</c>
    /// (<c>&lt;CompilerVisibleProperty Include="RedoxBareMetal" /&gt;</c>).
    /// </summary>
    internal const string BareMetalProperty = "build_property.RedoxBareMetal";

    /// <summary>
    /// MSBuild property <c>IsTestProject</c> (set by Microsoft.NET.Test.Sdk), made visible by
    /// <c>build/Redox.Analyzers.props</c>: a host test project is never bare-metal code.
    /// </summary>
    internal const string TestProjectProperty = "build_property.IsTestProject";

    /// <summary>True when <paramref name="key"/> is set to a case-insensitive "false".</summary>
    internal static bool IsFalse(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && string.Equals(value?.Trim(), "false", System.StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a boolean option; anything but a case-insensitive "true" is false.</summary>
    internal static bool IsTrue(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && string.Equals(value?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);
}
