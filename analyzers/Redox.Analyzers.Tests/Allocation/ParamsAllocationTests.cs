using System.Threading.Tasks;
using Redox.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = Redox.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Redox.Analyzers.Allocation.ParamsAllocationAnalyzer>;

namespace Redox.Analyzers.Tests.Allocation;

public class ParamsAllocationTests
{
    [Fact]
    public Task ExpandedParamsArray_IsReported() => Verify.VerifyAsync(Code.InScope("""
        static int Sum(params int[] values) => values.Length;
        sealed class Box { public Box(params object[] items) { } }
        int M() => [|Sum(1, 2, 3)|];
        object N() => [|new Box(1)|];
        """));

    [Fact]
    public Task HeapParamsCollection_IsReported() => Verify.VerifyAsync(Code.InScope("""
        static int Count(params List<int> values) => values.Count;
        static int Enumerate(params IEnumerable<int> values) => 0;
        int M() => [|Count(1, 2)|] + [|Enumerate(1)|];
        """));

    [Fact]
    public Task SpanParamsEmptyAndNormalForm_AreNotReported() => Verify.VerifyAsync(Code.InScope("""
        static int Sum(params int[] values) => values.Length;
        static int SumSpan(params ReadOnlySpan<int> values) => values.Length;
        static int Enumerate(params IEnumerable<int> values) => 0;
        int M(int[] existing) => Sum() + Sum(existing) + SumSpan(1, 2, 3) + SumSpan() + Enumerate();
        """));

    [Fact]
    public Task OutOfScope_IsNotReported() => Verify.VerifyAsync(Code.OutOfScope("""
        static int Sum(params int[] values) => values.Length;
        int M() => Sum(1, 2, 3);
        """));
}
