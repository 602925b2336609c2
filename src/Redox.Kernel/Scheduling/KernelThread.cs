namespace Redox.Kernel.Scheduling;

/// <summary>
/// A kernel thread as the scheduler sees it. The saved context is an opaque address owned by the architecture
/// (on x86-64, the interrupt frame on the thread's own stack), so this file stays arch-free.
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

    /// <summary>The arch's saved context while the thread is off the CPU.</summary>
    public nuint SavedContext { get; set; }

    /// <summary>Base of the thread's stack (0 for the boot thread, whose stack the boot stub owns).</summary>
    public nuint StackBase { get; set; }

    /// <summary>The tick at which a sleeping thread becomes ready.</summary>
    public ulong WakeTick { get; internal set; }

    /// <summary>How many times the thread has been given the CPU.</summary>
    public ulong Dispatches { get; internal set; }

    /// <summary>Ticks left in the current time slice.</summary>
    internal int SliceLeft;

    /// <summary>The next thread in the same run queue or sleep list.</summary>
    internal KernelThread? Next;
}
