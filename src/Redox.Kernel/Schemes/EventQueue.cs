using Redox.Kernel.Processes;
using Redox.Kernel.Scheduling;
using Redox.Syscall;

namespace Redox.Kernel.Schemes;

/// <summary>
/// One <c>event:</c> queue (Redox's event scheme): its process subscribes to descriptors by writing <see cref="Event"/>
/// records (id = the descriptor, flags = what to wait for, data = returned with it) and reads the readiness that
/// arrives; a read blocks until some does. Readiness of a user scheme's handle comes from its driver: what
/// <c>fevent</c> answers at subscription, and every readiness post (<c>SendFevent</c>) after. Fixed capacity: no
/// allocation per event; pending events for the same descriptor merge their flags.
/// </summary>
public sealed class EventQueue
{
    /// <summary>Descriptors one queue can watch.</summary>
    public const int MaxSubscriptions = 32;

    /// <summary>Events one queue holds before new ones merge into the oldest of their descriptor or are dropped.</summary>
    public const int MaxPending = 64;

    private struct Subscription
    {
        public KernelFile? Watched;
        public ulong Fd;
        public ulong Flags;
        public ulong Data;
    }

    private readonly Subscription[] _subscriptions = new Subscription[MaxSubscriptions];
    private readonly Event[] _pending = new Event[MaxPending];
    private int _head, _count;

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

    /// <summary>Events that found the queue full (counted, not silently lost).</summary>
    public ulong Dropped { get; private set; }

    /// <summary>Events waiting to be read.</summary>
    public int Pending => _count;

    /// <summary>Subscribes descriptor <paramref name="fd"/> (description <paramref name="watched"/>); flags 0 unsubscribes. False when full.</summary>
    internal bool Subscribe(ulong fd, KernelFile watched, ulong flags, ulong data)
    {
        int free = -1;
        for (int i = 0; i < MaxSubscriptions; i++)
        {
            ref Subscription s = ref _subscriptions[i];
            if (s.Watched is not null && s.Fd == fd)
            {
                if (flags == 0) s = default;
                else s = new Subscription { Watched = watched, Fd = fd, Flags = flags, Data = data };
                return true;
            }
            if (s.Watched is null && free < 0) free = i;
        }
        if (flags == 0) return true;
        if (free < 0) return false;
        _subscriptions[free] = new Subscription { Watched = watched, Fd = fd, Flags = flags, Data = data };
        return true;
    }

    /// <summary>The driver of <paramref name="scheme"/> posted <paramref name="flags"/> for its handle <paramref name="handleId"/>: queues what subscribers wait for. True when something was queued.</summary>
    internal bool Post(UserScheme scheme, ulong handleId, ulong flags)
        => PostTo(KernelFileKind.SchemeHandle, scheme, handleId, flags);

    /// <summary>An interrupt on <paramref name="line"/>: queues EVENT_READ for each subscription to an <c>irq:</c> description of it.</summary>
    internal bool PostIrq(int line) => PostTo(KernelFileKind.Irq, null, (ulong)line, (ulong)EventFlags.Read);

    /// <summary>A request waits on <paramref name="scheme"/>'s socket: queues EVENT_READ for each subscription to that socket.</summary>
    internal bool PostSocket(UserScheme scheme) => PostTo(KernelFileKind.SchemeSocket, scheme, null, (ulong)EventFlags.Read);

    /// <summary>
    /// Queues <paramref name="flags"/>, as far as each wants them, for every subscription to a description of
    /// <paramref name="kind"/> with that scheme and (when given) that handle id or line. True when something was queued.
    /// </summary>
    private bool PostTo(KernelFileKind kind, UserScheme? scheme, ulong? handleId, ulong flags)
    {
        bool queued = false;
        for (int i = 0; i < MaxSubscriptions; i++)
        {
            ref Subscription s = ref _subscriptions[i];
            KernelFile? watched = s.Watched;
            if (watched is null || watched.Kind != kind || watched.Scheme != scheme) continue;
            if (handleId.HasValue && watched.HandleId != handleId.Value) continue;
            ulong hit = s.Flags & flags;
            if (hit == 0) continue;
            Enqueue(s.Fd, hit, s.Data);
            queued = true;
        }
        return queued;
    }

    /// <summary>Readiness <paramref name="flags"/> of descriptor <paramref name="fd"/> (merged into a pending event of the same descriptor).</summary>
    internal void Enqueue(ulong fd, ulong flags, ulong data)
    {
        for (int i = 0; i < _count; i++)
        {
            ref Event e = ref _pending[(_head + i) % MaxPending];
            if (e.Id != fd) continue;
            e.Flags |= flags;
            e.Data = data;
            return;
        }
        if (_count == MaxPending)
        {
            Dropped++;
            return;
        }
        _pending[(_head + _count) % MaxPending] = new Event { Id = fd, Flags = flags, Data = data };
        _count++;
    }

    /// <summary>Moves up to <paramref name="destination"/>'s length of events into it, oldest first; the count.</summary>
    internal int Take(System.Span<Event> destination)
    {
        int n = 0;
        while (n < destination.Length && _count > 0)
        {
            destination[n++] = _pending[_head];
            _head = (_head + 1) % MaxPending;
            _count--;
        }
        return n;
    }

    /// <summary>Forgets every subscription to <paramref name="watched"/> (its last descriptor is closing).</summary>
    internal void Forget(KernelFile watched)
    {
        for (int i = 0; i < MaxSubscriptions; i++)
        {
            if (_subscriptions[i].Watched == watched) _subscriptions[i] = default;
        }
    }

    /// <summary>The arrays behind the queue (freed with it: there is no collector).</summary>
    internal object SubscriptionStorage => _subscriptions;

    /// <summary>The arrays behind the queue (freed with it: there is no collector).</summary>
    internal object PendingStorage => _pending;
}
