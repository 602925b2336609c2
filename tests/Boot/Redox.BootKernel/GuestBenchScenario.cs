using Redox.Kernel.Diagnostics;
using Redox.Kernel.Processes;
using Redox.Kernel.Schemes;
using Redox.Kernel.Scheduling;

/// <summary>
/// Every guest row of <c>benchmarks/Redox.Benchmarks</c> in one boot (run under <c>-icount shift=0</c>, where the
/// guest TSC counts instructions): null syscall, process switch, scheme round trips of 1 B, 4 KiB and 64 KiB, the
/// <c>fevent</c> wake-up and the IRQ-to-driver latency (which needs COM2: a second <c>-serial</c>). Before each step it
/// logs <c>guestbench: step i/n name</c>, which the benchmark command shows as progress; the figures are the ring-3
/// program's <c>bench:</c> lines.
/// </summary>
public static class GuestBenchScenario
{
    private const int Steps = 7;

    /// <summary>Runs the steps in order; false when one of them failed.</summary>
    public static bool Run()
    {
        Step(1, "null syscall");
        bool ok = Check.That(UserSpaceScenario.RunToEnd("bench"u8, "bench-syscall"u8) == 0, "the syscall benchmark ran");
        Step(2, "process switch");
        ok &= Check.That(UserSpaceScenario.RunPair("bench-yield A"u8, "bench-yield B"u8) == 0, "the switch benchmark ran");

        Process? zero = UserSpaceScenario.Start("zero"u8, "zero"u8);
        ok &= Check.That(zero is not null && WaitForScheme("zero"u8), "the zero: daemon is up");
        Step(3, "ipc round trip 1 B");
        ok &= Check.That(UserSpaceScenario.RunToEnd("bench 1"u8, "bench-ipc 1"u8) == 0, "the 1-byte IPC benchmark ran");
        Step(4, "ipc round trip 4 KiB");
        ok &= Check.That(UserSpaceScenario.RunToEnd("bench 4096"u8, "bench-ipc 4096"u8) == 0, "the 4 KiB IPC benchmark ran");
        Step(5, "ipc read 64 KiB");
        ok &= Check.That(UserSpaceScenario.RunToEnd("bench 65536"u8, "bench-ipc-large 65536"u8) == 0, "the 64 KiB IPC benchmark ran");
        if (zero is not null)
        {
            ProcessTable.Kill(zero.Id, 9);
            ProcessTable.Wait(ProcessTable.KernelId, zero.Id, noHang: false, out _);
        }

        Step(6, "fevent wake-up");
        ok &= Check.That(RunBoth("bench-fevent-driver"u8, "bench-fevent-waiter"u8), "the fevent benchmark ran");

        Step(7, "irq to driver");
        ok &= Check.That(RunIrq(), "the irq benchmark ran");
        return ok;
    }

    /// <summary>The IRQ pair with the grants a manifest would give: the driver COM2, the CMOS mailbox and line 3; the trigger the ports only.</summary>
    private static bool RunIrq()
    {
        ReadOnlySpan<byte> ports = "0x2f8-0x2ff,0x70-0x71"u8;
        ProcessGrants.TryCreate(default, ports, "3"u8, out ProcessGrants driverGrants);
        ProcessGrants.TryCreate(default, ports, out ProcessGrants triggerGrants);
        ReadOnlySpan<byte> image = UserSpaceScenario.TestProgram();
        StartError error = ProcessTable.Start("irqdriver"u8, image, "bench-irq-driver"u8, ProcessTable.KernelId, driverGrants, out Process? driver);
        if (error != StartError.None || driver is null) return false;
        error = ProcessTable.Start("irqtrigger"u8, image, "bench-irq-trigger"u8, ProcessTable.KernelId, triggerGrants, out Process? trigger);
        if (error != StartError.None || trigger is null) return false;
        ProcessTable.Wait(ProcessTable.KernelId, driver.Id, noHang: false, out int driverStatus);
        ProcessTable.Wait(ProcessTable.KernelId, trigger.Id, noHang: false, out int triggerStatus);
        return driverStatus == 0 && triggerStatus == 0;
    }

    /// <summary>Starts two programs (each named after its arguments) and waits for both; true when both exited with 0.</summary>
    private static bool RunBoth(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        Process? a = UserSpaceScenario.Start(first, first);
        Process? b = UserSpaceScenario.Start(second, second);
        if (a is null || b is null) return false;
        ProcessTable.Wait(ProcessTable.KernelId, a.Id, noHang: false, out int statusA);
        ProcessTable.Wait(ProcessTable.KernelId, b.Id, noHang: false, out int statusB);
        return statusA == 0 && statusB == 0;
    }

    private static void Step(int index, string name)
    {
        KernelLog.Write("guestbench: step ");
        KernelLog.WriteDecimal((ulong)index);
        KernelLog.Write("/");
        KernelLog.WriteDecimal(Steps);
        KernelLog.Write(" ");
        KernelLog.WriteLine(name);
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
