using Redox.Kernel.Ipc;
using Redox.Kernel.Processes;
using Redox.Kernel.Scheduling;

namespace Redox.Kernel.Schemes;

/// <summary>
/// One <c>event:</c> queue of the real kernel: the shared <see cref="ReadinessQueue{TWatched}"/> (subscriptions and
/// pending readiness, the same code Redox.Testing runs) plus what only this kernel has: the owning process and the
/// thread blocked reading it. What is posted to it, and from where, is <see cref="EventQueues"/>' business. Changed with
/// interrupts off.
/// </summary>
public sealed class EventQueue
{
    /// <summary>Subscriptions and pending events.</summary>
    internal readonly ReadinessQueue<KernelFile> State = new ReadinessQueue<KernelFile>();

    /// <summary>The process whose queue it is.</summary>
    internal Process? Owner;

    /// <summary>The thread blocked reading it, if any.</summary>
    internal KernelThread? Reader;

    /// <summary>Something was queued (interrupts off): the thread blocked reading the queue, if any, wakes.</summary>
    internal void WakeReader()
    {
        KernelThread? reader = Reader;
        if (reader is null) return;
        Reader = null;
        Threads.Wake(reader);
    }
}
