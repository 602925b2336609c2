using System;
using System.Runtime.InteropServices;
using Redox;
using Redox.Scheme;
using Redox.Syscall;
using Redox.Syscall.Io;

namespace Redox.Drivers.Ps2;

/// <summary>
/// The PS/2 driver: start-up (<see cref="Start"/>), the interrupt path (<see cref="HandleInterrupt"/>: read the
/// shared output buffer, route each byte by the status AUX bit, decode, queue, post readiness) and the request
/// path (<see cref="HandleRequests"/>, which parks blocking reads until input arrives). A daemon's main loop
/// waits for IRQ 1/12 or a request and calls <see cref="PumpOnce"/>. Nothing here allocates after the
/// constructor, nothing throws, and every wait has a time budget.
/// </summary>
/// <typeparam name="TPort">Port-I/O back end (<c>BareMetalPortIo</c> in the image, <c>HostedPortIo</c> in tests).</typeparam>
/// <typeparam name="TClock">Clock of the waits (<see cref="PollCountClock"/> works everywhere).</typeparam>
[NoAlloc]
public sealed class Ps2Driver<TPort, TClock>
    where TPort : struct, IPortIo
    where TClock : struct, IPs2Clock
{
    // More bytes than this per interrupt means a stuck OBF or a flooding device: leave the rest for the next call.
    private const int MaxBytesPerInterrupt = 256;

    private readonly Ps2Options _options;
    private readonly Sqe[] _parked;
    private readonly Sqe[] _requests;
    private readonly Cqe[] _responses;
    private int _parkedCount;
    private bool _ledsPending;

    /// <summary>A driver with <paramref name="options"/>; nothing touches the hardware before <see cref="Start"/>.</summary>
    public Ps2Driver(TClock clock, in Ps2Options options)
    {
        _options = options;
        Controller = new Ps2Controller<TPort, TClock>(clock, options.Timeouts);
        State = new Ps2State(options);
        Scheme = new Ps2Scheme<TPort, TClock>(this, options.MaxHandles);
        _parked = new Sqe[options.MaxParkedReads < 1 ? 1 : options.MaxParkedReads];
        _requests = new Sqe[16];
        _responses = new Cqe[16 + _parked.Length + options.MaxHandles + 1];
    }

    /// <summary>The controller.</summary>
    public Ps2Controller<TPort, TClock> Controller { get; }

    /// <summary>Decoders, queues, counters.</summary>
    public Ps2State State { get; }

    /// <summary>The <c>ps2:</c> scheme.</summary>
    public Ps2Scheme<TPort, TClock> Scheme { get; }

    /// <summary>What <see cref="Start"/> found.</summary>
    public Ps2InitReport Report;

    /// <summary>Blocking reads waiting for input.</summary>
    public int ParkedReads => _parkedCount;

    /// <summary>
    /// Initialises controller, keyboard and mouse. Whatever fails is reported in <see cref="Report"/> and left
    /// off; the rest is enabled with its interrupt. Safe to call on a machine without an i8042.
    /// </summary>
    public Ps2InitReport Start()
    {
        Report = default;
        Ps2Controller<TPort, TClock> c = Controller;
        Ps2Config config = Ps2Initializer.InitializeController(c, ref Report);
        if (Report.Controller != Ps2Error.None)
        {
            Report.Keyboard = Report.Controller;
            Report.Mouse = Report.Controller;
            return Report;
        }
        // Enable the ports that passed their test, interrupts still off: device answers are polled.
        bool port1 = Report.Port1Test == Ps2Error.None;
        bool port2 = Report.DualChannel && Report.Port2Test == Ps2Error.None && _options.EnableMouse;
        if (port1)
        {
            c.Command(I8042.EnablePort1);
            config &= ~Ps2Config.Port1ClockDisabled;
        }
        if (port2)
        {
            c.Command(I8042.EnablePort2);
            config &= ~Ps2Config.Port2ClockDisabled;
        }
        Report.Keyboard = port1 ? Ps2Keyboard.Initialize(c, State.Keyboard.LedByte, ref Report) : Report.Port1Test;
        if (port2)
        {
            Report.Mouse = Ps2Mouse.Initialize(c, _options.MouseSampleRate, _options.MouseResolution, out Report.MouseId);
        }
        else
        {
            Report.Mouse = !_options.EnableMouse ? Ps2Error.NoDevice : !Report.DualChannel ? Ps2Error.NoSecondPort : Report.Port2Test;
        }
        // Final configuration: interrupts for working devices, clocks off for the others, translation as asked.
        config &= ~(Ps2Config.Port1Interrupt | Ps2Config.Port2Interrupt | Ps2Config.Translation);
        if (Report.Keyboard == Ps2Error.None)
        {
            config |= Ps2Config.Port1Interrupt;
            if (_options.Translation)
            {
                config |= Ps2Config.Translation;
            }
        }
        else
        {
            config |= Ps2Config.Port1ClockDisabled;
        }
        if (Report.Mouse == Ps2Error.None)
        {
            config |= Ps2Config.Port2Interrupt;
        }
        else
        {
            config |= Ps2Config.Port2ClockDisabled;
        }
        c.Command(I8042.WriteConfig, (byte)config);
        Report.FinalConfig = config;
        // Whatever arrived during probing is not input.
        c.ClearStash();
        if (Report.Keyboard == Ps2Error.None)
        {
            Report.Keyboard = Ps2Keyboard.EnableScanning(c);
        }
        if (Report.Mouse == Ps2Error.None)
        {
            Report.Mouse = Ps2Mouse.EnableStreaming(c);
        }
        State.KeyboardReady = Report.KeyboardReady;
        State.MouseReady = Report.MouseReady;
        State.KeyDecoder.Reset((config & Ps2Config.Translation) != 0 ? ScancodeSet.Set1 : ScancodeSet.Set2);
        State.MouseDecoder.Reset(Report.MouseId);
        return Report;
    }

    /// <summary>
    /// The interrupt path (IRQ 1 or 12; both share the one output buffer): reads every waiting byte, routes
    /// it by the AUX status bit, decodes, queues events and posts readiness; updates the LEDs after a lock key.
    /// The value is the number of bytes read; an interrupt that finds nothing is counted as spurious.
    /// </summary>
    public int HandleInterrupt()
    {
        Ps2Controller<TPort, TClock> c = Controller;
        int bytes = 0;
        bool keys = false;
        bool mouse = false;
        while (bytes < MaxBytesPerInterrupt)
        {
            if (c.TryTakeStashed(out byte stashed, out Ps2Port from))
            {
                Route(stashed, from, ref keys, ref mouse);
                continue;
            }
            Ps2Status status = c.ReadStatus();
            if ((status & Ps2Status.OutputFull) == 0)
            {
                if (!_ledsPending)
                {
                    break;
                }
                _ledsPending = false;
                if (Ps2Keyboard.SetLeds(c, State.Keyboard.LedByte) != Ps2Error.None)
                {
                    State.LedFailures++;
                }
                continue;
            }
            Ps2Port port = (status & Ps2Status.AuxData) != 0 && c.HasSecondPort ? Ps2Port.Second : Ps2Port.First;
            byte value = c.ReadData();
            bytes++;
            Route(value, port, ref keys, ref mouse);
        }
        if (bytes == 0)
        {
            State.SpuriousInterrupts++;
        }
        if (keys)
        {
            Scheme.NotifyReadable(Ps2Port.First);
        }
        if (mouse)
        {
            Scheme.NotifyReadable(Ps2Port.Second);
        }
        return bytes;
    }

    private unsafe void Route(byte value, Ps2Port port, ref bool keys, ref bool mouse)
    {
        Ps2State s = State;
        if (port == Ps2Port.First)
        {
            if (!s.KeyboardReady)
            {
                s.StrayBytes++;
                return;
            }
            DecodeStatus d = s.KeyDecoder.Feed(value, out KeyStroke stroke);
            if (d == DecodeStatus.Complete)
            {
                KeyEvent e = default;
                if (s.Keyboard.Apply(stroke, ref e))
                {
                    _ledsPending = true;
                }
                e.Set = s.KeyDecoder.Set;
                e.RawLength = stroke.RawLength;
                for (int i = 0; i < stroke.RawLength; i++)
                {
                    e.Raw[i] = stroke.Raw[i];
                }
                s.Keys.Push(e);
                keys = true;
            }
            else if (d == DecodeStatus.Invalid)
            {
                s.InvalidKeyBytes++;
            }
            else if (d == DecodeStatus.Ignored)
            {
                s.IgnoredKeyBytes++;
            }
            return;
        }
        if (!s.MouseReady)
        {
            s.StrayBytes++;
            return;
        }
        MouseEvent m = default;
        if (s.MouseDecoder.Feed(value, ref m) == DecodeStatus.Complete)
        {
            s.Mouse.Push(m);
            mouse = true;
        }
    }

    /// <summary>
    /// Changes a mouse setting while it streams: stop streaming, set, start again, and realign the packet
    /// decoder (bytes that were on their way are decoded first).
    /// </summary>
    public Ps2Error ApplyMouseSetting(MouseSetting setting, byte value)
    {
        if (setting == MouseSetting.SampleRate ? !Ps2Mouse.IsValidSampleRate(value)
            : setting == MouseSetting.Resolution ? value > 3
            : true)
        {
            return Ps2Error.InvalidArgument;
        }
        Ps2Controller<TPort, TClock> c = Controller;
        Ps2Error e = Ps2Mouse.DisableStreaming(c);
        if (e == Ps2Error.None)
        {
            e = setting == MouseSetting.SampleRate ? Ps2Mouse.SetSampleRate(c, value) : Ps2Mouse.SetResolution(c, value);
        }
        // Decode what was stashed while the mouse was still streaming, then start on a packet boundary.
        HandleStashed();
        State.MouseDecoder.Realign();
        Ps2Error enable = Ps2Mouse.EnableStreaming(c);
        return e != Ps2Error.None ? e : enable;
    }

    private void HandleStashed()
    {
        bool keys = false;
        bool mouse = false;
        while (Controller.TryTakeStashed(out byte value, out Ps2Port port))
        {
            Route(value, port, ref keys, ref mouse);
        }
        if (keys)
        {
            Scheme.NotifyReadable(Ps2Port.First);
        }
        if (mouse)
        {
            Scheme.NotifyReadable(Ps2Port.Second);
        }
    }

    /// <summary>
    /// Serves <paramref name="requests"/>: each is dispatched to <see cref="Scheme"/>; a read that found nothing
    /// (<c>EAGAIN</c>) on a descriptor without <c>O_NONBLOCK</c> is parked instead of answered, and answered by
    /// <see cref="CompleteParked"/> once input arrives. A <c>Cancel</c> for a parked read answers it <c>EINTR</c>.
    /// The value is the number of responses written to <paramref name="responses"/>.
    /// </summary>
    public int HandleRequests(ReadOnlySpan<Sqe> requests, Span<Cqe> responses)
    {
        int n = 0;
        for (int i = 0; i < requests.Length && n < responses.Length; i++)
        {
            ref readonly Sqe r = ref requests[i];
            if (r.Opcode == Opcode.Cancel && Unpark((uint)r.Arg0, out Cqe cancelled))
            {
                responses[n++] = cancelled;
                continue;
            }
            if (!SchemeDispatcher.Dispatch(Scheme, in r, UserMemoryWindow.Unrestricted, out Cqe response))
            {
                continue;
            }
            if (WouldBlock(r, response) && _parkedCount < _parked.Length)
            {
                _parked[_parkedCount++] = r;
                continue;
            }
            responses[n++] = response;
        }
        return n;
    }

    /// <summary>Retries every parked read; those that now find input (or whose handle closed) are answered.</summary>
    public int CompleteParked(Span<Cqe> responses)
    {
        int n = 0;
        int kept = 0;
        for (int i = 0; i < _parkedCount; i++)
        {
            Sqe r = _parked[i];
            if (n < responses.Length)
            {
                SchemeDispatcher.Dispatch(Scheme, in r, UserMemoryWindow.Unrestricted, out Cqe response);
                if (!WouldBlock(r, response))
                {
                    responses[n++] = response;
                    continue;
                }
            }
            _parked[kept++] = r;
        }
        _parkedCount = kept;
        return n;
    }

    /// <summary>
    /// One turn of a daemon's loop on scheme socket <paramref name="socket"/>: read the requests waiting (open
    /// the socket with <c>O_NONBLOCK</c> so this never blocks; <c>EAGAIN</c> is "none"), serve them, run the
    /// interrupt path when <paramref name="interrupted"/>, answer parked reads that can now complete, and write
    /// the responses and readiness posts. The value is 1 while the scheme lives and 0 once the socket reached
    /// its end; an error is returned as is.
    /// </summary>
    public SyscallResult PumpOnce(nuint socket, bool interrupted)
    {
        int answers = 0;
        SyscallResult read = Sys.Read(socket, MemoryMarshal.AsBytes(new Span<Sqe>(_requests)));
        if (read.IsError && read.Error != Errno.EAGAIN)
        {
            return read;
        }
        if (read.IsOk)
        {
            if (read.Value == 0)
            {
                return SyscallResult.Ok(0);
            }
            int count = (int)(read.Value / (ulong)AbiSizes.Sqe);
            answers = HandleRequests(new ReadOnlySpan<Sqe>(_requests, 0, count), _responses);
        }
        if (interrupted)
        {
            HandleInterrupt();
        }
        var responses = new Span<Cqe>(_responses);
        answers += CompleteParked(responses.Slice(answers));
        int total = answers + Scheme.Events.Drain(responses.Slice(answers));
        while (total > 0)
        {
            SyscallResult written = Sys.Write(socket, MemoryMarshal.AsBytes(responses.Slice(0, total)));
            if (written.IsError)
            {
                return written;
            }
            total = Scheme.Events.Drain(responses);
        }
        return SyscallResult.Ok(1);
    }

    private bool Unpark(uint tag, out Cqe response)
    {
        for (int i = 0; i < _parkedCount; i++)
        {
            if (_parked[i].Tag == tag)
            {
                response = Cqe.Respond(tag, Errno.EINTR);
                _parked[i] = _parked[--_parkedCount];
                return true;
            }
        }
        response = default;
        return false;
    }

    private static bool WouldBlock(in Sqe request, in Cqe response)
        => request.Opcode == Opcode.Read
            && SyscallResult.Demux(response.Result).IsError
            && SyscallResult.Demux(response.Result).Error == Errno.EAGAIN
            && ((OpenFlags)(uint)request.Arg4 & OpenFlags.NonBlock) == 0;
}
