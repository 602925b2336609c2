using System;
using Redox.Drivers.Lpc.SuperIo;
using Redox.Testing;
using Redox.Testing.Devices;
using Xunit;

namespace Redox.Drivers.Lpc.Tests;

/// <summary>The Super I/O probe against the IT8728F and NCT6779D models, absent ports and garbage chips.</summary>
public class SuperIoTests
{
    private static (SuperIoChip Chip, LogicalDevice[] Devices) Probe(SimulatedBus bus, ushort port)
    {
        using var _ = bus.Bind();
        var devices = new LogicalDevice[16];
        return (SuperIoProbe<HostedPortIo>.Probe(port, devices), devices);
    }

    [Fact]
    public void RecognisesTheIt8728FAndWalksItsLogicalDevices()
    {
        var bus = new SimulatedBus();
        var chip = SuperIoModel.It8728F();
        bus.MapPorts(0x2E, 2, chip);
        var (found, devices) = Probe(bus, 0x2E);
        Assert.Equal(SuperIoStatus.Known, found.Status);
        Assert.Equal(SuperIoFamily.Ite, found.Family);
        Assert.Equal((ushort)0x8728, found.Model);
        Assert.Equal(1, found.Revision);
        Assert.Equal(2, found.LogicalDeviceCount);
        Assert.Equal(new LogicalDevice { Number = 1, Enabled = true, IoBase = 0x3F8, Irq = 4 }, devices[0]);
        Assert.Equal((ushort)0x290, devices[1].IoBase);
        Assert.False(chip.InConfigMode);
        Assert.Equal(1, chip.Exits);
    }

    [Fact]
    public void RecognisesTheIteChipAtTheSecondPortWithItsOwnKey()
    {
        var bus = new SimulatedBus();
        bus.MapPorts(0x4E, 2, SuperIoModel.It8728F(0x4E));
        var (found, _) = Probe(bus, 0x4E);
        Assert.Equal(SuperIoStatus.Known, found.Status);
        Assert.Equal((ushort)0x4E, found.Port);
    }

    [Fact]
    public void RecognisesTheNct6779DUnderItsRevisionMask()
    {
        var bus = new SimulatedBus();
        var chip = SuperIoModel.Nct6779D();
        bus.MapPorts(0x2E, 2, chip);
        var (found, devices) = Probe(bus, 0x2E);
        Assert.Equal(SuperIoStatus.Known, found.Status);
        Assert.Equal(SuperIoFamily.Nuvoton, found.Family);
        Assert.Equal((ushort)6779, found.Model);
        Assert.Equal((ushort)0xC562, found.ChipId);
        Assert.Equal(2, found.Revision);
        Assert.Equal((byte)2, devices[0].Number);
        Assert.Equal((byte)0x0B, devices[1].Number);
        Assert.False(chip.InConfigMode);
    }

    [Fact]
    public void AnEmptyPortIsAbsent()
    {
        var (found, _) = Probe(new SimulatedBus(), 0x2E);
        Assert.Equal(SuperIoStatus.Absent, found.Status);
        Assert.Equal((ushort)0xFFFF, found.ChipId);
    }

    [Theory]
    [InlineData(true, 0x8799)]   // ITE key, ID not in the table
    [InlineData(false, 0x1234)]  // Nuvoton key, garbage
    [InlineData(false, 0x0000)]  // reads zero
    [InlineData(false, 0xC8F0)]  // near a Nuvoton ID but not one
    public void GarbageIdsAreUnknownNotMisidentified(bool ite, int id)
    {
        var bus = new SimulatedBus();
        bus.MapPorts(0x2E, 2, new SuperIoModel(0x2E, ite, (ushort)id));
        var (found, _) = Probe(bus, 0x2E);
        Assert.Equal(SuperIoStatus.Unknown, found.Status);
        Assert.Equal((ushort)id, found.ChipId);
        Assert.Equal(SuperIoFamily.None, found.Family);
    }

    [Fact]
    public void TheCatalogKnowsEveryNuvotonPartFromTheNotes()
    {
        (int Id, int Model)[] parts = { (0xB470, 6775), (0xC330, 6776), (0xC560, 6779), (0xC800, 6791), (0xC910, 6792), (0xD120, 6793), (0xD350, 6795), (0xD420, 6796), (0xD428, 6798), (0xD800, 6799) };
        foreach (var (id, model) in parts)
        {
            Assert.Equal(model, SuperIoCatalog.NuvotonModel((ushort)id));
            Assert.Equal(model, SuperIoCatalog.NuvotonModel((ushort)(id | 7)));
        }
        Assert.Equal(0, SuperIoCatalog.NuvotonModel(0xFFFF));
    }
}
