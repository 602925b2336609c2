using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using Redox.Analyzers.Allocation;
using Redox.Analyzers.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Redox.Analyzers.Tests.Allocation;

/// <summary>
/// The array, object, collection-expression and params rules (RDX1001-RDX1004, RDX1050) checked against the
/// compiler: a case must be reported exactly when its Debug or Release IL holds a <c>newarr</c> or a
/// <c>newobj</c> of a class (<see cref="IlAllocations.Creations"/>). Spans over constant data, empty
/// collections and inline arrays must come out silent because the IL has no allocation, not because a test says so.
/// </summary>
public class CreationIlOracleTests
{
    private const string Declarations = """
        using System;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        struct S { public int Y; }
        enum E { A, B }
        sealed class K { public int Y; }
        record class RC(int A);
        record struct RS(int A);
        static class P
        {
            public static int Arr(params int[] a) => a.Length;
            public static int Spn(params ReadOnlySpan<int> a) => a.Length;
            public static int Lst(params List<int> a) => a.Count;
            public static int Ro(ReadOnlySpan<int> a) => a.Length;
        }
        """;

    internal static readonly string[] Cases =
    [
        // Arrays to read-only spans: constant data of a primitive or enum is read-only data; anything else is a heap array.
        "static int M() { ReadOnlySpan<byte> s = new byte[] { 1, 2 }; return s[0]; }",
        "static int M() { ReadOnlySpan<int> s = new int[] { 1, 2 }; return s[0]; }",
        "static int M() { ReadOnlySpan<long> s = new long[] { 1, 2 }; return (int)s[0]; }",
        "static int M() { ReadOnlySpan<double> s = new double[] { 1, 2 }; return (int)s[0]; }",
        "static int M() { ReadOnlySpan<char> s = new char[] { 'a', 'b' }; return s[0]; }",
        "static int M() { ReadOnlySpan<bool> s = new bool[] { true, false }; return s[0] ? 1 : 0; }",
        "static int M() { ReadOnlySpan<E> s = new E[] { E.A, E.B }; return (int)s[0]; }",
        "static int M() { var s = new ReadOnlySpan<int>(new int[] { 1, 2 }); return s[0]; }",
        "static int M() => P.Ro(new int[] { 1, 2 });",
        "static int M() { ReadOnlySpan<int> s = new int[] { }; return s.Length; }",
        "static int M() { ReadOnlySpan<nint> s = new nint[] { 1, 2 }; return (int)s[0]; }",
        "static int M() { ReadOnlySpan<string> s = new string[] { \"a\" }; return s.Length; }",
        "static int M() { ReadOnlySpan<S> s = new S[] { default }; return s.Length; }",
        "static int M() { ReadOnlySpan<int> s = new int[2]; return s[0]; }",
        "static int M(int x) { ReadOnlySpan<int> s = new int[] { 1, x }; return s[0]; }",
        "static int M() { Span<int> s = new int[] { 1, 2 }; return s[0]; }",
        "static int M() { ReadOnlySpan<byte> s = \"ab\"u8; return s[0]; }",
        "static int M() { ReadOnlySpan<int> s = stackalloc int[] { 1, 2 }; return s[0]; }",

        // Collection expressions.
        "static int M() { ReadOnlySpan<int> s = [1, 2, 3]; return s[0]; }",
        "static int M(int x) { ReadOnlySpan<int> s = [1, x, 3]; return s[0]; }",
        "static int M() { Span<int> s = [1, 2]; return s[0]; }",
        "static int M() => P.Ro([1, 2]);",
        "static int M() { int[] a = []; return a.Length; }",
        "static int M() { int[] a = [1]; return a.Length; }",
        "static int M() { IEnumerable<int> a = []; return 0; }",
        "static int M() { IReadOnlyList<int> a = []; return a.Count; }",
        "static int M() { IEnumerable<int> a = [1]; return 0; }",
        "static int M() { ICollection<int> a = []; return a.Count; }",
        "static int M() { List<int> a = []; return a.Count; }",
        "static int M() { ImmutableArray<int> a = []; return a.Length; }",
        "static int M() { ImmutableArray<int> a = [1]; return a.Length; }",

        // params.
        "static int M() => P.Arr(1, 2);",
        "static int M() => P.Arr();",
        "static int M() => P.Spn(1, 2);",
        "static int M() => P.Spn(new int[] { 1, 2 });",
        "static int M() => P.Lst(1, 2);",

        // Objects.
        "static int M() => new K().Y;",
        "static int M() => new S().Y;",
        "static int M() => new S { Y = 1 }.Y;",
        "static int M() => new RC(1).A;",
        "static int M(RC r) => (r with { A = 2 }).A;",
        "static int M(RS r) => (r with { A = 2 }).A;",
        "static int M() => new { A = 1 }.A;",
        "static int M() => (1, 2).Item1;",
        "static int M() => new string('a', 2).Length;",
        "static int M() => new Span<int>().Length;",
        "static object M() => new object();",
    ];

    private readonly ITestOutputHelper _output;

    public CreationIlOracleTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task TheAnalyzersReportExactlyTheCasesWhoseIlCreatesAnObjectOrArray()
    {
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ExplicitAllocationAnalyzer(), new ParamsAllocationAnalyzer());
        int allocating = await IlOracle.AssertAgreesAsync(
            Declarations,
            Cases,
            analyzers,
            (image, compilation) => IlAllocations.Creations(image, "C", name => compilation.GetTypeByMetadataName(name)?.IsReferenceType ?? true),
            _output);

        Assert.InRange(allocating, 15, Cases.Length - 15);
    }
}
