using Microsoft.CodeAnalysis.Testing;

namespace Redox.Analyzers.Tests.Infrastructure;

/// <summary>The setup every Redox analyzer and code-fix test shares.</summary>
internal static class SolutionStateExtensions
{
    /// <summary>Adds the offline references, the Redox stubs and a global config with <paramref name="globalConfig"/> lines.</summary>
    internal static void Configure(this SolutionState state, string[] globalConfig)
    {
        state.AdditionalReferences.AddRange(TestReferences.Net);
        state.Sources.Add((Stubs.FileName, Stubs.Source));
        if (globalConfig.Length > 0)
        {
            state.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + string.Join("\n", globalConfig) + "\n"));
        }
    }
}
