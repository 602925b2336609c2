using System;
using System.Collections.Generic;
using System.Threading;
using Redox.Syscall;

namespace Redox.Testing;

/// <summary>
/// The hosted <c>event:</c> scheme's queue: a process writes <see cref="Event"/> records to subscribe
/// descriptors (the kernel forwards <c>fevent</c> to their schemes) and reads the readiness that arrives.
/// </summary>
public sealed class EventQueue
{
    private readonly Queue<Event> _events = new();
    private readonly object _gate = new();

    /// <summary>Events waiting to be read.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    /// <summary>Adds an event and wakes a reader.</summary>
    public void Enqueue(in Event e)
    {
        lock (_gate)
        {
            _events.Enqueue(e);
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
            while (_events.Count == 0 && timeoutMs != 0)
            {
                int remaining = timeoutMs < 0 ? -1 : (int)Math.Max(0, deadline - Environment.TickCount64);
                if (remaining == 0 || !Monitor.Wait(_gate, remaining))
                {
                    break;
                }
            }
            int n = 0;
            while (n < destination.Length && _events.TryDequeue(out Event e))
            {
                destination[n++] = e;
            }
            return n;
        }
    }
}
