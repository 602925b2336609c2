using System;
using Redox.Syscall;
using Xunit;

namespace Redox.Scheme.Tests;

/// <summary>Every operation a driver does not override answers its documented errno, through dispatch.</summary>
public unsafe class DefaultOperationTests
{
    public static TheoryData<Opcode, Errno> Defaults() => new()
    {
        { Opcode.Open, Errno.ENOENT },
        { Opcode.Rmdir, Errno.ENOENT },
        { Opcode.Unlink, Errno.ENOENT },
        { Opcode.Close, Errno.EBADF },
        { Opcode.Dup, Errno.EBADF },
        { Opcode.Read, Errno.EBADF },
        { Opcode.Write, Errno.EBADF },
        { Opcode.Fsize, Errno.ESPIPE },
        { Opcode.Fchmod, Errno.EBADF },
        { Opcode.Fchown, Errno.EBADF },
        { Opcode.Fcntl, Errno.EBADF },
        { Opcode.Fevent, Errno.EBADF },
        { Opcode.Sendfd, Errno.ENOSYS },
        { Opcode.Fpath, Errno.EBADF },
        { Opcode.Frename, Errno.EBADF },
        { Opcode.Fstat, Errno.EBADF },
        { Opcode.Fstatvfs, Errno.EBADF },
        { Opcode.Fsync, Errno.EBADF },
        { Opcode.Ftruncate, Errno.EBADF },
        { Opcode.Futimens, Errno.EBADF },
        { Opcode.MmapPrep, Errno.EBADF },
        { Opcode.RequestMmap, Errno.ENOSYS },
        { Opcode.Mremap, Errno.ENOSYS },
        { Opcode.Munmap, Errno.EBADF },
        { Opcode.Msync, Errno.ENOSYS },
        { Opcode.Getdents, Errno.ENOSYS },
        { Opcode.Call, Errno.ENOSYS },
        { Opcode.OpenAt, Errno.ENOSYS },
        { Opcode.Flink, Errno.ENOSYS },
        { Opcode.Recvfd, Errno.ENOSYS },
        { Opcode.UnlinkAt, Errno.ENOSYS },
        { Opcode.StdFsCall, Errno.ENOSYS },
    };

    [Theory]
    [MemberData(nameof(Defaults))]
    public void DefaultAnswer(Opcode opcode, Errno expected)
    {
        var buffer = new byte[256];
        "a"u8.CopyTo(buffer);
        fixed (byte* p = buffer)
        {
            ulong ptr = (ulong)p;
            // Well-formed arguments for every opcode: handle 1, a buffer big enough for any struct.
            Sqe sqe = opcode switch
            {
                Opcode.Open or Opcode.Rmdir or Opcode.Unlink => Requests.Make(opcode, ptr, 1),
                Opcode.OpenAt or Opcode.Frename or Opcode.Flink or Opcode.UnlinkAt => Requests.Make(opcode, 1, ptr, 1),
                Opcode.Futimens => Requests.Make(opcode, 1, ptr, 32),
                Opcode.Getdents => Requests.Make(opcode, 1, ptr, 256, (ulong)AbiSizes.DirentHeader),
                _ => Requests.Make(opcode, 1, ptr, 256),
            };
            Assert.True(SchemeDispatcher.Dispatch(new BareScheme(), sqe, default, out Cqe cqe));
            Assert.Equal(77u, cqe.Tag);
            Assert.Equal(CqeOpcode.RespondRegular, cqe.Kind);
            Assert.Equal(expected, SyscallResult.Demux(cqe.Result).Error);
        }
    }

    [Fact]
    public void EveryOpcodeOfTheProtocolIsCovered()
    {
        var covered = new System.Collections.Generic.HashSet<Opcode>();
        foreach (var row in Defaults())
        {
            covered.Add((Opcode)row[0]);
        }
        foreach (Opcode op in Enum.GetValues<Opcode>())
        {
            Assert.True(covered.Contains(op) || op is Opcode.Cancel or Opcode.CloseMsg or Opcode.Detach, op.ToString());
        }
    }

    [Fact]
    public void OneWayMessagesGetNoResponse()
    {
        var scheme = new BareScheme();
        Assert.False(SchemeDispatcher.Dispatch(scheme, Requests.Make(Opcode.Cancel, 3), default, out _));
        Assert.False(SchemeDispatcher.Dispatch(scheme, Requests.Make(Opcode.CloseMsg, 1), default, out _));
        Assert.False(SchemeDispatcher.Dispatch(scheme, Requests.Make(Opcode.Detach, 1), default, out _));
        var oneWay = Requests.Make(Opcode.Fsync, 1);
        oneWay.Flags = SqeFlags.OneWay;
        Assert.False(SchemeDispatcher.Dispatch(scheme, oneWay, default, out _));
    }
}
