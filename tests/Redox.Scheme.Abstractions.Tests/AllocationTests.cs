using System;
using Redox.Syscall;
using Xunit;

namespace Redox.Scheme.Tests;

/// <summary>[NoAlloc] made measurable: dispatch allocates nothing on the request path.</summary>
public unsafe class AllocationTests
{
    [Fact]
    public void DispatchAllocatesNothing()
    {
        var scheme = new QuietScheme();
        var table = new HandleTable<int>(8);
        var buffer = new byte[512];
        var path = "some/path"u8.ToArray();
        fixed (byte* p = buffer)
        fixed (byte* q = path)
        {
            var read = Requests.Make(Opcode.Read, 1, (ulong)p, 512);
            var open = Requests.Make(Opcode.Open, (ulong)q, (ulong)path.Length);
            var stat = Requests.Make(Opcode.Fstat, 1, (ulong)p, 512);
            var times = Requests.Make(Opcode.Futimens, 1, (ulong)p, 32);
            var bogus = Requests.Make((Opcode)200, 1);
            Run(scheme, table, read, open, stat, times, bogus, 100); // warm up (JIT, statics)
            long before = GC.GetAllocatedBytesForCurrentThread();
            Run(scheme, table, read, open, stat, times, bogus, 10_000);
            long after = GC.GetAllocatedBytesForCurrentThread();
            Assert.Equal(0, after - before);
        }
    }

    private static void Run(SchemeBase scheme, HandleTable<int> table, in Sqe read, in Sqe open, in Sqe stat, in Sqe times, in Sqe bogus, int n)
    {
        for (int i = 0; i < n; i++)
        {
            SchemeDispatcher.Dispatch(scheme, read, default, out _);
            SchemeDispatcher.Dispatch(scheme, open, default, out _);
            SchemeDispatcher.Dispatch(scheme, stat, default, out _);
            SchemeDispatcher.Dispatch(scheme, times, default, out _);
            SchemeDispatcher.Dispatch(scheme, bogus, default, out _);
            table.TryAdd(i, out ulong id);
            table.Get(id, out _);
            table.Remove(id);
            scheme.Events.Post(1, EventFlags.Read);
            Span<Cqe> drained = stackalloc Cqe[4];
            scheme.Events.Drain(drained);
        }
    }

    /// <summary>Like a real driver: answers without allocating (RecordingScheme builds strings).</summary>
    private sealed class QuietScheme : SchemeBase
    {
        public override OpenResult Open(ReadOnlySpan<byte> path, OpenFlags flags, in CallerContext caller)
            => path.Length > 0 ? OpenResult.Handle(1, NewFdFlags.Positioned) : Errno.ENOENT;

        public override SyscallResult Read(ulong id, Span<byte> buffer, ulong offset, uint flags, in CallerContext caller)
        {
            buffer.Clear();
            return SyscallResult.Ok((ulong)buffer.Length);
        }

        public override SyscallResult Fstat(ulong id, ref Stat stat, in CallerContext caller)
        {
            stat.Size = 1;
            return SyscallResult.Ok(0);
        }

        public override SyscallResult Futimens(ulong id, ReadOnlySpan<TimeSpec> times, in CallerContext caller)
            => SyscallResult.Ok((ulong)times.Length);
    }
}
