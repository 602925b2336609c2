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
    public bool InterruptPending => (Iir() & 1) == 0 && (_mcr & 0x08) != 0;

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
        if ((_mcr & 0x10) != 0)
        {
            return;
        }
        foreach (byte b in bytes)
        {
            Accept(b);
        }
    }

    /// <summary>Sends up to <paramref name="count"/> waiting bytes onto the line.</summary>
    public void ShiftOut(int count = int.MaxValue)
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

    /// <inheritdoc/>
    public void Out(ushort port, int width, uint value)
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
            ShiftOut();
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
