using System;
using System.Threading;
using Redox.Kernel.Ipc;
using Redox.Syscall;

namespace Redox.Testing;

/// <summary>
/// The hosted <c>event:</c> scheme's queue: a process writes <see cref="Event"/> records to subscribe descriptors (the
/// kernel forwards <c>fevent</c> to their schemes) and reads the readiness that arrives. Its subscriptions and pending
/// events are the real kernel's own <see cref="ReadinessQueue{TWatched}"/> (the same limits, merging and order);
/// this class adds what a host needs: a monitor, and a reader that waits with a timeout.
/// </summary>
public sealed class EventQueue
{
    private readonly ReadinessQueue<FileDescription> _state = new();
    private readonly object _gate = new();

    /// <summary>Descriptors one queue can watch (the kernel's limit).</summary>
    public const int MaxSubscriptions = ReadinessQueue<FileDescription>.MaxSubscriptions;

    /// <summary>Events waiting to be read.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _state.Pending;
            }
        }
    }

    /// <summary>Events that found the queue full.</summary>
    public ulong Dropped
    {
        get
        {
            lock (_gate)
            {
                return _state.Dropped;
            }
        }
    }

    /// <summary>Adds an event (merged into a pending one for the same id, as the kernel does) and wakes a reader.</summary>
    public void Enqueue(in Event e)
    {
        lock (_gate)
        {
            _state.Enqueue(e.Id, e.Flags, e.Data);
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// Reads whole events into <paramref name="destination"/>: waits up to <paramref name="timeoutMs"/> for the
    /// first (0: do not wait). Returns how many; 0 on timeout.
    /// </summary>
    public int Dequeue(Span<Event> destination, int timeoutMs)
    {
        lock (_gate)
        {
            // Loop: a wake-up may find the event already taken by another reader; wait out the rest of the time.
            long deadline = Environment.TickCount64 + timeoutMs;
            while (_state.Pending == 0 && timeoutMs != 0)
            {
                int remaining = timeoutMs < 0 ? -1 : (int)Math.Max(0, deadline - Environment.TickCount64);
                if (remaining == 0 || !Monitor.Wait(_gate, remaining))
                {
                    break;
                }
            }
            return _state.Take(destination);
        }
    }

    /// <summary>Subscribes (flags 0: unsubscribes) descriptor <paramref name="fd"/>; false when no room is left.</summary>
    internal bool Subscribe(ulong fd, FileDescription watched, EventFlags flags, ulong data)
    {
        lock (_gate)
        {
            return _state.Subscribe(fd, watched, (ulong)flags, data);
        }
    }

    /// <summary>
    /// Readiness <paramref name="flags"/> of whatever <paramref name="source"/> matches (a scheme's post for a handle, an
    /// interrupt line, a scheme socket, a <c>time:</c> deadline): queued for the subscriptions that watch it.
    /// </summary>
    internal void Post<TSource>(in TSource source, EventFlags flags) where TSource : struct, IReadinessSource<FileDescription>
    {
        lock (_gate)
        {
            if (_state.Post(source, (ulong)flags))
            {
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>The last descriptor of <paramref name="watched"/> closed: no subscription may keep watching it.</summary>
    internal void Forget(FileDescription watched)
    {
        lock (_gate)
        {
            _state.Forget(watched);
        }
    }
}
