using System.Threading;
using Redox.Kernel.Scheduling;

/// <summary>A thread blocks until main wakes it: it must not run while blocked, and must run once woken.</summary>
public static class BlockWakeScenario
{
    private static int s_stage;

    /// <summary>Passes when the sleeper stayed blocked until woken and then finished.</summary>
    public static unsafe bool Run()
    {
        KernelThread sleeper = Threads.Spawn("sleeper", &Sleeper, 0);
        Threads.Sleep(5);
        bool ok = Check.That(Volatile.Read(ref s_stage) == 1, "the sleeper ran up to its block");
        ok &= Check.That(sleeper.State == ThreadState.Blocked, "the sleeper is blocked");
        Threads.Sleep(5);
        ok &= Check.That(Volatile.Read(ref s_stage) == 1, "a blocked thread does not run");
        ok &= Check.That(Threads.Wake(sleeper), "wake reports a blocked thread");
        ok &= Check.That(!Threads.Wake(sleeper), "waking twice is refused");
        Threads.Sleep(5);
        ok &= Check.That(Volatile.Read(ref s_stage) == 2, "the woken thread ran on");
        ok &= Check.That(sleeper.State == ThreadState.Exited, "the woken thread finished");
        return ok;
    }

    private static void Sleeper(nint unused)
    {
        Volatile.Write(ref s_stage, 1);
        Threads.Block();
        Volatile.Write(ref s_stage, 2);
    }
}
