using System.Threading.Tasks;
using Redox.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = Redox.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Redox.Analyzers.Allocation.BoxingAnalyzer>;

namespace Redox.Analyzers.Tests.Allocation;

public class BoxingTests
{
    [Fact]
    public Task ValueTypeToObject_IsReported() => Verify.VerifyAsync(Code.InScope("""
        void M(int i)
        {
            object o = {|RDX1010:1|};
            object p = {|RDX1010:i|};
            object q = {|RDX1010:(object)i|};
        }
        """));

    [Fact]
    public Task ValueTypeToInterfaceEnumValueType_IsReported() => Verify.VerifyAsync(Code.InScope("""
        enum E { A }
        void M(int i, E e, int? n)
        {
            IComparable c = {|RDX1010:5|};
            Enum x = {|RDX1010:e|};
            ValueType v = {|RDX1010:i|};
            object w = {|RDX1010:n|};
        }
        """));

    [Fact]
    public Task TypeParameterToObject_IsReported() => Verify.VerifyAsync(Code.InScope("""
        object M<T>(T t) => {|RDX1010:t|};
        """));

    [Fact]
    public Task StringFormatArguments_AreBoxed() => Verify.VerifyAsync(Code.InScope("""
        string M(int i) => string.Format("{0}", {|RDX1010:i|});
        """));

    [Fact]
    public Task ReferenceConversionsAndConstrainedCalls_AreNotReported() => Verify.VerifyAsync(Code.InScope("""
        interface IFoo { int Get(); }
        struct Foo : IFoo { public int Get() => 1; }
        void M(List<int> list, string s)
        {
            IEnumerable<int> e = list;
            object o = s;
            object n = null;
        }
        int Call<T>(T t) where T : struct, IFoo => t.Get();
        int UseIt(Foo f) => Call(f);
        """));

    [Fact]
    public Task ConcatenationOperands_AreNotBoxing() => Verify.VerifyAsync(Code.InScope("""
        string M(int i) => "a" + i;
        """));

    [Fact]
    public Task HasFlagWithSameEnum_IsNotReported() => Verify.VerifyAsync(Code.InScope("""
        [Flags] enum F { A = 1, B = 2 }
        bool M(F f) => f.HasFlag(F.B);
        """));

    [Fact]
    public Task NonOverriddenVirtualCallOnStruct_IsReported() => Verify.VerifyAsync(Code.InScope("""
        struct S { public int X; }
        struct T2 { public int X; public override int GetHashCode() => X; public override string ToString() => "t"; }
        enum E { A }
        void M(S s, T2 t, E e, int i)
        {
            {|RDX1011:s.GetHashCode()|};
            {|RDX1011:s.ToString()|};
            {|RDX1011:s.Equals({|RDX1010:t|})|};
            {|RDX1011:s.GetType()|};
            {|RDX1011:e.ToString()|};
            t.GetHashCode();
            t.ToString();
            i.ToString();
            i.GetHashCode();
            i.Equals(3);
        }
        """));

    [Fact]
    public Task PatternThatKeepsAStructAsAReference_IsReported() => Verify.VerifyAsync(Code.InScope("""
        interface IFoo { int X { get; } }
        struct S : IFoo { public int X => 1; }
        bool M(S s) => s is {|RDX1012:IFoo f|} && f.X > 0;
        bool N(S s) => s is {|RDX1012:IFoo { X: 1 }|};
        bool O(S s) => s is IFoo and {|RDX1012:{ X: 1 }|};
        int P(S s) => s switch { {|RDX1012:IFoo f|} => f.X };
        bool Q(int i) => i is {|RDX1012:IComparable c|} && c.CompareTo(null) > 0;
        bool R((S, int) t) => t is ({|RDX1012:IFoo a|}, 1) && a.X > 0;
        """));

    [Fact]
    public Task TypeTestOfAStruct_IsNotReported() => Verify.VerifyAsync(Code.InScope("""
        interface IFoo { int X { get; } }
        struct S : IFoo { public int X => 1; public int Y; }
        #pragma warning disable CS0183
        bool M(S s) => s is IFoo;
        bool N(S s) => s is object;
        bool O(S s) => s is not object or { Y: 1 };
        bool P(int i) => i is IComparable;
        #pragma warning restore CS0183
        bool Q(S s) => s is IFoo { } && s is IFoo _ && s is { Y: 1 };
        int R(S s) => s switch { { Y: 1 } => 1, IFoo => 2 };
        """));

    [Fact]
    public Task NullableValue_BoxesOnlyWhenKeptAsAReference() => Verify.VerifyAsync(Code.InScope("""
        interface IFoo { int X { get; } }
        struct S : IFoo { public int X => 1; public int Y; }
        bool M(int? n) => n is object && n is {} && n is not null && n is IComparable && n is int x && x > 0;
        bool N(S? s) => s is IFoo && s is { Y: 1 } && s is S t && t.Y > 0;
        bool O(int? n) => n is {|RDX1012:object o|} && o != null;
        bool P(S? s) => s is {|RDX1012:IFoo f|} && f.X > 0;
        """));

    [Fact]
    public Task TypeParameter_BoxesOnlyWhenKeptAsAReference() => Verify.VerifyAsync(Code.InScope("""
        interface IFoo { int X { get; } }
        bool M<T>(T t) => t is object && t is not null && t is IFoo && t is int x && x > 0;
        bool N<T>(T t) where T : IFoo => t is { X: 1 };
        bool O<T>(T t) where T : class => t is IFoo f && f.X > 0;
        bool P<T>(T t) => t is {|RDX1012:IFoo f|} && f.X > 0;
        bool Q<T>(T t) where T : struct => t is {|RDX1012:IFoo { X: 1 }|};
        bool R<T>(T t) => t is {|RDX1012:object o|} && o != null;
        """));

    [Fact]
    public Task NullComparisonOfATypeParameter_IsNotBoxing() => Verify.VerifyAsync(Code.InScope("""
        bool M<T>(T t) => t == null || t != null || null == t || (object)t == null;
        bool N(int i) => (object)i == null;
        bool O<T>(T t) => ReferenceEquals({|RDX1010:t|}, null);
        object P<T>(T t) => {|RDX1010:t|};
        """));

    [Fact]
    public Task OutOfScope_IsNotReported() => Verify.VerifyAsync(Code.OutOfScope("""
        object M(int i) => i;
        """));
}
