using Redox.Syscall.Io;

namespace Redox.Drivers.Lpc.SuperIo;

/// <summary>
/// The configuration interface of a Super I/O chip: an index port (0x2E or 0x4E) and the data port after it.
/// Registers 0x00-0x2F are global (0x07 logical device select, 0x20/0x21 chip ID), 0x30-0xFF belong to the
/// selected logical device (0x30 activate, 0x60/0x61 I/O base, 0x70 IRQ). Entry and exit sequences per family
/// are from the chips' datasheets (as used by Linux drivers/hwmon/it87.c and nct6775).
/// </summary>
/// <typeparam name="TPort">Port-I/O back end.</typeparam>
public readonly struct SuperIoController<TPort>
    where TPort : struct, IPortIo
{
    /// <summary>The first conventional configuration port.</summary>
    public const ushort PrimaryPort = 0x2E;

    /// <summary>The second conventional configuration port.</summary>
    public const ushort SecondaryPort = 0x4E;

    /// <summary>Logical device number select.</summary>
    public const byte LdnSelect = 0x07;

    /// <summary>Chip ID, high byte (low byte at 0x21).</summary>
    public const byte ChipIdHigh = 0x20;

    /// <summary>ITE: chip revision in bits 3:0.</summary>
    public const byte IteRevision = 0x22;

    /// <summary>ITE: configure control; writing 0x02 leaves configuration mode.</summary>
    public const byte IteConfigControl = 0x02;

    /// <summary>Activate (bit 0) of the selected logical device.</summary>
    public const byte Activate = 0x30;

    /// <summary>I/O base high byte (low at 0x61).</summary>
    public const byte IoBaseHigh = 0x60;

    /// <summary>Interrupt select.</summary>
    public const byte IrqSelect = 0x70;

    private readonly ushort _index;

    /// <summary>A chip configured through <paramref name="indexPort"/> (data at indexPort + 1).</summary>
    public SuperIoController(ushort indexPort)
    {
        _index = indexPort;
    }

    /// <summary>The index port.</summary>
    public ushort IndexPort => _index;

    /// <summary>Enters configuration mode with the sequence of <paramref name="family"/>.</summary>
    public void Enter(SuperIoFamily family)
    {
        var index = new Pio8<TPort>(_index);
        if (family == SuperIoFamily.Ite)
        {
            index.Write(0x87);
            index.Write(0x01);
            index.Write(0x55);
            index.Write(_index == SecondaryPort ? (byte)0xAA : (byte)0x55);
        }
        else if (family == SuperIoFamily.Nuvoton)
        {
            index.Write(0x87);
            index.Write(0x87);
        }
    }

    /// <summary>Leaves configuration mode with the sequence of <paramref name="family"/>.</summary>
    public void Exit(SuperIoFamily family)
    {
        if (family == SuperIoFamily.Ite)
        {
            Write(IteConfigControl, 0x02);
        }
        else if (family == SuperIoFamily.Nuvoton)
        {
            new Pio8<TPort>(_index).Write(0xAA);
        }
    }

    /// <summary>Reads configuration register <paramref name="register"/>.</summary>
    public byte Read(byte register)
    {
        new Pio8<TPort>(_index).Write(register);
        return new Pio8<TPort>((ushort)(_index + 1)).Read();
    }

    /// <summary>Writes configuration register <paramref name="register"/>.</summary>
    public void Write(byte register, byte value)
    {
        new Pio8<TPort>(_index).Write(register);
        new Pio8<TPort>((ushort)(_index + 1)).Write(value);
    }

    /// <summary>The 16-bit chip ID (0x20 high, 0x21 low).</summary>
    public ushort ReadChipId() => (ushort)((Read(ChipIdHigh) << 8) | Read(ChipIdHigh + 1));

    /// <summary>Selects logical device <paramref name="number"/> and reads its activation, base and IRQ.</summary>
    public LogicalDevice ReadLogicalDevice(byte number)
    {
        Write(LdnSelect, number);
        return new LogicalDevice
        {
            Number = number,
            Enabled = (Read(Activate) & 1) != 0,
            IoBase = (ushort)((Read(IoBaseHigh) << 8) | Read(IoBaseHigh + 1)),
            Irq = Read(IrqSelect),
        };
    }
}
