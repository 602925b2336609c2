using System.Threading.Tasks;
using Redox.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = Redox.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Redox.Analyzers.Allocation.LinqAllocationAnalyzer>;

namespace Redox.Analyzers.Tests.Allocation;

public class LinqAllocationTests
{
    [Fact]
    public Task LinqCalls_AreReported() => Verify.VerifyAsync(Code.InScope("""
        int M(int[] a) => [|[|a.Where(x => x > 0)|].Count()|];
        List<int> N(List<int> l) => [|l.ToList()|];
        """));

    [Fact]
    public Task QuerySyntax_IsReported() => Verify.VerifyAsync(Code.InScope("""
        IEnumerable<int> M(int[] a) => from x in a [|where x > 0|] [|select x * 2|];
        """));

    [Fact]
    public Task NonLinq_IsNotReported() => Verify.VerifyAsync(Code.InScope("""
        int M(List<int> l, int[] a) => l.Count + a.Length + l.IndexOf(1) + Array.IndexOf(a, 2);
        """));

    [Fact]
    public Task OutOfScope_IsNotReported() => Verify.VerifyAsync(Code.OutOfScope("""
        int M(int[] a) => a.Count(x => x > 0);
        """));
}
