using System;

namespace Redox.Drivers.Lpc.Serial;

/// <summary>
/// Register offsets from a 16550's base (National Semiconductor PC16550D datasheet, table II). Offsets 0 and
/// 1 are the divisor latch (DLL/DLM) while LCR.DLAB is set.
/// </summary>
public static class UartRegister
{
    /// <summary>RBR (read) / THR (write); DLL when DLAB.</summary>
    public const ushort Data = 0;

    /// <summary>IER; DLM when DLAB.</summary>
    public const ushort InterruptEnable = 1;

    /// <summary>IIR (read) / FCR (write).</summary>
    public const ushort InterruptIdFifoControl = 2;

    /// <summary>LCR.</summary>
    public const ushort LineControl = 3;

    /// <summary>MCR.</summary>
    public const ushort ModemControl = 4;

    /// <summary>LSR.</summary>
    public const ushort LineStatus = 5;

    /// <summary>MSR.</summary>
    public const ushort ModemStatus = 6;

    /// <summary>SCR: a byte of storage with no function (absent on the 8250).</summary>
    public const ushort Scratch = 7;
}

/// <summary>IER bits.</summary>
[Flags]
public enum InterruptEnable : byte
{
    /// <summary>No interrupts.</summary>
    None = 0,

    /// <summary>ERBFI: received data available (and character timeout with a FIFO).</summary>
    ReceivedData = 1 << 0,

    /// <summary>ETBEI: transmitter holding register empty.</summary>
    TransmitterEmpty = 1 << 1,

    /// <summary>ELSI: receiver line status (errors, break).</summary>
    LineStatus = 1 << 2,

    /// <summary>EDSSI: modem status changes.</summary>
    ModemStatus = 1 << 3,
}

/// <summary>LSR bits.</summary>
[Flags]
public enum LineStatus : byte
{
    /// <summary>No bit set.</summary>
    None = 0,

    /// <summary>DR: a received byte is waiting.</summary>
    DataReady = 1 << 0,

    /// <summary>OE: a byte was lost because the receiver was full.</summary>
    OverrunError = 1 << 1,

    /// <summary>PE: parity error.</summary>
    ParityError = 1 << 2,

    /// <summary>FE: framing error (no valid stop bit).</summary>
    FramingError = 1 << 3,

    /// <summary>BI: break received.</summary>
    BreakInterrupt = 1 << 4,

    /// <summary>THRE: the holding register (or transmit FIFO) is empty: a FIFO's worth may be written.</summary>
    TransmitterHoldingEmpty = 1 << 5,

    /// <summary>TEMT: holding and shift registers both empty.</summary>
    TransmitterEmpty = 1 << 6,

    /// <summary>Error in the receive FIFO (16550 and later).</summary>
    FifoError = 1 << 7,
}

/// <summary>MCR bits.</summary>
[Flags]
public enum ModemControl : byte
{
    /// <summary>All clear.</summary>
    None = 0,

    /// <summary>DTR.</summary>
    DataTerminalReady = 1 << 0,

    /// <summary>RTS.</summary>
    RequestToSend = 1 << 1,

    /// <summary>OUT1 (unused on PCs).</summary>
    Out1 = 1 << 2,

    /// <summary>OUT2: on PCs it gates the UART's interrupt line to the interrupt controller.</summary>
    Out2 = 1 << 3,

    /// <summary>LOOP: transmitter looped back to receiver, modem outputs to modem inputs (self-test).</summary>
    Loopback = 1 << 4,
}

/// <summary>FCR bits (write-only).</summary>
[Flags]
public enum FifoControl : byte
{
    /// <summary>FIFOs off.</summary>
    None = 0,

    /// <summary>Enable both FIFOs.</summary>
    Enable = 1 << 0,

    /// <summary>Clear the receive FIFO.</summary>
    ClearReceive = 1 << 1,

    /// <summary>Clear the transmit FIFO.</summary>
    ClearTransmit = 1 << 2,

    /// <summary>Receive trigger level 14 bytes (bits 7:6 = 11).</summary>
    Trigger14 = 0xC0,
}
