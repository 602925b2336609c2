using System;
using Redox.Scheme;
using Redox.Syscall;
using Xunit;

namespace Redox.Testing.Tests;

/// <summary>
/// SYS_CALL through the hosted kernel as redox_syscall 0.9.3 defines it: the metadata word count rides in the low
/// byte of the flags, and the scheme receives the first three words inline in its request.
/// </summary>
public class SchemeCallTests
{
    private sealed class CallScheme : SchemeBase
    {
        public override OpenResult Open(ReadOnlySpan<byte> path, OpenFlags flags, in CallerContext caller) => OpenResult.Handle(1);

        public override SyscallResult Call(ulong id, Span<byte> payload, ReadOnlySpan<byte> metadata, in CallerContext caller)
        {
            // Echo the metadata bytes into the payload; the value is the metadata length seen.
            metadata.Slice(0, Math.Min(metadata.Length, payload.Length)).CopyTo(payload);
            return SyscallResult.Ok((ulong)metadata.Length);
        }
    }

    [Theory]
    [MemberData(nameof(HostedKernelTests.Modes), MemberType = typeof(HostedKernelTests))]
    public void MetadataWordsReachTheSchemeInline(bool threaded)
    {
        using var kernel = new HostedKernel();
        if (threaded)
        {
            kernel.StartDriver("call", new CallScheme());
        }
        else
        {
            kernel.RegisterInThread("call", new CallScheme());
        }
        kernel.CreateProcess().Run(() =>
        {
            var fd = (nuint)Sys.Open("call:"u8, OpenFlags.ReadWrite).Value;
            var payload = new byte[24];
            var result = Sys.SchemeCall(fd, payload, CallFlags.Read | CallFlags.Write, stackalloc ulong[] { 7, 8, 9, 10 });
            Assert.Equal(24UL, result.Value);
            Assert.Equal(7, payload[0]);
            Assert.Equal(8, payload[8]);
            Assert.Equal(9, payload[16]); // the fourth word does not fit in a request, as in Redox

            payload.AsSpan().Clear();
            Assert.Equal(24UL, Sys.SchemeCall(fd, payload, CallFlags.Read, stackalloc ulong[] { 5 }).Value);
            Assert.Equal(5, payload[0]);
            Assert.Equal(0, payload[8]);

            Assert.Equal(Errno.EINVAL, Sys.Call(SyscallNumbers.Call, fd, 0, 0, unchecked((nuint)(1UL << 40)), 0).Error);
            Assert.Equal(Errno.ENOSYS, Sys.SchemeCall(fd, payload, CallFlags.StdFs, default).Error);
            Assert.Equal(Errno.EFAULT, Sys.Call(SyscallNumbers.Call, fd, 0, 0, 2, 0).Error);
            Assert.Equal(Errno.EBADF, Sys.SchemeCall(99, payload, CallFlags.Read, default).Error);
        });
    }
}
