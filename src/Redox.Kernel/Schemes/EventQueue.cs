using Redox.Kernel.Ipc;
using Redox.Kernel.Processes;
using Redox.Kernel.Scheduling;
using Redox.Syscall;

namespace Redox.Kernel.Schemes;

/// <summary>
/// One <c>event:</c> queue of the real kernel: the shared <see cref="ReadinessQueue{TWatched}"/> (subscriptions and
/// pending readiness, the same code Redox.Testing runs) plus what only this kernel has: the owning process and the
/// thread blocked reading it. Readiness of a user scheme's handle comes from its driver (what <c>fevent</c> answers at
/// subscription, and every <c>SendFevent</c> post after), of an <c>irq:</c> description from its line, of a scheme
/// socket from requests waiting on it. Changed with interrupts off.
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

    /// <summary>The driver of <paramref name="scheme"/> posted <paramref name="flags"/> for its handle <paramref name="handleId"/>: queues what subscribers wait for. True when something was queued.</summary>
    internal bool Post(UserScheme scheme, ulong handleId, ulong flags)
        => State.Post(new SchemeHandleSource(scheme, handleId), flags);

    /// <summary>An interrupt on <paramref name="line"/>: queues EVENT_READ for each subscription to an <c>irq:</c> description of it.</summary>
    internal bool PostIrq(int line) => State.Post(new IrqSource(line), (ulong)EventFlags.Read);

    /// <summary>A request waits on <paramref name="scheme"/>'s socket: queues EVENT_READ for each subscription to that socket.</summary>
    internal bool PostSocket(UserScheme scheme) => State.Post(new SocketSource(scheme), (ulong)EventFlags.Read);

    /// <summary>A deadline of time handle <paramref name="file"/> passed: queues EVENT_READ for each subscription to that description.</summary>
    internal bool PostTime(KernelFile file) => State.Post(new DescriptionSource(file), (ulong)EventFlags.Read);

    private readonly struct DescriptionSource(KernelFile file) : IReadinessSource<KernelFile>
    {
        public bool Matches(KernelFile watched) => watched == file;
    }

    private readonly struct SchemeHandleSource(UserScheme scheme, ulong handleId) : IReadinessSource<KernelFile>
    {
        public bool Matches(KernelFile watched)
            => watched.Kind == KernelFileKind.SchemeHandle && watched.Scheme == scheme && watched.HandleId == handleId;
    }

    private readonly struct IrqSource(int line) : IReadinessSource<KernelFile>
    {
        public bool Matches(KernelFile watched) => watched.Kind == KernelFileKind.Irq && watched.HandleId == (ulong)line;
    }

    private readonly struct SocketSource(UserScheme scheme) : IReadinessSource<KernelFile>
    {
        public bool Matches(KernelFile watched) => watched.Kind == KernelFileKind.SchemeSocket && watched.Scheme == scheme;
    }
}
