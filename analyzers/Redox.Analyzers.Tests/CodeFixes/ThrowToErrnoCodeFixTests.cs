using System.Threading.Tasks;
using Redox.Analyzers.Tests.Infrastructure;
using Xunit;
using Verify = Redox.Analyzers.Tests.Infrastructure.CodeFixVerifier<Redox.Analyzers.Allocation.ThrowAllocationAnalyzer, Redox.Analyzers.CodeFixes.ThrowToErrnoCodeFix>;

namespace Redox.Analyzers.Tests.CodeFixes;

public class ThrowToErrnoCodeFixTests
{
    [Fact]
    public Task ResultHandler_ReturnsErrno() => Verify.VerifyAsync("""
        using System;
        using Redox.Scheme;
        using Redox.Syscall;

        class Driver : SchemeBase
        {
            public override SyscallResult Read(ulong id, Span<byte> buffer)
            {
                if (buffer.Length == 0)
                {
                    {|RDX1080:throw new ArgumentException("empty");|}
                }

                {|RDX1080:throw new NotSupportedException();|}
            }

            public override SyscallResult Write(ulong id, ReadOnlySpan<byte> buffer)
            {
                {|RDX1080:throw new ObjectDisposedException("x");|}
            }
        }
        """, """
        using System;
        using Redox.Scheme;
        using Redox.Syscall;

        class Driver : SchemeBase
        {
            public override SyscallResult Read(ulong id, Span<byte> buffer)
            {
                if (buffer.Length == 0)
                {
                    return Errno.EINVAL;
                }

                return Errno.ENOSYS;
            }

            public override SyscallResult Write(ulong id, ReadOnlySpan<byte> buffer)
            {
                return Errno.EBADF;
            }
        }
        """);

    [Fact]
    public Task IntAndLongHandlers_ReturnNegatedErrno() => Verify.VerifyAsync("""
        using System;
        using System.IO;
        using Redox.Scheme;

        class Driver : SchemeBase
        {
            public override int Seek(ulong id, long offset, int whence)
            {
                if (offset < 0) {|RDX1080:throw new ArgumentOutOfRangeException(nameof(offset));|}
                {|RDX1080:throw new FileNotFoundException();|}
            }

            public override long Fsize(ulong id)
            {
                {|RDX1080:throw new UnauthorizedAccessException();|}
            }
        }
        """, """
        using System;
        using System.IO;
        using Redox.Scheme;

        class Driver : SchemeBase
        {
            public override int Seek(ulong id, long offset, int whence)
            {
                if (offset < 0) return -(int)Redox.Syscall.Errno.EINVAL;
                return -(int)Redox.Syscall.Errno.ENOENT;
            }

            public override long Fsize(ulong id)
            {
                return -(int)Redox.Syscall.Errno.EACCES;
            }
        }
        """);

    [Fact]
    public Task OutsideHandlersOrVoidHandlers_GetNoFix()
    {
        const string source = """
            using System;
            using Redox.Scheme;

            [Redox.NoAlloc]
            class Driver : SchemeBase
            {
                public override void Cancel(uint tag) { {|RDX1080:throw new InvalidOperationException();|} }
                int Helper() { {|RDX1080:throw new InvalidOperationException();|} }
            }
            """;
        return Verify.VerifyAsync(source, source);
    }

}
