using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Redox.Analyzers.Api;
using Redox.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Redox.Analyzers.Tests.Api;

/// <summary>
/// RDX2101 beside the compiler's CS0234/CS0246/CS0103 when the missing name is a .NET API. The compilation stands in
/// for a Redox.Sdk project: it references only a small core library compiled here (the shape of ours: no Console,
/// no List&lt;T&gt;, no System.Net), never .NET's reference assemblies, whose type forwarders would turn the errors
/// into CS1069.
/// </summary>
public class MissingCoreLibApiTests
{
    private const string CoreLibSource = """
        namespace System
        {
            public class Object { }
            public abstract class ValueType { }
            public struct Void { }
            public struct Boolean { }
            public struct Byte { }
            public struct Char { }
            public struct Int32 { }
            public struct IntPtr { }
            public sealed class String { }
            public abstract class Enum : ValueType { }
            public abstract class Array { }
            public abstract class Attribute { }
            public enum AttributeTargets { All = 32767 }
            public sealed class AttributeUsageAttribute : Attribute
            {
                public AttributeUsageAttribute(AttributeTargets validOn) { }
                public bool AllowMultiple { get; set; }
                public bool Inherited { get; set; }
            }
            public abstract class Delegate { }
            public abstract class MulticastDelegate : Delegate { }
            public struct Nullable<T> where T : struct { }
            public struct RuntimeTypeHandle { }
            public struct RuntimeMethodHandle { }
            public struct RuntimeFieldHandle { }
            public abstract class Type { }
            public interface IDisposable { void Dispose(); }
        }
        namespace System.Collections.Generic { public interface IEnumerable<out T> { } }
        namespace System.Runtime.InteropServices { public static class MemoryMarshal { public static int Zero() => 0; } }
        """;

    private static readonly MetadataReference CoreLib = CompileCoreLib();

    private static MetadataReference CompileCoreLib()
    {
        var compilation = CSharpCompilation.Create("System.Private.CoreLib",
            new[] { CSharpSyntaxTree.ParseText(CoreLibSource) }, options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new System.IO.MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    private static Task VerifyAsync(string source, bool bareMetal = true, params DiagnosticResult[] expected)
    {
        var test = AnalyzerVerifier<MissingCoreLibApiAnalyzer>.CreateTest(source, bareMetal ? new[] { TestOptions.BareMetal } : new string[0]);
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.Add(CoreLib);
        // The Redox stubs need .NET's attributes; this compilation has only the small core library.
        var stubs = test.TestState.Sources.Where(s => s.filename == Stubs.FileName).ToList();
        Assert.Single(stubs);
        test.TestState.Sources.Remove(stubs[0]);
        // The compiler's own errors are expected here; only RDX2101 is checked.
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task Console_without_a_qualifier_is_named_with_its_hint() => VerifyAsync("""
        class C
        {
            void M() => {|#0:Console|}.WriteLine("hello");
        }
        """, true, new DiagnosticResult(Descriptors.ApiNotInCoreLib).WithLocation(0).WithArguments("System.Console", Hints.For("System.Console")));

    [Fact]
    public Task A_qualified_type_the_namespace_lacks_is_named() => VerifyAsync("""
        class C
        {
            void M() => {|RDX2101:System.Console|}.WriteLine("hello");
        }
        """);

    [Fact]
    public Task List_of_T_is_named_with_the_collection_hint() => VerifyAsync("""
        using System.Collections.Generic;
        class C
        {
            {|#0:List<int>|} _items;
        }
        """, true, new DiagnosticResult(Descriptors.ApiNotInCoreLib).WithLocation(0).WithArguments("System.Collections.Generic.List<T>", Hints.For("System.Collections.Generic.List<T>")));

    [Fact]
    public Task A_missing_namespace_in_a_using_is_named() => VerifyAsync("""
        using System.{|RDX2101:Net|}.Http;
        class C { }
        """);

    [Fact]
    public Task A_typo_that_is_no_NET_API_is_left_to_the_compiler() => VerifyAsync("""
        class C
        {
            void M() => Consol.WriteLine("hello");
            void N() => System.Consol.WriteLine("hello");
            Lisst<int> _items;
        }
        """);

    [Fact]
    public Task A_type_the_compilation_has_but_does_not_import_is_left_to_the_compiler() => VerifyAsync("""
        class C
        {
            int M() => MemoryMarshal.Zero();
        }
        """);

    [Fact]
    public Task A_host_project_is_not_checked() => VerifyAsync("""
        class C
        {
            void M() => Console.WriteLine("hello");
        }
        """, bareMetal: false);
}

/// <summary>The embedded list RDX2101 reads is what Redox.ApiList writes from the installed reference pack.</summary>
public class DotNetTypeListTests
{
    [Fact]
    public void The_committed_list_matches_the_reference_pack()
    {
        _ = TestReferences.Net; // finds the pack
        var path = RepositoryPaths.Combine("analyzers", "Redox.Analyzers", "Api", "DotNetTypes.txt");
        var committed = System.IO.File.ReadAllLines(path);

        Assert.Equal(Redox.ApiList.DotNetTypeListWriter.Header, committed[0]);
        Assert.Equal(Redox.ApiList.DotNetTypeListWriter.Read(TestReferences.Source), committed.Skip(1));
    }
}
