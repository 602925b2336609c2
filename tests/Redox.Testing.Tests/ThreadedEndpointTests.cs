using System;
using System.Threading;
using System.Threading.Tasks;
using Redox.Scheme;
using Redox.Syscall;
using Xunit;

namespace Redox.Testing.Tests;

/// <summary>The threaded endpoint on the kernel's call table, through a real <see cref="SchemeServer"/> loop.</summary>
public class ThreadedEndpointTests
{
    /// <summary>Reads answer one byte; a read can be held until released; cancels and allocations are recorded.</summary>
    private sealed class GateScheme : SchemeBase
    {
        public readonly ManualResetEventSlim Release = new(true);
        public volatile int Cancels;
        public uint LastCancelTag;
        public uint LastReadTag;
        public long DriverThreadAllocated;

        public override OpenResult Open(ReadOnlySpan<byte> path, OpenFlags flags, in CallerContext caller) => OpenResult.Handle(1);

        public override SyscallResult Read(ulong id, Span<byte> buffer, ulong offset, uint flags, in CallerContext caller)
        {
            LastReadTag = caller.Tag;
            Release.Wait();
            DriverThreadAllocated = GC.GetAllocatedBytesForCurrentThread();
            buffer[0] = (byte)offset;
            return SyscallResult.Ok(1);
        }

        public override void Cancel(uint tag, in CallerContext caller)
        {
            LastCancelTag = tag;
            Cancels++;
        }

        public override SyscallResult Close(ulong id, in CallerContext caller) => SyscallResult.Ok(0);
    }

    [Fact]
    public void ATimedOutCallReachesTheDriverAsACancelWithItsTag()
    {
        using var kernel = new HostedKernel();
        var scheme = new GateScheme();
        kernel.StartDriver("gate", scheme);
        kernel.CreateProcess().Run(() =>
        {
            var fd = (nuint)Sys.Open("gate:"u8, OpenFlags.ReadOnly).Value;
            scheme.Release.Reset();
            kernel.CallTimeoutMs = 500;
            Assert.Equal(Errno.ETIMEDOUT, Sys.ReadAt(fd, new byte[1], 1).Error);
            kernel.CallTimeoutMs = 10_000;
            uint heldTag = scheme.LastReadTag;
            scheme.Release.Set();
            Assert.True(SpinWait.SpinUntil(() => scheme.Cancels == 1, 2_000), "no Cancel reached the driver");
            Assert.Equal(heldTag, scheme.LastCancelTag);
            var buffer = new byte[1];
            Assert.Equal(1UL, Sys.ReadAt(fd, buffer, 9).Value);      // its own answer, not the late one
            Assert.Equal(9, buffer[0]);
            Assert.Equal(0, ((ThreadedEndpoint)kernel.FindScheme("gate")!).CallsInFlight);
        });
    }

    [Fact]
    public void ACancelWakesADriverBlockedInItsRead()
    {
        // A driver that holds a request unanswered and reads on (an asynchronous driver) sleeps in its read: the
        // Cancel for the held call must wake it.
        using var kernel = new HostedKernel();
        var driverProcess = kernel.CreateProcess();
        var received = new System.Collections.Concurrent.BlockingCollection<Sqe>();
        var ready = new ManualResetEventSlim();
        var driver = new Thread(() => driverProcess.Run(() =>
        {
            var socket = (nuint)Sys.Open(":async"u8, OpenFlags.Create | OpenFlags.ReadWrite).Value;
            ready.Set();
            var one = new Sqe[1];
            while (true)
            {
                var r = Sys.Read(socket, System.Runtime.InteropServices.MemoryMarshal.AsBytes(one.AsSpan()));
                if (r.IsError || r.Value == 0)
                {
                    return;
                }
                received.Add(one[0]);
                if (one[0].Opcode == Opcode.Open)
                {
                    Span<Cqe> answer = stackalloc Cqe[1];
                    answer[0] = Cqe.Respond(one[0].Tag, SyscallResult.Ok(1));
                    Sys.Write(socket, System.Runtime.InteropServices.MemoryMarshal.AsBytes(answer));
                }
            }
        })) { IsBackground = true };
        driver.Start();
        Assert.True(ready.Wait(5_000));
        kernel.CreateProcess().Run(() =>
        {
            var fd = (nuint)Sys.Open("async:"u8, OpenFlags.ReadOnly).Value;
            kernel.CallTimeoutMs = 500;
            Assert.Equal(Errno.ETIMEDOUT, Sys.Read(fd, new byte[1]).Error);
        });
        Assert.True(received.TryTake(out Sqe open, 1_000) && open.Opcode == Opcode.Open);
        Assert.True(received.TryTake(out Sqe read, 1_000) && read.Opcode == Opcode.Read);
        Assert.True(received.TryTake(out Sqe cancel, 2_000), "the driver slept through the Cancel");
        Assert.Equal(Opcode.Cancel, cancel.Opcode);
        Assert.Equal(read.Tag, cancel.Tag);
    }

    [Fact]
    public void AWarmRoundTripAllocatesNothingOnEitherSide()
    {
        using var kernel = new HostedKernel();
        var scheme = new GateScheme();
        kernel.StartDriver("gate", scheme);
        kernel.CreateProcess().Run(() =>
        {
            var fd = (nuint)Sys.Open("gate:"u8, OpenFlags.ReadOnly).Value;
            var buffer = new byte[1];
            for (int i = 0; i < 200; i++)
            {
                Sys.Read(fd, buffer);
            }
            long client = GC.GetAllocatedBytesForCurrentThread();
            long driver = scheme.DriverThreadAllocated;
            for (int i = 0; i < 1_000; i++)
            {
                Sys.Read(fd, buffer);
            }
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - client);
            Assert.Equal(0, scheme.DriverThreadAllocated - driver);
        });
    }

    [Fact]
    public void MoreClientsThanSlotsWaitForOneInsteadOfFailing()
    {
        using var kernel = new HostedKernel { CallTimeoutMs = 10_000 };
        var scheme = new GateScheme();
        kernel.StartDriver("gate", scheme);
        var process = kernel.CreateProcess();
        var fd = process.Run(() => (nuint)Sys.Open("gate:"u8, OpenFlags.ReadOnly).Value);
        scheme.Release.Reset();
        var clients = new Task<SyscallResult>[Redox.Kernel.Ipc.SchemeCallTable<object>.MaxCapacity + 20];
        for (int i = 0; i < clients.Length; i++)
        {
            clients[i] = Task.Factory.StartNew(() => process.Run(() => Sys.Read(fd, new byte[1])), TaskCreationOptions.LongRunning);
        }
        var endpoint = (ThreadedEndpoint)kernel.FindScheme("gate")!;
        Assert.True(SpinWait.SpinUntil(() => endpoint.CallsInFlight == Redox.Kernel.Ipc.SchemeCallTable<object>.MaxCapacity, 10_000));
        scheme.Release.Set();
        Assert.True(Task.WaitAll(clients, 20_000));
        foreach (var c in clients)
        {
            Assert.Equal(1UL, c.Result.Value);
        }
    }
}
