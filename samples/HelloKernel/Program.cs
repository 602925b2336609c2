using System.Threading;
using Redox.Kernel.Diagnostics;
using Redox.Kernel.Memory;
using Redox.Kernel.Scheduling;

/// <summary>
/// The sample image: two kernel threads that never yield take turns only because the timer preempts them;
/// then a memory summary. Runs on the kernel's boot thread after the boot log says <c>ready</c>, while the ring-3
/// programs of the initfs run in their own address spaces (Programs/Greeter, Programs/Sleeper, the sample drivers as
/// scheme daemons and Programs/DriverClient, which uses them); the kernel ends the image when this Main and the
/// programs are done, stopping the daemons then.
/// </summary>
public static unsafe class Program
{
    private const int Steps = 4;
    private static int s_finished;

    /// <summary>Returns 0: with the default command line the kernel then leaves QEMU.</summary>
    public static int Main()
    {
        KernelLog.WriteLine("hello: two kernel threads, each busy for 3 ticks per step, never yielding");
        KernelThread first = Threads.Spawn("worker-a", &Work, 'A');
        KernelThread second = Threads.Spawn("worker-b", &Work, 'B');
        while (Volatile.Read(ref s_finished) < 2) Threads.Sleep(1);

        Scheduler scheduler = Threads.Scheduler!;
        KernelLog.Write("hello: ");
        KernelLog.WriteDecimal(scheduler.Switches);
        KernelLog.Write(" context switches in ");
        KernelLog.WriteDecimal(scheduler.Ticks);
        KernelLog.Write(" ticks; worker-a ran ");
        KernelLog.WriteDecimal(first.Dispatches);
        KernelLog.Write("x, worker-b ");
        KernelLog.WriteDecimal(second.Dispatches);
        KernelLog.WriteLine("x");
        Threads.Release(first);      // done reading their records: the kernel frees them with the threads
        Threads.Release(second);

        FrameAllocator frames = PhysicalMemory.Frames!;
        ref readonly KernelHeap heap = ref Heap.Current;
        KernelLog.Write("hello: memory ");
        KernelLog.WriteDecimal(frames.FreeFrames * FrameAllocator.FrameSize >> 20);
        KernelLog.Write(" MiB free of ");
        KernelLog.WriteDecimal(PhysicalMemory.AvailableBytes >> 20);
        KernelLog.Write(" MiB; heap ");
        KernelLog.WriteDecimal((ulong)heap.BytesInUse);
        KernelLog.Write(" bytes in use in ");
        KernelLog.WriteDecimal(heap.Allocations - heap.Frees);
        KernelLog.WriteLine(" blocks");
        KernelLog.WriteLine("hello: done");
        return 0;
    }

    private static void Work(nint letter)
    {
        Scheduler scheduler = Threads.Scheduler!;
        for (int step = 1; step <= Steps; step++)
        {
            ulong until = scheduler.Ticks + 3;
            while (scheduler.Ticks < until) { }     // busy: only preemption lets the other worker in
            KernelLog.Write("  [");
            KernelLog.Write((byte)letter);
            KernelLog.Write("] step ");
            KernelLog.WriteDecimal((ulong)step);
            KernelLog.Write(" at tick ");
            KernelLog.WriteDecimal(scheduler.Ticks);
            KernelLog.WriteLine();
        }
        Interlocked.Increment(ref s_finished);
    }
}
