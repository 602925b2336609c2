namespace Redox.Kernel.Scheduling;

/// <summary>Where a kernel thread is in its life.</summary>
public enum ThreadState
{
    /// <summary>In a run queue, waiting for the CPU.</summary>
    Ready,
    /// <summary>On the CPU.</summary>
    Running,
    /// <summary>Waiting for <see cref="Scheduler.Wake"/>.</summary>
    Blocked,
    /// <summary>Waiting for a timer tick.</summary>
    Sleeping,
    /// <summary>Finished; never runs again.</summary>
    Exited,
}
