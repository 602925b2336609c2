using CsCheck;
using Xunit;

namespace Redox.Syscall.Tests;

/// <summary>Error::mux/demux as properties.</summary>
public class SyscallResultTests
{
    private const ulong FirstError = ulong.MaxValue - AbiLimits.MaxErrno + 1;

    [Fact]
    public void OkValuesRoundTrip()
    {
        Gen.ULong[0, FirstError - 1].Sample(v =>
        {
            var r = SyscallResult.Demux(SyscallResult.Mux(SyscallResult.Ok(v)));
            return r.IsOk && !r.IsError && r.Value == v && r.Error == 0;
        });
    }

    [Fact]
    public void ErrorsRoundTrip()
    {
        Gen.Int[1, (int)AbiLimits.MaxErrno].Sample(e =>
        {
            ulong raw = SyscallResult.Mux(SyscallResult.Err((Errno)e));
            var r = SyscallResult.Demux(raw);
            return raw == 0UL - (ulong)e && r.IsError && (int)r.Error == e && r.Value == 0;
        });
    }

    [Fact]
    public void DemuxThenMuxIsIdentityAndClassifiesByRange()
    {
        Gen.ULong.Sample(raw =>
        {
            var r = SyscallResult.Demux(raw);
            return SyscallResult.Mux(r) == raw && r.IsError == (raw >= FirstError);
        });
    }

    [Fact]
    public void Boundaries()
    {
        Assert.True(SyscallResult.Demux(ulong.MaxValue).IsError);
        Assert.Equal(Errno.EPERM, SyscallResult.Demux(ulong.MaxValue).Error);
        Assert.True(SyscallResult.Demux(FirstError).IsError);
        Assert.False(SyscallResult.Demux(FirstError - 1).IsError);
        Assert.False(SyscallResult.Demux(0).IsError);
        SyscallResult implicitError = Errno.EBADF;
        Assert.Equal(Errno.EBADF, implicitError.Error);
        Assert.True(SyscallResult.Ok(3).TryGetValue(out ulong three) && three == 3);
    }
}
