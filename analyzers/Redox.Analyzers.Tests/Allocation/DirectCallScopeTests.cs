using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Redox.Analyzers.Scope;
using Redox.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = Redox.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Redox.Analyzers.Allocation.ExplicitAllocationAnalyzer>;

namespace Redox.Analyzers.Tests.Allocation;

/// <summary>Helpers that code in scope reaches through direct calls within the assembly are in scope too.</summary>
public class DirectCallScopeTests
{
    private const string SchemeUsings = """
        using Redox.Scheme;
        using Redox.Syscall;

        """;

    [Fact]
    public Task PrivateHelperOfAHandler_IsInScope_WithoutNoAllocOnTheClass() => Verify.VerifyAsync(Code.Usings + SchemeUsings + """
        sealed class MyScheme : SchemeBase
        {
            public override SyscallResult Read(ulong id, Span<byte> buffer) => SyscallResult.Ok((ulong)Fill(buffer));
            private int Fill(Span<byte> buffer) { var scratch = {|RDX1002:new byte[16]|}; return scratch.Length; }
            private int NotCalledFromAHandler() { var scratch = new byte[16]; return scratch.Length; }
            public int Diagnostics() => NotCalledFromAHandler();
        }
        """);

    [Fact]
    public Task HelpersOfMarkedMembers_AndTheirHelpers_AreInScope() => Verify.VerifyAsync(Code.Usings + """
        static class Codec
        {
            public static int Encode(int x) => Pad(x) + Table.Lookup(x);
            static int Pad(int x) { var b = {|RDX1002:new byte[x]|}; return b.Length; }
        }
        static class Table
        {
            internal static int Lookup(int x) => Cells()[x];
            static int[] Cells() => {|RDX1002:new int[8]|};
        }
        static class Ext { public static object Wrap(this int x) => {|RDX1001:new object()|}; }
        class C
        {
            [Redox.NoAlloc] int Serve(int x) => Codec.Encode(x) + (x.Wrap() == null ? 0 : 1);
        }
        """);

    [Fact]
    public Task RecursionAndCycles_EndAndStayInScope() => Verify.VerifyAsync(Code.Usings + """
        class C
        {
            [Redox.NoAlloc] int Serve(int n) => Ping(n);
            int Ping(int n) { var o = {|RDX1001:new object()|}; return n == 0 ? 0 : Pong(n - 1); }
            int Pong(int n) { var a = {|RDX1002:new int[1]|}; return Ping(n) + Pong(n - 1) + Self(n); }
            int Self(int n) => n > 0 ? Self(n - 1) : {|RDX1002:new int[2]|}.Length;
        }
        """);

    [Fact]
    public Task TheWalkStopsAtMaxDepth()
    {
        // Serve -> H1 -> ... -> H{MaxDepth} -> H{MaxDepth+1}: every helper allocates, the last one is past the bound.
        var code = new StringBuilder("class C\n{\n    [Redox.NoAlloc] int Serve() => H1();\n");
        for (int i = 1; i <= DirectCallReach.MaxDepth + 1; i++)
        {
            string allocation = i <= DirectCallReach.MaxDepth ? "{|RDX1002:new int[1]|}" : "new int[1]";
            string next = i <= DirectCallReach.MaxDepth ? $"H{i + 1}()" : "0";
            code.Append($"    int H{i}() => {allocation}.Length + {next};\n");
        }

        return Verify.VerifyAsync(Code.Usings + code.Append("}\n"));
    }

    [Fact]
    public Task VirtualInterfaceAbstractAndDelegateCalls_AreNotFollowed() => Verify.VerifyAsync(Code.Usings + """
        interface IDevice { int Read(); }
        sealed class Disk : IDevice { public int Read() { var b = new byte[4]; return b.Length; } }
        abstract class Base
        {
            public abstract int Abstract();
            public virtual int Virtual() { var b = new byte[4]; return b.Length; }
        }
        sealed class Impl : Base
        {
            public override int Abstract() { var b = new byte[4]; return b.Length; }
            public int Serve(IDevice d, Base b, Func<int> f) => d.Read() + b.Abstract() + b.Virtual() + f();
            int ViaDelegate() { var b = new byte[4]; return b.Length; }
            [Redox.NoAlloc] public int Entry(IDevice d) => Serve(d, this, ViaDelegate);
        }
        """);

    [Fact]
    public Task BaseCalls_AreDirect() => Verify.VerifyAsync(Code.Usings + """
        class Base { public virtual int Size() { var b = {|RDX1002:new byte[4]|}; return b.Length; } }
        class Derived : Base { [Redox.NoAlloc] public override int Size() => base.Size() + 1; }
        """);

    [Fact]
    public Task AccessorsAndOperators_AreFollowed_ReadsToGettersWritesToSetters() => Verify.VerifyAsync(Code.Usings + """
        struct Money
        {
            public int Cents;
            public static Money operator +(Money a, Money b) { var log = {|RDX1002:new int[1]|}; return new Money { Cents = a.Cents + b.Cents }; }
        }
        class C
        {
            object Get { get { return {|RDX1001:new object()|}; } set { var x = new object(); } }
            object Set { get { return new object(); } set { var x = {|RDX1001:new object()|}; } }
            int Both { get { var a = {|RDX1002:new int[1]|}; return 0; } set { var b = {|RDX1002:new int[1]|}; } }
            object Arrow => {|RDX1001:new object()|};
            [Redox.NoAlloc] int Serve(Money a, Money b)
            {
                var g = Get;
                Set = g;
                Both++;
                return (a + b).Cents + (Arrow == null ? 0 : 1);
            }
        }
        """);

    [Fact]
    public Task LambdasAndLocalFunctionsOfARootAndOfAHelper_AreWalked() => Verify.VerifyAsync(Code.Usings + """
        class C
        {
            [Redox.NoAlloc] int Serve() { return Local() + Run(() => FromLambda()); int Local() => FromLocal(); }
            int Run(Func<int> f) { int Inner() => Deep(); return f() + Inner(); }
            int FromLambda() => {|RDX1002:new int[1]|}.Length;
            int FromLocal() => {|RDX1002:new int[2]|}.Length;
            int Deep() => {|RDX1002:new int[3]|}.Length;
            T Generic<T>() where T : new() => new T();
            int UsesGeneric() => Generic<List<int>>().Count;
        }
        """);

    [Fact]
    public Task ConstructorsAndConstructionCode_AreNotFollowed() => Verify.VerifyAsync(Code.Usings + """
        sealed class Buffer { public readonly byte[] Data; public Buffer(int n) { Data = new byte[n]; } }
        struct Window { public readonly int[] Cells; public Window(int n) { Cells = new int[n]; } }
        static class Factory { public static byte[] Make() => new byte[64]; }
        sealed class Owner
        {
            readonly byte[] _data;
            public Owner() { _data = Make(); }
            static byte[] Make() => new byte[64];
            [Redox.NoAlloc] public int Serve() => {|RDX1001:new Buffer(1)|}.Data.Length + new Window(2).Cells.Length;
        }
        [Redox.NoAlloc]
        sealed class MarkedOwner
        {
            readonly byte[] _data = Factory.Make();
            static readonly byte[] s_table = Factory.Make();
            public MarkedOwner() { _data = Factory.Make(); }
        }
        """);

    private const string HandlerCallingHelpers = """
        sealed class MyScheme : SchemeBase
        {
            public override SyscallResult Read(ulong id, Span<byte> buffer) => SyscallResult.Ok((ulong)Helper((int)id));
        """;

    [Fact]
    public Task EveryAllocationRuleSeesTheReachedHelper_Strings() => AnalyzerVerifier<Redox.Analyzers.Allocation.StringAllocationAnalyzer>.VerifyAsync(
        Code.Usings + SchemeUsings + HandlerCallingHelpers + """
            int Helper(int i) => Name(i).Length;
            string Name(int i) => {|RDX1020:"dev" + i|};
        }
        """);

    [Fact]
    public Task EveryAllocationRuleSeesTheReachedHelper_Boxing() => AnalyzerVerifier<Redox.Analyzers.Allocation.BoxingAnalyzer>.VerifyAsync(
        Code.Usings + SchemeUsings + HandlerCallingHelpers + """
            int Helper(int i) => Keep(i) == null ? 0 : 1;
            object Keep(int i) => {|RDX1010:i|};
        }
        """);

    [Fact]
    public Task EveryAllocationRuleSeesTheReachedHelper_Iterators() => AnalyzerVerifier<Redox.Analyzers.Allocation.StateMachineAllocationAnalyzer>.VerifyAsync(
        Code.Usings + SchemeUsings + HandlerCallingHelpers + """
            int Helper(int i) { foreach (var x in Items()) { i += x; } return i; }
            IEnumerable<int> {|RDX1070:Items|}() { yield return 1; }
        }
        """);

    [Fact]
    public Task EveryAllocationRuleSeesTheReachedHelper_Throw() => AnalyzerVerifier<Redox.Analyzers.Allocation.ThrowAllocationAnalyzer>.VerifyAsync(
        Code.Usings + SchemeUsings + HandlerCallingHelpers + """
            int Helper(int i) => i >= 0 ? i : Fail();
            static int Fail() => {|RDX1080:throw new InvalidOperationException()|};
        }
        """);

    [Fact]
    public Task FollowCallsOff_KeepsTheScopeToMarksAndHandlers() => Verify.VerifyAsync(Code.Usings + """
        class C
        {
            [Redox.NoAlloc] int Serve() => Helper() + {|RDX1002:new int[1]|}.Length;
            int Helper() => new int[2].Length;
        }
        """, "redox_noalloc_follow_calls = false");

    [Fact]
    public Task OnlyCodeInThisAssembly_IsFollowed()
    {
        var test = AnalyzerVerifier<Redox.Analyzers.Allocation.ExplicitAllocationAnalyzer>.CreateTest(Code.Usings + """
            class C { [Redox.NoAlloc] int Serve() => Lib.Helper.Make().Length; }
            """);
        var library = test.TestState.AdditionalProjects["Lib"];
        library.Sources.Add(("Helper.cs", "namespace Lib { public static class Helper { public static int[] Make() => new int[4]; } }"));
        library.AdditionalReferences.AddRange(TestReferences.Net);
        test.TestState.AdditionalProjectReferences.Add("Lib");
        return test.RunAsync();
    }
}
