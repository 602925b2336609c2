using System.Collections.Generic;

namespace Redox.Testing.Devices;

/// <summary>The UART generation a <see cref="Uart16550Model"/> behaves as.</summary>
public enum UartModelKind
{
    /// <summary>8250: no scratch register, no FIFO.</summary>
    Uart8250,

    /// <summary>16450: scratch register, no FIFO.</summary>
    Uart16450,

    /// <summary>16550: FIFO reported broken (IIR bits 7:6 = 10).</summary>
    Uart16550,

    /// <summary>16550A: 16-byte FIFOs (IIR bits 7:6 = 11).</summary>
    Uart16550A,
}

/// <summary>
/// A 16550A-family UART (PC16550D register model) on 8 ports: divisor latch, LCR, MCR with loopback (THR feeds
/// RBR, MCR bits 3:0 appear as MSR bits 7:4), receive FIFO with overrun, transmit FIFO, interrupt identification
/// with the datasheet's priorities (line status, received data, THR empty, modem status; THRE cleared by reading
/// IIR or writing THR). The "line" is the test: <see cref="Receive"/> puts bytes on the wire, <see cref="Transmitted"/>
/// is what went out. With <see cref="HoldTransmit"/> the transmitter stalls until <see cref="ShiftOut"/>, to prove a
/// driver fills only what the FIFO holds. <see cref="Unplug"/> makes it read all ones, like a removed card.
/// <para>
/// The INTR output: asserted while IIR names a cause (one enabled in IER) and OUT2 gates it through, as on a PC; with
/// <see cref="ConnectInterrupt"/> each rising edge raises an interrupt line, so a driver that opened <c>irq:N</c> on
/// the hosted kernel is woken as it would be by the 8259. A driver that leaves a cause pending leaves the output high:
/// no new edge, no new interrupt, which is why it must read IIR until nothing is pending. The model is safe to feed
/// from a test thread while a driver thread reads its registers.
/// </para>
/// </summary>
public sealed class Uart16550Model : IPortDevice
{
    private readonly Queue<byte> _rx = new();
    private readonly Queue<byte> _tx = new();
    private byte _ier, _lcr, _mcr, _scr, _dll = 1, _dlm;
    private bool _fifo;
    private bool _threPending;
    private bool _overrun;
    private bool _unplugged;
    private readonly object _gate = new();
    private SimulatedInterrupts? _interrupts;
    private int _line;
    private bool _asserted;

    /// <summary>A UART at <paramref name="basePort"/> of generation <paramref name="kind"/>.</summary>
    public Uart16550Model(ushort basePort, UartModelKind kind = UartModelKind.Uart16550A)
    {
        Base = basePort;
        Kind = kind;
    }

    /// <summary>The base port.</summary>
    public ushort Base { get; }

    /// <summary>The generation.</summary>
    public UartModelKind Kind { get; }

    /// <summary>Bytes sent on the line, in order.</summary>
    public List<byte> Transmitted { get; } = new();

    /// <summary>When true, written bytes wait in the transmit FIFO until <see cref="ShiftOut"/>.</summary>
    public bool HoldTransmit { get; set; }

    /// <summary>Most bytes ever waiting in the transmit FIFO at once (a driver must never exceed the FIFO).</summary>
    public int MaxTransmitFill { get; private set; }

    /// <summary>Bytes written to THR while the transmit FIFO was full (lost).</summary>
    public int TransmitOverruns { get; private set; }

    /// <summary>True when the interrupt line is asserted: a cause is pending and OUT2 gates it through.</summary>
    public bool InterruptPending
    {
        get
        {
            lock (_gate)
            {
                return Asserted;
            }
        }
    }

    /// <summary>Bytes received but not yet read by the driver (what waits in the receive FIFO or holding register).</summary>
    public int ReceivePending
    {
        get
        {
            lock (_gate)
            {
                return _rx.Count;
            }
        }
    }

    /// <summary>
    /// Connects the INTR output to <paramref name="line"/> of <paramref name="lines"/> (COM2 and COM4 are wired to 3,
    /// COM1 and COM3 to 4): every rising edge raises it, e.g. <c>ConnectInterrupt(kernel.Interrupts, 3)</c>.
    /// </summary>
    public void ConnectInterrupt(SimulatedInterrupts lines, int line)
    {
        lock (_gate)
        {
            _interrupts = lines;
            _line = line;
            _asserted = Asserted;
        }
    }

    private bool Asserted => !_unplugged && (Iir() & 1) == 0 && (_mcr & 0x08) != 0;

    /// <summary>When true, bytes looped back arrive with bit 0 flipped (a broken receiver: the self-test must fail).</summary>
    public bool BrokenLoopback { get; set; }

    /// <summary>Makes every read answer 0xFF from now on.</summary>
    public void Unplug() => _unplugged = true;

    /// <summary>The current divisor latch.</summary>
    public ushort Divisor => (ushort)(_dll | (_dlm << 8));

    /// <summary>The current line control register.</summary>
    public byte LineControl => _lcr;

    private int Depth => _fifo ? 16 : 1;

    /// <summary>Puts <paramref name="bytes"/> on the receive line (dropped with overrun when the receiver is full; ignored in loopback).</summary>
    public void Receive(params byte[] bytes)
    {
        lock (_gate)
        {
            if ((_mcr & 0x10) == 0)
            {
                foreach (byte b in bytes)
                {
                    Accept(b);
                }
            }
        }
        Signal();
    }

    /// <summary>Sends up to <paramref name="count"/> waiting bytes onto the line.</summary>
    public void ShiftOut(int count = int.MaxValue)
    {
        lock (_gate)
        {
            ShiftOutLocked(count);
        }
        Signal();
    }

    private void ShiftOutLocked(int count)
    {
        for (int i = 0; i < count && _tx.Count > 0; i++)
        {
            Transmitted.Add(_tx.Dequeue());
        }
        if (_tx.Count == 0)
        {
            _threPending = true;
        }
    }

    /// <inheritdoc/>
    public uint In(ushort port, int width)
    {
        uint value;
        lock (_gate)
        {
            value = InLocked(port);
        }
        Signal();
        return value;
    }

    /// <inheritdoc/>
    public void Out(ushort port, int width, uint value)
    {
        lock (_gate)
        {
            OutLocked(port, value);
        }
        Signal();
    }

    // A rising edge of INTR since the last look raises the connected line (outside the lock: the kernel it reaches may
    // wake a driver thread that reads these registers at once).
    private void Signal()
    {
        SimulatedInterrupts? lines;
        int line;
        lock (_gate)
        {
            bool now = Asserted;
            bool rising = now && !_asserted;
            _asserted = now;
            if (!rising || _interrupts == null)
            {
                return;
            }
            lines = _interrupts;
            line = _line;
        }
        lines.Raise(line);
    }

    private uint InLocked(ushort port)
    {
        if (_unplugged)
        {
            return 0xFF;
        }
        bool dlab = (_lcr & 0x80) != 0;
        switch (port - Base)
        {
            case 0:
                if (dlab)
                {
                    return _dll;
                }
                return _rx.Count > 0 ? _rx.Dequeue() : (byte)0;
            case 1:
                return dlab ? _dlm : _ier;
            case 2:
            {
                byte iir = Iir();
                if ((iir & 0x0F) == 0x02)
                {
                    _threPending = false; // reading IIR with THRE as the cause clears it
                }
                return iir;
            }
            case 3:
                return _lcr;
            case 4:
                return _mcr;
            case 5:
            {
                byte lsr = Lsr();
                _overrun = false; // errors clear on read
                return lsr;
            }
            case 6:
                return (_mcr & 0x10) != 0 ? (uint)(((_mcr & 0x02) << 3) | ((_mcr & 0x01) << 5) | ((_mcr & 0x04) << 4) | ((_mcr & 0x08) << 4)) : 0xB0u;
            default:
                return Kind == UartModelKind.Uart8250 ? 0xFFu : _scr;
        }
    }

    private void OutLocked(ushort port, uint value)
    {
        if (_unplugged)
        {
            return;
        }
        byte b = (byte)value;
        bool dlab = (_lcr & 0x80) != 0;
        switch (port - Base)
        {
            case 0:
                if (dlab)
                {
                    _dll = b;
                }
                else
                {
                    Transmit(b);
                }
                break;
            case 1:
                if (dlab)
                {
                    _dlm = b;
                }
                else
                {
                    bool enablingThre = (b & 0x02) != 0 && (_ier & 0x02) == 0;
                    _ier = (byte)(b & 0x0F);
                    if (enablingThre && _tx.Count == 0)
                    {
                        _threPending = true; // 16550: enabling ETBEI with THR empty raises the interrupt
                    }
                }
                break;
            case 2:
                _fifo = (b & 1) != 0 && Kind is UartModelKind.Uart16550A or UartModelKind.Uart16550;
                if ((b & 0x02) != 0)
                {
                    _rx.Clear();
                }
                if ((b & 0x04) != 0)
                {
                    _tx.Clear();
                }
                break;
            case 3:
                _lcr = b;
                break;
            case 4:
                _mcr = (byte)(b & 0x1F);
                break;
            case 7:
                _scr = b;
                break;
        }
    }

    private void Transmit(byte b)
    {
        _threPending = false;
        if ((_mcr & 0x10) != 0)
        {
            Accept(BrokenLoopback ? (byte)(b ^ 0x01) : b);
            _threPending = true;
            return;
        }
        if (_tx.Count >= Depth)
        {
            TransmitOverruns++;
            return;
        }
        _tx.Enqueue(b);
        if (_tx.Count > MaxTransmitFill)
        {
            MaxTransmitFill = _tx.Count;
        }
        if (!HoldTransmit)
        {
            ShiftOutLocked(int.MaxValue);
        }
    }

    private void Accept(byte b)
    {
        if (_rx.Count >= Depth)
        {
            _overrun = true;
            return;
        }
        _rx.Enqueue(b);
    }

    private byte Lsr()
    {
        byte lsr = 0;
        if (_rx.Count > 0)
        {
            lsr |= 0x01;
        }
        if (_overrun)
        {
            lsr |= 0x02;
        }
        if (_tx.Count == 0)
        {
            lsr |= 0x60;
        }
        return lsr;
    }

    private byte Iir()
    {
        byte fifoBits = !_fifo ? (byte)0 : Kind == UartModelKind.Uart16550A ? (byte)0xC0 : (byte)0x80;
        if ((_ier & 0x04) != 0 && _overrun)
        {
            return (byte)(fifoBits | 0x06);
        }
        if ((_ier & 0x01) != 0 && _rx.Count > 0)
        {
            return (byte)(fifoBits | 0x04);
        }
        if ((_ier & 0x02) != 0 && _threPending && _tx.Count == 0)
        {
            return (byte)(fifoBits | 0x02);
        }
        return (byte)(fifoBits | 0x01);
    }
}
