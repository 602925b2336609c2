using System;
using Redox.Drivers.Lpc.Pci;
using Redox.Drivers.Lpc.SuperIo;
using Redox.Drivers.Lpc.Text;

namespace Redox.Drivers.Lpc.Bridge;

/// <summary>
/// The readable text of <c>lpc:</c>: one fact per line, "key value", "unknown" where a value is not known.
/// Numbers are hexadecimal with 0x except revision and counts.
/// </summary>
public static class LpcReport
{
    /// <summary>Writes the bridge section.</summary>
    public static void Bridge(ref AsciiWriter w, in LpcBridgeInfo info)
    {
        if (!info.Found)
        {
            w.Text("bridge absent\n"u8);
            return;
        }
        w.Text("bridge "u8);
        Function(ref w, info.Function);
        w.Text(info.Kind switch
        {
            BridgeKind.Ich9 => " Intel ICH9 LPC interface\n"u8,
            BridgeKind.Piix3 => " Intel PIIX3 PCI-to-ISA bridge\n"u8,
            _ => " ISA bridge (unknown model)\n"u8,
        });
        w.Text("pmbase "u8);
        if (info.PmBase.Known)
        {
            w.HexPrefixed(info.PmBase.Value & 0xFF80, 4);
            w.Byte((byte)'\n');
        }
        else
        {
            w.Text("unknown\n"u8);
        }
        w.Text("acpi "u8);
        if (info.AcpiControl.Known)
        {
            w.Text((info.AcpiControl.Value & 0x80) != 0 ? "enabled sci_irq_select "u8 : "disabled sci_irq_select "u8);
            w.Decimal(info.AcpiControl.Value & 0x7);
            w.Byte((byte)'\n');
        }
        else
        {
            w.Text("unknown\n"u8);
        }
        w.Text("rcba "u8);
        if (info.Rcba.Known)
        {
            w.HexPrefixed(info.Rcba.Value & 0xFFFF_C000, 8);
            w.Text((info.Rcba.Value & 1) != 0 ? " enabled\n"u8 : " disabled\n"u8);
        }
        else
        {
            w.Text("unknown\n"u8);
        }
        w.Text("lpc_en "u8);
        if (info.Enables.Known)
        {
            w.HexPrefixed(info.Enables.Value, 4);
            Enables(ref w, (LpcEnables)info.Enables.Value);
            w.Byte((byte)'\n');
        }
        else
        {
            w.Text("unknown\n"u8);
        }
        Raw(ref w, "lpc_io_dec "u8, info.IoDecodeRanges, 4);
        Raw(ref w, "gen1_dec "u8, info.Generic1, 8);
        Raw(ref w, "gen2_dec "u8, info.Generic2, 8);
        Raw(ref w, "gen3_dec "u8, info.Generic3, 8);
        Raw(ref w, "gen4_dec "u8, info.Generic4, 8);
    }

    /// <summary>Writes one line per PCI function.</summary>
    public static void Functions(ref AsciiWriter w, ReadOnlySpan<PciFunction> functions)
    {
        for (int i = 0; i < functions.Length; i++)
        {
            w.Text("pci "u8);
            Function(ref w, functions[i]);
            w.Byte((byte)'\n');
        }
    }

    /// <summary>Writes the Super I/O section for one probed port and its logical devices.</summary>
    public static void SuperIo(ref AsciiWriter w, in SuperIoChip chip, ReadOnlySpan<LogicalDevice> devices)
    {
        w.Text("superio "u8);
        w.HexPrefixed(chip.Port, 2);
        switch (chip.Status)
        {
            case SuperIoStatus.Absent:
                w.Text(" absent\n"u8);
                return;
            case SuperIoStatus.Unknown:
                w.Text(" unknown chip_id "u8);
                w.HexPrefixed(chip.ChipId, 4);
                w.Byte((byte)'\n');
                return;
        }
        if (chip.Family == SuperIoFamily.Ite)
        {
            w.Text(" ITE IT"u8);
            w.Hex(chip.Model, 4);
        }
        else
        {
            w.Text(" Nuvoton NCT"u8);
            w.Decimal(chip.Model);
        }
        w.Text(" chip_id "u8);
        w.HexPrefixed(chip.ChipId, 4);
        w.Text(" revision "u8);
        w.Decimal(chip.Revision);
        w.Byte((byte)'\n');
        for (int i = 0; i < chip.LogicalDeviceCount && i < devices.Length; i++)
        {
            w.Text("  ldn "u8);
            w.HexPrefixed(devices[i].Number, 2);
            w.Text(devices[i].Enabled ? " enabled base "u8 : " disabled base "u8);
            w.HexPrefixed(devices[i].IoBase, 4);
            w.Text(" irq "u8);
            w.Decimal(devices[i].Irq);
            w.Byte((byte)'\n');
        }
    }

    private static void Function(ref AsciiWriter w, in PciFunction f)
    {
        w.Hex(f.Address.Bus, 2);
        w.Byte((byte)':');
        w.Hex(f.Address.Device, 2);
        w.Byte((byte)'.');
        w.Hex(f.Address.Function, 1);
        w.Byte((byte)' ');
        w.Hex(f.VendorId, 4);
        w.Byte((byte)':');
        w.Hex(f.DeviceId, 4);
        w.Text(" class "u8);
        w.Hex(f.ClassCode, 4);
        w.Text(" rev "u8);
        w.Decimal(f.Revision);
    }

    private static void Raw(ref AsciiWriter w, ReadOnlySpan<byte> key, in RegisterValue value, int digits)
    {
        w.Text(key);
        if (value.Known)
        {
            w.HexPrefixed(value.Value, digits);
            w.Byte((byte)'\n');
        }
        else
        {
            w.Text("unknown\n"u8);
        }
    }

    private static void Enables(ref AsciiWriter w, LpcEnables enables)
    {
        if ((enables & LpcEnables.ComA) != 0) { w.Text(" com_a"u8); }
        if ((enables & LpcEnables.ComB) != 0) { w.Text(" com_b"u8); }
        if ((enables & LpcEnables.Lpt) != 0) { w.Text(" lpt"u8); }
        if ((enables & LpcEnables.Fdd) != 0) { w.Text(" fdd"u8); }
        if ((enables & LpcEnables.GameLow) != 0) { w.Text(" game_low"u8); }
        if ((enables & LpcEnables.GameHigh) != 0) { w.Text(" game_high"u8); }
        if ((enables & LpcEnables.Keyboard) != 0) { w.Text(" kbc_60_64"u8); }
        if ((enables & LpcEnables.Microcontroller) != 0) { w.Text(" mc_62_66"u8); }
        if ((enables & LpcEnables.Config1) != 0) { w.Text(" cnf1_2e_2f"u8); }
        if ((enables & LpcEnables.Config2) != 0) { w.Text(" cnf2_4e_4f"u8); }
    }
}
