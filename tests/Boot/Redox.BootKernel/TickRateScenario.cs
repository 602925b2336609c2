using Redox.Kernel;
using Redox.Kernel.Arch;
using Redox.Kernel.Arch.X64;
using Redox.Kernel.Scheduling;

/// <summary>
/// The timer ticks at the rate the kernel asked for: ticks counted over ~300 ms of TSC time, with the TSC
/// calibrated against PIT channel 2 (independent of channel 0's divisor). QEMU's TCG TSC follows host time at a
/// nominal rate, so the margin is generous (±40 %); a divisor off by 10x is far outside it.
/// </summary>
public static class TickRateScenario
{
    /// <summary>Passes when the measured rate is within 40 % of <see cref="KernelMain.TimerHertz"/>.</summary>
    public static bool Run()
    {
        ulong tscPerSecond = Pit.MeasureTscPerSecond();
        Scheduler scheduler = Threads.Scheduler!;
        // Start on a tick edge, then count ticks for 0.3 s of TSC time.
        ulong edge = scheduler.Ticks;
        while (scheduler.Ticks == edge) { }
        ulong ticksBefore = scheduler.Ticks, tscBefore = TestNative.ReadTimestampCounter();
        ulong window = tscPerSecond * 3 / 10;
        while (TestNative.ReadTimestampCounter() - tscBefore < window) { }
        ulong ticks = scheduler.Ticks - ticksBefore;
        ulong hertz = ticks * 10 / 3;
        Check.Report("tickrate TSC cycles per second", tscPerSecond);
        Check.Report("tickrate programmed Hz", Pit.Hertz);
        Check.Report("tickrate measured Hz", hertz);
        bool ok = Check.That(Pit.Hertz == KernelMain.TimerHertz, "the PIT was programmed at the kernel's rate");
        ok &= Check.That(hertz * 10 >= KernelMain.TimerHertz * 6 && hertz * 10 <= KernelMain.TimerHertz * 14, "the timer ticks at the programmed rate");
        return ok;
    }
}
