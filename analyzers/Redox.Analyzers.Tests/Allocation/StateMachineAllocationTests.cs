using System.Threading.Tasks;
using Redox.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = Redox.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Redox.Analyzers.Allocation.StateMachineAllocationAnalyzer>;

namespace Redox.Analyzers.Tests.Allocation;

public class StateMachineAllocationTests
{
    [Fact]
    public Task IteratorsInScope_AreReported() => Verify.VerifyAsync(Code.InScope("""
        IEnumerable<int> {|RDX1070:M|}() { yield return 1; }
        void N()
        {
            IEnumerable<int> {|RDX1070:Local|}() { yield break; }
        }
        """));

    [Fact]
    public Task AsyncInScope_IsReported() => Verify.VerifyAsync(Code.InScope("""
        {|RDX1071:async|} System.Threading.Tasks.Task M() { await System.Threading.Tasks.Task.Yield(); }
        void N()
        {
            Func<System.Threading.Tasks.Task> f = {|RDX1071:async|} () => await System.Threading.Tasks.Task.Yield();
        }
        """));

    [Fact]
    public Task OrdinaryMethodsAndOutOfScope_AreNotReported() => Verify.VerifyAsync(Code.OutOfScope("""
        IEnumerable<int> M() { yield return 1; }
        async System.Threading.Tasks.Task N() { await System.Threading.Tasks.Task.Yield(); }
        """) + """
        [Redox.NoAlloc]
        class D
        {
            IEnumerable<int> M() => new int[0];
            System.Threading.Tasks.Task N() => System.Threading.Tasks.Task.CompletedTask;
        }
        """);
}
