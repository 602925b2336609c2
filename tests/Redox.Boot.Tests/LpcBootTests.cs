using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace Redox.Boot.Tests;

/// <summary>
/// The LPC drivers as ring-3 daemons (samples/LpcInfo built from the packed feed: the Redox.Drivers.Lpc package's
/// lpcd, rtcd, ecd and seriald, each with only its own ports and lines, and the lpcinfo client) on QEMU's two PC machines: the bridge each one has, no Super I/O and no EC reported
/// as absent, the CMOS clock reporting the date QEMU was given, and COM2 on a host socket carrying a line each way
/// through <c>serial:</c>. The image leaves QEMU through isa-debug-exit: 33 only when every program ended well.
/// </summary>
[Collection(QemuCollection.Name)]
public sealed class LpcBootTests(LpcInfoSample sample) : IClassFixture<LpcInfoSample>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private string Iso => sample.Iso;

    [Fact]
    public void On_q35_lpc_finds_the_ICH9_LPC_bridge_with_its_decodes_and_rtc_reports_the_date_qemu_was_given()
    {
        BootResult boot = Boot("q35", "2031-07-15T12:34:56");

        string log = AssertEndedWell(boot);
        Assert.Contains("lpcinfo: lpc: bridge 00:1f.0 8086:2918 class 0601 rev 2 Intel ICH9 LPC interface\n", log);
        // QEMU's ICH9 model: PMBASE 0x600, ACPI enabled on SCI IRQ 9 (select 0), RCBA 0xfed1c000; LPC_EN decodes COMA
        // and LPT, and COMB only when the machine has a COM2 (see the serial test).
        Assert.Contains("lpcinfo: lpc: pmbase 0x0600\n", log);
        Assert.Contains("lpcinfo: lpc: rcba 0xfed1c000 enabled\n", log);
        Assert.Contains("lpcinfo: lpc: lpc_en 0x0005 com_a lpt\n", log);
        // Registers QEMU does not model are said to be unknown, not read as zero.
        Assert.Contains("lpcinfo: lpc: lpc_io_dec unknown\n", log);
        Assert.Contains("lpcinfo: lpc: pci 00:00.0 8086:29c0 class 0600 rev 0\n", log);
        Assert.DoesNotContain("8086:7000", log);
        AssertAbsentDevices(log);
        AssertClock(log, boot, new DateTime(2031, 7, 15, 12, 34, 56));
    }

    [Fact]
    public void On_pc_lpc_finds_the_PIIX3_ISA_bridge_with_unknown_decodes_and_rtc_reads_the_century_register()
    {
        BootResult boot = Boot("pc", "1987-03-04T05:06:07");

        string log = AssertEndedWell(boot);
        Assert.Contains("lpcinfo: lpc: bridge 00:01.0 8086:7000 class 0601 rev 0 Intel PIIX3 PCI-to-ISA bridge\n", log);
        // PIIX3 has no PMBASE, RCBA or LPC enables (ACPI came with PIIX4's function 3): unknown, not invented.
        Assert.Contains("lpcinfo: lpc: pmbase unknown\n", log);
        Assert.Contains("lpcinfo: lpc: rcba unknown\n", log);
        Assert.Contains("lpcinfo: lpc: pci 00:00.0 8086:1237 class 0600 rev 2\n", log);
        Assert.DoesNotContain("8086:2918", log);
        AssertAbsentDevices(log);
        // 1987: the century comes from CMOS register 0x32 (QEMU's FADT CENTURY), not assumed to be 20.
        AssertClock(log, boot, new DateTime(1987, 3, 4, 5, 6, 7));
    }

    [Fact]
    public void Com2_on_a_host_socket_carries_a_line_each_way_through_serial_and_the_driver_runs_on_irq_3()
    {
        using var peer = new LpcSerialPeer(Timeout);

        BootResult boot = Qemu.Boot(Iso, Timeout, uefi: false, ["-machine", "q35", "-serial", "unix:" + peer.Path]);
        peer.Wait();

        string log = AssertEndedWell(boot);
        Assert.True(peer.Failure is null, peer.Failure + "\n" + log);
        // With a COM2, QEMU's ICH9 forwards COMB too.
        Assert.Contains("lpcinfo: lpc: lpc_en 0x0007 com_a com_b lpt\n", log);
        Assert.Contains("lpcinfo: serial: com2 16550A 115200 8N1 selftest=pass state=ok dropped=0 errors=0\n", log);
        // Guest to host: the client's line and its echo, byte for byte, in that order and nothing else.
        Assert.Equal("lpcinfo: com2 ready\necho: " + LpcSerialPeer.Ping + "\n", peer.Received);
        // Host to guest: the client waited on an event: queue for serial:com2, which only the driver's IRQ 3 path
        // makes readable (the driver sleeps on its own queue; no client call was in flight when the bytes came).
        Assert.Contains("lpcinfo: serial: com2 received \"" + LpcSerialPeer.Ping + "\"\n", log);
        Assert.Contains("lpcinfo: serial: com2 echoed it; then received \"bye\"\n", log);
    }

    // The FADT's CENTURY on both machines is 0x32 (QEMU's RTC_CENTURY). rtcd's manifest grants `firmware`: read-only
    // access to what the memory map reserves below the top of RAM (the BIOS area with the RSDP, and the tables QEMU's
    // firmware puts near the top of RAM, wherever that is), never RAM the kernel hands out. The host tests
    // (AcpiTablesTests) cover the walk; this proves it on QEMU's own tables.
    [Theory]
    [InlineData("q35")]
    [InlineData("pc")]
    public void Rtcd_reads_the_century_register_from_QEMUs_FADT_and_the_date_stays_exact(string machine)
    {
        BootResult boot = Boot(machine, "1987-03-04T05:06:07");

        string log = AssertEndedWell(boot);
        Assert.Contains("rtcd: century: register 0x32 from the ACPI FADT\n", log);
        AssertClock(log, boot, new DateTime(1987, 3, 4, 5, 6, 7));
    }

    private BootResult Boot(string machine, string rtcBase)
        => Qemu.Boot(Iso, Timeout, uefi: false, ["-machine", machine, "-rtc", "base=" + rtcBase]);

    // The image ended by itself through isa-debug-exit with 33: the client exited 0, and each daemon ran until the
    // kernel stopped it (kill 15) — never ended early, faulted on an ungranted port, or was restarted.
    private static string AssertEndedWell(BootResult boot)
    {
        string log = boot.KernelLog.Replace("\r\n", "\n");
        Assert.False(boot.TimedOut, "QEMU timed out\n" + log);
        Assert.True(boot.ExitCode == BootResult.Passed, $"exit {boot.ExitCode}\n{log}");
        Assert.Contains("lpcinfo: done\n", log);
        Assert.Matches(@"process \d+ \(lpcinfo\) exited with code 0\n", log);
        foreach (string daemon in new[] { "lpcd", "rtcd", "ecd", "seriald" })
            Assert.Matches($@"process \d+ \({daemon}\) ended by signal 15\n", log);
        Assert.Contains("processes: 5 started, all ended, 0 with a non-zero status\n", log);
        // rtcd says where its century register came from: the FADT, or (when the tables cannot be read) its argument.
        Assert.Matches(@"rtcd: century: register 0x32 from the (ACPI FADT|argument; ACPI tables not read: [^\n]+)\n", log);
        Assert.DoesNotContain("restarting", log);
        Assert.DoesNotContain("FAILED", log);
        return log;
    }

    // Neither machine has a Super I/O chip (both configuration ports read 0xFF) or an embedded controller.
    private static void AssertAbsentDevices(string log)
    {
        Assert.Contains("lpcinfo: lpc: superio 0x2e absent\nlpcinfo: lpc: superio 0x4e absent\n", log);
        Assert.Contains("lpcinfo: ec: absent (ENODEV)\n", log);
        // Without a second -serial the machine has no COM2: serial: answers ENODEV rather than inventing a port.
        Assert.Contains("lpcinfo: serial: com2 absent (ENODEV)\n", log);
    }

    // The clock QEMU started at `given` (-rtc base=) and has run since, at most for as long as the boot took; rtc:unix is
    // the same instant as rtc: (read just after it).
    private static void AssertClock(string log, BootResult boot, DateTime given)
    {
        Match text = Regex.Match(log, @"lpcinfo: rtc: (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\n");
        Match unix = Regex.Match(log, @"lpcinfo: rtc: unix (\d+)\n");
        Assert.True(text.Success && unix.Success, log);
        DateTime reported = DateTime.ParseExact(text.Groups[1].Value, "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        Assert.Equal(given.Date, reported.Date);
        // QEMU's RTC does not start on a second boundary: its first tick comes anywhere within the first second, so a read
        // made after t seconds may show up to t + 1 seconds past the given time.
        Assert.InRange(reported, given, given + boot.Elapsed + TimeSpan.FromSeconds(1));
        long seconds = (long)(reported - DateTime.UnixEpoch).TotalSeconds;
        Assert.InRange(long.Parse(unix.Groups[1].Value, CultureInfo.InvariantCulture), seconds, seconds + 2);
    }
}
