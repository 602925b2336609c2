using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Redox.Analyzers.Tests.Infrastructure;
using Redox.Analyzers.Tests.Repository;
using Xunit;
using Xunit.Abstractions;

namespace Redox.Analyzers.Tests.Corpus;

/// <summary>
/// An independent corpus of small allocation cases (IndependentCorpus.cs.txt, embedded), written
/// without looking at the rule tests. Each case is one [Redox.NoAlloc] method: "P_" cases allocate and
/// must get at least one RDX1xxx diagnostic inside the method, "N_" cases must get none. Every analyzer
/// of Redox.Analyzers runs over it; the test asserts recall and precision and prints the per-case table.
/// </summary>
public class IndependentCorpusTests
{
    private const double MinRecall = 0.9;
    private const double MinPrecision = 0.95;

    private readonly ITestOutputHelper _output;

    public IndependentCorpusTests(ITestOutputHelper output) => _output = output;

    internal static string LoadCorpus()
    {
        var assembly = typeof(IndependentCorpusTests).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("IndependentCorpus.cs.txt", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task RecallAndPrecisionMeetTheBar()
    {
        var tree = CSharpSyntaxTree.ParseText(LoadCorpus(), new CSharpParseOptions(LanguageVersion.Preview), "IndependentCorpus.cs");
        var compilation = CSharpCompilation.Create(
            "Corpus",
            new[] { tree },
            TestReferences.Net,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "corpus does not compile:\n" + string.Join("\n", errors));

        var analyzers = RuleDocumentationTests.Analyzers.ToImmutableArray();
        var exceptions = new List<string>();
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false));
        var diagnostics = (await withAnalyzers.GetAnalyzerDiagnosticsAsync())
            .Where(d => d.Id.StartsWith("RDX1", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(exceptions);

        // A case is a method, or a whole type (for scope cases: type-level attribute, construction code, SchemeBase).
        var cases = tree.GetRoot().DescendantNodes()
            .Select(n => n switch
            {
                MethodDeclarationSyntax m => (Node: (SyntaxNode)m, Name: m.Identifier.ValueText),
                TypeDeclarationSyntax t => (Node: (SyntaxNode)t, Name: t.Identifier.ValueText),
                _ => (Node: n, Name: string.Empty),
            })
            .Where(c => c.Name.StartsWith("P_", StringComparison.Ordinal) || c.Name.StartsWith("N_", StringComparison.Ordinal))
            .ToList();
        Assert.True(cases.Count >= 80, $"only {cases.Count} cases");

        int tp = 0, fp = 0, fn = 0, tn = 0;
        var table = new StringBuilder();
        table.AppendLine($"{"case",-36} {"expect",-7} {"got",-6} verdict  ids");
        foreach (var (method, name) in cases)
        {
            bool expected = name.StartsWith("P_", StringComparison.Ordinal);
            var inside = diagnostics.Where(d => method.Span.Contains(d.Location.SourceSpan)).Select(d => d.Id).Distinct().OrderBy(i => i).ToList();
            bool reported = inside.Count > 0;
            string verdict;
            if (expected && reported) { tp++; verdict = "TP"; }
            else if (expected) { fn++; verdict = "FN"; }
            else if (reported) { fp++; verdict = "FP"; }
            else { tn++; verdict = "TN"; }
            table.AppendLine($"{name,-36} {(expected ? "alloc" : "none"),-7} {(reported ? "yes" : "no"),-6} {verdict,-8} {string.Join(",", inside)}");
        }

        double recall = tp + fn == 0 ? 1 : (double)tp / (tp + fn);
        double precision = tp + fp == 0 ? 1 : (double)tp / (tp + fp);
        var summary = $"{cases.Count} cases: TP={tp} FP={fp} FN={fn} TN={tn}; recall={recall:P1} precision={precision:P1}";
        _output.WriteLine(summary);
        _output.WriteLine(table.ToString());
        Assert.True(recall >= MinRecall && precision >= MinPrecision, summary + "\n" + table);
    }
}
