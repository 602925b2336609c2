namespace Redox.Drivers.Lpc.Pci;

/// <summary>
/// The PCI configuration-space seam: 32-bit aligned reads and writes of a function's registers. Code that
/// needs config space is generic over <c>TConfig : struct, IPciConfig</c> and holds the back end in a field,
/// so each call is direct (no interface dispatch). Mechanism #1 (<see cref="ConfigMechanism1{TPort}"/>, ports
/// 0xCF8/0xCFC) is here; ECAM (PCIe memory-mapped configuration, from the ACPI MCFG table) is the next back end
/// and needs only an instance field with its base address, which is why these are instance members.
/// </summary>
public interface IPciConfig
{
    /// <summary>Reads the dword at <paramref name="offset"/> (rounded down to a multiple of 4) of <paramref name="address"/>.</summary>
    uint Read32(PciAddress address, int offset);

    /// <summary>Writes the dword at <paramref name="offset"/> (rounded down to a multiple of 4) of <paramref name="address"/>.</summary>
    void Write32(PciAddress address, int offset, uint value);

    /// <summary>The highest register offset plus one this back end reaches: 256 for mechanism #1, 4096 for ECAM.</summary>
    int ConfigSpaceSize { get; }
}
