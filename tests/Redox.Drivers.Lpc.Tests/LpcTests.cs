using Redox.Drivers.Lpc.Bridge;
using Redox.Drivers.Lpc.Pci;
using Redox.Syscall;
using Redox.Testing;
using Redox.Testing.Devices;
using Xunit;

namespace Redox.Drivers.Lpc.Tests;

/// <summary>PCI mechanism #1, the bridge and the lpc: report against the PCI and Super I/O models.</summary>
public class LpcTests
{
    private static string Report(HostedKernel kernel, string path = "lpc:")
    {
        kernel.StartDriver("lpc", CreateOnBus(kernel));
        string text = "";
        kernel.CreateProcess().Run(() => text = Io.ReadText(Io.Open(path, OpenFlags.ReadOnly)));
        return text;
    }

    private static LpcScheme CreateOnBus(HostedKernel kernel)
    {
        using (kernel.Bus.Bind())
        {
            return LpcDriver.CreateScheme<HostedPortIo>();
        }
    }

    [Fact]
    public void Mechanism1EncodesTheAddress()
    {
        Assert.Equal(0x8000_FA44u, ConfigMechanism1<HostedPortIo>.Encode(new PciAddress(0, 0x1F, 2), 0x47));
        Assert.Equal(0x80FF_0000u, ConfigMechanism1<HostedPortIo>.Encode(new PciAddress(0xFF, 0, 0), 0));
    }

    [Fact]
    public void EnumeratesBusZeroIncludingMultiFunctionDevices()
    {
        var bus = new SimulatedBus();
        bus.MapPorts(0xCF8, 8, PciConfigSpaceModel.Q35());
        using var _ = bus.Bind();
        var functions = new PciFunction[32];
        int n = new PciBus<ConfigMechanism1<HostedPortIo>>(default).Enumerate(0, functions);
        Assert.Equal(5, n);
        Assert.Equal((byte)0x1F, functions[3].Address.Device);
        Assert.Equal((byte)2, functions[3].Address.Function);
        Assert.Equal((ushort)0x2922, functions[3].DeviceId);
        Assert.Equal((ushort)0x0106, functions[3].ClassCode);
    }

    [Fact]
    public void Q35ReportsIch9WithItsDecodesAndUnknownForUnmodelledRegisters()
    {
        using var kernel = new HostedKernel();
        var pci = PciConfigSpaceModel.Q35();
        kernel.Bus.MapPorts(0xCF8, 8, pci);
        string text = Report(kernel, "lpc:bridge");
        Assert.Contains("bridge 00:1f.0 8086:2918 class 0601 rev 2 Intel ICH9 LPC interface\n", text);
        Assert.Contains("pmbase 0x0600\n", text);
        Assert.Contains("acpi enabled sci_irq_select 0\n", text);
        Assert.Contains("rcba 0xfed1c000 enabled\n", text);
        Assert.Contains("lpc_en 0x3c0f com_a com_b lpt fdd kbc_60_64 mc_62_66 cnf1_2e_2f cnf2_4e_4f\n", text);
        Assert.Contains("lpc_io_dec unknown\n", text);
        Assert.Contains("gen1_dec unknown\n", text);
        Assert.Contains("gen4_dec unknown\n", text);
        Assert.Equal(0, pci.DataWrites); // reads only
    }

    [Fact]
    public void RealIch9ReportsItsDecodeRanges()
    {
        using var kernel = new HostedKernel();
        kernel.Bus.MapPorts(0xCF8, 8, PciConfigSpaceModel.Ich9Board());
        string text = Report(kernel, "lpc:bridge");
        Assert.Contains("lpc_io_dec 0x0010\n", text);
        Assert.Contains("gen1_dec 0x000c0a01\n", text);
        Assert.Contains("gen2_dec 0x00000000\n", text);
    }

    [Fact]
    public void I440fxReportsPiix3WithEveryDecodeUnknown()
    {
        using var kernel = new HostedKernel();
        kernel.Bus.MapPorts(0xCF8, 8, PciConfigSpaceModel.I440fx());
        string text = Report(kernel);
        Assert.Contains("bridge 00:01.0 8086:7000 class 0601 rev 0 Intel PIIX3 PCI-to-ISA bridge\n", text);
        Assert.Contains("pmbase unknown\n", text);
        Assert.Contains("rcba unknown\n", text);
        Assert.Contains("lpc_en unknown\n", text);
        Assert.Contains("pci 00:01.3 8086:7113 class 0680 rev 3\n", text);
        Assert.Contains("superio 0x2e absent\nsuperio 0x4e absent\n", text);
    }

    [Fact]
    public void AnUnknownIsaBridgeIsFoundByClassAndAKnownOneWins()
    {
        var pci = new PciConfigSpaceModel();
        pci.Add(0, 0, 0, 0x1022, 0x1480, 0x06, 0x00);
        pci.Add(0, 0x14, 3, 0x1022, 0x790E, 0x06, 0x01, 0x51); // not multi-function at fn 0: not enumerated
        pci.Add(0, 0x14, 0, 0x1022, 0x790B, 0x0C, 0x05, 0x61, multiFunction: true);
        using var kernel = new HostedKernel();
        kernel.Bus.MapPorts(0xCF8, 8, pci);
        string text = Report(kernel, "lpc:bridge");
        Assert.Contains("bridge 00:14.3 1022:790e class 0601 rev 81 ISA bridge (unknown model)\n", text);
        Assert.Contains("pmbase unknown\n", text);

        pci.Add(0, 0x1F, 0, 0x8086, 0x2918, 0x06, 0x01);
        using var again = new HostedKernel();
        again.Bus.MapPorts(0xCF8, 8, pci);
        Assert.Contains("Intel ICH9 LPC interface", Report(again, "lpc:bridge"));
    }

    [Fact]
    public void NoPciAtAllReportsNoBridge()
    {
        using var kernel = new HostedKernel();
        Assert.StartsWith("bridge absent\n", Report(kernel));
    }

    [Fact]
    public void LpcIsReadOnlyAndKnowsItsFiles()
    {
        using var kernel = new HostedKernel();
        kernel.Bus.MapPorts(0xCF8, 8, PciConfigSpaceModel.Q35());
        kernel.StartDriver("lpc", CreateOnBus(kernel));
        kernel.CreateProcess().Run(() =>
        {
            Assert.Equal(Errno.EROFS, Sys.Open("lpc:"u8, OpenFlags.ReadWrite).Error);
            Assert.Equal(Errno.ENOENT, Sys.Open("lpc:nothing"u8, OpenFlags.ReadOnly).Error);
            string pci = Io.ReadText(Io.Open("lpc:pci", OpenFlags.ReadOnly));
            Assert.StartsWith("pci 00:00.0 8086:29c0 class 0600", pci);
            Assert.DoesNotContain("bridge", pci);
        });
    }
}
