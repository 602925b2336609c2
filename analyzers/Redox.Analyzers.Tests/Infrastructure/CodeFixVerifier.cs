using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Redox.Analyzers.Tests.Infrastructure;

/// <summary>Runs an analyzer and a code fix over markup source and compares the fixed source.</summary>
internal static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>Verifies the diagnostics in <paramref name="source"/> and that the fix produces <paramref name="fixedSource"/>.</summary>
    internal static Task VerifyAsync(string source, string fixedSource, params string[] globalConfig) =>
        CreateTest(source, fixedSource, globalConfig).RunAsync();

    /// <summary>Builds the test so a caller can adjust it before running.</summary>
    internal static Test CreateTest(string source, string fixedSource, params string[] globalConfig)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource };
        test.TestState.Configure(globalConfig);
        test.FixedState.AdditionalReferences.AddRange(TestReferences.Net);
        test.FixedState.Sources.Add((Stubs.FileName, Stubs.Source));
        if (globalConfig.Length > 0)
        {
            test.FixedState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + string.Join("\n", globalConfig) + "\n"));
        }

        test.ReferenceAssemblies = TestReferences.None;
        return test;
    }

    /// <summary>The code-fix test with the Redox defaults.</summary>
    internal sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.Latest);

        protected override CompilationOptions CreateCompilationOptions() =>
            ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithAllowUnsafe(true);
    }
}
