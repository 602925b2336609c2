using Redox.Kernel;
using Redox.Kernel.Arch;
using Redox.Kernel.Arch.X64;
using Redox.Kernel.Memory;
using Redox.Kernel.Scheduling;

/// <summary>
/// Big allocations must not run with interrupts off: the timer keeps ticking while 48 MiB are committed, zeroed
/// and given back. The TSC, calibrated against PIT channel 2, says how many ticks the time taken should hold; the
/// scheduler's tick count must match (a tick that arrives while interrupts are off is latched once, the rest lost).
/// </summary>
public static unsafe class LatencyScenario
{
    private const nuint Size = 48 << 20;

    /// <summary>Passes when no ticks went missing.</summary>
    public static bool Run()
    {
        ulong tscPerTick = Pit.MeasureTscPerSecond() / KernelMain.TimerHertz;
        Check.Report("latency TSC cycles per tick", tscPerTick);
        Scheduler scheduler = Threads.Scheduler!;
        bool ok = true;
        ulong ticksBefore = scheduler.Ticks, tscBefore = TestNative.ReadTimestampCounter();
        // Repeat until the work spans enough ticks to measure (it is ~100 ms per round under TCG).
        int rounds = 0;
        while (rounds < 16 && (TestNative.ReadTimestampCounter() - tscBefore) / tscPerTick < 20)
        {
            byte* block = Heap.AllocateBytes(Size);
            ok &= Check.That(block != null, "48 MiB allocation");
            if (block == null) return false;
            ok &= Check.That(block[0] == 0 && block[Size - 1] == 0, "48 MiB zeroed");
            block[Size / 2] = 1;
            ok &= Check.That(Heap.FreeBytes(block), "48 MiB free");
            rounds++;
        }
        ulong expected = (TestNative.ReadTimestampCounter() - tscBefore) / tscPerTick;
        ulong counted = scheduler.Ticks - ticksBefore;
        Check.Report("latency rounds", (ulong)rounds);
        Check.Report("latency ticks expected", expected);
        Check.Report("latency ticks counted", counted);
        ok &= Check.That(expected >= 10, "the work took long enough to measure");
        // Slack: one tick at each end, and a quarter for a loaded host (the TSC and the PIT both follow host time).
        ok &= Check.That(counted + 2 + expected / 4 >= expected, "no timer ticks were lost");
        return ok;
    }
}
