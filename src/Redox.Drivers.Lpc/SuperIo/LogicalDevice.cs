namespace Redox.Drivers.Lpc.SuperIo;

/// <summary>One logical device of a Super I/O (UART, parallel port, hardware monitor, GPIO...).</summary>
public struct LogicalDevice
{
    /// <summary>Logical device number (register 0x07 selects it).</summary>
    public byte Number;

    /// <summary>Activate register 0x30, bit 0.</summary>
    public bool Enabled;

    /// <summary>Primary I/O base, registers 0x60 (high) and 0x61 (low).</summary>
    public ushort IoBase;

    /// <summary>Interrupt select, register 0x70.</summary>
    public byte Irq;
}
