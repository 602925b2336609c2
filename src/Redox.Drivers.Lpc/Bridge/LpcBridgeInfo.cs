using Redox.Drivers.Lpc.Pci;

namespace Redox.Drivers.Lpc.Bridge;

/// <summary>
/// What the LPC bridge is and what it decodes (the raw registers; the <c>lpc:</c> report explains them).
/// ICH9 offsets are from the Intel ICH9 datasheet (document 316972), LPC interface configuration registers
/// (device 31, function 0): PMBASE 0x40, ACPI_CNTL 0x44, LPC_IO_DEC 0x80, LPC_EN 0x82, GEN1-4_DEC 0x84-0x90,
/// RCBA 0xF0.
/// </summary>
public struct LpcBridgeInfo
{
    /// <summary>Which bridge; <see cref="BridgeKind.None"/> when bus 0 has none.</summary>
    public BridgeKind Kind;

    /// <summary>Its PCI identity.</summary>
    public PciFunction Function;

    /// <summary>PMBASE (0x40): ACPI power-management I/O base in bits 15:7.</summary>
    public RegisterValue PmBase;

    /// <summary>ACPI_CNTL (0x44): bit 7 ACPI_EN (the PMBASE range is decoded), bits 2:0 SCI IRQ select.</summary>
    public RegisterValue AcpiControl;

    /// <summary>RCBA (0xF0): root complex base address in bits 31:14, bit 0 enable.</summary>
    public RegisterValue Rcba;

    /// <summary>LPC_IO_DEC (0x80): which of the alternative COM A/B, LPT and FDD ranges are used.</summary>
    public RegisterValue IoDecodeRanges;

    /// <summary>LPC_EN (0x82): which legacy ranges are forwarded to LPC (see <see cref="LpcEnables"/>).</summary>
    public RegisterValue Enables;

    /// <summary>GEN1_DEC (0x84): generic decode range 1 (bits 15:2 base, 23:18 mask, bit 0 enable).</summary>
    public RegisterValue Generic1;

    /// <summary>GEN2_DEC (0x88).</summary>
    public RegisterValue Generic2;

    /// <summary>GEN3_DEC (0x8C).</summary>
    public RegisterValue Generic3;

    /// <summary>GEN4_DEC (0x90).</summary>
    public RegisterValue Generic4;

    /// <summary>True when a bridge was found.</summary>
    public readonly bool Found => Kind != BridgeKind.None;
}
