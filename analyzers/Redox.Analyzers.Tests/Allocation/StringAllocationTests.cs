using System.Threading.Tasks;
using Redox.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = Redox.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Redox.Analyzers.Allocation.StringAllocationAnalyzer>;

namespace Redox.Analyzers.Tests.Allocation;

public class StringAllocationTests
{
    [Fact]
    public Task RuntimeConcatenation_IsReportedOncePerChain() => Verify.VerifyAsync(Code.InScope("""
        string M(string a, int i) => {|RDX1020:a + "x" + i|};
        void N(string s) { {|RDX1020:s += "x"|}; }
        """));

    [Fact]
    public Task ConstantConcatenation_IsNotReported() => Verify.VerifyAsync(Code.InScope("""
        const string A = "x" + "y";
        const string B = A + "z";
        string M() => "a" + "b";
        string N() => A + B;
        string O() => $"a{A}";
        string P() => nameof(M) + "!";
        """));

    [Fact]
    public Task Interpolation_IsReported() => Verify.VerifyAsync(Code.InScope("""
        string M(int i) => {|RDX1021:$"n={i}"|};
        FormattableString N(int i) => {|RDX1021:$"n={i}"|};
        """));

    [Fact]
    public Task InterpolationIntoSpanHandler_IsNotReported() => Verify.VerifyAsync(Code.InScope("""
        bool M(Span<char> buffer, int i) => buffer.TryWrite($"n={i}", out _);
        bool N(Span<byte> buffer, int i) => System.Text.Unicode.Utf8.TryWrite(buffer, $"n={i}", out _);
        """));

    [Fact]
    public Task FormatConcatJoin_AreReported() => Verify.VerifyAsync(Code.InScope("""
        string A(int i) => {|RDX1022:string.Format("{0}", i)|};
        string B(string a, string b) => {|RDX1022:string.Concat(a, b)|};
        string C2(string[] a) => {|RDX1022:string.Join(",", a)|};
        """));

    [Fact]
    public Task AllocatingApis_AreReported() => Verify.VerifyAsync(Code.InScope("""
        void M(int i, string s, List<int> l, Span<byte> span, StringBuilder b, byte[] bytes)
        {
            {|RDX1023:i.ToString()|};
            {|RDX1023:s.Substring(1)|};
            {|RDX1023:s.ToUpper()|};
            {|RDX1023:s.Split(',')|};
            {|RDX1023:l.ToArray()|};
            {|RDX1023:span.ToArray()|};
            {|RDX1023:b.ToString()|};
            {|RDX1023:Convert.ToBase64String(bytes)|};
            {|RDX1023:Encoding.UTF8.GetString(bytes)|};
            {|RDX1023:BitConverter.GetBytes(i)|};
        }
        """));

    [Fact]
    public Task ArrayCreatingLibraryCalls_AreReported() => Verify.VerifyAsync(Code.InScope("""
        enum Color { Red, Green }
        int M(int[] a)
        {
            {|RDX1023:Array.Resize(ref a, 16)|};
            var b = {|RDX1023:GC.AllocateUninitializedArray<byte>(8)|};
            var c = {|RDX1023:GC.AllocateArray<int>(4)|};
            var d = {|RDX1023:Enum.GetValues<Color>()|};
            var e = {|RDX1023:Enum.GetNames<Color>()|};
            var f = {|RDX1023:Array.CreateInstance(typeof(int), 3)|};
            return a.Length + b.Length + c.Length + d.Length + e.Length + f.Length;
        }
        """));

    [Fact]
    public Task NonAllocatingArrayAndEnumCalls_AreNotReported() => Verify.VerifyAsync(Code.InScope("""
        enum Color { Red, Green }
        int M(int[] a, Color c)
        {
            Array.Clear(a);
            Array.Fill(a, 1);
            Array.Sort(a);
            var empty = Array.Empty<int>();
            var defined = Enum.IsDefined(c);
            return Array.IndexOf(a, 3) + empty.Length + GC.GetGeneration(a) + (defined ? 1 : 0);
        }
        """));

    [Fact]
    public Task NonAllocatingStringApis_AreNotReported() => Verify.VerifyAsync(Code.InScope("""
        int M(string s, Span<char> dest, int i)
        {
            var t = s.ToString();
            var a = s.AsSpan(1);
            i.TryFormat(dest, out int written);
            return s.Length + s.IndexOf('x') + written + nameof(M).Length + sizeof(int);
        }
        """));

    [Fact]
    public Task OutOfScope_IsNotReported() => Verify.VerifyAsync(Code.OutOfScope("""
        string M(string a, int i) => a + i + $"{i}" + i.ToString();
        """));
}
