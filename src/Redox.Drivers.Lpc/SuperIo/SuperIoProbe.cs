using System;
using Redox.Syscall.Io;

namespace Redox.Drivers.Lpc.SuperIo;

/// <summary>
/// Probes one configuration port for a Super I/O chip: the ITE entry sequence first, then the Nuvoton/Winbond
/// one, each followed by its exit sequence so no chip is left in configuration mode. A chip answers only after
/// its own family's key, so the order does not misidentify. All-0xFF answers mean absent; any other unmatched
/// ID is reported as unknown.
/// </summary>
/// <typeparam name="TPort">Port-I/O back end.</typeparam>
public static class SuperIoProbe<TPort>
    where TPort : struct, IPortIo
{
    /// <summary>Logical device numbers walked on a recognised chip (0x00-0x1F covers the ITE and Nuvoton maps).</summary>
    public const int LogicalDeviceSlots = 0x20;

    /// <summary>
    /// Probes <paramref name="indexPort"/>; the logical devices that are enabled or have a base go into
    /// <paramref name="devices"/> (as many as fit).
    /// </summary>
    public static SuperIoChip Probe(ushort indexPort, Span<LogicalDevice> devices)
    {
        var chip = new SuperIoChip { Port = indexPort, Status = SuperIoStatus.Absent, ChipId = 0xFFFF };
        var controller = new SuperIoController<TPort>(indexPort);

        controller.Enter(SuperIoFamily.Ite);
        ushort iteId = controller.ReadChipId();
        if (SuperIoCatalog.IsIte(iteId))
        {
            chip.Status = SuperIoStatus.Known;
            chip.Family = SuperIoFamily.Ite;
            chip.ChipId = iteId;
            chip.Model = iteId;
            chip.Revision = (byte)(controller.Read(SuperIoController<TPort>.IteRevision) & 0x0F);
            chip.LogicalDeviceCount = Walk(controller, devices);
        }
        controller.Exit(SuperIoFamily.Ite);
        if (chip.Status == SuperIoStatus.Known)
        {
            return chip;
        }

        controller.Enter(SuperIoFamily.Nuvoton);
        ushort nuvotonId = controller.ReadChipId();
        ushort model = SuperIoCatalog.NuvotonModel(nuvotonId);
        if (model != 0)
        {
            chip.Status = SuperIoStatus.Known;
            chip.Family = SuperIoFamily.Nuvoton;
            chip.ChipId = nuvotonId;
            chip.Model = model;
            chip.Revision = (byte)(nuvotonId & 0x07);
            chip.LogicalDeviceCount = Walk(controller, devices);
        }
        controller.Exit(SuperIoFamily.Nuvoton);
        if (chip.Status == SuperIoStatus.Known)
        {
            return chip;
        }

        // Nothing recognised: absent if both keys got a floating bus, else unknown with the first non-FFFF ID.
        if (iteId != 0xFFFF || nuvotonId != 0xFFFF)
        {
            chip.Status = SuperIoStatus.Unknown;
            chip.ChipId = iteId != 0xFFFF ? iteId : nuvotonId;
        }
        return chip;
    }

    private static int Walk(SuperIoController<TPort> controller, Span<LogicalDevice> devices)
    {
        int count = 0;
        for (int number = 0; number < LogicalDeviceSlots && count < devices.Length; number++)
        {
            LogicalDevice device = controller.ReadLogicalDevice((byte)number);
            // An unimplemented logical device reads 0x00 or 0xFF everywhere: skip those.
            bool floating = device.IoBase == 0xFFFF && device.Irq == 0xFF;
            if (!floating && (device.Enabled || device.IoBase != 0))
            {
                devices[count++] = device;
            }
        }
        return count;
    }
}
