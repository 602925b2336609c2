using Redox.Kernel.Arch.X64;
using Redox.Kernel.Diagnostics;
using Redox.Kernel.Memory;

namespace Redox.Kernel.Scheduling;

/// <summary>
/// Kernel threads: creation, yield, block and wake, sleep, exit. The <see cref="Scheduler"/> decides; this class
/// keeps contexts and stacks and talks to the CPU. Entries are function pointers (delegates are not supported on
/// bare metal yet).
/// </summary>
public static unsafe class Threads
{
    /// <summary>Bytes of stack per thread.</summary>
    public const int StackSize = 32 * 1024;

    private static Scheduler? s_scheduler;
    private static int s_nextId;
    private static KernelThread? s_exited;

    /// <summary>The scheduler (null before <see cref="Initialize"/>).</summary>
    public static Scheduler? Scheduler => s_scheduler;

    /// <summary>The thread on the CPU.</summary>
    public static KernelThread Current => s_scheduler!.Current;

    /// <summary>Adopts the running boot code as thread 0 and creates the idle thread.</summary>
    public static void Initialize()
    {
        KernelThread boot = new KernelThread(s_nextId++, "boot", 1);
        KernelThread idle = NewThread("idle", Scheduler.PriorityLevels - 1, &IdleLoop, 0);
        s_scheduler = new Scheduler(boot, idle);
    }

    /// <summary>
    /// Starts a thread running <paramref name="entry"/>(<paramref name="argument"/>) at <paramref name="priority"/>
    /// (0 highest; values outside 0..<see cref="Scheduler.PriorityLevels"/> - 1 are clamped to that range).
    /// </summary>
    public static KernelThread Spawn(string name, delegate*<nint, void> entry, nint argument, int priority = 1)
    {
        if (priority < 0) priority = 0;
        if (priority >= Scheduler.PriorityLevels) priority = Scheduler.PriorityLevels - 1;
        ReclaimExited();
        KernelThread thread = NewThread(name, priority, entry, argument);
        using (InterruptGuard.Enter()) s_scheduler!.Add(thread);
        return thread;
    }

    /// <summary>Gives the CPU to the next ready thread of the same or better priority.</summary>
    public static void Yield() => Native.Yield();

    /// <summary>Blocks the calling thread until another calls <see cref="Wake"/>.</summary>
    public static void Block()
    {
        using InterruptGuard guard = InterruptGuard.Enter();
        s_scheduler!.BlockCurrent();
        Native.Yield();
    }

    /// <summary>Makes a blocked thread ready again; false if it was not blocked.</summary>
    public static bool Wake(KernelThread thread)
    {
        using InterruptGuard guard = InterruptGuard.Enter();
        return s_scheduler!.Wake(thread);
    }

    /// <summary>Sleeps for at least <paramref name="ticks"/> timer ticks.</summary>
    public static void Sleep(ulong ticks)
    {
        using InterruptGuard guard = InterruptGuard.Enter();
        s_scheduler!.SleepCurrent(ticks);
        Native.Yield();
    }

    /// <summary>Ends the calling thread.</summary>
    public static void Exit()
    {
        Native.DisableInterrupts();
        s_scheduler!.ExitCurrent();
        Native.Yield();
        Panic.Now("an exited thread was scheduled again");
    }

    /// <summary>The timer interrupt: saves the context, lets the scheduler pick, returns the context to resume.</summary>
    internal static nuint OnTimer(nuint context)
    {
        Scheduler? scheduler = s_scheduler;
        if (scheduler is null) return context;
        scheduler.Current.SavedContext = context;
        return scheduler.OnTick().SavedContext;
    }

    /// <summary>A voluntary switch (yield, block, sleep, exit).</summary>
    internal static nuint OnYield(nuint context)
    {
        Scheduler? scheduler = s_scheduler;
        if (scheduler is null) return context;
        KernelThread previous = scheduler.Current;
        previous.SavedContext = context;
        KernelThread next = scheduler.Reschedule();
        if (previous.State == ThreadState.Exited)
        {
            previous.Next = s_exited;
            s_exited = previous;
        }
        return next.SavedContext;
    }

    private static KernelThread NewThread(string name, int priority, delegate*<nint, void> entry, nint argument)
    {
        // Guarded stacks once paging is ours; before that (only the idle thread) from the heap.
        byte* stack = KernelPaging.KernelSpace is null
            ? Heap.AllocateBytes(StackSize)
            : (byte*)KernelPaging.AllocateStack(StackSize);
        if (stack == null) Panic.Now("out of memory for a thread stack");
        KernelThread thread = new KernelThread(s_nextId++, name, priority);
        thread.StackBase = (nuint)stack;
        thread.SavedContext = ThreadContext.Create(stack, StackSize, &Start, (nint)entry, argument);
        return thread;
    }

    /// <summary>Every thread starts here: run the entry with its argument, then exit.</summary>
    private static void Start(nint entry, nint argument)
    {
        ((delegate*<nint, void>)entry)(argument);
        Exit();
    }

    private static void IdleLoop(nint unused)
    {
        while (true) Native.EnableInterruptsAndHalt();
    }

    /// <summary>Frees the stacks of threads that exited (never the caller's own).</summary>
    private static void ReclaimExited()
    {
        KernelThread? thread;
        using (InterruptGuard.Enter())
        {
            thread = s_exited;
            s_exited = null;
        }
        while (thread is not null)
        {
            KernelThread? next = thread.Next;
            if (!Heap.FreeBytes((byte*)thread.StackBase)) KernelPaging.FreeStack(thread.StackBase, StackSize);
            thread.StackBase = 0;
            thread = next;
        }
    }
}
