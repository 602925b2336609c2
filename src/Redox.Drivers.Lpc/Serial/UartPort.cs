using System;
using Redox.Syscall;
using Redox.Syscall.Io;

namespace Redox.Drivers.Lpc.Serial;

/// <summary>
/// One UART in service: its controller, a bounded receive buffer filled by the interrupt, a transmit
/// buffer drained by the THR-empty interrupt, and its health. Receiving never blocks the driver: bytes that
/// arrive with the buffer full are dropped and counted (<see cref="Dropped"/>). Transmitting never spins:
/// a write queues bytes, puts at most one FIFO's worth into the chip when THRE is set, and lets the THRE
/// interrupt send the rest.
/// </summary>
/// <typeparam name="TPort">Port-I/O back end.</typeparam>
public sealed class UartPort<TPort>
    where TPort : struct, IPortIo
{
    private readonly UartController<TPort> _chip;
    private readonly ByteRing _receive;
    private readonly ByteRing _transmit;
    private readonly PollBudget _budget;
    private InterruptEnable _enabled;

    /// <summary>A port for the UART at <paramref name="basePort"/>, with buffers of <paramref name="bufferSize"/> bytes each way.</summary>
    public UartPort(ushort basePort, int bufferSize = 4096, PollBudget budget = default)
    {
        _chip = new UartController<TPort>(basePort);
        _receive = new ByteRing(bufferSize);
        _transmit = new ByteRing(bufferSize);
        _budget = budget.OrDefault();
    }

    /// <summary>The chip.</summary>
    public UartController<TPort> Controller => _chip;

    /// <summary>What detection found (Absent until <see cref="Initialize"/>).</summary>
    public UartKind Kind { get; private set; }

    /// <summary>True when the loopback self-test passed.</summary>
    public bool SelfTestPassed { get; private set; }

    /// <summary>True once the UART stopped answering or failed its self-test: every operation answers <c>EIO</c>.</summary>
    public bool Failed { get; private set; }

    /// <summary>Received bytes lost because the receive buffer was full.</summary>
    public ulong Dropped { get; private set; }

    /// <summary>Receiver errors reported by LSR (overrun, parity, framing, break).</summary>
    public ulong LineErrors { get; private set; }

    /// <summary>The current line settings.</summary>
    public LineSettings Settings { get; private set; }

    /// <summary>Bytes waiting to be read.</summary>
    public int Available => _receive.Count;

    /// <summary>Room in the transmit buffer.</summary>
    public int TransmitRoom => _transmit.Free;

    /// <summary>Bytes queued but not yet handed to the chip.</summary>
    public int TransmitPending => _transmit.Count;

    /// <summary>
    /// Detects the UART, runs the loopback self-test, programs 115200 8N1, turns the FIFO on where it works,
    /// raises DTR, RTS and OUT2 (the PC's interrupt gate) and enables the receive and line-status interrupts.
    /// <c>ENODEV</c> when nothing is there, <c>EIO</c> when the self-test fails.
    /// </summary>
    public Errno Initialize()
    {
        Kind = _chip.Detect();
        if (Kind == UartKind.Absent)
        {
            return Errno.ENODEV;
        }
        SelfTestPassed = _chip.SelfTest(_budget);
        if (!SelfTestPassed)
        {
            Failed = true;
            return Errno.EIO;
        }
        LineSettings settings = LineSettings.Default;
        _chip.Apply(settings);
        Settings = settings;
        _chip.Write(UartRegister.ModemControl, (byte)(ModemControl.DataTerminalReady | ModemControl.RequestToSend | ModemControl.Out2));
        SetInterrupts(InterruptEnable.ReceivedData | InterruptEnable.LineStatus);
        return 0;
    }

    /// <summary>Changes baud rate and frame format; <c>EINVAL</c> for impossible settings (nothing changes then).</summary>
    public Errno Configure(in LineSettings settings)
    {
        if (Failed)
        {
            return Errno.EIO;
        }
        Errno error = _chip.Apply(settings);
        if (error == 0)
        {
            Settings = settings;
        }
        return error;
    }

    /// <summary>
    /// Services the UART's interrupt: reads IIR until no cause is pending (at most the poll budget, so a stuck
    /// chip cannot hold the driver), moving received bytes into the buffer and queued bytes into the chip.
    /// </summary>
    public UartEvents OnInterrupt()
    {
        if (Failed)
        {
            return UartEvents.Failed;
        }
        var events = UartEvents.None;
        for (int i = 0; i < _budget.Polls; i++)
        {
            byte iir = _chip.Read(UartRegister.InterruptIdFifoControl);
            if ((iir & 0x01) != 0)
            {
                break; // no interrupt pending
            }
            switch (iir & 0x0E)
            {
                case 0x06: // receiver line status: reading LSR clears it
                case 0x04: // received data available
                case 0x0C: // character timeout (FIFO holds bytes below the trigger level)
                    events |= ReceiveAll();
                    break;
                case 0x02: // THR empty: reading IIR cleared it; refill or stop asking
                    events |= TransmitSome();
                    break;
                default: // modem status: reading MSR clears it
                    _chip.Read(UartRegister.ModemStatus);
                    break;
            }
            if (Failed)
            {
                return UartEvents.Failed;
            }
        }
        return events;
    }

    /// <summary>Takes received bytes; the value is the count (0 when none are waiting), <c>EIO</c> after a failure.</summary>
    public SyscallResult Read(Span<byte> destination)
    {
        if (Failed || !StillAnswers())
        {
            return Errno.EIO;
        }
        return SyscallResult.Ok((ulong)_receive.Pop(destination));
    }

    /// <summary>
    /// Queues <paramref name="source"/> for sending (as much as fits) and starts the transmitter; the value is
    /// the count accepted (0 when the buffer is full), <c>EIO</c> after a failure.
    /// </summary>
    public SyscallResult Write(ReadOnlySpan<byte> source)
    {
        if (Failed || !StillAnswers())
        {
            return Errno.EIO;
        }
        int accepted = _transmit.Push(source);
        TransmitSome();
        return SyscallResult.Ok((ulong)accepted);
    }

    // A UART that fell off the bus reads all ones; a real LSR never does (THRE/TEMT and the errors cannot all be set).
    private bool StillAnswers()
    {
        if (_chip.Read(UartRegister.LineStatus) == 0xFF)
        {
            Failed = true;
            return false;
        }
        return true;
    }

    private UartEvents ReceiveAll()
    {
        var events = UartEvents.None;
        for (int i = 0; i < _budget.Polls; i++)
        {
            byte lsr = _chip.Read(UartRegister.LineStatus);
            if (lsr == 0xFF)
            {
                Failed = true;
                return UartEvents.Failed;
            }
            if ((lsr & (byte)(LineStatus.OverrunError | LineStatus.ParityError | LineStatus.FramingError | LineStatus.BreakInterrupt)) != 0)
            {
                LineErrors++;
            }
            if ((lsr & (byte)LineStatus.DataReady) == 0)
            {
                break;
            }
            byte value = _chip.Read(UartRegister.Data);
            if (_receive.TryPush(value))
            {
                events |= UartEvents.Readable;
            }
            else
            {
                Dropped++;
            }
        }
        return events;
    }

    private UartEvents TransmitSome()
    {
        if ((_chip.ReadLineStatus() & LineStatus.TransmitterHoldingEmpty) != 0)
        {
            int depth = UartController<TPort>.TransmitDepth(Kind);
            for (int n = 0; n < depth && _transmit.TryPop(out byte value); n++)
            {
                _chip.Write(UartRegister.Data, value);
            }
        }
        // Ask for THRE interrupts only while bytes wait: a THRE interrupt with nothing to send would repeat forever.
        InterruptEnable wanted = _transmit.Count > 0 ? _enabled | InterruptEnable.TransmitterEmpty : _enabled & ~InterruptEnable.TransmitterEmpty;
        if (wanted != _enabled)
        {
            SetInterrupts(wanted);
        }
        return _transmit.Free > 0 ? UartEvents.Writable : UartEvents.None;
    }

    private void SetInterrupts(InterruptEnable enabled)
    {
        _enabled = enabled;
        _chip.Write(UartRegister.InterruptEnable, (byte)enabled);
    }
}
