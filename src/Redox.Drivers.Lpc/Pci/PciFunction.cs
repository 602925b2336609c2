namespace Redox.Drivers.Lpc.Pci;

/// <summary>The identity of one PCI function, read from its configuration header (offsets 0x00-0x0F, 0x2C).</summary>
public struct PciFunction
{
    /// <summary>Where it is.</summary>
    public PciAddress Address;

    /// <summary>Vendor ID (0x00).</summary>
    public ushort VendorId;

    /// <summary>Device ID (0x02).</summary>
    public ushort DeviceId;

    /// <summary>Revision ID (0x08).</summary>
    public byte Revision;

    /// <summary>Programming interface (0x09).</summary>
    public byte ProgIf;

    /// <summary>Sub-class (0x0A).</summary>
    public byte SubClass;

    /// <summary>Base class (0x0B).</summary>
    public byte BaseClass;

    /// <summary>Header type (0x0E) without the multi-function bit.</summary>
    public byte HeaderType;

    /// <summary>Subsystem vendor ID (0x2C; header type 0 only, else 0).</summary>
    public ushort SubsystemVendorId;

    /// <summary>Subsystem ID (0x2E; header type 0 only, else 0).</summary>
    public ushort SubsystemId;

    /// <summary>Class and sub-class as one number, e.g. 0x0601 for an ISA bridge.</summary>
    public readonly ushort ClassCode => (ushort)((BaseClass << 8) | SubClass);
}
