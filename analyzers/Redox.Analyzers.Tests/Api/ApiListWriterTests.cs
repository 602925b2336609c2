using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Redox.Analyzers.Tests.Infrastructure;
using Redox.ApiList;
using Xunit;

namespace Redox.Analyzers.Tests.Api;

/// <summary>
/// The generator must write exactly the IDs Roslyn computes for the same assembly loaded from
/// metadata (what RDX2100 compares against), so a small assembly with every signature shape is
/// compiled, listed by Redox.ApiList, and compared with Roslyn's GetDocumentationCommentId().
/// </summary>
public class ApiListWriterTests
{
    private const string Sample = """
        using System;
        using System.Collections.Generic;
        namespace Sample
        {
            public class Gen<T>
            {
                public Gen() { }
                public T Value = default!;
                public T this[int i] => default!;
                public int this[string s, int j] { get => 0; set { } }
                public void M(T t, List<T> l, Dictionary<string, T[]> d) { }
                public U G<U>(U u, T t, ref int r, out long o, in double x) { o = 0; return u; }
                public void Lists<U>(List<U> a, IEnumerable<KeyValuePair<T, U>> b) { }
                public class Nested<V> { public void N(T t, V v, Gen<V>.Nested<T> x) { } }
                public struct Plain { public void P(Gen<T>.Plain p, List<T>.Enumerator e) { } }
                protected virtual void Prot() { }
                protected internal int PI;
                private protected int PPI;
                private void Hidden() { }
                internal void Internal() { }
                public event EventHandler? Changed { add { } remove { } }
                public static implicit operator Gen<T>(T[] a) => null!;
                public static explicit operator int(Gen<T> g) => 0;
                public static Gen<T> operator +(Gen<T> a, Gen<T> b) => a;
                public int Auto { get; protected set; }
                public int ReadOnly => 1;
            }
            public unsafe struct Shapes
            {
                public void P(byte* p, int** q, void* v, int[,] md, int[][] jag, (int, string) tuple, int? n, Span<byte> s, ReadOnlySpan<char> r, params object[] rest) { }
                public ref int Ref(ref readonly int x) => ref System.Runtime.CompilerServices.Unsafe.NullRef<int>();
            }
            public enum Color { Red, Green }
            public interface IThing { int Size { get; } void Do(); static abstract void Make(); }
            public delegate int Fn(int x);
            public static class Ext
            {
                public static int Twice(this int x) => x * 2;
                public const int K = 3;
                public static readonly string S = "";
            }
            internal class Hidden2 { public void X() { } }
            public abstract class Abs { protected Abs() { } public abstract void A(); protected class ProtectedNested { public void Y() { } } private class PrivateNested { public void Z() { } } }
        }
        """;

    [Fact]
    public void GeneratorMatchesRoslynDocumentationIds()
    {
        var path = Path.Combine(Path.GetTempPath(), "redox-apilist-" + Guid.NewGuid().ToString("N") + ".dll");
        try
        {
            var compilation = CSharpCompilation.Create(
                "Sample",
                new[] { CSharpSyntaxTree.ParseText(Sample, new CSharpParseOptions(LanguageVersion.Latest)) },
                TestReferences.Net,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
            var emit = compilation.Emit(path);
            Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));

            var generated = ApiListWriter.Read(path).ToHashSet();
            var expected = RoslynIds(path);

            Assert.Equal(new string[0], expected.Except(generated).OrderBy(i => i, StringComparer.Ordinal));
            Assert.Equal(new string[0], generated.Except(expected).OrderBy(i => i, StringComparer.Ordinal));
            Assert.Contains("M:Sample.Gen`1.G``1(``0,`0,System.Int32@,System.Int64@,System.Double@)", generated);
            Assert.DoesNotContain(generated, id => id.Contains("Hidden") || id.Contains("Internal") || id.Contains("PPI") || id.Contains("PrivateNested"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void CommandLineWritesHeaderAndIds()
    {
        var dir = Path.Combine(Path.GetTempPath(), "redox-apilist-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var dll = Path.Combine(dir, "Tiny.dll");
            var compilation = CSharpCompilation.Create(
                "Tiny",
                new[] { CSharpSyntaxTree.ParseText("namespace System { public static class Tiny { public static int Answer() => 42; } }") },
                TestReferences.Net,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.True(compilation.Emit(dll).Success);
            var output = Path.Combine(dir, "out", "tiny.redoxapi");

            Assert.Equal(0, Program.Main(new[] { dll, output }));
            var lines = File.ReadAllLines(output);
            Assert.StartsWith("# Generated by Redox.ApiList", lines[0]);
            Assert.Contains("T:System.Tiny", lines);
            Assert.Contains("M:System.Tiny.Answer", lines);
            Assert.Equal(1, Program.Main(Array.Empty<string>()));
            Assert.Equal(2, Program.Main(new[] { Path.Combine(dir, "missing.dll"), output }));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Roslyn's IDs for every public or protected type and member of the assembly, loaded from metadata.</summary>
    private static HashSet<string> RoslynIds(string path)
    {
        var reference = MetadataReference.CreateFromFile(path);
        var consumer = CSharpCompilation.Create("Consumer", references: TestReferences.Net.Add(reference));
        var assembly = (IAssemblySymbol)consumer.GetAssemblyOrModuleSymbol(reference)!;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        Visit(assembly.GlobalNamespace, ids);
        return ids;
    }

    private static void Visit(INamespaceOrTypeSymbol container, HashSet<string> ids)
    {
        foreach (var member in container.GetMembers())
        {
            switch (member)
            {
                case INamespaceSymbol ns:
                    Visit(ns, ids);
                    break;
                case INamedTypeSymbol type when IsVisible(type):
                    ids.Add(type.GetDocumentationCommentId()!);
                    Visit(type, ids);
                    break;
                case { IsImplicitlyDeclared: true }:
                    // A struct's parameterless constructor exists for Roslyn but not in metadata.
                    break;
                case IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove or MethodKind.EventRaise }:
                    break;
                case IPropertySymbol or IMethodSymbol or IFieldSymbol or IEventSymbol when IsVisible(member) || member is IPropertySymbol p && (IsVisible(p.GetMethod) || IsVisible(p.SetMethod)):
                    ids.Add(member.GetDocumentationCommentId()!);
                    break;
            }
        }
    }

    private static bool IsVisible(ISymbol? symbol) =>
        symbol?.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal;
}
