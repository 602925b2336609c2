using System.Threading.Tasks;
using Redox.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = Redox.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Redox.Analyzers.Allocation.ExplicitAllocationAnalyzer>;

namespace Redox.Analyzers.Tests.Allocation;

/// <summary>Which code the allocation rules look at.</summary>
public class ScopeTests
{
    [Fact]
    public Task MarkedMethodPropertyAndNestedType_AreInScope() => Verify.VerifyAsync(Code.Usings + """
        class C
        {
            [Redox.NoAlloc] object Marked() => {|RDX1001:new object()|};
            object Unmarked() => new object();
            [Redox.NoAlloc] object Prop => {|RDX1001:new object()|};
            object Getter { [Redox.NoAlloc] get => {|RDX1001:new object()|}; }
            [Redox.NoAlloc] object Lambda() { Func<object> f = () => {|RDX1001:new object()|}; return f; }
        }
        [Redox.NoAlloc]
        class Outer
        {
            class Inner { object M() => {|RDX1001:new object()|}; }
        }
        """);

    [Fact]
    public Task AssemblyAttribute_PutsEverythingInScope() => Verify.VerifyAsync(Code.Usings + """
        [assembly: Redox.NoAlloc]
        class C { object M() => {|RDX1001:new object()|}; }
        """);

    [Fact]
    public Task SchemeHandlerOverrides_AreInScope() => Verify.VerifyAsync(Code.Usings + """
        using Redox.Scheme;
        using Redox.Syscall;
        class Base : SchemeBase { }
        class MyScheme : Base
        {
            public override SyscallResult Read(ulong id, Span<byte> buffer) { var o = {|RDX1001:new object()|}; return SyscallResult.Ok(0); }
            public override void Cancel(uint tag) { var o = {|RDX1001:new object()|}; }
            public void Helper() { var o = new object(); }
            public override string ToString() => new string('a', 1);
        }
        class Deeper : MyScheme
        {
            public override int Seek(ulong id, long offset, int whence) { var o = {|RDX1001:new object()|}; return 0; }
        }
        """);

    [Fact]
    public Task AttributeFromAnotherNamespace_DoesNotCount() => Verify.VerifyAsync(Code.Usings + """
        namespace Other { sealed class NoAllocAttribute : Attribute { } }
        class C { [Other.NoAlloc] object M() => new object(); }
        """);

    [Fact]
    public Task ForceScopeOption_PutsEverythingInScope() => Verify.VerifyAsync(Code.OutOfScope("""
        object M() => {|RDX1001:new object()|};
        """), TestOptions.ForceScope);
}
