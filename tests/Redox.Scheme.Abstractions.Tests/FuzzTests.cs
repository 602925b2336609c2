using System;
using System.Runtime.InteropServices;
using CsCheck;
using Redox.Syscall;
using Xunit;

namespace Redox.Scheme.Tests;

/// <summary>Random bytes and random-but-plausible requests: no exception escapes, every answer is valid.</summary>
public unsafe class FuzzTests
{
    private const int WindowSize = 4096;

    private static void AssertValid(in Sqe sqe, bool answered, in Cqe cqe)
    {
        if (!answered)
        {
            Assert.True(sqe.Opcode is Opcode.Cancel or Opcode.CloseMsg or Opcode.Detach || (sqe.Flags & SqeFlags.OneWay) != 0);
            return;
        }
        Assert.Equal(sqe.Tag, cqe.Tag);
        Assert.Equal(CqeOpcode.RespondRegular, cqe.Kind);
        var result = SyscallResult.Demux(cqe.Result);
        if (result.IsError)
        {
            Assert.True(Enum.IsDefined(result.Error), "errno " + (int)result.Error);
        }
    }

    [Fact]
    public void RandomBytesDecodeAndDispatchSafely()
    {
        var window = new byte[WindowSize];
        var handle = GCHandle.Alloc(window, GCHandleType.Pinned);
        try
        {
            var memory = new UserMemoryWindow((nuint)handle.AddrOfPinnedObject(), WindowSize);
            var scheme = new RecordingScheme();
            Gen.Byte.Array[0, 200].Sample(bytes =>
            {
                int count = bytes.Length / RequestCodec.RequestSize;
                Assert.False(RequestCodec.TryDecode(bytes, count, out _));
                for (int i = 0; i < count; i++)
                {
                    Assert.True(RequestCodec.TryDecode(bytes, i, out Sqe sqe));
                    bool answered = SchemeDispatcher.Dispatch(scheme, sqe, memory, out Cqe cqe);
                    AssertValid(sqe, answered, cqe);
                    var encoded = new byte[RequestCodec.ResponseSize];
                    Assert.True(RequestCodec.TryEncode(cqe, encoded, 0));
                }
            }, iter: 20_000);
        }
        finally
        {
            handle.Free();
        }
    }

    [Fact]
    public void PlausibleRequestsDispatchSafely()
    {
        var window = new byte[WindowSize];
        var handle = GCHandle.Alloc(window, GCHandleType.Pinned);
        try
        {
            ulong b = (ulong)handle.AddrOfPinnedObject();
            var memory = new UserMemoryWindow((nuint)b, WindowSize);
            var arg = Gen.OneOf(
                Gen.Const(0UL), Gen.ULong[0, 3], Gen.ULong,
                Gen.ULong[b, b + WindowSize + 64],            // pointers around the window
                Gen.ULong[0, WindowSize + 64],                 // lengths around the window
                Gen.Const((ulong)int.MaxValue + 1), Gen.Const(ulong.MaxValue));
            var gen = Gen.Select(Gen.Byte[0, 40], Gen.Byte[0, 1], Gen.UInt, arg.Array[6], (op, flags, tag, args) => new Sqe
            {
                Opcode = (Opcode)op, Flags = (SqeFlags)flags, Tag = tag,
                Arg0 = args[0], Arg1 = args[1], Arg2 = args[2], Arg3 = args[3], Arg4 = args[4], Arg5 = args[5],
            });
            var scheme = new RecordingScheme();
            gen.Sample(sqe =>
            {
                bool answered = SchemeDispatcher.Dispatch(scheme, sqe, memory, out Cqe cqe);
                AssertValid(sqe, answered, cqe);
                Assert.Equal(Errno.ENOSYS, sqe.Opcode > Opcode.Recvfd && answered ? SyscallResult.Demux(cqe.Result).Error : Errno.ENOSYS);
            }, iter: 50_000);
        }
        finally
        {
            handle.Free();
        }
    }
}
