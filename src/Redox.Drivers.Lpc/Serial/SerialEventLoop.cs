using System;
using System.Runtime.InteropServices;
using Redox.Scheme;
using Redox.Syscall;
using Redox.Syscall.Io;

namespace Redox.Drivers.Lpc.Serial;

/// <summary>
/// The <c>serial:</c> daemon's loop, Redox's way (its drivers' <c>event:</c> loops): one event queue watches the scheme
/// socket and the <c>irq:</c> line of every port served, and the daemon sleeps on it. A request wakes it to drain the
/// socket; an interrupt wakes it to service the UARTs (received bytes into the buffer, the next FIFO-full out, readiness
/// posted to waiting clients), after which it writes the count back to <c>irq:N</c> to acknowledge, which unmasks the
/// line. Nothing is polled: a byte that arrives while no client is calling still reaches the buffer and a client
/// waiting for <c>EVENT_READ</c>.
/// </summary>
[NoAlloc]
public static class SerialEventLoop
{
    // Event data: which descriptor an event is about (the irq: lines carry IrqCookie + line).
    private const ulong SocketCookie = 1, IrqCookie = 0x100;

    /// <summary>
    /// Serves <paramref name="scheme"/> through <paramref name="server"/> (whose socket must be non-blocking) and the
    /// IRQ lines whose bits are set in <paramref name="lines"/> until the scheme is removed (the value: requests served)
    /// or a system call fails (its error).
    /// </summary>
    public static unsafe SyscallResult Run<TPort>(SerialScheme<TPort> scheme, SchemeServer server, uint lines)
        where TPort : struct, IPortIo
    {
        SyscallResult queue = Sys.Open("event:"u8, OpenFlags.ReadWrite);
        if (queue.IsError)
        {
            return queue;
        }
        nuint* irqs = stackalloc nuint[16];
        Event* subscriptions = stackalloc Event[17];
        Span<byte> path = stackalloc byte[6];
        int count = 0;
        subscriptions[count++] = new Event { Id = server.Socket, Flags = (ulong)EventFlags.Read, Data = SocketCookie };
        for (int line = 1; line < 16; line++)
        {
            irqs[line] = 0;
            if ((lines & (1u << line)) == 0)
            {
                continue;
            }
            int length = IrqPath(path, line);
            SyscallResult irq = Sys.Open(path.Slice(0, length), OpenFlags.ReadWrite | OpenFlags.NonBlock);
            if (irq.IsError)
            {
                return irq;
            }
            irqs[line] = (nuint)irq.Value;
            subscriptions[count++] = new Event { Id = irq.Value, Flags = (ulong)EventFlags.Read, Data = IrqCookie + (ulong)line };
        }
        SyscallResult subscribed = Sys.Write((nuint)queue.Value, new ReadOnlySpan<byte>(subscriptions, count * sizeof(Event)));
        if (subscribed.IsError)
        {
            return subscribed;
        }

        // Bytes may have arrived between start-up and the subscription: service once before the first wait.
        SerialDriver.ServiceInterrupt(scheme, server);
        ulong served = 0;
        Event* events = stackalloc Event[8];
        while (true)
        {
            SyscallResult waited = Sys.Read((nuint)queue.Value, new Span<byte>(events, 8 * sizeof(Event)));
            if (waited.IsError)
            {
                return waited;
            }
            int arrived = (int)(waited.Value / (ulong)sizeof(Event));
            for (int i = 0; i < arrived; i++)
            {
                if (events[i].Data == SocketCookie)
                {
                    SyscallResult drained = Drain(server, ref served);
                    if (drained.IsError || drained.Value == 0)
                    {
                        return drained.IsError ? drained : SyscallResult.Ok(served);
                    }
                }
                else if (events[i].Data > IrqCookie && events[i].Data < IrqCookie + 16)
                {
                    SyscallResult handled = Interrupt(scheme, server, irqs[(int)(events[i].Data - IrqCookie)]);
                    if (handled.IsError)
                    {
                        return handled;
                    }
                }
            }
        }
    }

    // Serves batches until the socket is empty (EAGAIN); the value is 0 when the scheme was removed, else 1.
    private static SyscallResult Drain(SchemeServer server, ref ulong served)
    {
        while (true)
        {
            SyscallResult batch = server.RunOnce();
            if (batch.IsError)
            {
                return batch.Error == Errno.EAGAIN ? SyscallResult.Ok(1) : batch;
            }
            if (batch.Value == 0)
            {
                return SyscallResult.Ok(0);
            }
            served += batch.Value;
        }
    }

    // One interrupt: read the count (nothing new: a merged event, done), service, acknowledge with the count. A stale
    // count (another interrupt came meanwhile, and the line stays masked) means: service and acknowledge again.
    private static unsafe SyscallResult Interrupt<TPort>(SerialScheme<TPort> scheme, SchemeServer server, nuint irq)
        where TPort : struct, IPortIo
    {
        while (true)
        {
            ulong count;
            SyscallResult read = Sys.Read(irq, new Span<byte>(&count, sizeof(ulong)));
            if (read.IsError)
            {
                return read.Error == Errno.EAGAIN ? SyscallResult.Ok(0) : read;
            }
            SyscallResult flushed = SerialDriver.ServiceInterrupt(scheme, server);
            if (flushed.IsError)
            {
                return flushed;
            }
            SyscallResult acknowledged = Sys.Write(irq, new ReadOnlySpan<byte>(&count, sizeof(ulong)));
            if (acknowledged.IsError)
            {
                return acknowledged;
            }
            if (acknowledged.Value == sizeof(ulong))
            {
                return SyscallResult.Ok(0);
            }
        }
    }

    // "irq:N" for N of 1-15.
    private static int IrqPath(Span<byte> path, int line)
    {
        "irq:"u8.CopyTo(path);
        if (line < 10)
        {
            path[4] = (byte)('0' + line);
            return 5;
        }
        path[4] = (byte)'1';
        path[5] = (byte)('0' + line - 10);
        return 6;
    }
}
