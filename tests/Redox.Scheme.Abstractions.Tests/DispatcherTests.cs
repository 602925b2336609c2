using System;
using System.Text;
using Redox.Syscall;
using Xunit;

namespace Redox.Scheme.Tests;

/// <summary>Bad input answers errno values; good input reaches the driver intact.</summary>
public unsafe class DispatcherTests
{
    private static Errno Answer(SchemeBase scheme, Sqe sqe, UserMemoryWindow window = default)
    {
        Assert.True(SchemeDispatcher.Dispatch(scheme, sqe, window, out Cqe cqe));
        Assert.Equal(sqe.Tag, cqe.Tag);
        return SyscallResult.Demux(cqe.Result).Error;
    }

    [Fact]
    public void UnknownOpcodeIsEnosys()
    {
        // 35 and up are not opcodes of the pinned protocol (32..34 are UnlinkAt, StdFsCall, Detach).
        for (int op = 35; op < 256; op++)
        {
            Assert.Equal(Errno.ENOSYS, Answer(new RecordingScheme(), Requests.Make((Opcode)op, 1)));
        }
    }

    [Fact]
    public void PathThatIsNotUtf8IsEinval()
    {
        var bad = new byte[] { (byte)'a', 0xC0, 0xAF }; // overlong '/'
        fixed (byte* p = bad)
        {
            var scheme = new RecordingScheme();
            Assert.Equal(Errno.EINVAL, Answer(scheme, Requests.Make(Opcode.Open, (ulong)p, 3)));
            Assert.Equal(Errno.EINVAL, Answer(scheme, Requests.Make(Opcode.Unlink, (ulong)p, 3)));
            Assert.Equal(Errno.EINVAL, Answer(scheme, Requests.Make(Opcode.Frename, 1, (ulong)p, 3)));
            Assert.Equal(0, scheme.Calls);
        }
    }

    [Fact]
    public void BadBuffersAreEinvalOrEfault()
    {
        var scheme = new RecordingScheme();
        Assert.Equal(Errno.EINVAL, Answer(scheme, Requests.Make(Opcode.Read, 1, 0x1000, (ulong)int.MaxValue + 1)));
        Assert.Equal(Errno.EFAULT, Answer(scheme, Requests.Make(Opcode.Read, 1, 0, 10)));
        Assert.Equal(Errno.EFAULT, Answer(scheme, Requests.Make(Opcode.Write, 1, ulong.MaxValue - 3, 10)));
        var buffer = new byte[64];
        fixed (byte* p = buffer)
        {
            var window = new UserMemoryWindow((nuint)p, 64);
            Assert.Equal(Errno.EFAULT, Answer(scheme, Requests.Make(Opcode.Read, 1, (ulong)p + 60, 8), window));
            Assert.Equal(Errno.EFAULT, Answer(scheme, Requests.Make(Opcode.Read, 1, (ulong)p - 1, 8), window));
            Assert.Equal((Errno)0, Answer(scheme, Requests.Make(Opcode.Read, 1, (ulong)p, 64), window));
            Assert.Equal(Errno.EINVAL, Answer(scheme, Requests.Make(Opcode.Fstat, 1, (ulong)p, 64))); // shorter than Stat
            Assert.Equal(Errno.EINVAL, Answer(scheme, Requests.Make(Opcode.Futimens, 1, (ulong)p, 17)));
            Assert.Equal(Errno.EINVAL, Answer(scheme, Requests.Make(Opcode.Getdents, 1, (ulong)p, 64, 24)));
        }
        Assert.Equal(1, scheme.Calls);
    }

    [Fact]
    public void GoodRequestsReachTheDriverWithCallerAndFlags()
    {
        var scheme = new RecordingScheme();
        var path = Encoding.UTF8.GetBytes("dir/ü");
        var stat = new byte[AbiSizes.Stat];
        fixed (byte* p = path)
        fixed (byte* s = stat)
        {
            var open = Requests.Make(Opcode.Open, (ulong)p, (ulong)path.Length, (ulong)OpenFlags.ReadWrite, a5: 1000UL | (2000UL << 32));
            Assert.True(SchemeDispatcher.Dispatch(scheme, open, default, out Cqe cqe));
            Assert.Equal(NewFdFlags.Positioned, cqe.NewFdFlags);
            Assert.Equal(1UL, cqe.Result);
            Assert.Equal("dir/ü", scheme.LastPath);
            Assert.Equal(OpenFlags.ReadWrite, scheme.LastOpenFlags);
            Assert.Equal(5UL, scheme.LastCaller.Pid);
            Assert.Equal(1000u, scheme.LastCaller.Uid);
            Assert.Equal(2000u, scheme.LastCaller.Gid);

            Assert.Equal((Errno)0, Answer(scheme, Requests.Make(Opcode.Fstat, 1, (ulong)s, (ulong)stat.Length)));
            Assert.Equal(4242UL, BitConverter.ToUInt64(stat, 32)); // st_size at offset 32
        }
    }
}
