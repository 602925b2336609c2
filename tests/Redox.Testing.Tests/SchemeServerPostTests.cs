using System;
using Redox.Scheme;
using Redox.Syscall;
using Xunit;

namespace Redox.Testing.Tests;

/// <summary>
/// SchemeServer.Run sends readiness posts with its answers, and when there are more posts than its response buffer
/// holds, sends the rest on their own before it waits again: none is lost or held back until the next request.
/// </summary>
public class SchemeServerPostTests
{
    /// <summary>fan: a write to any handle posts EVENT_READ on every open handle.</summary>
    private sealed class FanOutScheme : SchemeBase
    {
        private readonly HandleTable<byte> _handles = new(32);
        private readonly ulong[] _ids = new ulong[32];
        private int _open;

        public FanOutScheme()
            : base(eventCapacity: 32)
        {
        }

        public override OpenResult Open(ReadOnlySpan<byte> path, OpenFlags flags, in CallerContext caller)
        {
            if (!_handles.TryAdd(0, out ulong id))
            {
                return Errno.EMFILE;
            }
            _ids[_open++] = id;
            return OpenResult.Handle(id);
        }

        public override SyscallResult Fevent(ulong id, EventFlags flags, in CallerContext caller)
            => _handles.Contains(id) ? SyscallResult.Ok(0) : Errno.EBADF; // nothing is ready until a write

        public override SyscallResult Write(ulong id, ReadOnlySpan<byte> buffer, ulong offset, uint flags, in CallerContext caller)
        {
            if (!_handles.Contains(id))
            {
                return Errno.EBADF;
            }
            for (int i = 0; i < _open; i++)
            {
                PostEvent(_ids[i], EventFlags.Read);
            }
            return SyscallResult.Ok((ulong)buffer.Length);
        }
    }

    [Theory]
    [InlineData(1, 3)]   // batch 1: nine response slots; three posts ride with the answer
    [InlineData(1, 20)]  // twenty posts: the answer and eight posts go first, then nine, then three
    [InlineData(16, 24)] // exactly the 24 slots of a batch of 16 with the answer: a full buffer, then one
    public unsafe void EveryPostReachesItsQueueBeforeTheWriteReturns(int batch, int handles)
    {
        using var kernel = new HostedKernel { CallTimeoutMs = 5_000 };
        kernel.StartDriver("fan", new FanOutScheme(), batch);
        kernel.CreateProcess().Run(() =>
        {
            var queue = (nuint)Sys.Open("event:"u8, OpenFlags.NonBlock).Value;
            var fds = new nuint[handles];
            for (int i = 0; i < handles; i++)
            {
                SyscallResult fd = Sys.Open("fan:"u8, OpenFlags.ReadWrite);
                Assert.True(fd.IsOk, fd.ToString());
                fds[i] = (nuint)fd.Value;
                var subscribe = new Event { Id = fds[i], Flags = (ulong)EventFlags.Read, Data = (ulong)i };
                Assert.True(Sys.Write(queue, new ReadOnlySpan<byte>(&subscribe, sizeof(Event))).IsOk);
            }
            var got = new Event[EventQueue.MaxSubscriptions];
            fixed (Event* g = got)
            {
                var bytes = new Span<byte>(g, got.Length * sizeof(Event));
                Assert.Equal(Errno.EAGAIN, Sys.Read(queue, bytes).Error); // nothing ready yet

                Assert.Equal(1UL, Sys.Write(fds[0], "x"u8).Value);        // the driver posts for every handle

                SyscallResult read = Sys.Read(queue, bytes);
                Assert.True(read.IsOk, read.ToString());
                Assert.Equal((ulong)(handles * sizeof(Event)), read.Value);
            }
            var seen = new bool[handles];
            for (int i = 0; i < handles; i++)
            {
                Assert.Equal((ulong)EventFlags.Read, got[i].Flags);
                Assert.Equal(fds[(int)got[i].Data], got[i].Id);
                seen[(int)got[i].Data] = true;
            }
            Assert.All(seen, Assert.True);
        });
    }
}
