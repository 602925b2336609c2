using Redox.Kernel.Arch;
using Redox.Kernel.Ipc;
using Redox.Kernel.Memory;
using Redox.Kernel.Processes;
using Redox.Kernel.Scheduling;
using Redox.Syscall;
using Redox.Kernel.Syscalls;

namespace Redox.Kernel.Schemes;

/// <summary>
/// The <c>event:</c> scheme: every open queue, so a driver's readiness post reaches the queues that watch its handle;
/// open, subscribe (write), wait (read) and close. All changes with interrupts off.
/// </summary>
[System.Runtime.CompilerServices.SkipLocalsInit]
public static unsafe class EventQueues
{
    /// <summary>Queues that can be open at once (all processes).</summary>
    public const int Capacity = 64;

    private static readonly EventQueue?[] s_queues = new EventQueue?[Capacity];

    /// <summary>open("event:"): a new queue; the value is its descriptor.</summary>
    public static SyscallResult Open(Process process, uint flags)
    {
        EventQueue queue = new EventQueue { Owner = process };
        KernelFile file = new KernelFile(KernelFileKind.EventQueue, flags, queue);
        int slot = -1;
        using (InterruptGuard.Enter())
        {
            for (int i = 0; i < Capacity && slot < 0; i++)
            {
                if (s_queues[i] is null) slot = i;
            }
            if (slot >= 0) s_queues[slot] = queue;
        }
        int fd = slot < 0 ? -1 : process.Files.Add(file);
        if (fd >= 0) return SyscallResult.Ok((ulong)fd);
        Release(file);
        Heap.Free(file);
        return slot < 0 ? Errno.ENFILE : Errno.EMFILE;
    }

    /// <summary>
    /// write(queue, events): subscribes each descriptor named (flags 0: unsubscribes). The descriptor's driver is asked
    /// for its readiness now (fevent) and what is ready already is queued. The value is the bytes taken.
    /// </summary>
    public static SyscallResult Subscribe(Process process, KernelFile file, ulong buffer, ulong length)
    {
        EventQueue queue = file.Events!;
        if (length == 0 || length % (ulong)sizeof(Event) != 0 || length > (ulong)(ReadinessQueue<KernelFile>.MaxSubscriptions * sizeof(Event))) return Errno.EINVAL;
        Event* records = stackalloc Event[ReadinessQueue<KernelFile>.MaxSubscriptions];
        Errno error = UserMemory.CopyIn(records, buffer, length);
        if (error != 0) return error;
        int count = (int)(length / (ulong)sizeof(Event));
        for (int i = 0; i < count; i++)
        {
            Event request = records[i];
            KernelFile? watched = process.Files.Get(request.Id);
            // A driver watches its own socket beside its irq: lines, so one wait covers requests and interrupts.
            if (watched is null || !IsWatchable(watched.Kind)) return i == 0 ? Errno.EBADF : SyscallResult.Ok((ulong)(i * sizeof(Event)));
            bool added;
            using (InterruptGuard.Enter()) added = queue.State.Subscribe(request.Id, watched!, request.Flags, request.Data);
            if (!added) return i == 0 ? Errno.ENOSPC : SyscallResult.Ok((ulong)(i * sizeof(Event)));
            if (request.Flags == 0) continue;
            if (watched!.Kind == KernelFileKind.SchemeSocket) watched.Scheme!.SocketWatched = true;
            SyscallResult ready = watched!.Kind == KernelFileKind.Irq ? SyscallResult.Ok(IrqLines.Readiness(watched))
                : watched.Kind == KernelFileKind.SchemeSocket ? SyscallResult.Ok(SocketReadiness(watched.Scheme!))
                : watched.Kind == KernelFileKind.Time ? SyscallResult.Ok(0)      // time: readiness comes only as a fired deadline
                : SchemeHandleCalls.Simple(process, watched, Opcode.Fevent, request.Flags);
            if (ready.IsOk && (ready.Value & request.Flags) != 0)
            {
                using (InterruptGuard.Enter()) queue.State.Enqueue(request.Id, ready.Value & request.Flags, request.Data);
            }
        }
        return SyscallResult.Ok(length);
    }

    /// <summary>read(queue, buf): whole events, at least one; blocks until one arrives (EAGAIN with O_NONBLOCK).</summary>
    public static SyscallResult Wait(Process process, KernelFile file, ulong buffer, ulong length)
    {
        EventQueue queue = file.Events!;
        int room = (int)(length / (ulong)sizeof(Event) < 16 ? length / (ulong)sizeof(Event) : 16);
        if (room == 0) return Errno.EINVAL;
        Event* events = stackalloc Event[16];
        using InterruptGuard guard = InterruptGuard.Enter();
        while (queue.State.Pending == 0)
        {
            if ((file.Flags & (uint)OpenFlags.NonBlock) != 0) return Errno.EAGAIN;
            if (process.KillPending) return Errno.EINTR;
            queue.Reader = Threads.Current;
            Threads.Block();
            if (queue.Reader == Threads.Current) queue.Reader = null;
        }
        ulong bytes = (ulong)(queue.State.Pending < room ? queue.State.Pending : room) * (ulong)sizeof(Event);
        Errno error = UserMemory.Check(process.Space, buffer, bytes, write: true);
        if (error != 0) return error;
        int n = queue.State.Take(new Span<Event>(events, (int)(bytes / (ulong)sizeof(Event))));
        UserMemory.CopyOutChecked(buffer, events, (ulong)n * (ulong)sizeof(Event));
        return SyscallResult.Ok((ulong)n * (ulong)sizeof(Event));
    }

    /// <summary>A driver's readiness post (interrupts off): every queue watching that handle gets it, and its reader wakes.</summary>
    internal static void Post(UserScheme scheme, ulong handleId, ulong flags)
    {
        PostAll(new SchemeHandleSource(scheme, handleId), flags);
    }

    /// <summary>
    /// What an event queue can watch: scheme handles (their driver posts readiness), a driver's own socket (requests
    /// waiting) beside its <c>irq:</c> lines, so one wait covers requests and interrupts, and <c>time:</c> handles.
    /// </summary>
    internal static bool IsWatchable(KernelFileKind kind)
        => kind == KernelFileKind.SchemeHandle || kind == KernelFileKind.Irq || kind == KernelFileKind.SchemeSocket || kind == KernelFileKind.Time;

    /// <summary>A deadline of time handle <paramref name="file"/> passed (interrupts off): queues watching it get EVENT_READ.</summary>
    internal static void PostTime(KernelFile file)
    {
        PostAll(new DescriptionSource(file), (ulong)EventFlags.Read);
    }

    /// <summary>Readiness of a scheme socket: EVENT_READ while requests wait or the scheme is closed (a read then answers 0).</summary>
    internal static ulong SocketReadiness(UserScheme scheme)
        => scheme.Calls.Queued > 0 || scheme.Calls.IsClosed ? (ulong)EventFlags.Read : 0;

    /// <summary>
    /// A request was queued on <paramref name="scheme"/>'s socket while its driver was not blocked reading it (interrupts
    /// off): queues watching the socket get EVENT_READ, and their reader wakes.
    /// </summary>
    internal static void PostSocket(UserScheme scheme)
    {
        if (!scheme.SocketWatched) return;
        PostAll(new SocketSource(scheme), (ulong)EventFlags.Read);
    }

    /// <summary>An interrupt on <paramref name="line"/> (interrupts off): queues watching an <c>irq:</c> description of it get EVENT_READ.</summary>
    internal static void PostIrq(int line)
    {
        PostAll(new IrqSource(line), (ulong)EventFlags.Read);
    }

    /// <summary>
    /// Readiness <paramref name="flags"/> of whatever <paramref name="source"/> matches (interrupts off): every open queue
    /// queues it for the subscriptions that watch such a description, and a queue that got something wakes its reader.
    /// </summary>
    private static void PostAll<TSource>(in TSource source, ulong flags) where TSource : struct, IReadinessSource<KernelFile>
    {
        for (int i = 0; i < Capacity; i++)
        {
            EventQueue? queue = s_queues[i];
            if (queue is not null && queue.State.Post(source, flags)) queue.WakeReader();
        }
    }

    /// <summary>A driver's post for one handle of its scheme.</summary>
    private readonly struct SchemeHandleSource(UserScheme scheme, ulong handleId) : IReadinessSource<KernelFile>
    {
        public bool Matches(KernelFile watched)
            => watched.Kind == KernelFileKind.SchemeHandle && watched.Scheme == scheme && watched.HandleId == handleId;
    }

    /// <summary>An interrupt on one line, for its <c>irq:</c> descriptions.</summary>
    private readonly struct IrqSource(int line) : IReadinessSource<KernelFile>
    {
        public bool Matches(KernelFile watched) => watched.Kind == KernelFileKind.Irq && watched.HandleId == (ulong)line;
    }

    /// <summary>Requests waiting on one scheme's socket.</summary>
    private readonly struct SocketSource(UserScheme scheme) : IReadinessSource<KernelFile>
    {
        public bool Matches(KernelFile watched) => watched.Kind == KernelFileKind.SchemeSocket && watched.Scheme == scheme;
    }

    /// <summary>One description itself (a <c>time:</c> handle whose deadline passed).</summary>
    private readonly struct DescriptionSource(KernelFile file) : IReadinessSource<KernelFile>
    {
        public bool Matches(KernelFile watched) => watched == file;
    }

    /// <summary>The last descriptor of <paramref name="watched"/> is going: no queue may keep watching it.</summary>
    internal static void Forget(KernelFile watched)
    {
        using InterruptGuard guard = InterruptGuard.Enter();
        for (int i = 0; i < Capacity; i++) s_queues[i]?.State.Forget(watched);
    }

    /// <summary>The last descriptor of a queue went: it leaves the list and its storage is freed.</summary>
    public static void Release(KernelFile file)
    {
        EventQueue? queue = file.Events;
        if (queue is null) return;
        using (InterruptGuard.Enter())
        {
            for (int i = 0; i < Capacity; i++)
            {
                if (s_queues[i] == queue) s_queues[i] = null;
            }
        }
        Heap.Free(queue.State.SubscriptionStorage);
        Heap.Free(queue.State.PendingStorage);
        Heap.Free(queue.State);
        Heap.Free(queue);
    }
}
