using System;
using Redox.Drivers.Lpc.Pci;

namespace Redox.Drivers.Lpc.Bridge;

/// <summary>
/// Finds the LPC/ISA bridge among bus 0's functions and reads its decode registers. Known bridges first
/// (ICH9 LPC 8086:2918, PIIX3 8086:7000), then any function of class 0x0601. Reads only: the decodes were
/// programmed by the firmware and the devices this package drives depend on them.
/// </summary>
/// <typeparam name="TConfig">Configuration-space back end.</typeparam>
public struct LpcBridgeController<TConfig>
    where TConfig : struct, IPciConfig
{
    /// <summary>Intel's vendor ID.</summary>
    public const ushort IntelVendor = 0x8086;

    /// <summary>ICH9 LPC interface device ID.</summary>
    public const ushort Ich9LpcDevice = 0x2918;

    /// <summary>PIIX3 PCI-to-ISA bridge device ID.</summary>
    public const ushort Piix3IsaDevice = 0x7000;

    /// <summary>
    /// QEMU gives its devices subsystem 1af4:1100 (Red Hat, "QEMU"). Its ICH9 LPC model does not implement
    /// LPC_IO_DEC (0x80) or GEN1-4_DEC (0x84-0x93): they read 0 whatever was written, so they are unknown there.
    /// </summary>
    public const ushort QemuSubsystemVendor = 0x1AF4;

    private PciBus<TConfig> _bus;

    /// <summary>A controller reading through <paramref name="config"/>.</summary>
    public LpcBridgeController(TConfig config)
    {
        _bus = new PciBus<TConfig>(config);
    }

    /// <summary>The bus reader this controller uses.</summary>
    public readonly PciBus<TConfig> Bus => _bus;

    /// <summary>Classifies <paramref name="function"/>: a known bridge, another ISA bridge, or none.</summary>
    public static BridgeKind Classify(in PciFunction function)
    {
        if (function.VendorId == IntelVendor && function.DeviceId == Ich9LpcDevice)
        {
            return BridgeKind.Ich9;
        }
        if (function.VendorId == IntelVendor && function.DeviceId == Piix3IsaDevice)
        {
            return BridgeKind.Piix3;
        }
        return function.ClassCode == PciBus<TConfig>.IsaBridgeClass ? BridgeKind.OtherIsaBridge : BridgeKind.None;
    }

    /// <summary>
    /// Picks the bridge among <paramref name="functions"/> (a known one before an unknown ISA bridge, lowest
    /// address first) and reads what it decodes. <see cref="LpcBridgeInfo.Kind"/> is None when there is none.
    /// </summary>
    public LpcBridgeInfo Find(ReadOnlySpan<PciFunction> functions)
    {
        int best = -1;
        BridgeKind bestKind = BridgeKind.None;
        for (int i = 0; i < functions.Length; i++)
        {
            BridgeKind kind = Classify(functions[i]);
            bool known = kind == BridgeKind.Ich9 || kind == BridgeKind.Piix3;
            if (kind != BridgeKind.None && (best < 0 || (known && bestKind == BridgeKind.OtherIsaBridge)))
            {
                best = i;
                bestKind = kind;
            }
        }
        var info = default(LpcBridgeInfo);
        if (best < 0)
        {
            return info;
        }
        info.Kind = bestKind;
        info.Function = functions[best];
        if (bestKind == BridgeKind.Ich9)
        {
            ReadIch9(ref info);
        }
        // PIIX3 has no PMBASE, RCBA or LPC enables (ACPI arrived with PIIX4, whose power management is function 3;
        // PIIX3 forwards legacy ISA ranges by subtractive decode): every decode stays unknown, as for other bridges.
        return info;
    }

    private void ReadIch9(ref LpcBridgeInfo info)
    {
        PciAddress at = info.Function.Address;
        info.PmBase = RegisterValue.Of(_bus.Read32(at, 0x40));
        info.AcpiControl = RegisterValue.Of(_bus.Read8(at, 0x44));
        info.Rcba = RegisterValue.Of(_bus.Read32(at, 0xF0));
        info.Enables = RegisterValue.Of(_bus.Read16(at, 0x82));
        if (info.Function.SubsystemVendorId == QemuSubsystemVendor)
        {
            return; // not modelled by QEMU: see QemuSubsystemVendor
        }
        info.IoDecodeRanges = RegisterValue.Of(_bus.Read16(at, 0x80));
        info.Generic1 = RegisterValue.Of(_bus.Read32(at, 0x84));
        info.Generic2 = RegisterValue.Of(_bus.Read32(at, 0x88));
        info.Generic3 = RegisterValue.Of(_bus.Read32(at, 0x8C));
        info.Generic4 = RegisterValue.Of(_bus.Read32(at, 0x90));
    }
}
