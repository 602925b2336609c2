using System.Threading.Tasks;
using Redox.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = Redox.Analyzers.Tests.Infrastructure.CodeFixVerifier<Redox.Analyzers.Allocation.ExplicitAllocationAnalyzer, Redox.Analyzers.CodeFixes.ArrayToStackallocCodeFix>;

namespace Redox.Analyzers.Tests.CodeFixes;

public class ArrayToStackallocCodeFixTests
{
    [Fact]
    public Task SmallLocalBuffer_BecomesStackalloc() => Verify.VerifyAsync("""
        using System;

        [Redox.NoAlloc]
        class C
        {
            static int Fill(Span<byte> destination) => destination.Length;

            int M()
            {
                var buffer = {|RDX1002:new byte[64]|};
                buffer[0] = 1;
                int n = Fill(buffer);
                foreach (var b in buffer) { n += b; }
                return n + buffer.Length;
            }
        }
        """, """
        using System;

        [Redox.NoAlloc]
        class C
        {
            static int Fill(Span<byte> destination) => destination.Length;

            int M()
            {
                Span<byte> buffer = stackalloc byte[64];
                buffer[0] = 1;
                int n = Fill(buffer);
                foreach (var b in buffer) { n += b; }
                return n + buffer.Length;
            }
        }
        """);

    [Fact]
    public Task WithoutUsingSystem_QualifiesSpan() => Verify.VerifyAsync("""
        [Redox.NoAlloc]
        class C
        {
            int M()
            {
                int[] values = {|RDX1002:new int[4] { 1, 2, 3, 4 }|};
                return values[2];
            }
        }
        """, """
        [Redox.NoAlloc]
        class C
        {
            int M()
            {
                System.Span<int> values = stackalloc int[4] { 1, 2, 3, 4 };
                return values[2];
            }
        }
        """);

    [Fact]
    public Task EscapingLargeLoopedOrManagedArrays_GetNoFix()
    {
        const string source = """
            using System;

            [Redox.NoAlloc]
            class C
            {
                byte[]? _stored;
                static void TakeArray(byte[] a) { }

                byte[] Returned() { var a = {|RDX1002:new byte[8]|}; return a; }
                void Stored() { var a = {|RDX1002:new byte[8]|}; _stored = a; }
                void Passed() { var a = {|RDX1002:new byte[8]|}; TakeArray(a); }
                void Captured() { var a = {|RDX1002:new byte[8]|}; Func<int> f = () => a.Length; }
                void Large() { var a = {|RDX1002:new byte[4096]|}; a[0] = 1; }
                void Looped() { for (int i = 0; i < 3; i++) { var a = {|RDX1002:new byte[8]|}; a[0] = 1; } }
                void Managed() { var a = {|RDX1002:new string[2]|}; a[0] = ""; }
                void NotConstant(int n) { var a = {|RDX1002:new byte[n]|}; a[0] = 1; }
            }
            """;
        return Verify.VerifyAsync(source, source);
    }
}
