using System.Threading.Tasks;
using Redox.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = Redox.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Redox.Analyzers.Allocation.ForEachAllocationAnalyzer>;

namespace Redox.Analyzers.Tests.Allocation;

public class ForEachAllocationTests
{
    [Fact]
    public Task InterfaceTypedSequence_IsReported() => Verify.VerifyAsync(Code.InScope("""
        void M(IEnumerable<int> e, IList<int> l, IEnumerable untyped)
        {
            foreach (var x in [|e|]) { }
            foreach (var x in [|l|]) { }
            foreach (var x in [|untyped|]) { }
        }
        void G<T>(T items) where T : IEnumerable<int> { foreach (var x in [|items|]) { } }
        """));

    [Fact]
    public Task ClassEnumerator_IsReported() => Verify.VerifyAsync(Code.InScope("""
        sealed class Bag { public Enumerator GetEnumerator() => null!; public sealed class Enumerator { public int Current => 0; public bool MoveNext() => false; } }
        void M(Bag b) { foreach (var x in [|b|]) { } }
        """));

    [Fact]
    public Task ArraysSpansStringsAndStructEnumerators_AreNotReported() => Verify.VerifyAsync(Code.InScope("""
        void M(int[] a, Span<int> s, ReadOnlySpan<byte> r, string str, List<int> l, Dictionary<int, int> d, int[,] md)
        {
            foreach (var x in a) { }
            foreach (var x in s) { }
            foreach (var x in r) { }
            foreach (var x in str) { }
            foreach (var x in l) { }
            foreach (var x in d) { }
            foreach (var x in md) { }
        }
        """));

    [Fact]
    public Task OutOfScope_IsNotReported() => Verify.VerifyAsync(Code.OutOfScope("""
        void M(IEnumerable<int> e) { foreach (var x in e) { } }
        """));
}
