using System.Threading.Tasks;
using Redox.Analyzers.Allocation;
using Redox.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = Redox.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Redox.Analyzers.Allocation.ExplicitAllocationAnalyzer>;

namespace Redox.Analyzers.Tests.Allocation;

public class ExplicitAllocationTests
{
    [Fact]
    public Task NewClass_IsReported() => Verify.VerifyAsync(Code.InScope("""
        object M() => {|RDX1001:new object()|};
        List<int> L() => {|RDX1001:new List<int> { 1 }|};
        """));

    [Fact]
    public Task TargetTypedNewOfClass_IsReported() => Verify.VerifyAsync(Code.InScope("""
        void M() { StringBuilder b = {|RDX1001:new()|}; }
        """));

    [Fact]
    public Task NewString_IsReported() => Verify.VerifyAsync(Code.InScope("""
        string M() => {|RDX1001:new string('a', 3)|};
        """));

    [Fact]
    public Task NewTypeParameterThatMayBeAClass_IsReported() => Verify.VerifyAsync(Code.InScope("""
        T M<T>() where T : class, new() => {|RDX1001:new T()|};
        T U<T>() where T : new() => {|RDX1001:new T()|};
        T I<T>() where T : IDisposable, new() => {|RDX1001:new T()|};
        T S<T>() where T : struct => new T();
        """));

    [Fact]
    public Task RecordClassWith_IsReported() => Verify.VerifyAsync(Code.InScope("""
        record R(int X);
        record struct RS(int X);
        R M(R r) => {|RDX1001:r with { X = 1 }|};
        RS N(RS r) => r with { X = 1 };
        """));

    [Fact]
    public Task Arrays_AreReported() => Verify.VerifyAsync(Code.InScope("""
        int[] A() => {|RDX1002:new int[4]|};
        int[] B() => {|RDX1002:new[] { 1, 2 }|};
        void C3() { int[] c = {|RDX1002:{ 1, 2 }|}; }
        Span<int> D() => {|RDX1002:new int[] { 1, 2 }|};
        """));

    [Fact]
    public Task AnonymousType_IsReported() => Verify.VerifyAsync(Code.InScope("""
        object M() => {|RDX1003:new { A = 1 }|};
        """));

    [Fact]
    public Task HeapCollectionExpressions_AreReported() => Verify.VerifyAsync(Code.InScope("""
        int[] A() => {|RDX1004:[1, 2, 3]|};
        List<int> B() => {|RDX1004:[]|};
        IEnumerable<int> C3(int x) => {|RDX1004:[x]|};
        IList<int> D() => {|RDX1004:[]|};
        """));

    [Fact]
    public Task Structs_AreNotReported() => Verify.VerifyAsync(Code.InScope("""
        struct P { public int X; }
        void M()
        {
            var s = new Span<byte>();
            var p = new P { X = 1 };
            P q = new();
            var t = (1, 2);
            var u = new ValueTuple<int, int>(1, 2);
            int? n = new int?(3);
            var d = default(P);
        }
        """));

    [Fact]
    public Task StackallocSpanCollectionsAndU8_AreNotReported() => Verify.VerifyAsync(Code.InScope("""
        static ReadOnlySpan<byte> Table => [1, 2, 3];
        void M(int x)
        {
            Span<byte> a = stackalloc byte[16];
            Span<byte> b = [1, 2, 3];
            ReadOnlySpan<byte> c = [1, 2, 3];
            Span<int> d = [x, x];
            ReadOnlySpan<byte> e = "abc"u8;
            ReadOnlySpan<byte> f = new byte[] { 1, 2, 3 };
            ReadOnlySpan<int> g = new int[] { 1, 2, 3 };
            var h = new ReadOnlySpan<byte>(new byte[] { 1, 2 });
            int[] i = [];
            IEnumerable<int> j = [];
            IReadOnlyList<int> k = [];
        }
        ReadOnlySpan<byte> N() => [1, 2, 3];
        """));

    [Fact]
    public Task ThrowNew_IsLeftToRdx1080() => Verify.VerifyAsync(Code.InScope("""
        void M() { throw new InvalidOperationException(); }
        """));

    [Fact]
    public Task OutOfScope_IsNotReported() => Verify.VerifyAsync(Code.OutOfScope("""
        object M() => new object();
        int[] A() => new int[4];
        int[] B() => [1, 2];
        """));
}
