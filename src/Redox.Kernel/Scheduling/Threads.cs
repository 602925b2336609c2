using Redox.Kernel.Arch;
using Redox.Kernel.Diagnostics;
using Redox.Kernel.Memory;
using Redox.Kernel.Processes;

namespace Redox.Kernel.Scheduling;

/// <summary>
/// Threads: creation (kernel threads, and the one thread of each ring-3 process), yield, block and wake, sleep,
/// exit. The <see cref="Scheduler"/> decides; this class keeps contexts and stacks and prepares the CPU for the
/// thread it switches to (kernel stack for ring-3 entries, address space). Entries are function pointers.
/// </summary>
public static unsafe class Threads
{
    /// <summary>Bytes of kernel stack per thread.</summary>
    public const int StackSize = 32 * 1024;

    private static Scheduler? s_scheduler;
    private static int s_nextId;
    private static KernelThread? s_exited;

    /// <summary>The scheduler (null before <see cref="Initialize"/>).</summary>
    public static Scheduler? Scheduler => s_scheduler;

    /// <summary>The thread on the CPU.</summary>
    public static KernelThread Current => s_scheduler!.Current;

    /// <summary>
    /// The process of the thread on the CPU (null for a kernel thread): <c>Current.Process</c>, kept up to date by the
    /// switch so that every system call finds its caller with one load instead of a walk through the scheduler. A
    /// thread's process is set before it first runs and never changes.
    /// </summary>
    internal static Process? CurrentProcess => s_currentProcess;

    private static Process? s_currentProcess;

    /// <summary>Adopts the running boot code as thread 0 (on the boot stub's stack) and creates the idle thread.</summary>
    public static void Initialize()
    {
        KernelThread boot = new KernelThread(s_nextId++, "boot", 1);
        boot.Released = true;      // nobody holds the boot thread's record: it goes once the boot thread has exited
        boot.PageTableRoot = KernelPaging.KernelSpace!.Root;
        KernelThread idle = NewThread("idle", Scheduler.PriorityLevels - 1, &IdleLoop, 0);
        s_scheduler = new Scheduler(boot, idle);
        ThreadContext.InitializeSpaces(boot.PageTableRoot);
    }

    /// <summary>
    /// Starts a thread running <paramref name="entry"/>(<paramref name="argument"/>) at <paramref name="priority"/>
    /// (0 highest; values outside 0..<see cref="Scheduler.PriorityLevels"/> - 1 are clamped to that range). The record
    /// returned stays readable (its state, its dispatch count) after the thread exits, until the caller hands it back
    /// with <see cref="Release"/>; use <see cref="SpawnDetached"/> when nobody will read it.
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

    /// <summary>Starts a thread like <see cref="Spawn"/> whose record nobody reads: all it holds comes back once it exits.</summary>
    public static void SpawnDetached(string name, delegate*<nint, void> entry, nint argument, int priority = 1)
        => Release(Spawn(name, entry, argument, priority));

    /// <summary>
    /// The caller is done with <paramref name="thread"/>'s record (from <see cref="Spawn"/>): it is freed once the thread
    /// has exited and been reclaimed, at once if that already happened. The record must not be used after this.
    /// </summary>
    public static void Release(KernelThread thread)
    {
        bool freeNow;
        using (InterruptGuard.Enter())
        {
            thread.Released = true;
            freeNow = thread.Reclaimed;
        }
        if (freeNow) Heap.Free(thread);
    }

    /// <summary>
    /// Starts the thread of <paramref name="process"/>: it enters ring 3 at <paramref name="entry"/> with
    /// <paramref name="userStack"/>, on the process's address space.
    /// </summary>
    public static KernelThread SpawnUser(Process process, ulong entry, ulong userStack)
    {
        ReclaimExited();
        KernelThread thread = NewThreadRecord("process", 1);
        thread.SavedContext = ThreadContext.CreateUser((byte*)thread.StackBase, StackSize, entry, userStack);
        thread.Process = process;
        thread.PageTableRoot = process.Space.Root;
        using (InterruptGuard.Enter()) s_scheduler!.Add(thread);
        return thread;
    }

    /// <summary>Gives the CPU to the next ready thread of the same or better priority.</summary>
    public static void Yield()
    {
        using InterruptGuard guard = InterruptGuard.Enter();
        SwitchAway();
    }

    /// <summary>Blocks the calling thread until another calls <see cref="Wake"/>.</summary>
    public static void Block()
    {
        using InterruptGuard guard = InterruptGuard.Enter();
        s_scheduler!.BlockCurrent();
        SwitchAway();
    }

    /// <summary>
    /// Blocks the caller and runs <paramref name="target"/> (a blocked thread, woken by this) at once, without a pass
    /// through the run queue: a scheme call handing the CPU to the driver that waits for it. When the target is not
    /// blocked the caller just blocks.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static void BlockAndSwitchTo(KernelThread target)
    {
        using InterruptGuard guard = InterruptGuard.Enter();
        BlockAndSwitchToLocked(target);
    }

    /// <summary><see cref="BlockAndSwitchTo"/> for a caller that has interrupts off already (the scheme call paths).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static void BlockAndSwitchToLocked(KernelThread target)
    {
        Scheduler scheduler = s_scheduler!;
        KernelThread previous = scheduler.Current;
        if (scheduler.SwitchDirectTo(target, blockCurrent: true)) SwitchTo(previous, target);
        else
        {
            scheduler.BlockCurrent();
            SwitchAway();
        }
    }

    /// <summary>
    /// Wakes <paramref name="target"/> (a blocked thread) and runs it at once; the caller stays ready and runs again in
    /// its turn: a driver's answer going straight back to its client. False (and nothing happens) when it was not blocked.
    /// </summary>
    public static bool WakeAndSwitchTo(KernelThread target)
    {
        using InterruptGuard guard = InterruptGuard.Enter();
        Scheduler scheduler = s_scheduler!;
        KernelThread previous = scheduler.Current;
        if (!scheduler.SwitchDirectTo(target, blockCurrent: false)) return false;
        SwitchTo(previous, target);
        return true;
    }

    /// <summary>Makes a blocked thread ready again; false if it was not blocked.</summary>
    public static bool Wake(KernelThread thread)
    {
        using InterruptGuard guard = InterruptGuard.Enter();
        return s_scheduler!.Wake(thread);
    }

    /// <summary>Makes a blocked or sleeping thread ready now; false if it was neither.</summary>
    public static bool WakeEarly(KernelThread thread)
    {
        using InterruptGuard guard = InterruptGuard.Enter();
        return s_scheduler!.WakeEarly(thread);
    }

    /// <summary>Sleeps for at least <paramref name="ticks"/> timer ticks.</summary>
    public static void Sleep(ulong ticks)
    {
        using InterruptGuard guard = InterruptGuard.Enter();
        s_scheduler!.SleepCurrent(ticks);
        SwitchAway();
    }

    /// <summary>Ends the calling thread.</summary>
    public static void Exit()
    {
        Cpu.DisableInterrupts();
        s_scheduler!.ExitCurrent();
        SwitchAway();
        Panic.Now("an exited thread was scheduled again");
    }

    /// <summary>
    /// Makes another thread run <paramref name="entry"/> in ring 0 the next time it is scheduled (how a kill reaches
    /// a process): a thread preempted in ring 3 is redirected; a thread blocked or sleeping in the kernel is woken,
    /// and the kernel path it was in notices the kill on its way back to ring 3.
    /// </summary>
    public static void Interrupt(KernelThread thread, delegate*<nint, void> entry)
    {
        using InterruptGuard guard = InterruptGuard.Enter();
        if (thread.State == ThreadState.Exited || thread == Current) return;
        if (thread.PreemptedInUser)
        {
            // Nothing of its kernel stack matters (it holds only the timer's frame over ring-3 state): start afresh.
            thread.PreemptedInUser = false;
            thread.SavedContext = ThreadContext.Create((byte*)thread.StackBase, StackSize, &Start, (nint)entry, 0);
        }
        else s_scheduler!.WakeEarly(thread);
    }

    /// <summary>A kernel fault at <paramref name="faultAddress"/> is being reported: say so when it hit a thread stack's guard page.</summary>
    internal static void DescribeKernelFault(ulong faultAddress)
    {
        if (KernelPaging.IsStackGuard(faultAddress, StackSize))
            KernelLog.WriteLine("  kernel stack overflow: the faulting address is in a thread stack's guard page");
    }

    /// <summary>
    /// The timer interrupt (its frame at <paramref name="frame"/>, interrupts off): the scheduler picks, and if another
    /// thread is to run, this thread switches to it here and comes back when it is picked again.
    /// </summary>
    internal static void OnTimer(nuint frame)
    {
        Scheduler? scheduler = s_scheduler;
        if (scheduler is null) return;
        KernelThread previous = scheduler.Current;
        KernelThread next = scheduler.OnTick();
        if (next == previous) return;
        previous.PreemptedInUser = ThreadContext.IsUserMode(frame);
        SwitchTo(previous, next);
        previous.PreemptedInUser = false;
    }

    /// <summary>The current thread's process faulted and was ended: switch away from it for good.</summary>
    internal static void OnFatalFault()
    {
        s_scheduler!.ExitCurrent();
        SwitchAway();
        Panic.Now("a thread ended by a fault was scheduled again");
    }

    /// <summary>A voluntary switch (yield, block, sleep, exit, a hand-off), interrupts off: runs whom the scheduler picks.</summary>
    private static void SwitchAway()
    {
        Scheduler scheduler = s_scheduler!;
        KernelThread previous = scheduler.Current;
        KernelThread next = scheduler.Reschedule();
        if (next != previous) SwitchTo(previous, next);
    }

    /// <summary>Prepares the CPU for <paramref name="next"/>, parks an exited <paramref name="previous"/>, and switches.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void SwitchTo(KernelThread previous, KernelThread next)
    {
        if (previous.State == ThreadState.Exited)
        {
            // Off the CPU for good: its process may be reaped now, and its stack reused once the switch below has left it.
            if (previous.Process is not null) previous.Process.Thread = null;
            previous.Next = s_exited;
            s_exited = previous;
        }
        Processes.Process? process = next.Process;
        Runtime.BarrierFree.Store(ref s_currentProcess, process);
        ThreadContext.Activate(next.StackBase + StackSize, next.PageTableRoot, in process is null ? ref s_noPorts : ref process.Ports);
        // The switch stores this thread's context in its record before it leaves, so whoever switches back finds it.
        // (An exited thread never comes back here.) By address without `fixed`: the kernel's heap never moves an
        // object, and a pinned local would be zeroed and cleared around every switch.
        ThreadContext.Switch((nuint*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref previous.SavedContextSlot), next.SavedContext);
    }

    private static readonly PortGrants s_noPorts = default;

    private static KernelThread NewThread(string name, int priority, delegate*<nint, void> entry, nint argument)
    {
        KernelThread thread = NewThreadRecord(name, priority);
        thread.SavedContext = ThreadContext.Create((byte*)thread.StackBase, StackSize, &Start, (nint)entry, argument);
        return thread;
    }

    /// <summary>A thread record with a guarded kernel stack, on the kernel's address space until told otherwise.</summary>
    private static KernelThread NewThreadRecord(string name, int priority)
    {
        byte* stack = (byte*)KernelPaging.AllocateStack(StackSize);
        if (stack == null) Panic.Now("out of memory for a thread stack");
        int id;
        using (InterruptGuard.Enter()) id = s_nextId++;
        KernelThread thread = new KernelThread(id, name, priority);
        thread.StackBase = (nuint)stack;
        thread.OwnsStack = true;
        thread.PageTableRoot = KernelPaging.KernelSpace!.Root;
        return thread;
    }

    /// <summary>Every kernel thread starts here: run the entry with its argument, then exit.</summary>
    private static void Start(nint entry, nint argument)
    {
        ((delegate*<nint, void>)entry)(argument);
        Exit();
    }

    private static void IdleLoop(nint unused)
    {
        while (true) Cpu.WaitForInterrupt();
    }

    /// <summary>
    /// Takes back what exited threads held (never the caller's own): their kernel stacks, and their records once
    /// nobody reads them (process threads, detached and released threads, the boot thread); a record still held by
    /// its spawner is freed when it calls <see cref="Release"/>.
    /// </summary>
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
            if (thread.OwnsStack) KernelPaging.FreeStack(thread.StackBase, StackSize);
            thread.StackBase = 0;
            thread.OwnsStack = false;
            bool free;
            using (InterruptGuard.Enter())
            {
                thread.Reclaimed = true;
                free = thread.Released || thread.Process is not null;
            }
            if (free) Heap.Free(thread);
            thread = next;
        }
    }
}
