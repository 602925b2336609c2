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

    [Fact]
    public Task TypeLevelScope_SkipsConstructionCode() => Verify.VerifyAsync(Code.Usings + """
        [Redox.NoAlloc]
        sealed class Driver
        {
            static readonly byte[] s_table = new byte[16];
            static object? s_gate;
            readonly int[] _slots = new int[8];
            object Cache { get; } = new object();
            readonly object[] _items;
            static Driver() { s_gate = new object(); }
            public Driver(int n) : this(new int[n]) { _items = new object[n]; Fill(); void Fill() { _items[0] = new object(); } }
            Driver(int[] buffer) { _slots = buffer; _items = new object[1]; }
            public object Serve() => {|RDX1001:new object()|};
            public int[] Grow(int n) => {|RDX1002:new int[n]|};
        }
        [Redox.NoAlloc]
        struct Ring
        {
            readonly byte[] _data;
            public Ring(int n) { _data = new byte[n]; }
            public byte[] Copy() => {|RDX1002:new byte[_data.Length]|};
        }
        [Redox.NoAlloc]
        class Outer
        {
            class Inner { readonly object _o = new object(); Inner() { _o = new object(); } object M() => {|RDX1001:new object()|}; }
        }
        [Redox.NoAlloc]
        sealed class Primary(int n)
        {
            readonly int[] _slots = new int[n];
            public int[] Slots() => {|RDX1002:new int[_slots.Length]|};
        }
        """);

    [Fact]
    public Task ConstructorMarkedItself_IsStillInScope() => Verify.VerifyAsync(Code.Usings + """
        [Redox.NoAlloc]
        sealed class Marked
        {
            readonly object _o;
            [Redox.NoAlloc] public Marked() { _o = {|RDX1001:new object()|}; }
            public Marked(int n) { _o = new object[n]; }
            [Redox.NoAlloc] static Marked() { var b = {|RDX1002:new byte[4]|}; }
            [Redox.NoAlloc] object Prop { get; } = {|RDX1001:new object()|};
        }
        sealed class Unmarked
        {
            readonly object _o;
            [Redox.NoAlloc] public Unmarked() { _o = {|RDX1001:new object()|}; }
            public Unmarked(int n) { _o = new object[n]; }
        }
        """);

    [Fact]
    public Task LambdaInConstructor_KeepsTheTypeScope() => Verify.VerifyAsync(Code.Usings + """
        [Redox.NoAlloc]
        sealed class Deferred
        {
            readonly Func<object> _make;
            readonly Func<int[]> _field = () => {|RDX1002:new int[2]|};
            public Deferred() { _make = () => {|RDX1001:new object()|}; }
        }
        """);

    [Fact]
    public Task AssemblyScope_SkipsConstructionCode() => Verify.VerifyAsync(Code.Usings + """
        [assembly: Redox.NoAlloc]
        class C
        {
            static readonly string[] s_names = new string[4];
            readonly object _o = new object();
            C() { _o = new object[3]; }
            object M() => {|RDX1001:new object()|};
        }
        """);

    [Fact]
    public Task SchemeConstructor_IsNotInScope() => Verify.VerifyAsync(Code.Usings + """
        using Redox.Scheme;
        using Redox.Syscall;
        sealed class Table { public Table(int n) { } }
        class Base : SchemeBase { protected Base(object[] events) { } public Base() { } }
        [Redox.NoAlloc]
        sealed class ZeroScheme : Base
        {
            readonly Table _handles;
            readonly byte[] _scratch = new byte[64];
            public ZeroScheme(int maxHandles = 64) : base(new object[8]) { _handles = new Table(maxHandles); }
            public override SyscallResult Read(ulong id, Span<byte> buffer) { var t = {|RDX1001:new Table(1)|}; return SyscallResult.Ok(0); }
        }
        sealed class PlainScheme : SchemeBase
        {
            readonly Table _handles;
            public PlainScheme() { _handles = new Table(64); }
            public override SyscallResult Read(ulong id, Span<byte> buffer) { var b = {|RDX1002:new byte[4]|}; return SyscallResult.Ok(0); }
        }
        """);

    [Fact]
    public Task ConstructionCode_IsSkippedByEveryAllocationRule() => AnalyzerVerifier<Redox.Analyzers.Allocation.StringAllocationAnalyzer>.VerifyAsync(Code.Usings + """
        [Redox.NoAlloc]
        sealed class Named
        {
            readonly string _name;
            readonly string _label = "dev:" + 1.ToString();
            public Named(string scheme, int unit) { _name = scheme + ":" + unit.ToString(); }
            public string Describe(string s) => {|RDX1020:_name + s|};
        }
        """);

    [Fact]
    public Task DelegateCreatedInConstructor_IsConstructionCode() => AnalyzerVerifier<Redox.Analyzers.Allocation.DelegateAllocationAnalyzer>.VerifyAsync(Code.Usings + """
        [Redox.NoAlloc]
        sealed class Callbacks
        {
            readonly int _unit;
            readonly Func<int> _get;
            public Callbacks(int unit) { _unit = unit; _get = () => _unit; }
            public Func<int> Later() => {|RDX1030:() => _unit|};
        }
        """);
}
