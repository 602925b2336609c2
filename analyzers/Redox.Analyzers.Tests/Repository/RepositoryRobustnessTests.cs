using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Redox.Analyzers.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Redox.Analyzers.Tests.Repository;

/// <summary>
/// Every analyzer over every C# file in the repository (whatever other teams have added by now),
/// with every member forced into scope, bare metal on and an allow-list present, so every code
/// path runs on real code; and once more with the scope left to the marks and handlers in the code,
/// so the direct-call walk (DirectCallReach) runs from real roots. The assertion: no analyzer throws (no AD0001).
/// Files are grouped into one compilation per project folder (nearest *.csproj); broken or
/// half-written code is fine, the analyzers must survive it.
/// </summary>
public class RepositoryRobustnessTests
{
    private readonly ITestOutputHelper _output;

    public RepositoryRobustnessTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task NoAnalyzerThrowsOnAnyRepositoryFile(bool forceScope)
    {
        var projects = RepositorySources.ByProject();
        Assert.NotEmpty(projects);

        var analyzers = RuleDocumentationTests.Analyzers.ToImmutableArray();
        var options = new AnalyzerOptions(
            ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/corelib.redoxapi", "T:System.Object\nT:System.Int32\nT:System.Span`1\n")),
            new TestAnalyzerConfigOptionsProvider(new Dictionary<string, string>
            {
                ["redox_noalloc_force_scope"] = forceScope ? "true" : "false",
                ["build_property.RedoxBareMetal"] = "true",
            }));

        var failures = new ConcurrentBag<string>();
        int files = 0, diagnostics = 0;
        foreach (var (project, paths) in projects)
        {
            var parse = new CSharpParseOptions(LanguageVersion.Preview);
            var trees = paths.Select(p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), parse, p)).ToArray();
            files += trees.Length;
            var compilation = CSharpCompilation.Create(
                Path.GetFileName(project),
                trees,
                TestReferences.Net,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
            var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                options,
                onAnalyzerException: (exception, analyzer, diagnostic) => failures.Add($"{project}: {analyzer.GetType().Name}: {exception}"),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));
            var results = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
            diagnostics += results.Length;
            foreach (var ad0001 in results.Where(d => d.Id == "AD0001"))
            {
                failures.Add($"{project}: {ad0001}");
            }
        }

        _output.WriteLine($"{projects.Count} projects, {files} files, {diagnostics} diagnostics, {failures.Count} analyzer exceptions");
        Assert.True(files > 0);
        Assert.Empty(failures);
    }
}
