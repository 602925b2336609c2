using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Redox.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs one analyzer over markup source (<c>[|...|]</c>, <c>{|RDX1001:...|}</c>) with the Redox
/// stubs and the offline reference set. Compiler errors in the test source fail the test.
/// </summary>
internal static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>Verifies that exactly the marked diagnostics are reported.</summary>
    internal static Task VerifyAsync(string source, params string[] globalConfig) =>
        CreateTest(source, globalConfig).RunAsync();

    /// <summary>Builds the test so a caller can add files or options before running it.</summary>
    internal static Test CreateTest(string source, params string[] globalConfig)
    {
        var test = new Test { TestCode = source };
        test.Configure(globalConfig);
        return test;
    }

    /// <summary>The analyzer test with the Redox defaults.</summary>
    internal sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        /// <summary>C# version for the test source; latest by default.</summary>
        public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

        internal void Configure(string[] globalConfig)
        {
            TestState.Configure(globalConfig);
            ReferenceAssemblies = TestReferences.None;
        }

        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);

        protected override CompilationOptions CreateCompilationOptions() =>
            ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithAllowUnsafe(true);
    }
}
