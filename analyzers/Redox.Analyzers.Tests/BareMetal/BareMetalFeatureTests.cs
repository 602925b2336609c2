using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using Redox.Analyzers.BareMetal;
using Redox.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Redox.Analyzers.Tests.BareMetal;

/// <summary>RDX2004-RDX2011 (RDX2005 retired) with RedoxBareMetal=true; each rule also checked silent outside bare metal.</summary>
public class BareMetalFeatureTests
{
    private static Task Verify<TAnalyzer>(string source)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new() =>
        AnalyzerVerifier<TAnalyzer>.VerifyAsync(Code.Usings + source, TestOptions.BareMetal);

    [Fact]
    public Task DelegateCombination_IsReported_CreationAndInvocationAreFine() => Verify<DelegateFeatureAnalyzer>("""
        using System;
        class C
        {
            public event Action {|RDX2004:Changed|};
            event Action Explicit { add { } remove { } }
            static int S(int x) => x;
            int M(Func<int, int> f, Action a, Action b)
            {
                Func<int, int> g = S;
                Func<int, int> h = static x => x;
                Action both = {|RDX2004:a + b|};
                {|RDX2004:both += a|};
                {|RDX2004:both -= b|};
                Action none = {|RDX2004:both - a|};
                {|RDX2004:Explicit += a|};
                {|RDX2004:Explicit -= a|};
                int sum = 1 + 2;
                sum += 3;
                return f(1) + g.Invoke(2) + h(sum);
            }
        }
        """);

    [Fact]
    public async Task ReferenceTypedStatics_AreNotReportedByAnyBareMetalRule()
    {
        // RDX2005 is retired: the core library allocates GC statics at start-up and runs static
        // constructors through ClassConstructorRunner (the kernel's boot test covers these shapes).
        const string source = """
            using System;
            class C
            {
                static readonly string s = "boot";
                static readonly int[] t = { 2, 3, 5 };
                static readonly object Gate = new object();
                static C Instance { get; } = new C();
                static byte[]? Buffer;
                static int Runs;
                static C() { Buffer = new byte[4]; Runs++; }
                int M() => s.Length + t[0] + Buffer!.Length + Runs + (Gate == Instance ? 0 : 1);
            }
            """;
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Driver",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source) },
            TestReferences.Net,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(
                Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: Microsoft.CodeAnalysis.NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));

        var bareMetal = Repository.RuleDocumentationTests.Analyzers.Where(a => a is BareMetalAnalyzer).ToImmutableArray();
        Assert.NotEmpty(bareMetal);
        var options = new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(
            ImmutableArray<Microsoft.CodeAnalysis.AdditionalText>.Empty,
            new TestAnalyzerConfigOptionsProvider(new Dictionary<string, string> { ["build_property.RedoxBareMetal"] = "true" }));
        var diagnostics = await compilation.WithAnalyzers(bareMetal, options).GetAnalyzerDiagnosticsAsync();

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void RetiredIds_AreNotReported()
    {
        var retired = RuleCatalog.RetiredIds().ToHashSet();
        Assert.Contains("RDX2005", retired);
        Assert.DoesNotContain(Repository.RuleDocumentationTests.Analyzers.SelectMany(a => a.SupportedDiagnostics), d => retired.Contains(d.Id));
    }

    [Fact]
    public Task ThreadStatic_IsReported() => Verify<ThreadStaticAnalyzer>("""
        class C
        {
            [ThreadStatic] static int {|RDX2011:t_depth|};
            [ThreadStatic] static object? {|RDX2011:t_current|};
            static int s_depth;
        }
        """);

    [Fact]
    public Task LockAndAsync_AreReported() => Verify<ConcurrencyFeatureAnalyzer>("""
        class C
        {
            readonly object _gate = new object();
            void M() { {|RDX2006:lock|} (_gate) { } }
            {|RDX2007:async|} System.Threading.Tasks.Task N() { await System.Threading.Tasks.Task.Yield(); }
            void O() { Func<System.Threading.Tasks.Task> f = {|RDX2007:async|} () => await System.Threading.Tasks.Task.Yield(); }
        }
        """);

    [Fact]
    public Task Dynamic_IsReported() => Verify<DynamicFeatureAnalyzer>("""
        class C
        {
            void M(object o)
            {
                dynamic d = {|RDX2009:o|};
                {|RDX2009:d.Run(1)|};
                int x = {|RDX2009:d.Value|};
            }
        }
        """);

    [Fact]
    public Task Finalizer_IsReported() => Verify<FinalizerAnalyzer>("""
        class C { ~{|RDX2010:C|}() { } }
        """);

    [Fact]
    public Task NotBareMetal_IsSilent() => AnalyzerVerifier<FinalizerAnalyzer>.VerifyAsync(Code.Usings + """
        class C { ~C() { } }
        """);

    [Fact]
    public Task KernelAssembly_IsBareMetal()
    {
        var test = AnalyzerVerifier<FinalizerAnalyzer>.CreateTest(Code.Usings + "class C { ~{|RDX2010:C|}() { } }");
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectAssemblyName(projectId, "Redox.Kernel"));
        return test.RunAsync();
    }

    [Fact]
    public Task DriverReferencingSchemeAbstractions_IsBareMetal()
    {
        var test = AnalyzerVerifier<FinalizerAnalyzer>.CreateTest(Code.Usings + "class C { ~{|RDX2010:C|}() { } }");
        test.TestState.AdditionalReferences.Add(SchemeAbstractionsReference.Value);
        return test.RunAsync();
    }

    [Fact]
    public Task TestProjectReferencingSchemeAbstractions_IsHost()
    {
        var test = AnalyzerVerifier<FinalizerAnalyzer>.CreateTest(Code.Usings + "class C { ~C() { } }");
        test.TestState.AdditionalReferences.Add(SchemeAbstractionsReference.Value);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task ProjectReferencingTheHostedKernel_IsHost()
    {
        var test = AnalyzerVerifier<FinalizerAnalyzer>.CreateTest(Code.Usings + "class C { ~C() { } }");
        test.TestState.AdditionalReferences.Add(SchemeAbstractionsReference.Value);
        test.TestState.AdditionalReferences.Add(HostedKernelReference.Value);
        return test.RunAsync();
    }

    [Fact]
    public Task RedoxBareMetalFalse_OptsOut()
    {
        var test = AnalyzerVerifier<FinalizerAnalyzer>.CreateTest(Code.Usings + "class C { ~C() { } }");
        test.TestState.AdditionalReferences.Add(SchemeAbstractionsReference.Value);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.RedoxBareMetal = false\n"));
        return test.RunAsync();
    }

    private static readonly System.Lazy<Microsoft.CodeAnalysis.MetadataReference> HostedKernelReference = new(() =>
        Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Redox.Testing",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("namespace Redox.Testing { public sealed class HostedKernel { } }") },
            TestReferences.Net,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary)).ToMetadataReference());

    private static readonly System.Lazy<Microsoft.CodeAnalysis.MetadataReference> SchemeAbstractionsReference = new(() =>
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Redox.Scheme.Abstractions",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("namespace Redox.Scheme { public abstract class SchemeBase { } }") },
            TestReferences.Net,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        return compilation.ToMetadataReference();
    });
}
