using System;
using Redox;
using Redox.Syscall;
using Redox.Syscall.Io;

namespace Redox.Drivers.Ps2;

/// <summary>
/// The driver as a ring-3 daemon, Redox-style: initialise, log what was found, create <c>:ps2</c>, open
/// <c>irq:1</c> (keyboard) and <c>irq:12</c> (mouse) for the devices that work, watch the socket and both lines
/// through one <c>event:</c> queue, and loop <c>wait → read the IRQ counts → PumpOnce → acknowledge</c>. The
/// acknowledgement comes after <see cref="Ps2Driver{TPort, TClock}.PumpOnce"/> drained the output buffer, so a byte
/// that arrives meanwhile raises the (latched) edge again after the unmask. The loop allocates nothing.
/// Needs exactly ports 0x60 and 0x64 and IRQs 1 and 12 (the image's <c>RedoxProgram</c> grants them).
/// </summary>
/// <typeparam name="TPort">Port-I/O back end (<c>BareMetalPortIo</c> in the image).</typeparam>
/// <typeparam name="TClock">Clock of the waits (<see cref="MonotonicClock"/> in the image).</typeparam>
public sealed unsafe class Ps2Daemon<TPort, TClock>
    where TPort : struct, IPortIo
    where TClock : struct, IPs2Clock
{
    /// <summary>Exit code: served until the scheme ended, or nothing to serve (no controller, no device).</summary>
    public const int Clean = 0;

    /// <summary>Exit code: a system call the daemon needs failed (reported on the log); the kernel may restart it.</summary>
    public const int SystemCallFailed = 3;

    private const ulong SocketCookie = 0, KeyboardCookie = 1, MouseCookie = 12;
    private const int LineCapacity = 160;

    private readonly byte[] _name;
    private readonly nuint _log;

    /// <summary>
    /// A daemon that logs lines prefixed <paramref name="name"/> (e.g. <c>ps2d</c>) to descriptor <paramref name="log"/>;
    /// nothing touches the hardware before <see cref="Run"/>.
    /// </summary>
    public Ps2Daemon(TClock clock, in Ps2Options options, ReadOnlySpan<byte> name, nuint log = 1)
    {
        Driver = new Ps2Driver<TPort, TClock>(clock, options);
        _name = name.ToArray();
        _log = log;
    }

    /// <summary>The driver it serves.</summary>
    public Ps2Driver<TPort, TClock> Driver { get; }

    /// <summary>
    /// Initialises the hardware and serves <c>ps2:</c> until the scheme ends. The value is the exit code:
    /// <see cref="Clean"/> when the scheme ended or there is nothing to serve (no controller, or neither device
    /// works: reported, and nothing is created), <see cref="SystemCallFailed"/> when the socket, an IRQ line or the
    /// event queue could not be opened or used (reported with its errno).
    /// </summary>
    public int Run()
    {
        Ps2InitReport report = Driver.Start();
        Span<byte> line = stackalloc byte[LineCapacity];
        WriteLine(line, Ps2ReportText.Controller(report, line, _name));
        if (report.Controller == Ps2Error.None)
        {
            WriteLine(line, Ps2ReportText.Keyboard(report, line, _name));
            WriteLine(line, Ps2ReportText.Mouse(report, line, _name));
        }
        if (!report.KeyboardReady && !report.MouseReady)
        {
            Say("nothing to serve; exiting"u8);
            return Clean;
        }

        SyscallResult socket = Sys.Open(":ps2"u8, OpenFlags.Create | OpenFlags.ReadWrite | OpenFlags.CloseOnExec | OpenFlags.NonBlock);
        if (socket.IsError)
        {
            return Failed("create :ps2"u8, socket);
        }
        // Non-blocking: the event queue says when a count changed; a read then never waits.
        SyscallResult keyboardIrq = report.KeyboardReady ? Sys.Open("irq:1"u8, OpenFlags.ReadWrite | OpenFlags.NonBlock) : Errno.ENODEV;
        if (report.KeyboardReady && keyboardIrq.IsError)
        {
            return Failed("open irq:1"u8, keyboardIrq);
        }
        SyscallResult mouseIrq = report.MouseReady ? Sys.Open("irq:12"u8, OpenFlags.ReadWrite | OpenFlags.NonBlock) : Errno.ENODEV;
        if (report.MouseReady && mouseIrq.IsError)
        {
            return Failed("open irq:12"u8, mouseIrq);
        }
        SyscallResult queue = Sys.Open("event:"u8, OpenFlags.ReadWrite);
        if (queue.IsError)
        {
            return Failed("open event:"u8, queue);
        }
        Event* watch = stackalloc Event[3];
        int watched = 0;
        watch[watched++] = new Event { Id = socket.Value, Flags = (ulong)EventFlags.Read, Data = SocketCookie };
        if (keyboardIrq.IsOk)
        {
            watch[watched++] = new Event { Id = keyboardIrq.Value, Flags = (ulong)EventFlags.Read, Data = KeyboardCookie };
        }
        if (mouseIrq.IsOk)
        {
            watch[watched++] = new Event { Id = mouseIrq.Value, Flags = (ulong)EventFlags.Read, Data = MouseCookie };
        }
        SyscallResult subscribed = Sys.Write((nuint)queue.Value, new ReadOnlySpan<byte>(watch, watched * sizeof(Event)));
        if (subscribed.IsError)
        {
            return Failed("watch the socket and irq lines on an event: queue"u8, subscribed);
        }
        Say(report.KeyboardReady && report.MouseReady ? "serving ps2:keyboard and ps2:mouse"u8
            : report.KeyboardReady ? "serving ps2:keyboard"u8 : "serving ps2:mouse"u8);
        return Serve((nuint)socket.Value, keyboardIrq, mouseIrq, (nuint)queue.Value);
    }

    private int Serve(nuint socket, SyscallResult keyboardIrq, SyscallResult mouseIrq, nuint queue)
    {
        Event* events = stackalloc Event[4];
        // Bytes may have arrived between Start and the opening of the lines: drain once before the first wait.
        bool interrupted = true;
        while (true)
        {
            // The counts are read before the buffer is drained and written back after: see the type's remarks.
            bool keyboard = TakeCount(keyboardIrq, out ulong keyboardCount);
            bool mouse = TakeCount(mouseIrq, out ulong mouseCount);
            SyscallResult pumped = Driver.PumpOnce(socket, interrupted || keyboard || mouse);
            if (pumped.IsError)
            {
                return Failed("serving ended"u8, pumped);
            }
            if (pumped.Value == 0)
            {
                Say("the scheme was removed; exiting"u8);
                return Clean;
            }
            if (keyboard && Acknowledge(keyboardIrq, keyboardCount) is { IsError: true } k)
            {
                return Failed("acknowledge irq:1"u8, k);
            }
            if (mouse && Acknowledge(mouseIrq, mouseCount) is { IsError: true } m)
            {
                return Failed("acknowledge irq:12"u8, m);
            }
            SyscallResult waited = Sys.Read(queue, new Span<byte>(events, 4 * sizeof(Event)));
            if (waited.IsError)
            {
                return Failed("wait on event:"u8, waited);
            }
            // Which line fired does not matter beyond "some did": both share one output buffer, and the counts
            // are read above for every open line.
            interrupted = false;
        }
    }

    // The line's count when it changed since the last acknowledgement (a non-blocking read answers EAGAIN otherwise).
    private static bool TakeCount(SyscallResult irq, out ulong count)
    {
        count = 0;
        if (irq.IsError)
        {
            return false;
        }
        ulong value;
        SyscallResult read = Sys.Read((nuint)irq.Value, new Span<byte>(&value, sizeof(ulong)));
        if (read.IsError || read.Value != sizeof(ulong))
        {
            return false;
        }
        count = value;
        return true;
    }

    // A stale count (another interrupt came after the read) takes 0 bytes and leaves the line masked; the newer
    // interrupt's event is already queued, so the next turn reads and acknowledges that count.
    private static SyscallResult Acknowledge(SyscallResult irq, ulong count)
        => Sys.Write((nuint)irq.Value, new ReadOnlySpan<byte>(&count, sizeof(ulong)));

    private void WriteLine(Span<byte> line, int length)
    {
        line[length++] = (byte)'\n';
        Sys.Write(_log, line.Slice(0, length));
    }

    private void Say(ReadOnlySpan<byte> what)
    {
        Span<byte> buffer = stackalloc byte[LineCapacity];
        var line = new DaemonLine(buffer, _name);
        line.Text(what);
        line.WriteTo(_log);
    }

    private int Failed(ReadOnlySpan<byte> what, SyscallResult result)
    {
        Span<byte> buffer = stackalloc byte[LineCapacity];
        var line = new DaemonLine(buffer, _name);
        line.Text("could not "u8);
        line.Text(what);
        line.Text(": errno "u8);
        line.Decimal((ulong)result.Error);
        line.WriteTo(_log);
        return SystemCallFailed;
    }
}
