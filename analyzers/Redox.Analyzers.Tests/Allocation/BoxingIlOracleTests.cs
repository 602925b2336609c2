using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using Redox.Analyzers.Allocation;
using Redox.Analyzers.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Redox.Analyzers.Tests.Allocation;

/// <summary>
/// The boxing rules checked against the compiler instead of hand-written expectations: every case is
/// compiled in Debug and in Release, and the analyzer must report (RDX1010/1011/1012) inside a case
/// exactly when either build's IL holds a <c>box</c> that allocates (<see cref="IlAllocations"/>, <see cref="IlOracle"/>).
/// </summary>
public class BoxingIlOracleTests
{
    /// <summary>Shared declarations the cases use.</summary>
    private const string Declarations = """
        using System;
        interface IFoo { int X { get; } }
        struct S : IFoo { public int X => 1; public int Y; }
        enum E { A, B }
        record struct R(int A);
        """;

    /// <summary>One method per line, named M; pattern cases first, then conversions that meet a pattern's neighbours.</summary>
    internal static readonly string[] Cases =
    [
        // A struct: a type test is constant true; only a variable or a member read needs the box.
        "static bool M(S s) => s is object;",
        "static bool M(S s) => s is {};",
        "static bool M(S s) => s is not object or { Y: 1 };",
        "static bool M(S s) => s is { Y: 1 };",
        "static bool M(S s) => s is IFoo;",
        "static bool M(S s) => s is IFoo _;",
        "static bool M(S s) => s is IFoo { };",
        "static bool M(S s) => s is object { };",
        "static bool M(S s) => s is ValueType;",
        "static bool M(S s) => s is S;",
        "static bool M(S s) => s is S { Y: 2 };",
        "static bool M(S s) => s is var v && v.Y > 0;",
        "static bool M(S s) => s is IFoo f && f.X > 0;",
        "static bool M(S s) { return s is IFoo f; }",
        "static bool M(S s) => s is IFoo { X: 1 };",
        "static bool M(S s) => s is IFoo { } f && f != null;",
        "static bool M(S s) => s is IFoo and { X: 1 };",
        "static bool M(S s) => s is object o && o != null;",
        "static bool M(S s) => s is object { } o && o != null;",
        "static int M(S s) => s switch { { Y: 1 } => 1, IFoo => 2 };",
        "static int M(S s) => s switch { IFoo _ => 1 };",
        "static int M(S s) => s switch { IFoo f => f.X };",
        "static int M(S s) { switch (s) { case IFoo: return 1; } }",
        "static int M(S s) { switch (s) { case IFoo f when f.X > 0: return 1; default: return 0; } }",
        "static bool M(S s, int i) => (s, i) is (IFoo, 1);",
        "static bool M(S s, int i) => (s, i) is (IFoo a, 1) && a.X > 0;",
        "static bool M(S s, S t) => (s, t) is ({ Y: 1 }, { Y: 2 });",
        "static bool M(Span<S> s) => s is [IFoo, ..];",
        "static bool M(Span<S> s) => s is [IFoo f, ..] && f.X > 0;",
        "static bool M(R r) => r is { A: 1 };",

        // Primitives and enums.
        "static bool M(int i) => i is object;",
        "static bool M(int i) => i is {};",
        "static bool M(int i) => i is IComparable;",
        "static bool M(int i) => i is ValueType;",
        "static bool M(int i) => i is > 3 and < 9;",
        "static int M(int i) => i switch { > 5 => 1, _ => 0 };",
        "static bool M(int i) => i is var v;",
        "static bool M(int i) => i is IComparable c && c.CompareTo(null) > 0;",
        "static bool M(int i) => i is IComparable<int> c && c.CompareTo(1) > 0;",
        "static bool M(E e) => e is Enum;",
        "static bool M(E e) => e is E.A or E.B;",
        "static bool M(E e) => e is Enum x && x != null;",
        "static bool M((int, int) t) => t is (1, _);",

        // Nullable<T>: tests are HasValue; only a reference-typed variable boxes.
        "static bool M(int? n) => n is object;",
        "static bool M(int? n) => n is {};",
        "static bool M(int? n) => n is null;",
        "static bool M(int? n) => n is not null;",
        "static bool M(int? n) => n is int;",
        "static bool M(int? n) => n is int x && x > 0;",
        "static bool M(int? n) => n is 5;",
        "static bool M(int? n) => n is > 5;",
        "static bool M(int? n) => n is int and > 3;",
        "static bool M(int? n) => n is IComparable;",
        "static bool M(int? n) => n is ValueType;",
        "static bool M(int? n) => n is { } v && v > 1;",
        "static bool M(int? n) => n == null;",
        "static int M(int? n) => n switch { null => 0, int v => v };",
        "static int M(int? n) => n switch { object => 1, _ => 0 };",
        "static bool M(int? n) => n is IComparable c && c != null;",
        "static bool M(int? n) => n is object o && o != null;",
        "static bool M(int? n) => n is ValueType v && v != null;",
        "static bool M(S? s) => s is object;",
        "static bool M(S? s) => s is IFoo;",
        "static bool M(S? s) => s is { Y: 1 };",
        "static bool M(S? s) => s is S t && t.Y > 0;",
        "static bool M(S? s) => s is IFoo f && f.X > 0;",

        // Type parameters: tests fold in the JIT; a reference-typed variable or member read boxes a struct T.
        "static bool M<T>(T t) => t is object;",
        "static bool M<T>(T t) => t is null;",
        "static bool M<T>(T t) => t is not null;",
        "static bool M<T>(T t) => t is {};",
        "static bool M<T>(T t) => t is IFoo;",
        "static bool M<T>(T t) => t is int;",
        "static bool M<T>(T t) => t is int x && x > 0;",
        "static bool M<T>(T t) => t is 5;",
        "static bool M<T>(T t) => t is var v && v != null;",
        "static bool M<T>(T t) => t is T { } u && u != null;",
        "static bool M<T>(T t) => t is IFoo f && f.X > 0;",
        "static bool M<T>(T t) => t is IFoo { X: 1 };",
        "static bool M<T>(T t) => t is object o && o != null;",
        "static bool M<T>(T t) where T : struct => t is object;",
        "static bool M<T>(T t) where T : struct => t is IFoo;",
        "static bool M<T>(T t) where T : struct => t is IFoo f && f.X > 0;",
        "static bool M<T>(T t) where T : struct => t is IFoo { X: 1 };",
        "static bool M<T>(T t) where T : struct, IFoo => t is { X: 1 };",
        "static bool M<T>(T t) where T : IFoo => t is { X: 1 };",
        "static bool M<T>(T t) where T : IFoo => t is object;",
        "static bool M<T>(T t) where T : class => t is IFoo;",
        "static bool M<T>(T t) where T : class => t is IFoo f && f.X > 0;",
        "static bool M<T>(T? t) where T : struct => t is object;",
        "static bool M<T>(T? t) where T : struct => t is IFoo;",
        "static bool M<T>(T? t) where T : struct => t is IFoo f && f.X > 0;",

        // Reference inputs never box (unboxing is not an allocation).
        "static bool M(object o) => o is int;",
        "static bool M(object o) => o is int x && x > 0;",
        "static bool M(IFoo f) => f is S { Y: 1 };",

        // Conversions next to patterns: null comparisons fold, a kept box does not.
        "static bool M<T>(T t) => t == null;",
        "static bool M<T>(T t) => t != null;",
        "static bool M(int i) => (object)i == null;",
        "static object M(int i) => i;",
        "static int M(S s) => ((IFoo)s).X;",
    ];

    private readonly ITestOutputHelper _output;

    public BoxingIlOracleTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task TheAnalyzerReportsExactlyTheCasesWhoseIlAllocatesABox()
    {
        int boxing = await IlOracle.AssertAgreesAsync(
            Declarations, Cases, ImmutableArray.Create<DiagnosticAnalyzer>(new BoxingAnalyzer()), (image, _) => IlAllocations.Boxes(image, "C"), _output);

        // The oracle itself must see both kinds, or a broken reader would pass everything.
        Assert.InRange(boxing, 20, Cases.Length - 40);
    }
}
