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
    public Task TypePatternFromStructToInterface_IsReported() => Verify.VerifyAsync(Code.InScope("""
        interface IFoo { }
        struct S : IFoo { }
        bool M(S s) => s is {|RDX1012:IFoo f|};
        #pragma warning disable CS0183
        bool N(S s) => {|RDX1012:s is IFoo|};
        #pragma warning restore CS0183
        int O(S s) => s switch { {|RDX1012:IFoo|} => 1 };
        bool P(S s) => s is S;
        bool Q<T>(T t) where T : struct => t is IFoo;
        """));

    [Fact]
    public Task OutOfScope_IsNotReported() => Verify.VerifyAsync(Code.OutOfScope("""
        object M(int i) => i;
        """));
}
