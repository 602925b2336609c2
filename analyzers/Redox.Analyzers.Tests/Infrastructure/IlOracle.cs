using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace Redox.Analyzers.Tests.Infrastructure;

/// <summary>
/// Checks analyzers against the compiler: each case (one method named <c>M</c>) is compiled into
/// <c>[Redox.NoAlloc] static class C</c> in Debug and in Release, and the analyzers must report inside the
/// case exactly when either build's IL holds what <c>findInIl</c> looks for.
/// </summary>
internal static class IlOracle
{
    /// <summary>The delegate that reads one emitted image: per method name, the allocating instructions found.</summary>
    internal delegate Dictionary<string, List<string>> IlReader(byte[] image, Compilation compilation);

    /// <summary>Runs the comparison; fails with every disagreement; returns how many cases the IL says allocate.</summary>
    internal static async Task<int> AssertAgreesAsync(string declarations, string[] cases, ImmutableArray<DiagnosticAnalyzer> analyzers, IlReader findInIl, ITestOutputHelper output)
    {
        var source = new StringBuilder(declarations).Append("[Redox.NoAlloc]\nstatic class C\n{\n");
        for (int i = 0; i < cases.Length; i++)
        {
            source.Append(Regex.Replace(cases[i], @"\bM(?=[(<])", "M" + i)).Append('\n');
        }

        source.Append("}\n");
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(source.ToString(), path: "Cases.cs"),
            CSharpSyntaxTree.ParseText(Stubs.Source, path: Stubs.FileName),
        };

        var release = Emit(trees, OptimizationLevel.Release, findInIl, out var compilation);
        var debug = Emit(trees, OptimizationLevel.Debug, findInIl, out _);
        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        var methods = trees[0].GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
            .GroupBy(m => m.Identifier.ValueText).ToDictionary(g => g.Key, g => g.First());

        var mismatches = new List<string>();
        int allocating = 0;
        for (int i = 0; i < cases.Length; i++)
        {
            string name = "M" + i;
            var found = release[name].Select(b => "Release: " + b).Concat(debug[name].Select(b => "Debug: " + b)).ToList();
            var span = methods[name].Span;
            var reported = diagnostics.Where(d => d.Location.SourceTree == trees[0] && span.Contains(d.Location.SourceSpan)).Select(d => d.Id).ToList();
            allocating += found.Count > 0 ? 1 : 0;
            string line = $"{(found.Count > 0 ? "alloc" : "     ")} {(reported.Count > 0 ? string.Join(",", reported) : "-"),-8} {cases[i]}";
            string il = found.Count > 0 ? "   IL: " + string.Join(" | ", found) : "   IL: nothing allocates";
            output.WriteLine(line + il);
            if ((found.Count > 0) != (reported.Count > 0))
            {
                mismatches.Add(line + il);
            }
        }

        Assert.True(mismatches.Count == 0, "the analyzers and the compiler disagree:\n" + string.Join("\n", mismatches));
        return allocating;
    }

    private static Dictionary<string, List<string>> Emit(SyntaxTree[] trees, OptimizationLevel optimization, IlReader findInIl, out Compilation compilation)
    {
        compilation = CSharpCompilation.Create(
            "Oracle" + optimization,
            trees,
            TestReferences.Net,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: optimization, allowUnsafe: true));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return findInIl(stream.ToArray(), compilation);
    }
}
