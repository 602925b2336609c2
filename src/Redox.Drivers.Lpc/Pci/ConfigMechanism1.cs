using Redox.Syscall.Io;

namespace Redox.Drivers.Lpc.Pci;

/// <summary>
/// PCI configuration mechanism #1 (PCI Local Bus Specification 3.0, §3.2.2.3.2): write an address to
/// CONFIG_ADDRESS (0xCF8: bit 31 enable, bits 23:16 bus, 15:11 device, 10:8 function, 7:2 register), then
/// read or write CONFIG_DATA (0xCFC) as a dword. Reaches the first 256 bytes of each function. Not
/// re-entrant: the address/data pair is one shared resource, so one driver process owns these ports.
/// </summary>
/// <typeparam name="TPort">Port-I/O back end.</typeparam>
public struct ConfigMechanism1<TPort> : IPciConfig
    where TPort : struct, IPortIo
{
    /// <summary>CONFIG_ADDRESS.</summary>
    public const ushort AddressPort = 0xCF8;

    /// <summary>CONFIG_DATA.</summary>
    public const ushort DataPort = 0xCFC;

    /// <inheritdoc/>
    public readonly int ConfigSpaceSize => 256;

    /// <inheritdoc/>
    public readonly uint Read32(PciAddress address, int offset)
    {
        TPort.Out32(AddressPort, Encode(address, offset));
        return TPort.In32(DataPort);
    }

    /// <inheritdoc/>
    public readonly void Write32(PciAddress address, int offset, uint value)
    {
        TPort.Out32(AddressPort, Encode(address, offset));
        TPort.Out32(DataPort, value);
    }

    /// <summary>The CONFIG_ADDRESS value for a register of a function.</summary>
    public static uint Encode(PciAddress address, int offset)
        => 0x8000_0000u | ((uint)address.Bus << 16) | ((uint)address.Device << 11) | ((uint)address.Function << 8) | (uint)(offset & 0xFC);
}
