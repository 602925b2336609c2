namespace Redox.Drivers.Lpc.SuperIo;

/// <summary>The result of probing one Super I/O configuration port.</summary>
public struct SuperIoChip
{
    /// <summary>The configuration index port probed (0x2E or 0x4E); data is the next port.</summary>
    public ushort Port;

    /// <summary>Absent, unknown or known.</summary>
    public SuperIoStatus Status;

    /// <summary>The family whose entry sequence got the answer (None when absent or unknown).</summary>
    public SuperIoFamily Family;

    /// <summary>The raw chip ID, registers 0x20 (high) and 0x21 (low); 0xFFFF when absent.</summary>
    public ushort ChipId;

    /// <summary>
    /// The model: for ITE the ID itself read as hex digits (0x8728 is the IT8728), for Nuvoton the decimal
    /// part number (6779 for the NCT6779D). 0 when not known.
    /// </summary>
    public ushort Model;

    /// <summary>Chip revision: ITE register 0x22 bits 3:0; Nuvoton the low 3 bits of the ID.</summary>
    public byte Revision;

    /// <summary>How many logical devices were written to the caller's span.</summary>
    public int LogicalDeviceCount;
}
