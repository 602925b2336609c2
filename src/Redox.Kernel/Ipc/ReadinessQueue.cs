using Redox.Syscall;

namespace Redox.Kernel.Ipc;

/// <summary>
/// The state of one <c>event:</c> queue (Redox's event scheme): which descriptors it watches and the readiness
/// that waits to be read. Written once and run by both kernels, like <see cref="SchemeCallTable{TWaiter}"/>: the
/// real one watches its <c>KernelFile</c>s with interrupts off, Redox.Testing its <c>FileDescription</c>s under a
/// monitor; blocking and waking the reader stay with each kernel. Fixed capacity, so nothing here allocates after
/// construction: events pending for the same descriptor merge their flags, and an event that finds the queue full is
/// counted in <see cref="Dropped"/> rather than silently lost.
/// </summary>
/// <typeparam name="TWatched">The kernel's open description (what a subscription watches).</typeparam>
public sealed class ReadinessQueue<TWatched> where TWatched : class
{
    /// <summary>Descriptors one queue can watch.</summary>
    public const int MaxSubscriptions = 32;

    /// <summary>Events one queue holds before new ones merge into a pending one of their descriptor or are dropped.</summary>
    public const int MaxPending = 64;

    private struct Subscription
    {
        public TWatched? Watched;
        public ulong Fd;
        public ulong Flags;
        public ulong Data;
    }

    private readonly Subscription[] _subscriptions = new Subscription[MaxSubscriptions];
    private readonly Event[] _pending = new Event[MaxPending];
    private int _head, _count;

    /// <summary>Events that found the queue full.</summary>
    public ulong Dropped { get; private set; }

    /// <summary>Events waiting to be read.</summary>
    public int Pending => _count;

    /// <summary>Descriptors watched now.</summary>
    public int Subscriptions
    {
        get
        {
            int n = 0;
            for (int i = 0; i < MaxSubscriptions; i++)
            {
                if (_subscriptions[i].Watched is not null) n++;
            }
            return n;
        }
    }

    /// <summary>
    /// Subscribes descriptor <paramref name="fd"/> (description <paramref name="watched"/>) to <paramref name="flags"/>,
    /// replacing what that descriptor had; flags 0 unsubscribes it. False when a new subscription finds no room (ENOSPC).
    /// </summary>
    public bool Subscribe(ulong fd, TWatched watched, ulong flags, ulong data)
    {
        int free = -1;
        for (int i = 0; i < MaxSubscriptions; i++)
        {
            ref Subscription s = ref _subscriptions[i];
            if (s.Watched is not null && s.Fd == fd)
            {
                s = flags == 0 ? default : new Subscription { Watched = watched, Fd = fd, Flags = flags, Data = data };
                return true;
            }
            if (s.Watched is null && free < 0) free = i;
        }
        if (flags == 0) return true;
        if (free < 0) return false;
        _subscriptions[free] = new Subscription { Watched = watched, Fd = fd, Flags = flags, Data = data };
        return true;
    }

    /// <summary>
    /// Readiness <paramref name="flags"/> of whatever <paramref name="source"/> matches: queues, for every subscription
    /// that watches such a description, the flags it asked for. True when something was queued (its reader should wake).
    /// One walk over the subscriptions serves every kind of source (a driver's post for one handle, an interrupt line,
    /// a scheme socket); a struct <typeparamref name="TSource"/> keeps the match a direct call.
    /// </summary>
    public bool Post<TSource>(in TSource source, ulong flags) where TSource : struct, IReadinessSource<TWatched>
    {
        bool queued = false;
        for (int i = 0; i < MaxSubscriptions; i++)
        {
            ref Subscription s = ref _subscriptions[i];
            TWatched? watched = s.Watched;
            if (watched is null) continue;
            ulong hit = s.Flags & flags;
            if (hit == 0 || !source.Matches(watched)) continue;
            Enqueue(s.Fd, hit, s.Data);
            queued = true;
        }
        return queued;
    }

    /// <summary>Readiness <paramref name="flags"/> of descriptor <paramref name="fd"/>, merged into a pending event of the same descriptor.</summary>
    public void Enqueue(ulong fd, ulong flags, ulong data)
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
    public int Take(System.Span<Event> destination)
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
    public void Forget(TWatched watched)
    {
        for (int i = 0; i < MaxSubscriptions; i++)
        {
            if (_subscriptions[i].Watched == watched) _subscriptions[i] = default;
        }
    }

    /// <summary>The arrays behind the queue, for a kernel without a collector to free with it.</summary>
    public object SubscriptionStorage => _subscriptions;

    /// <summary>The arrays behind the queue, for a kernel without a collector to free with it.</summary>
    public object PendingStorage => _pending;
}
