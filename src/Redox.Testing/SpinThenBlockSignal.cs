using System.Diagnostics;
using System.Threading;

namespace Redox.Testing;

/// <summary>
/// An auto-reset signal for one waiter that spins briefly before it blocks: a cross-thread handoff whose
/// peer answers within microseconds never pays for a kernel sleep/wake, and an idle waiter still sleeps.
/// </summary>
public sealed class SpinThenBlockSignal
{
    private readonly object _gate = new();
    private readonly long _spinTicks;
    private int _state;
    private int _waiters;

    /// <summary>A signal that spins for up to <paramref name="spinMicroseconds"/> before blocking.</summary>
    public SpinThenBlockSignal(int spinMicroseconds = 50)
    {
        _spinTicks = Stopwatch.Frequency * spinMicroseconds / 1_000_000;
    }

    /// <summary>Sets the signal, waking the waiter if it sleeps.</summary>
    public void Set()
    {
        // Exchange is a full fence: either the waiter sees the state, or we see its waiter count.
        if (Interlocked.Exchange(ref _state, 1) == 0 && Volatile.Read(ref _waiters) > 0)
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Waits until set (and resets it); false after <paramref name="timeoutMs"/> (-1: forever).</summary>
    public bool Wait(int timeoutMs)
    {
        if (TryTake())
        {
            return true;
        }
        long start = Stopwatch.GetTimestamp();
        int n = 0;
        while (true)
        {
            Thread.SpinWait(4);
            if (TryTake())
            {
                return true;
            }
            if ((++n & 63) == 0 && Stopwatch.GetTimestamp() - start > _spinTicks)
            {
                break;
            }
        }
        lock (_gate)
        {
            Interlocked.Increment(ref _waiters);
            try
            {
                while (!TryTake())
                {
                    int remaining = timeoutMs;
                    if (timeoutMs >= 0)
                    {
                        long elapsedMs = (Stopwatch.GetTimestamp() - start) * 1000 / Stopwatch.Frequency;
                        remaining = (int)(timeoutMs - elapsedMs);
                        if (remaining <= 0)
                        {
                            return false;
                        }
                    }
                    Monitor.Wait(_gate, remaining);
                }
                return true;
            }
            finally
            {
                Interlocked.Decrement(ref _waiters);
            }
        }
    }

    private bool TryTake() => Volatile.Read(ref _state) == 1 && Interlocked.Exchange(ref _state, 0) == 1;
}
