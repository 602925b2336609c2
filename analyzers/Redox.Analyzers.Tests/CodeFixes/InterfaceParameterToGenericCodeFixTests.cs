using System.Threading.Tasks;
using Redox.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = Redox.Analyzers.Tests.Infrastructure.CodeFixVerifier<Redox.Analyzers.Allocation.BoxingAnalyzer, Redox.Analyzers.CodeFixes.InterfaceParameterToGenericCodeFix>;

namespace Redox.Analyzers.Tests.CodeFixes;

public class InterfaceParameterToGenericCodeFixTests
{
    [Fact]
    public Task MakesTheCalleeGeneric() => Verify.VerifyAsync("""
        interface IDevice { int Read(); }
        struct Disk : IDevice { public int Read() => 1; }

        [Redox.NoAlloc]
        class C
        {
            static int Use(IDevice device)
            {
                return device.Read();
            }

            int M(Disk d) => Use({|RDX1010:d|});
        }
        """, """
        interface IDevice { int Read(); }
        struct Disk : IDevice { public int Read() => 1; }

        [Redox.NoAlloc]
        class C
        {
            static int Use<TDevice>(TDevice device) where TDevice : IDevice
            {
                return device.Read();
            }

            int M(Disk d) => Use(d);
        }
        """);

    [Fact]
    public Task KeepsExistingTypeParametersAndConstraints() => Verify.VerifyAsync("""
        interface IDevice { int Read(); }
        struct Disk : IDevice { public int Read() => 1; }

        [Redox.NoAlloc]
        class C
        {
            static int Use<T>(T tag, IDevice device) where T : struct => device.Read();

            int M(Disk d) => Use(1, {|RDX1010:d|});
        }
        """, """
        interface IDevice { int Read(); }
        struct Disk : IDevice { public int Read() => 1; }

        [Redox.NoAlloc]
        class C
        {
            static int Use<T, TDevice>(T tag, TDevice device) where T : struct where TDevice : IDevice => device.Read();

            int M(Disk d) => Use(1, d);
        }
        """);

    [Fact]
    public Task NoFixForVirtualOrMetadataMethods()
    {
        const string source = """
            using System;
            interface IDevice { int Read(); }
            struct Disk : IDevice { public int Read() => 1; }

            [Redox.NoAlloc]
            class C
            {
                protected virtual int Use(IDevice device) => device.Read();

                int M(Disk d) => Use({|RDX1010:d|}) + string.Concat({|RDX1010:d|}, "x").Length;
            }
            """;
        return Verify.VerifyAsync(source, source);
    }
}
