using System.Threading.Tasks;
using Redox.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = Redox.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Redox.Analyzers.Allocation.ThrowAllocationAnalyzer>;

namespace Redox.Analyzers.Tests.Allocation;

public class ThrowAllocationTests
{
    [Fact]
    public Task ThrowNew_IsReported() => Verify.VerifyAsync(Code.InScope("""
        void M(int x)
        {
            if (x < 0) [|throw new ArgumentOutOfRangeException(nameof(x));|]
        }
        int N(string? s) => s?.Length ?? [|throw new ArgumentNullException(nameof(s))|];
        """));

    [Fact]
    public Task RethrowAndExistingException_AreNotReported() => Verify.VerifyAsync(Code.InScope("""
        static readonly Exception Cached = new InvalidOperationException();
        void M() { try { } catch { throw; } }
        void N() { throw Cached; }
        """));

    [Fact]
    public Task OutOfScope_IsNotReported() => Verify.VerifyAsync(Code.OutOfScope("""
        void M() { throw new InvalidOperationException(); }
        """));
}
