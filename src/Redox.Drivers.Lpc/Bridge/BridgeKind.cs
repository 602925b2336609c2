namespace Redox.Drivers.Lpc.Bridge;

/// <summary>Which LPC/ISA bridge was found; decides which registers mean something.</summary>
public enum BridgeKind : byte
{
    /// <summary>No bridge on bus 0.</summary>
    None,

    /// <summary>Intel ICH9 LPC interface (8086:2918; QEMU q35, 00:1f.0).</summary>
    Ich9,

    /// <summary>Intel PIIX3 PCI-to-ISA bridge (8086:7000; QEMU pc/i440fx, 00:01.0).</summary>
    Piix3,

    /// <summary>Another function of class 0x0601: identity only, its registers are not known to this driver.</summary>
    OtherIsaBridge,
}
