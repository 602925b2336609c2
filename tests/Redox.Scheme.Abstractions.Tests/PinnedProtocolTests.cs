using System;
using Redox.Syscall;
using Xunit;

namespace Redox.Scheme.Tests;

/// <summary>
/// Requests decoded in the argument order the pinned Redox kernel (redox_syscall 0.9.3) sends them:
/// MmapPrep and Munmap are (id, size, flags, offset); Cancel names its target in its own tag; Call carries
/// three metadata words inline; Detach, like CloseMsg, is never answered.
/// </summary>
public unsafe class PinnedProtocolTests
{
    private sealed class ArgumentScheme : SchemeBase
    {
        public ulong Offset, Size, Flags;
        public uint CancelledTag;
        public byte[] Metadata = Array.Empty<byte>();
        public int Calls;

        public override SyscallResult MmapPrep(ulong id, ulong offset, ulong size, MapFlags flags, in CallerContext caller)
        {
            Calls++;
            (Offset, Size, Flags) = (offset, size, (ulong)flags);
            return SyscallResult.Ok(0x7000);
        }

        public override SyscallResult Munmap(ulong id, ulong offset, ulong size, ulong flags, in CallerContext caller)
        {
            Calls++;
            (Offset, Size, Flags) = (offset, size, flags);
            return SyscallResult.Ok(0);
        }

        public override void Cancel(uint tag, in CallerContext caller)
        {
            Calls++;
            CancelledTag = tag;
        }

        public override SyscallResult Call(ulong id, Span<byte> payload, ReadOnlySpan<byte> metadata, in CallerContext caller)
        {
            Calls++;
            Metadata = metadata.ToArray();
            return SyscallResult.Ok((ulong)payload.Length);
        }
    }

    [Fact]
    public void MmapPrepAndMunmapReadIdSizeFlagsOffset()
    {
        var scheme = new ArgumentScheme();
        Assert.True(SchemeDispatcher.Dispatch(scheme, Requests.Make(Opcode.MmapPrep, 1, 0x2000, (ulong)MapFlags.ProtRead, 0x1000), default, out Cqe cqe));
        Assert.Equal(0x7000UL, cqe.Result);
        Assert.Equal((0x1000UL, 0x2000UL, (ulong)MapFlags.ProtRead), (scheme.Offset, scheme.Size, scheme.Flags));

        Assert.True(SchemeDispatcher.Dispatch(scheme, Requests.Make(Opcode.Munmap, 1, 0x3000, (ulong)MunmapFlags.NeedsSync, 0x5000), default, out _));
        Assert.Equal((0x5000UL, 0x3000UL, (ulong)MunmapFlags.NeedsSync), (scheme.Offset, scheme.Size, scheme.Flags));
    }

    [Fact]
    public void CancelNamesItsTargetInItsOwnTagAndIsNotAnswered()
    {
        var scheme = new ArgumentScheme();
        var cancel = Requests.Make(Opcode.Cancel, tag: 9);
        cancel.Flags = SqeFlags.OneWay;
        Assert.False(SchemeDispatcher.Dispatch(scheme, cancel, default, out _));
        Assert.Equal(9u, scheme.CancelledTag);
    }

    [Fact]
    public void DetachIsNeitherAnsweredNorPassedOn()
    {
        var scheme = new ArgumentScheme();
        Assert.False(SchemeDispatcher.Dispatch(scheme, Requests.Make(Opcode.Detach, 1), default, out _));
        Assert.Equal(0, scheme.Calls);
    }

    [Fact]
    public void CallGetsTheThreeInlineMetadataWords()
    {
        var scheme = new ArgumentScheme();
        var payload = new byte[4];
        fixed (byte* p = payload)
        {
            var memory = new UserMemoryWindow((nuint)p, (nuint)payload.Length);
            Assert.True(SchemeDispatcher.Dispatch(scheme, Requests.Make(Opcode.Call, 1, (ulong)p, 4, 0x11, 0x22, 0x33), memory, out Cqe cqe));
            Assert.Equal(4UL, cqe.Result);
        }
        Assert.Equal(24, scheme.Metadata.Length);
        Assert.Equal(0x11, scheme.Metadata[0]);
        Assert.Equal(0x22, scheme.Metadata[8]);
        Assert.Equal(0x33, scheme.Metadata[16]);
    }

    [Fact]
    public void CallOnTwoHandlesIsNotSupported()
    {
        var scheme = new ArgumentScheme();
        var sqe = Requests.Make(Opcode.Call, 1, 0, 0, 0, 0, 2);
        sqe.Flags = SqeFlags.MultipleIds;
        Assert.True(SchemeDispatcher.Dispatch(scheme, sqe, default, out Cqe cqe));
        Assert.Equal(Errno.ENOSYS, SyscallResult.Demux(cqe.Result).Error);
        Assert.Equal(0, scheme.Calls);
    }
}
