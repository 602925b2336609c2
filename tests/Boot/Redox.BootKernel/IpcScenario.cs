using Redox.Kernel.Processes;
using Redox.Kernel.Schemes;
using Redox.Kernel.Scheduling;

/// <summary>
/// Scheme IPC between ring-3 processes: the sample RAM-disk driver as a daemon, a client using it through the kernel,
/// and what happens to the scheme when its driver goes.
/// </summary>
public static class IpcScenario
{
    /// <summary>Daemon up, client through every routed call, daemon killed: the scheme is gone and opens answer ENODEV.</summary>
    public static bool Run()
    {
        Process? daemon = UserSpaceScenario.Start("ramdisk"u8, "ramdisk"u8);
        if (daemon is null) return false;
        bool ok = Check.That(WaitForScheme("ramdisk"u8), "the daemon created ramdisk:");
        ok &= Check.That(UserSpaceScenario.RunToEnd("client"u8, "ramdisk-client"u8) == 0, "a ring-3 client used ramdisk: through the kernel");
        ok &= Check.That(UserSpaceScenario.RunPair("client A"u8, "client B"u8, "ramdisk-client"u8) == 0, "two clients at once");
        ProcessTable.Kill(daemon.Id, 9);
        ProcessTable.Wait(ProcessTable.KernelId, daemon.Id, noHang: false, out int status);
        ok &= Check.That(status == Process.SignaledStatus(9), "the daemon ends by its signal");
        ok &= Check.That(UserSchemes.Find("ramdisk"u8) is null, "its scheme went with it");
        return ok;
    }

    /// <summary>The IPC figures (run under -icount shift=0, see benchmarks/measure-ipc.sh): 1-byte and 4 KiB reads from zero:.</summary>
    public static bool RunBenchmarks()
    {
        Process? daemon = UserSpaceScenario.Start("zero"u8, "zero"u8);
        if (daemon is null) return false;
        bool ok = Check.That(WaitForScheme("zero"u8), "the daemon created zero:");
        ok &= Check.That(UserSpaceScenario.RunToEnd("bench 1"u8, "bench-ipc 1"u8) == 0, "the 1-byte IPC benchmark ran");
        ok &= Check.That(UserSpaceScenario.RunToEnd("bench 4096"u8, "bench-ipc 4096"u8) == 0, "the 4 KiB IPC benchmark ran");
        ProcessTable.Kill(daemon.Id, 9);
        ProcessTable.Wait(ProcessTable.KernelId, daemon.Id, noHang: false, out _);
        return ok;
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
