using Redox.Kernel.Memory;
using Redox.Kernel.Processes;
using Redox.Kernel.Schemes;
using Redox.Kernel.Scheduling;

/// <summary>
/// Scheme IPC between ring-3 processes: the sample RAM-disk driver as a daemon, a client using it through the kernel,
/// and what happens to the scheme when its driver goes.
/// </summary>
public static unsafe class IpcScenario
{
    /// <summary>Daemon up, client through every routed call, daemon killed: the scheme is gone and opens answer ENODEV.</summary>
    public static bool Run()
    {
        Process? daemon = UserSpaceScenario.Start("ramdisk"u8, "ramdisk"u8);
        if (daemon is null) return false;
        bool ok = Check.That(WaitForScheme("ramdisk"u8), "the daemon created ramdisk:");
        ok &= Check.That(UserSpaceScenario.RunToEnd("client"u8, "ramdisk-client"u8) == 0, "a ring-3 client used ramdisk: through the kernel");
        ok &= Check.That(UserSpaceScenario.RunPair("client A"u8, "client B"u8, "ramdisk-client"u8) == 0, "two clients at once");
        // A client that read once and holds its handle: the daemon, having answered, waits in
        // SYS_ANSWER_ONE_THEN_READ (not behind a close) when it is killed, so that path must end it too.
        Process? holder = UserSpaceScenario.Start("holder"u8, "ramdisk-holder"u8);
        Threads.Sleep(20);                              // its read is answered by now
        ProcessTable.Kill(daemon.Id, 9);
        ProcessTable.Wait(ProcessTable.KernelId, daemon.Id, noHang: false, out int status);
        ok &= Check.That(status == Process.SignaledStatus(9), "the daemon ends by its signal");
        ok &= Check.That(UserSchemes.Find("ramdisk"u8) is null, "its scheme went with it");
        if (holder is not null)
        {
            ProcessTable.Kill(holder.Id, 9);
            ProcessTable.Wait(ProcessTable.KernelId, holder.Id, noHang: false, out _);
        }
        else ok = Check.That(false, "the holder started");
        return ok;
    }

    /// <summary>
    /// The conformance scenarios (tests/Conformance, the same ones Redox.Testing's hosted kernel passes): the conformance
    /// driver as a ring-3 daemon and each scenario as its own ring-3 client.
    /// </summary>
    public static bool RunConformance()
    {
        Process? daemon = UserSpaceScenario.Start("conf"u8, "conf"u8);
        if (daemon is null) return false;
        bool ok = Check.That(WaitForScheme("conf"u8), "the conformance driver created conf:");
        byte* arguments = stackalloc byte[16];
        for (int scenario = 0; scenario < ConformanceScenarios; scenario++)
        {
            "conf-client "u8.CopyTo(new Span<byte>(arguments, 16));
            int length = 12;
            if (scenario >= 10) arguments[length++] = (byte)('0' + scenario / 10);
            arguments[length++] = (byte)('0' + scenario % 10);
            ok &= Check.That(UserSpaceScenario.RunToEnd("conf-client"u8, new ReadOnlySpan<byte>(arguments, length)) == 0, "a conformance scenario passed");
        }
        ProcessTable.Kill(daemon.Id, 9);
        ProcessTable.Wait(ProcessTable.KernelId, daemon.Id, noHang: false, out _);
        return ok;
    }

    /// <summary>An interrupt delivered through irq: to a ring-3 driver granted the line and its device's ports; a process without the grant refused.</summary>
    public static bool RunIrq()
    {
        ProcessGrants.TryCreate(default, "0x70-0x71"u8, "8"u8, out ProcessGrants grants);
        StartError error = ProcessTable.Start("rtc-irq"u8, UserSpaceScenario.TestProgram(), "rtc-irq"u8, ProcessTable.KernelId, grants, out Process? driver);
        bool ok = Check.That(error == StartError.None && driver is not null, "the RTC driver starts");
        if (driver is not null)
        {
            ProcessTable.Wait(ProcessTable.KernelId, driver.Id, noHang: false, out int status);
            ok &= Check.That(status == 0, "the RTC's interrupts reached it through irq: and event:");
        }
        ok &= Check.That(IrqLines.CountOf(8) >= 3, "the kernel counted the interrupts");
        ok &= Check.That(UserSpaceScenario.RunToEnd("irq-denied"u8, "irq-denied"u8) == 0, "irq:8 without a grant is refused");

        // memory: device registers and DMA memory, as the manifest would grant them.
        ulong frames = PhysicalMemory.Frames!.FreeFrames;
        ProcessGrants.TryCreate(default, default, out ProcessGrants memory);
        memory.TryAddPhysical("0xfee00000-0xfee00fff,0x200000-0x2fffff"u8, "8"u8);
        error = ProcessTable.Start("memory"u8, UserSpaceScenario.TestProgram(), "memory"u8, ProcessTable.KernelId, memory, out Process? mapper);
        ok &= Check.That(error == StartError.None && mapper is not null, "the memory driver starts");
        if (mapper is not null)
        {
            ProcessTable.Wait(ProcessTable.KernelId, mapper.Id, noHang: false, out int status);
            ok &= Check.That(status == 0, "device memory and DMA memory as granted, refusals otherwise");
        }
        ok &= Check.That(PhysicalMemory.Frames!.FreeFrames == frames, "its DMA frames came back and no device frame was freed");
        return ok;
    }

    /// <summary>Scenarios in tests/Conformance (ConformanceClient.Count).</summary>
    private const int ConformanceScenarios = 13;

    /// <summary>The IPC figures (run under -icount shift=0, see benchmarks/measure-ipc.sh): 1-byte and 4 KiB reads from zero:.</summary>
    public static bool RunBenchmarks(bool profile)
    {
        Process? daemon = UserSpaceScenario.Start("zero"u8, "zero"u8);
        if (daemon is null) return false;
        bool ok = Check.That(WaitForScheme("zero"u8), "the daemon created zero:");
        // The profile variant runs one round, short enough to trace every executed block (qemu -d exec).
        ok &= Check.That(UserSpaceScenario.RunToEnd("bench 1"u8, profile ? "bench-ipc 1 1"u8 : "bench-ipc 1"u8) == 0, "the 1-byte IPC benchmark ran");
        if (!profile) ok &= Check.That(UserSpaceScenario.RunToEnd("bench 4096"u8, "bench-ipc 4096"u8) == 0, "the 4 KiB IPC benchmark ran");
        ProcessTable.Kill(daemon.Id, 9);
        ProcessTable.Wait(ProcessTable.KernelId, daemon.Id, noHang: false, out _);
        return ok;
    }

    /// <summary>
    /// Drivers that fail: one that faults and one that exits in the middle of a call (contained, restarted by the
    /// supervisor, serving again), and one that never answers (its clients are killed; it is told of each cancel).
    /// </summary>
    public static bool RunFaults()
    {
        // Its manifest would say: scheme=crashy ports=0x70-0x71 restart=3.
        ProcessGrants.TryCreate("crashy"u8, "0x70-0x71"u8, out ProcessGrants grants);
        int crashy = Services.Start("crashy"u8, UserSpaceScenario.TestProgram(), "crashy"u8, restartLimit: 3, daemon: true, grants);
        bool ok = Check.That(crashy > 0 && WaitForScheme("crashy"u8), "the crashing driver created crashy:");
        ok &= Check.That(UserSpaceScenario.RunToEnd("crashy-client"u8, "crashy-client"u8) == 0, "its client saw both crashes contained and the driver back");
        ok &= Check.That(Services.RestartCount == 3, "the supervisor restarted it three times");
        ok &= Check.That(!Redox.Kernel.Arch.X64.IoPermissionBitmap.IsOpen(0x70), "its ports are closed while it does not run");

        Process? silent = UserSpaceScenario.Start("silent"u8, "silent"u8);
        ok &= Check.That(silent is not null && WaitForScheme("silent"u8), "the silent driver created silent:");
        ok &= Check.That(KillBlockedClient("silent-client"u8), "a client blocked in open on a driver that never answers can be killed");
        ok &= Check.That(UserSpaceScenario.RunToEnd("meanwhile"u8, "hello"u8) == Process.ExitedStatus(7), "other processes run meanwhile");
        // A read goes by the syscall entry's own path, which must end a killed process on its way out itself.
        ok &= Check.That(KillBlockedClient("silent-reader"u8), "and one blocked in read");
        if (silent is not null)
        {
            ProcessTable.Wait(ProcessTable.KernelId, silent.Id, noHang: false, out int status);
            ok &= Check.That(status == 0, "the silent driver was told of both cancels and ended");
        }
        Services.StopDaemons();
        return ok;
    }

    private static bool KillBlockedClient(ReadOnlySpan<byte> scenario)
    {
        Process? client = UserSpaceScenario.Start(scenario, scenario);
        if (client is null) return false;
        Threads.Sleep(20);                              // it is blocked in its call by now
        bool killed = ProcessTable.Kill(client.Id, 9);
        ProcessTable.Wait(ProcessTable.KernelId, client.Id, noHang: false, out int status);
        return killed && status == Process.SignaledStatus(9);
    }

    private static bool WaitForScheme(ReadOnlySpan<byte> name)
    {
        for (int i = 0; i < 500; i++)
        {
            if (UserSchemes.Find(name) is not null) return true;
            Threads.Sleep(1);
        }
        return false;
    }
}
