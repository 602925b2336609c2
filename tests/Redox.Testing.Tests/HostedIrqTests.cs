using System;
using System.Runtime.InteropServices;
using System.Threading;
using Redox.Syscall;
using Xunit;

namespace Redox.Testing.Tests;

/// <summary>
/// The hosted <c>irq:</c> scheme: the real kernel's rules (IrqLineTable, IrqLineRules), reached through <c>Sys</c> calls,
/// with interrupts raised on <see cref="HostedKernel.Interrupts"/> as a device model raises them.
/// </summary>
public class HostedIrqTests
{
    private static nuint Open(string path, OpenFlags flags = OpenFlags.ReadWrite | OpenFlags.NonBlock)
    {
        var r = Sys.Open(System.Text.Encoding.ASCII.GetBytes(path), flags);
        Assert.False(r.IsError, "open " + path + ": " + r.Error);
        return (nuint)r.Value;
    }

    private static SyscallResult ReadCount(nuint fd, out ulong count)
    {
        ulong value = 0;
        var r = Sys.Read(fd, MemoryMarshal.AsBytes(new Span<ulong>(ref value)));
        count = value;
        return r;
    }

    private static SyscallResult Acknowledge(nuint fd, ulong count)
        => Sys.Write(fd, MemoryMarshal.AsBytes(new ReadOnlySpan<ulong>(ref count)));

    [Fact]
    public void Lines_are_those_the_real_kernel_serves()
    {
        using var kernel = new HostedKernel();
        kernel.CreateProcess().Run(() =>
        {
            Assert.Equal(Errno.ENOENT, Sys.Open("irq:0"u8, OpenFlags.ReadWrite).Error);   // the scheduler's timer
            Assert.Equal(Errno.ENOENT, Sys.Open("irq:2"u8, OpenFlags.ReadWrite).Error);   // the cascade
            Assert.Equal(Errno.ENOENT, Sys.Open("irq:16"u8, OpenFlags.ReadWrite).Error);
            Assert.Equal(Errno.ENOENT, Sys.Open("irq:com"u8, OpenFlags.ReadWrite).Error);
            nuint irq = Open("irq:12");
            var path = new byte[16];
            Assert.Equal(6UL, Sys.Fpath(irq, path).Value);
            Assert.Equal("irq:12", System.Text.Encoding.ASCII.GetString(path, 0, 6));
            Assert.Equal(Errno.EINVAL, Sys.Read(irq, new byte[4]).Error);               // less than a count
            Assert.Equal(Errno.EINVAL, Sys.Write(irq, new byte[7]).Error);
            Assert.Equal(Errno.EAGAIN, ReadCount(irq, out _).Error);                    // nothing yet
            Assert.Equal(Errno.ESPIPE, Sys.Lseek(irq, 0, SeekWhence.Set).Error);
        });
    }

    [Fact]
    public void An_interrupt_masks_its_line_until_the_current_count_is_written_back()
    {
        using var kernel = new HostedKernel();
        kernel.CreateProcess().Run(() =>
        {
            Assert.True(kernel.IsIrqMasked(3));                  // nobody has it open
            nuint irq = Open("irq:3");
            Assert.False(kernel.IsIrqMasked(3));

            kernel.Interrupts.Raise(3);
            Assert.True(kernel.IsIrqMasked(3));
            Assert.Equal(8UL, ReadCount(irq, out ulong count).Value);
            Assert.Equal(1UL, count);

            kernel.Interrupts.Raise(3);                          // masked: latched, as the 8259 latches it
            Assert.Equal(1UL, kernel.IrqCount(3));
            Assert.Equal(0UL, Acknowledge(irq, 0).Value);        // stale: takes nothing, stays masked
            Assert.True(kernel.IsIrqMasked(3));
            Assert.Equal(8UL, Acknowledge(irq, 1).Value);        // unmasked, and the latched edge arrives at once
            Assert.Equal(2UL, kernel.IrqCount(3));
            Assert.True(kernel.IsIrqMasked(3));
            Assert.Equal(8UL, ReadCount(irq, out count).Value);
            Assert.Equal(2UL, count);
            Assert.Equal(8UL, Acknowledge(irq, 2).Value);
            Assert.False(kernel.IsIrqMasked(3));
            Assert.Equal(Errno.EAGAIN, ReadCount(irq, out _).Error);

            Assert.Equal(0UL, Sys.Close(irq).Value);             // the last opener gone: masked again
            Assert.True(kernel.IsIrqMasked(3));
            kernel.Interrupts.Raise(3);                          // latched while nobody listens...
            nuint again = Open("irq:3");                         // ...and delivered when the line opens, as on a PC
            Assert.Equal(3UL, kernel.IrqCount(3));
            Assert.Equal(8UL, ReadCount(again, out count).Value);
            Assert.Equal(3UL, count);
        });
    }

    [Fact]
    public void An_interrupt_is_EVENT_READ_for_the_queues_watching_the_line_and_wakes_a_blocked_reader()
    {
        using var kernel = new HostedKernel();
        kernel.CreateProcess().Run(() =>
        {
            nuint irq = Open("irq:4");
            nuint queue = Open("event:", OpenFlags.ReadWrite);
            var subscription = new Event { Id = irq, Flags = (ulong)EventFlags.Read, Data = 44 };
            Assert.False(Sys.Write(queue, MemoryMarshal.AsBytes(new ReadOnlySpan<Event>(ref subscription))).IsError);

            var raiser = new Thread(() =>
            {
                Thread.Sleep(50);
                kernel.Interrupts.Raise(4);
            });
            raiser.Start();
            var events = new Event[4];
            var waited = Sys.Read(queue, MemoryMarshal.AsBytes(events.AsSpan()));    // blocks until the interrupt
            raiser.Join();
            Assert.Equal((ulong)Marshal.SizeOf<Event>(), waited.Value);
            Assert.Equal(irq, (nuint)events[0].Id);
            Assert.Equal((ulong)EventFlags.Read, events[0].Flags);
            Assert.Equal(44UL, events[0].Data);

            // A blocking irq: descriptor waits for the next one too.
            nuint blocking = Open("irq:4", OpenFlags.ReadWrite);
            Assert.Equal(8UL, Acknowledge(irq, 1).Value);
            var later = new Thread(() =>
            {
                Thread.Sleep(50);
                kernel.Interrupts.Raise(4);
            });
            later.Start();
            Assert.Equal(8UL, ReadCount(blocking, out ulong count).Value);
            later.Join();
            Assert.Equal(2UL, count);

            // A queue that starts watching a line with an unacknowledged count gets EVENT_READ at once.
            nuint second = Open("event:", OpenFlags.ReadWrite | OpenFlags.NonBlock);
            subscription.Data = 45;
            Assert.False(Sys.Write(second, MemoryMarshal.AsBytes(new ReadOnlySpan<Event>(ref subscription))).IsError);
            Assert.Equal((ulong)Marshal.SizeOf<Event>(), Sys.Read(second, MemoryMarshal.AsBytes(events.AsSpan())).Value);
            Assert.Equal(45UL, events[0].Data);
        });
    }

    [Fact]
    public void A_driver_can_watch_its_own_socket_beside_its_lines()
    {
        using var kernel = new HostedKernel();
        using var driver = new RawSocket(kernel, "watched");
        nuint queue = Open("event:", OpenFlags.ReadWrite | OpenFlags.NonBlock);
        var subscription = new Event { Id = driver.Fd, Flags = (ulong)EventFlags.Read, Data = 7 };
        Assert.False(Sys.Write(queue, MemoryMarshal.AsBytes(new ReadOnlySpan<Event>(ref subscription))).IsError);
        var events = new Event[4];
        Assert.Equal(Errno.EAGAIN, Sys.Read(queue, MemoryMarshal.AsBytes(events.AsSpan())).Error);   // no request yet

        var client = new Thread(() => kernel.CreateProcess().Run(() => Sys.Open("watched:x"u8, OpenFlags.ReadOnly)));
        client.Start();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        SyscallResult waited;
        while ((waited = Sys.Read(queue, MemoryMarshal.AsBytes(events.AsSpan()))).IsError && clock.ElapsedMilliseconds < 5_000)
        {
            Thread.Sleep(1);
        }
        Assert.False(waited.IsError);
        Assert.Equal(7UL, events[0].Data);
        Assert.Equal((ulong)EventFlags.Read, events[0].Flags);
        var requests = driver.Receive(4);
        Assert.Single(requests);
        driver.AnswerOpen(requests[0].Tag, 1);
        client.Join();
    }
}
