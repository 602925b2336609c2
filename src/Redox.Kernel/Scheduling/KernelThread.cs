namespace Redox.Kernel.Scheduling;

/// <summary>
/// A kernel thread as the scheduler sees it. The saved context is an opaque address owned by the architecture
/// (on x86-64, the switch frame on the thread's own stack), so this file stays arch-free.
/// </summary>
public sealed class KernelThread
{
    /// <summary>Creates a thread record.</summary>
    public KernelThread(int id, string name, int priority)
    {
        Id = id;
        Name = name;
        Priority = priority;
        State = ThreadState.Ready;
    }

    /// <summary>Unique, increasing from 0 (the boot thread).</summary>
    public int Id { get; }

    /// <summary>For logs.</summary>
    public string Name { get; }

    /// <summary>0 (highest) .. <see cref="Scheduler.PriorityLevels"/> - 1 (lowest).</summary>
    public int Priority { get; }

    /// <summary>Current state.</summary>
    public ThreadState State { get; internal set; }

    /// <summary>
    /// The arch's saved context while the thread is off the CPU (on x86-64, the stack pointer of its switch frame; see
    /// ThreadContext).
    /// </summary>
    public nuint SavedContext { get => SavedContextSlot; set => SavedContextSlot = value; }

    /// <summary>Where the switch itself stores <see cref="SavedContext"/> (by address, as it leaves the thread).</summary>
    internal nuint SavedContextSlot;

    /// <summary>
    /// The thread was switched away from by the timer while it ran in ring 3: nothing on its kernel stack but the
    /// timer's frame, so a kill may restart it in the kernel (<see cref="Threads.Interrupt"/>).
    /// </summary>
    internal bool PreemptedInUser;

    /// <summary>Base of the thread's kernel stack.</summary>
    public nuint StackBase { get; set; }

    /// <summary>
    /// True when <see cref="StackBase"/> is a guarded stack the thread allocator handed out and takes back at exit;
    /// false for the boot thread, whose stack is the boot stub's (in the image's .bss) and never freed.
    /// </summary>
    public bool OwnsStack { get; set; }

    /// <summary>The process this thread runs in ring 3 for, or null for a kernel thread.</summary>
    public Processes.Process? Process { get; set; }

    /// <summary>The page-table root the thread runs on: its process's, or the kernel's.</summary>
    public ulong PageTableRoot { get; set; }

    /// <summary>The tick at which a sleeping thread becomes ready.</summary>
    public ulong WakeTick { get; internal set; }

    /// <summary>How many times the thread has been given the CPU.</summary>
    public ulong Dispatches { get; internal set; }

    /// <summary>Ticks left in the current time slice.</summary>
    internal int SliceLeft;

    /// <summary>
    /// Nobody reads this record any more (<see cref="Threads.Release"/>, a detached spawn, the boot thread, a process
    /// thread): it is freed once the thread has exited and its stack was taken back.
    /// </summary>
    internal bool Released;

    /// <summary>The thread exited and its stack was taken back; only the record is left (freed at once if released).</summary>
    internal bool Reclaimed;

    /// <summary>The next thread in the same run queue or sleep list.</summary>
    internal KernelThread? Next;
}
