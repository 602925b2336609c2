using System;
using System.Runtime.InteropServices;
using Redox.Syscall;
using Xunit;

namespace Redox.Scheme.Tests;

/// <summary>
/// Read and write take the dispatcher's short path (SchemeDispatcher.Dispatch answers them in place): every argument
/// still reaches the driver, the answer is an ordinary one with nothing else set, and one-way and bad-buffer rules
/// are the full switch's.
/// </summary>
public unsafe class ReadWritePathTests
{
    private sealed class ArgumentScheme : SchemeBase
    {
        public int Calls;
        public ulong Id;
        public nuint Address;
        public int Length;
        public ulong Offset;
        public uint Flags;
        public CallerContext Caller;

        public override SyscallResult Read(ulong id, Span<byte> buffer, ulong offset, uint flags, in CallerContext caller)
        {
            Record(id, ref MemoryMarshal.GetReference(buffer), buffer.Length, offset, flags, caller);
            return id == 1 ? SyscallResult.Ok(11) : Errno.EBADF;
        }

        public override SyscallResult Write(ulong id, ReadOnlySpan<byte> buffer, ulong offset, uint flags, in CallerContext caller)
        {
            Record(id, ref MemoryMarshal.GetReference(buffer), buffer.Length, offset, flags, caller);
            return id == 1 ? SyscallResult.Ok(22) : Errno.EBADF;
        }

        private void Record(ulong id, ref byte start, int length, ulong offset, uint flags, in CallerContext caller)
        {
            Calls++;
            Id = id;
            fixed (byte* p = &start)
            {
                Address = (nuint)p;
            }
            Length = length;
            Offset = offset;
            Flags = flags;
            Caller = caller;
        }
    }

    [Theory]
    [InlineData(Opcode.Read, 11UL)]
    [InlineData(Opcode.Write, 22UL)]
    public void EveryArgumentReachesTheDriverAndTheAnswerIsAnOrdinaryOne(Opcode opcode, ulong value)
    {
        var scheme = new ArgumentScheme();
        var buffer = new byte[40];
        fixed (byte* p = buffer)
        {
            Sqe request = Requests.Make(opcode, 1, (ulong)p + 8, 24, 0x1234_5678_9ABC, 0x55, 1000UL | (2000UL << 32), tag: 0xBEEF);
            Cqe answer = new() { Flags = 0xFF, Tag = 1, Result = 2 }; // garbage in the slot beforehand
            answer.ExtraRaw[0] = 0xAA;
            answer.ExtraRaw[2] = 0xBB;

            Assert.True(SchemeDispatcher.Dispatch(scheme, request, default, out answer));

            Assert.Equal(1, scheme.Calls);
            Assert.Equal(1UL, scheme.Id);
            Assert.Equal((nuint)p + 8, scheme.Address);
            Assert.Equal(24, scheme.Length);
            Assert.Equal(0x1234_5678_9ABCUL, scheme.Offset);
            Assert.Equal(0x55u, scheme.Flags);
            Assert.Equal(5UL, scheme.Caller.Pid);
            Assert.Equal(1000u, scheme.Caller.Uid);
            Assert.Equal(2000u, scheme.Caller.Gid);
            Assert.Equal(0xBEEFu, scheme.Caller.Tag);

            Assert.Equal(CqeOpcode.RespondRegular, answer.Kind);
            Assert.Equal(0, answer.Flags);
            Assert.Equal(NewFdFlags.None, answer.NewFdFlags);
            Assert.Equal(0, answer.ExtraRaw[1]);
            Assert.Equal(0, answer.ExtraRaw[2]);
            Assert.Equal(0xBEEFu, answer.Tag);
            Assert.Equal(value, answer.Result);
        }
    }

    [Theory]
    [InlineData(Opcode.Read)]
    [InlineData(Opcode.Write)]
    public void ErrorsAreMuxedAndOneWayRequestsRunWithoutAnAnswer(Opcode opcode)
    {
        var scheme = new ArgumentScheme();
        var buffer = new byte[8];
        fixed (byte* p = buffer)
        {
            Assert.True(SchemeDispatcher.Dispatch(scheme, Requests.Make(opcode, 2, (ulong)p, 8), default, out Cqe answer));
            Assert.Equal(Errno.EBADF, SyscallResult.Demux(answer.Result).Error);

            Sqe oneWay = Requests.Make(opcode, 1, (ulong)p, 8);
            oneWay.Flags = SqeFlags.OneWay;
            Assert.False(SchemeDispatcher.Dispatch(scheme, oneWay, default, out _));
            Assert.Equal(2, scheme.Calls); // the one-way request still ran
        }
    }

    [Theory]
    [InlineData(Opcode.Read)]
    [InlineData(Opcode.Write)]
    public void ABadBufferNeverReachesTheDriver(Opcode opcode)
    {
        var scheme = new ArgumentScheme();
        Assert.True(SchemeDispatcher.Dispatch(scheme, Requests.Make(opcode, 1, 0, 8), default, out Cqe answer));
        Assert.Equal(Errno.EFAULT, SyscallResult.Demux(answer.Result).Error);
        Assert.True(SchemeDispatcher.Dispatch(scheme, Requests.Make(opcode, 1, 0x1000, (ulong)int.MaxValue + 1), default, out answer));
        Assert.Equal(Errno.EINVAL, SyscallResult.Demux(answer.Result).Error);
        Assert.Equal(0, scheme.Calls);
    }

    [Fact]
    public void BuffersMayEndAtTheTopOfMemoryButNotWrapPastIt()
    {
        // The spans are never touched: TryGetSpan only checks the range.
        UserMemoryWindow anywhere = UserMemoryWindow.Unrestricted;
        Assert.Equal((Errno)0, anywhere.TryGetSpan(ulong.MaxValue - 2, 2, out Span<byte> span));
        Assert.Equal(2, span.Length);
        Assert.Equal(Errno.EFAULT, anywhere.TryGetSpan(ulong.MaxValue - 2, 3, out span));
        Assert.Equal(0, span.Length);
        Assert.Equal(Errno.EFAULT, anywhere.TryGetSpan(ulong.MaxValue, 1, out _));
        Assert.Equal(Errno.EFAULT, anywhere.TryGetSpan(0, 1, out _));
        Assert.Equal((Errno)0, anywhere.TryGetSpan(1, int.MaxValue, out span));
        Assert.Equal(int.MaxValue, span.Length);
        Assert.Equal((Errno)0, anywhere.TryGetSpan(0, 0, out span)); // empty, whatever the pointer
        Assert.Equal(0, span.Length);
    }
}
