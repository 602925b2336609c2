using System.Threading.Tasks;
using Redox.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = Redox.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Redox.Analyzers.Api.ApiAvailabilityAnalyzer>;

namespace Redox.Analyzers.Tests.Api;

public class ApiAvailabilityTests
{
    /// <summary>A tiny core library: primitives, spans, a bit of string, no Console, no threads.</summary>
    private const string CoreLib = """
        # test allow-list
        T:System.Object
        M:System.Object.ToString
        T:System.ValueType
        T:System.Void
        T:System.Int32
        T:System.Int64
        T:System.UInt64
        T:System.UInt32
        T:System.Byte
        T:System.Boolean
        T:System.Char
        T:System.String
        P:System.String.Length
        M:System.String.Concat(System.String,System.String)
        T:System.Span`1
        P:System.Span`1.Length
        M:System.Span`1.Slice(System.Int32)
        M:System.Span`1.op_Implicit(`0[])~System.Span{`0}
        T:System.ReadOnlySpan`1
        T:System.Attribute
        T:System.Enum
        """;

    private static Task VerifyAsync(string source, string allowList = CoreLib, bool bareMetal = true)
    {
        var test = AnalyzerVerifier<Redox.Analyzers.Api.ApiAvailabilityAnalyzer>.CreateTest(Code.Usings + source, bareMetal ? new[] { TestOptions.BareMetal } : new string[0]);
        if (allowList != null)
        {
            test.TestState.AdditionalFiles.Add(("/0/corelib.redoxapi", allowList));
        }

        return test.RunAsync();
    }

    [Fact]
    public Task ListedApis_AreFine() => VerifyAsync("""
        class C
        {
            int M(Span<byte> s, string t, byte[] a)
            {
                Span<byte> fromArray = a;
                return s.Slice(1).Length + t.Length + fromArray.Length + (t + "x").Length;
            }
            int K() => int.MaxValue + nameof(Console).Length;
        }
        """);

    [Fact]
    public Task MissingTypesAndMembers_AreReported() => VerifyAsync("""
        class C
        {
            void M(string s, Span<byte> span)
            {
                {|RDX2100:Console.WriteLine(s)|};
                {|RDX2100:s.IndexOf('x')|};
                {|RDX2100:span.Clear()|};
                var t = {|RDX2100:new System.Threading.Thread(() => { })|};
                var type = {|RDX2100:typeof(C)|};
                {|RDX2100:span.ToString()|};
            }
            System.Collections.Generic.List<int> {|RDX2100:Field|} = null!;
            void N(System.IO.Stream {|RDX2100:stream|}) { }
        }
        """);

    [Fact]
    public Task MissingInterpolationHandler_IsReported() => VerifyAsync("""
        class C { string M(int i) => {|RDX2100:$"{i}"|}; }
        """);

    [Fact]
    public Task OwnCodeIsNotChecked() => VerifyAsync("""
        namespace Driver { class Helper { public int Get() => 1; } class C { int M() => new Helper().Get(); } }
        """);

    [Fact]
    public Task NoAllowList_IsSilent() => VerifyAsync("""
        class C { void M() { Console.WriteLine(); } }
        """, allowList: null!);

    [Fact]
    public Task NotBareMetal_IsSilent() => VerifyAsync("""
        class C { void M() { Console.WriteLine(); } }
        """, bareMetal: false);
}
