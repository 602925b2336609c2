using System.Threading;
using Redox.Kernel.Diagnostics;
using Redox.Kernel.Scheduling;

/// <summary>
/// Two threads that never yield, each counting in a busy loop. Both make progress only if the timer preempts
/// them; each logs when it notices the other has run since it last looked, so the log shows them interleave.
/// </summary>
public static class PreemptionScenario
{
    private static long s_countA, s_countB;
    private static int s_turnsA, s_turnsB;
    private static bool s_stop;

    /// <summary>Passes when both counted and each saw the other run at least twice.</summary>
    public static unsafe bool Run()
    {
        Threads.Spawn("busy-a", &BusyA, 0);
        Threads.Spawn("busy-b", &BusyB, 0);
        ulong switchesBefore = Threads.Scheduler!.Switches;
        Threads.Sleep(40);                                          // 400 ms of ticks, while A and B spin
        Volatile.Write(ref s_stop, true);
        Threads.Sleep(5);
        ulong switches = Threads.Scheduler!.Switches - switchesBefore;
        Check.Report("preemption countA", (ulong)Volatile.Read(ref s_countA));
        Check.Report("preemption countB", (ulong)Volatile.Read(ref s_countB));
        Check.Report("preemption switches", switches);
        bool ok = Check.That(Volatile.Read(ref s_countA) > 0, "thread A ran");
        ok &= Check.That(Volatile.Read(ref s_countB) > 0, "thread B ran");
        ok &= Check.That(Volatile.Read(ref s_turnsA) >= 2 && Volatile.Read(ref s_turnsB) >= 2, "A and B interleaved");
        ok &= Check.That(switches >= 4, "the timer switched threads");
        return ok;
    }

    private static void BusyA(nint unused) => Spin(ref s_countA, ref s_countB, ref s_turnsA, "A");

    private static void BusyB(nint unused) => Spin(ref s_countB, ref s_countA, ref s_turnsB, "B");

    private static void Spin(ref long mine, ref long other, ref int turns, string name)
    {
        long seen = Volatile.Read(ref other);
        while (!Volatile.Read(ref s_stop))
        {
            Volatile.Write(ref mine, Volatile.Read(ref mine) + 1);
            long now = Volatile.Read(ref other);
            if (now != seen)
            {
                seen = now;
                int turn = Interlocked.Increment(ref turns);
                if (turn <= 3)
                {
                    KernelLog.Write("thread ");
                    KernelLog.Write(name);
                    KernelLog.Write(" runs again after the other ran (turn ");
                    KernelLog.WriteDecimal((ulong)turn);
                    KernelLog.WriteLine(")");
                }
            }
        }
    }
}
