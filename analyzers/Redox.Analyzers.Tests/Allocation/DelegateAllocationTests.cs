using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Redox.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = Redox.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Redox.Analyzers.Allocation.DelegateAllocationAnalyzer>;

namespace Redox.Analyzers.Tests.Allocation;

public class DelegateAllocationTests
{
    [Fact]
    public Task CapturingLambdas_AreReported() => Verify.VerifyAsync(Code.InScope("""
        int _field;
        void Use(Func<int, int> f) { }
        void M(int p)
        {
            int local = 1;
            Use({|RDX1030:x => x + local|});
            Use({|RDX1030:x => x + p|});
            Use({|RDX1030:x => x + _field|});
            Use({|RDX1030:delegate (int x) { return x + p; }|});
        }
        """));

    [Fact]
    public Task LambdaCallingCapturingLocalFunction_IsReported() => Verify.VerifyAsync(Code.InScope("""
        void Use(Func<int, int> f) { }
        void M(int p)
        {
            int Add(int x) => x + p;
            Use({|RDX1030:x => Add(x)|});
        }
        """));

    [Fact]
    public Task NonCapturingAndStaticLambdas_AreNotReported() => Verify.VerifyAsync(Code.InScope("""
        const int K = 3;
        static int s_static;
        void Use(Func<int, int> f) { }
        void M()
        {
            Use(x => x + 1);
            Use(static x => x * 2);
            Use(x => { int y = x; return y + K + s_static; });
            Use(x => { int Inner(int z) => z + x; return Inner(1); });
        }
        """));

    [Fact]
    public Task LocalFunctionsConvertedToDelegates() => Verify.VerifyAsync(Code.InScope("""
        void Use(Func<int, int> f) { }
        void M(int p)
        {
            int Captures(int x) => x + p;
            int Plain(int x) => x;
            static int Static(int x) => x;
            Use({|RDX1030:Captures|});
            Use({|RDX1030:Plain|});
            Use(Static);
            Captures(1);
            Plain(2);
        }
        """));

    [Fact]
    public Task MethodGroups() => Verify.VerifyAsync(Code.InScope("""
        static int S(int x) => x;
        int I(int x) => x;
        void Use(Func<int, int> f) { }
        void M()
        {
            Use(S);
            Use({|RDX1031:I|});
            Use({|RDX1031:new Func<int, int>(S)|});
            Func<int, int> f = S;
            Use({|RDX1031:new Func<int, int>(f)|});
            Func<string> g = {|RDX1031:this.ToString|};
        }
        """));

    [Fact]
    public Task StaticMethodGroupBeforeCSharp11_IsReported()
    {
        var test = Verify.CreateTest(Code.InScope("""
            static int S(int x) => x;
            void Use(Func<int, int> f) { }
            void M() { Use({|RDX1031:S|}); }
            """));
        test.LanguageVersion = LanguageVersion.CSharp10;
        return test.RunAsync();
    }

    [Fact]
    public Task OutOfScope_IsNotReported() => Verify.VerifyAsync(Code.OutOfScope("""
        void Use(Func<int> f) { }
        void M(int p) { Use(() => p); }
        """));
}
