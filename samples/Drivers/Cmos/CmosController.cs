using Redox.Syscall.Io;

namespace Samples.Drivers.Cmos;

/// <summary>
/// The CMOS/RTC chip (MC146818-compatible): 128 bytes behind an index port (0x70) and a data port (0x71).
/// Writing the index selects a register; bit 7 of the index is the NMI mask, kept clear here (NMI enabled).
/// </summary>
/// <typeparam name="TPort">Port-I/O back end: bare metal or simulated.</typeparam>
public readonly struct CmosController<TPort>
    where TPort : struct, IPortIo
{
    /// <summary>The index (address) port.</summary>
    public const ushort IndexPort = 0x70;

    /// <summary>The data port.</summary>
    public const ushort DataPort = 0x71;

    /// <summary>Registers in the CMOS.</summary>
    public const int Size = 128;

    /// <summary>First register that is plain NVRAM (0x00..0x0D are the clock and its status registers).</summary>
    public const int FirstNvram = 0x0E;

    /// <summary>Reads register <paramref name="index"/> (0..127).</summary>
    public byte Read(byte index)
    {
        new Pio8<TPort>(IndexPort).Write((byte)(index & 0x7F));
        return new Pio8<TPort>(DataPort).Read();
    }

    /// <summary>Writes register <paramref name="index"/> (0..127).</summary>
    public void Write(byte index, byte value)
    {
        new Pio8<TPort>(IndexPort).Write((byte)(index & 0x7F));
        new Pio8<TPort>(DataPort).Write(value);
    }
}
