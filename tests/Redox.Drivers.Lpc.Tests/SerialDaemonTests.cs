using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using Redox.Drivers.Lpc.Serial;
using Redox.Scheme;
using Redox.Syscall;
using Redox.Testing;
using Redox.Testing.Devices;
using Xunit;

namespace Redox.Drivers.Lpc.Tests;

/// <summary>
/// The <c>serial:</c> daemon's own event loop (<see cref="SerialDriver.Run{TPort}"/>, <see cref="SerialEventLoop"/>) on
/// the hosted kernel, with the 16550 model's interrupt output wired to the hosted <c>irq:3</c>: bytes put on the wire
/// reach a client only through the interrupt path (the daemon sleeps on its event queue; nothing polls).
/// </summary>
public class SerialDaemonTests
{
    private const int Line = 3;

    /// <summary>The daemon on its own thread, as its own process, bound to the kernel's bus.</summary>
    private sealed class Daemon
    {
        private readonly Thread _thread;

        public Daemon(HostedKernel kernel, Func<SyscallResult> main)
        {
            var process = kernel.CreateProcess();
            _thread = new Thread(() =>
            {
                using var scope = process.Enter();
                SimulatedBus.Current = kernel.Bus;
                Result = main();
            }) { IsBackground = true, Name = "seriald" };
            _thread.Start();
            Assert.True(WaitFor(() => kernel.FindScheme("serial") != null), "the daemon never registered serial:");
        }

        public SyscallResult Result { get; private set; }

        public bool Join() => _thread.Join(5_000);
    }

    private static bool WaitFor(Func<bool> condition, int timeoutMs = 5_000)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.ElapsedMilliseconds > timeoutMs)
            {
                return false;
            }
            Thread.Sleep(1);
        }
        return true;
    }

    private static (HostedKernel Kernel, Uart16550Model Uart) Machine()
    {
        var kernel = new HostedKernel();
        var uart = new Uart16550Model(0x2F8);
        kernel.Bus.MapPorts(uart.Base, 8, uart);
        uart.ConnectInterrupt(kernel.Interrupts, Line);       // COM2 is wired to IRQ 3
        return (kernel, uart);
    }

    private static void Subscribe(nuint queue, nuint fd, ulong data)
    {
        var subscription = new Event { Id = fd, Flags = (ulong)EventFlags.Read, Data = data };
        Assert.False(Sys.Write(queue, MemoryMarshal.AsBytes(new ReadOnlySpan<Event>(ref subscription))).IsError);
    }

    private static Event WaitEvent(nuint queue)
    {
        var events = new Event[1];
        SyscallResult waited = Sys.Read(queue, MemoryMarshal.AsBytes(events.AsSpan()));
        Assert.False(waited.IsError, "event queue: " + waited.Error);
        return events[0];
    }

    private static string ReadAll(nuint data)
    {
        var buffer = new byte[256];
        SyscallResult read = Sys.Read(data, buffer);
        Assert.False(read.IsError, "read serial:com2: " + read.Error);
        return Encoding.ASCII.GetString(buffer, 0, (int)read.Value);
    }

    [Fact]
    public void Bytes_on_the_wire_reach_a_waiting_client_through_irq_and_the_line_is_rearmed_by_the_acknowledgement()
    {
        var (kernel, uart) = Machine();
        Daemon daemon;
        using (kernel)
        {
            daemon = new Daemon(kernel, () => SerialDriver.Run<HostedPortIo>(new[] { 2 }));
            Assert.True(WaitFor(() => !kernel.IsIrqMasked(Line)), "the daemon never opened irq:3");
            kernel.CreateProcess().Run(() =>
            {
                nuint data = Io.Open("serial:com2");
                nuint queue = Io.Open("event:");
                Subscribe(queue, data, 2);                       // fevent: the scheme now posts EVENT_READ for this handle
                Assert.Equal(Errno.EAGAIN, Sys.Read(data, new byte[8]).Error);

                ulong before = kernel.IrqCount(Line);
                uart.Receive(Encoding.ASCII.GetBytes("hello"));
                Event e = WaitEvent(queue);                      // blocks until the daemon serviced the interrupt
                Assert.Equal(2UL, e.Data);
                Assert.Equal((ulong)EventFlags.Read, e.Flags & (ulong)EventFlags.Read);
                Assert.Equal("hello", ReadAll(data));
                Assert.True(kernel.IrqCount(Line) > before);
                // The daemon wrote the count back: the line is open for the next interrupt (unacknowledged, it would stay
                // masked and the next bytes would never be serviced).
                Assert.True(WaitFor(() => !kernel.IsIrqMasked(Line)), "irq:3 left masked after the interrupt");
                Assert.Equal(0, uart.ReceivePending);

                for (int round = 0; round < 20; round++)
                {
                    string text = "line " + round;
                    uart.Receive(Encoding.ASCII.GetBytes(text));
                    WaitEvent(queue);
                    Assert.Equal(text, ReadAll(data));
                }
                Assert.True(WaitFor(() => !kernel.IsIrqMasked(Line)));

                // Writes go out through the same loop (the THRE interrupt sends what the FIFO could not take).
                string longer = new string('x', 100);
                Assert.Equal(100UL, Io.WriteText(data, longer).Value);
                Assert.True(WaitFor(() => uart.Transmitted.Count >= 100), "sent " + uart.Transmitted.Count + " of 100");
                Assert.Equal(longer, Encoding.ASCII.GetString(uart.Transmitted.ToArray()));
            });
        }
        // Dispose removed serial:: the socket became readable with nothing in it, and the loop ended with the count.
        Assert.True(daemon.Join(), "the loop did not end when serial: went");
        Assert.False(daemon.Result.IsError, "the loop failed: " + daemon.Result.Error);
        Assert.True(daemon.Result.Value > 20);
    }

    [Fact]
    public void A_full_receive_buffer_drops_the_newest_bytes_and_counts_them_while_the_line_keeps_working()
    {
        var (kernel, uart) = Machine();
        Daemon daemon;
        using (kernel)
        {
            // The daemon's loop with a 64-byte receive buffer (SerialDriver.Run gives each port 4 KiB).
            daemon = new Daemon(kernel, () =>
            {
                var scheme = new SerialScheme<HostedPortIo>();
                var port = new UartPort<HostedPortIo>(0x2F8, 64);
                Assert.Equal((Errno)0, port.Initialize());
                Assert.Equal((Errno)0, scheme.AddPort(2, port));
                SyscallResult socket = Sys.Open(":serial"u8, OpenFlags.Create | OpenFlags.ReadWrite | OpenFlags.NonBlock);
                return socket.IsError ? socket : SerialEventLoop.Run(scheme, new SchemeServer(scheme, (nuint)socket.Value), 1u << Line);
            });
            Assert.True(WaitFor(() => !kernel.IsIrqMasked(Line)), "the loop never opened irq:3");

            // Five FIFO-fulls, each serviced before the next (no overrun in the chip): 80 bytes for a 64-byte buffer.
            var sent = new byte[80];
            for (int i = 0; i < sent.Length; i++)
            {
                sent[i] = (byte)i;
            }
            for (int chunk = 0; chunk < 5; chunk++)
            {
                uart.Receive(sent.AsSpan(chunk * 16, 16).ToArray());
                Assert.True(WaitFor(() => uart.ReceivePending == 0 && !kernel.IsIrqMasked(Line)), "chunk " + chunk + " not serviced");
            }
            kernel.CreateProcess().Run(() =>
            {
                nuint config = Io.Open("serial:com2/config", OpenFlags.ReadOnly);
                Assert.True(WaitFor(() => Io.ReadText(config).Contains(" dropped=16 ")), Io.ReadText(config));
                Assert.Contains(" errors=0", Io.ReadText(config));

                nuint data = Io.Open("serial:com2");
                var buffer = new byte[128];
                Assert.Equal(64UL, Sys.Read(data, buffer).Value);       // the oldest 64, in order; the newest 16 were lost
                Assert.Equal(sent.AsSpan(0, 64).ToArray(), buffer.AsSpan(0, 64).ToArray());
                Assert.Equal(Errno.EAGAIN, Sys.Read(data, buffer).Error);

                // With room again, the next bytes arrive as usual.
                nuint queue = Io.Open("event:");
                Subscribe(queue, data, 9);
                uart.Receive(1, 2, 3);
                Assert.Equal(9UL, WaitEvent(queue).Data);
                Assert.Equal(3UL, Sys.Read(data, buffer).Value);
            });
        }
        Assert.True(daemon.Join(), "the loop did not end when serial: went");
        Assert.False(daemon.Result.IsError, "the loop failed: " + daemon.Result.Error);
    }
}
