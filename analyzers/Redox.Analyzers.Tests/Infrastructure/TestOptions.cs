namespace Redox.Analyzers.Tests.Infrastructure;

/// <summary>Analyzer-config snippets tests attach as a global config.</summary>
internal static class TestOptions
{
    /// <summary>Makes the compilation bare-metal code (as MSBuild RedoxBareMetal=true would).</summary>
    internal const string BareMetal = "build_property.RedoxBareMetal = true";

    /// <summary>Puts every member in scope of the allocation rules.</summary>
    internal const string ForceScope = "redox_noalloc_force_scope = true";
}
