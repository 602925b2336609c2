using System.Threading;
using Redox.Kernel.Diagnostics;
using Redox.Kernel.Memory;
using Redox.Kernel.Scheduling;

/// <summary>
/// What an exited thread leaves behind. <see cref="Run"/>: 200 detached threads come and go, and a spawned thread's
/// record is freed once its spawner releases it; frames, heap bytes and block counts end exactly where they started.
/// <see cref="RunMainReturns"/>: the image's Main returns while a thread lives on, and that thread spawns another
/// after the boot thread has exited (the boot thread's record and its boot-stub stack must be handled like any
/// exited thread's, without freeing a stack it never owned).
/// </summary>
public static unsafe class ThreadLifetimeScenario
{
    private const int Threads200 = 200;
    private static int s_finished;
    private static KernelThread? s_boot;

    /// <summary>Detached and released threads give back their stacks and records.</summary>
    public static bool Run()
    {
        // One detached thread first: from here on exactly one exited thread always waits to be reclaimed (each
        // spawn reclaims the one before), so the counts after must equal these.
        StartAndWait(1);
        ulong frames = PhysicalMemory.Frames!.FreeFrames;
        nuint bytes = Heap.Current.BytesInUse;
        ulong blocks = Heap.Current.Allocations - Heap.Current.Frees;
        for (int i = 0; i < Threads200; i++) StartAndWait(i + 2);
        bool ok = Check.That(PhysicalMemory.Frames!.FreeFrames == frames, "200 exited threads' stack frames all came back");
        ok &= Check.That(Heap.Current.BytesInUse == bytes, "200 exited threads' records all came back");
        ok &= Check.That(Heap.Current.Allocations - Heap.Current.Frees == blocks, "the heap's block count balances");

        // A record its spawner still holds stays readable after the thread exited; released, it goes.
        KernelThread held = Threads.Spawn("held", &Finish, 0);
        int expected = Volatile.Read(ref s_finished) + 1;
        while (Volatile.Read(ref s_finished) < expected) Threads.Yield();
        while (held.State != ThreadState.Exited) Threads.Yield();
        ok &= Check.That(held.Dispatches > 0, "an exited thread's record is still readable");
        Threads.Release(held);
        StartAndWait(Volatile.Read(ref s_finished) + 1);          // reclaims `held`; leaves one exited thread again
        ok &= Check.That(Heap.Current.BytesInUse == bytes, "a released record came back");
        ok &= Check.That(PhysicalMemory.Frames!.FreeFrames == frames, "its stack came back");
        Check.Report("threadreclaim frames", PhysicalMemory.Frames!.FreeFrames);
        Check.Report("threadreclaim heap bytes", (ulong)Heap.Current.BytesInUse);
        return ok;
    }

    /// <summary>
    /// Leaves a thread behind and returns. The kernel would end QEMU as soon as Main returned, so the survivor owns
    /// the exit: it waits for the boot thread to exit, spawns, and reports through QEMU's exit device itself.
    /// </summary>
    public static bool RunMainReturns()
    {
        s_boot = Threads.Current;
        Threads.Release(Threads.Spawn("survivor", &Survive, 0));
        QemuExit.Enabled = false;     // the survivor turns it back on once the boot thread has gone
        KernelLog.WriteLine("mainreturns: Main returns with a thread still running");
        return true;
    }

    private static void Survive(nint unused)
    {
        while (s_boot!.State != ThreadState.Exited) Threads.Sleep(1);
        s_boot = null;        // its record may be freed from here on
        QemuExit.Enabled = true;
        KernelLog.WriteLine("mainreturns: the boot thread exited; spawning");
        int expected = Volatile.Read(ref s_finished) + 1;
        Threads.SpawnDetached("after-main", &Finish, 0);        // reclaims the boot thread on the way
        while (Volatile.Read(ref s_finished) < expected) Threads.Sleep(1);
        KernelLog.WriteLine("mainreturns: a thread spawned after Main returned ran");
        QemuExit.ExitIfEnabled(QemuExit.PassCode);
    }

    private static void StartAndWait(int finished)
    {
        Threads.SpawnDetached("short", &Finish, 0);
        while (Volatile.Read(ref s_finished) < finished) Threads.Yield();
        // Past its last line it only has to exit: a tick's sleep lets it get there, so exactly one exited thread (this
        // one) waits for the next spawn to reclaim it whenever the counts are read.
        Threads.Sleep(1);
    }

    private static void Finish(nint unused) => Interlocked.Increment(ref s_finished);
}
