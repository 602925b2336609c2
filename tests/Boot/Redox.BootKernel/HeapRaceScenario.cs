using System.Threading;
using Redox.Kernel;
using Redox.Kernel.Arch;
using Redox.Kernel.Arch.X64;
using Redox.Kernel.Memory;
using Redox.Kernel.Scheduling;

/// <summary>
/// Four threads allocate, fill, check and free blocks of many sizes while the timer runs 50x fast (5 kHz), so
/// preemption lands inside the heap's list work again and again. Without the heap's interrupt guard two threads
/// get the same block or break a list: a block's contents change under its owner, a free is refused, the
/// counters drift, or the kernel faults.
/// </summary>
public static unsafe class HeapRaceScenario
{
    private const int Workers = 4;
    private const uint FastHertz = 5000;
    private static int s_done;
    private static int s_failures;

    /// <summary>Passes when every block kept its contents and the heap's counters came back.</summary>
    public static bool Run()
    {
        ulong outstanding = Heap.Current.Allocations - Heap.Current.Frees;
        nuint inUse = Heap.Current.BytesInUse;
        ulong switchesBefore = Threads.Scheduler!.Switches;
        Pit.Start(FastHertz);
        for (int i = 0; i < Workers; i++) Threads.Spawn("heap-race", &Churn, i);
        while (Volatile.Read(ref s_done) < Workers) Threads.Sleep(10);
        Pit.Start(KernelMain.TimerHertz);
        ulong switches = Threads.Scheduler!.Switches - switchesBefore;
        Check.Report("heaprace switches", switches);
        Check.Report("heaprace failures", (ulong)Volatile.Read(ref s_failures));
        bool ok = Check.That(switches >= 200, "the threads were preempted often");
        ok &= Check.That(Volatile.Read(ref s_failures) == 0, "every block kept its contents and every free was accepted");
        // Each worker's thread record stays allocated until it is reclaimed; everything else came back.
        ok &= Check.That(Heap.Current.Allocations - Heap.Current.Frees <= outstanding + Workers, "the allocation counters balance");
        ok &= Check.That(Heap.Current.BytesInUse <= inUse + Workers * 256, "the bytes in use came back");
        return ok;
    }

    private static void Churn(nint seed)
    {
        const int Slots = 16;
        byte** blocks = stackalloc byte*[Slots];
        nuint* sizes = stackalloc nuint[Slots];
        for (int i = 0; i < Slots; i++) blocks[i] = null;
        uint state = (uint)seed * 2654435761u + 1;
        for (int i = 0; i < 20000; i++)
        {
            state = state * 1664525u + 1013904223u;
            int slot = (int)(state >> 28);
            byte mark = (byte)(seed * 16 + slot + 1);
            if (blocks[slot] != null)
            {
                for (nuint j = 0; j < sizes[slot]; j += 8)
                {
                    if (blocks[slot][j] != mark) { Interlocked.Increment(ref s_failures); break; }
                }
                if (!Heap.FreeBytes(blocks[slot])) Interlocked.Increment(ref s_failures);
                blocks[slot] = null;
                continue;
            }
            nuint size = (nuint)((state >> 8) % 3000 + 1);
            byte* block = Heap.AllocateBytes(size);
            if (block == null) { Interlocked.Increment(ref s_failures); continue; }
            for (nuint j = 0; j < size; j++)
            {
                if (block[j] != 0) { Interlocked.Increment(ref s_failures); break; }
            }
            for (nuint j = 0; j < size; j++) block[j] = mark;
            blocks[slot] = block;
            sizes[slot] = size;
        }
        for (int i = 0; i < Slots; i++)
        {
            if (blocks[i] != null && !Heap.FreeBytes(blocks[i])) Interlocked.Increment(ref s_failures);
        }
        Interlocked.Increment(ref s_done);
    }
}
