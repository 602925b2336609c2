using System.Text;
using Redox.Drivers.Lpc;
using Redox.Drivers.Lpc.Ec;
using Redox.Syscall;
using Redox.Testing;
using Redox.Testing.Devices;
using Xunit;

namespace Redox.Drivers.Lpc.Tests;

/// <summary>The EC driver against the ACPI EC and SMFI models: transactions, queries, burst, timeouts, absence.</summary>
public class EcTests
{
    private static (SimulatedBus Bus, AcpiEcModel Ec) WithEc()
    {
        var bus = new SimulatedBus();
        var ec = new AcpiEcModel();
        bus.MapPorts(0x62, 1, ec);
        bus.MapPorts(0x66, 1, ec);
        return (bus, ec);
    }

    private static AcpiEcController<HostedPortIo> Controller(int polls = 100) => new(0x62, 0x66, new PollBudget(polls));

    [Fact]
    public void ReadsAndWritesEcSpace()
    {
        var (bus, ec) = WithEc();
        ec.Space[0x10] = 0x42;
        using var bound = bus.Bind();
        var controller = Controller();
        Assert.True(controller.Probe());
        Assert.Equal((Errno)0, controller.ReadByte(0x10, out byte value));
        Assert.Equal(0x42, value);
        Assert.Equal((Errno)0, controller.WriteByte(0x20, 0x99));
        Assert.Equal(0x99, ec.Space[0x20]);
    }

    [Fact]
    public void QueriesEventsAndEntersBurstMode()
    {
        var (bus, ec) = WithEc();
        ec.RaiseEvent(0x51);
        using var bound = bus.Bind();
        var controller = Controller();
        Assert.Equal(EcStatus.SciEvent, controller.ReadStatus() & EcStatus.SciEvent);
        Assert.Equal((Errno)0, controller.Query(out byte first));
        Assert.Equal(0x51, first);
        Assert.Equal((Errno)0, controller.Query(out byte none));
        Assert.Equal(0, none);
        Assert.Equal((Errno)0, controller.BurstEnable());
        Assert.Equal(EcStatus.Burst, controller.ReadStatus() & EcStatus.Burst);
        Assert.Equal((Errno)0, controller.BurstDisable());
        Assert.Equal(EcStatus.None, controller.ReadStatus() & EcStatus.Burst);
    }

    [Fact]
    public void ASlowEcIsWaitedForAndAStuckOneTimesOutWithEio()
    {
        var (bus, ec) = WithEc();
        ec.Latency = 50;
        ec.Space[1] = 7;
        using var bound = bus.Bind();
        Assert.Equal((Errno)0, Controller(polls: 60).ReadByte(1, out byte value));
        Assert.Equal(7, value);
        Assert.Equal(Errno.EIO, Controller(polls: 40).ReadByte(1, out _)); // budget shorter than the EC's latency
        ec.Latency = 0;
        ec.Stuck = true;
        Assert.Equal(Errno.EIO, Controller().WriteByte(1, 2));
        Assert.False(Controller().Probe());
    }

    [Fact]
    public void SmfiProbeBoardVersionAndPrint()
    {
        var bus = new SimulatedBus();
        var smfi = new SmfiModel();
        bus.MapPorts(0xE00, 256, smfi);
        using var bound = bus.Bind();
        var controller = new SmfiController<HostedPortIo>(0xE00, new PollBudget(100));
        Assert.True(controller.Probe(out byte version));
        Assert.Equal(1, version);
        var text = new byte[64];
        Assert.Equal((ulong)smfi.Board.Length, controller.ReadString(SmfiController<HostedPortIo>.BoardCommand, text).Value);
        Assert.Equal(smfi.Board, Encoding.ASCII.GetString(text, 0, smfi.Board.Length));
        var message = new byte[600];
        for (int i = 0; i < message.Length; i++)
        {
            message[i] = (byte)('a' + i % 26);
        }
        Assert.Equal(600UL, controller.Print(message).Value); // three PRINT commands
        Assert.Equal(message, smfi.Printed.ToArray());
        smfi.Stuck = true;
        Assert.Equal(Errno.EIO, controller.Print(message).Error);
    }

    [Fact]
    public void NoEcAtAllIsEnodevNeverAHang()
    {
        using var kernel = new HostedKernel();
        EcScheme<HostedPortIo> scheme;
        using (kernel.Bus.Bind())
        {
            scheme = EcDriver.CreateScheme<HostedPortIo>(new PollBudget(100));
        }
        Assert.False(scheme.HasAcpiEc);
        Assert.False(scheme.HasSmfi);
        kernel.StartDriver("ec", scheme);
        kernel.CreateProcess().Run(() =>
        {
            Assert.Equal(Errno.ENODEV, Sys.Open("ec:"u8, OpenFlags.ReadWrite).Error);
            Assert.Equal(Errno.ENODEV, Sys.Open("ec:query"u8, OpenFlags.ReadOnly).Error);
            Assert.Equal(Errno.ENODEV, Sys.Open("ec:system76/board"u8, OpenFlags.ReadOnly).Error);
            Assert.Equal(Errno.ENOENT, Sys.Open("ec:fan"u8, OpenFlags.ReadOnly).Error);
        });
    }

    [Fact]
    public void EcSchemeServesSpaceQueriesAndSystem76Files()
    {
        using var kernel = new HostedKernel();
        var ec = new AcpiEcModel();
        var smfi = new SmfiModel();
        ec.Space[0x00] = 0xA5;
        ec.RaiseEvent(0x66);
        kernel.Bus.MapPorts(0x62, 1, ec);
        kernel.Bus.MapPorts(0x66, 1, ec);
        kernel.Bus.MapPorts(0xE00, 256, smfi);
        EcScheme<HostedPortIo> scheme;
        using (kernel.Bus.Bind())
        {
            scheme = EcDriver.CreateScheme<HostedPortIo>(new PollBudget(100));
        }
        kernel.StartDriver("ec", scheme);
        kernel.CreateProcess().Run(() =>
        {
            nuint space = Io.Open("ec:");
            var all = new byte[300];
            Assert.Equal(256UL, Sys.ReadAt(space, all, 0).Value);
            Assert.Equal(0xA5, all[0]);
            Assert.Equal(2UL, Sys.WriteAt(space, new byte[] { 1, 2 }, 0x80).Value);
            Assert.Equal(256UL, Sys.Lseek(space, 0, SeekWhence.End).Value);
            nuint query = Io.Open("ec:query", OpenFlags.ReadOnly);
            var one = new byte[1];
            Assert.Equal(1UL, Sys.Read(query, one).Value);
            Assert.Equal(0x66, one[0]);
            Assert.Equal(smfi.Board + "\n", Io.ReadText(Io.Open("ec:system76/board", OpenFlags.ReadOnly)));
            Assert.Equal(smfi.Version + "\n", Io.ReadText(Io.Open("ec:system76/version", OpenFlags.ReadOnly)));
            Assert.Equal(3UL, Io.WriteText(Io.Open("ec:system76/print", OpenFlags.WriteOnly), "hi\n").Value);
        });
        Assert.Equal(new byte[] { 1, 2 }, ec.Space[0x80..0x82]);
        Assert.Equal("hi\n", Encoding.ASCII.GetString(smfi.Printed.ToArray()));

        ec.Stuck = true; // the EC stops answering: its handles answer EIO
        kernel.CreateProcess().Run(() =>
        {
            Assert.Equal(Errno.EIO, Sys.ReadAt(Io.Open("ec:"), new byte[4], 0).Error);
        });
    }
}
