using System.Threading;
using Redox.Kernel.Scheduling;

/// <summary>
/// Two threads run the same floating-point loop (so the JIT gives both the same xmm registers) with different
/// steps, and are preempted many times. Each checks at the end that its sums are exact: if the context switch
/// did not save and restore the SSE state (fxsave/fxrstor), one thread's registers leak into the other's.
/// </summary>
public static unsafe class FpuScenario
{
    private static bool s_stop;
    private static int s_done;
    private static int s_failures;
    private static long s_iterations;

    /// <summary>Passes when both threads' sums are exact after many switches.</summary>
    public static bool Run()
    {
        ulong switchesBefore = Threads.Scheduler!.Switches;
        Threads.Spawn("fpu-a", &Work, 1);
        Threads.Spawn("fpu-b", &Work, 2);
        Threads.Sleep(50);                                          // 500 ms of ticks while both compute
        Volatile.Write(ref s_stop, true);
        while (Volatile.Read(ref s_done) < 2) Threads.Sleep(1);
        ulong switches = Threads.Scheduler!.Switches - switchesBefore;
        Check.Report("fpu switches", switches);
        Check.Report("fpu iterations", (ulong)Volatile.Read(ref s_iterations));
        Check.Report("fpu failures", (ulong)Volatile.Read(ref s_failures));
        bool ok = Check.That(switches >= 20, "the threads were preempted many times");
        ok &= Check.That(Volatile.Read(ref s_failures) == 0, "floating-point state survived every switch");
        return ok;
    }

    private static void Work(nint which)
    {
        // Steps whose multiples are exact in a double far beyond any count reached here (2^53).
        double step = which == 1 ? 1.0 : 3.0;
        double half = which == 1 ? 0.5 : 0.25;
        double x = 0, y = 0;
        long n = 0;
        while (!Volatile.Read(ref s_stop))
        {
            x += step;
            y += half;
            n++;
        }
        if (x != n * step || y != n * half) Interlocked.Increment(ref s_failures);
        Interlocked.Add(ref s_iterations, n);
        Interlocked.Increment(ref s_done);
    }
}
