namespace Redox.Drivers.Lpc.Serial;

/// <summary>What detection found at a UART base.</summary>
public enum UartKind : byte
{
    /// <summary>Nothing answers (floating bus, or the loopback check failed).</summary>
    Absent,

    /// <summary>8250: no scratch register, no FIFO.</summary>
    Uart8250,

    /// <summary>16450: scratch register, no FIFO.</summary>
    Uart16450,

    /// <summary>16550: FIFO that does not work (IIR bits 7:6 = 10); used without FIFO.</summary>
    Uart16550,

    /// <summary>16550A or later: working 16-byte FIFOs (IIR bits 7:6 = 11).</summary>
    Uart16550A,
}
