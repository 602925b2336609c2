using System.Diagnostics;
using System.Threading;

namespace Redox.Testing;

/// <summary>
/// An auto-reset signal for one waiter that spins briefly before it blocks: a cross-thread handoff whose
/// peer answers within microseconds never pays for a kernel sleep/wake, and an idle waiter still sleeps.
/// </summary>
/// <remarks>
/// One state word: clear, set, or "the waiter sleeps". <see cref="Set"/> is a single exchange; only when it replaces
/// "sleeps" does it take the monitor to wake the waiter. The waiter publishes "sleeps" by compare-exchange from
/// "clear" while it holds the monitor, so a set either comes before (the compare-exchange sees it) or finds "sleeps"
/// and pulses once the waiter is in <see cref="Monitor.Wait(object, int)"/>: no wake-up is lost.
/// </remarks>
public sealed class SpinThenBlockSignal
{
    private const int Clear = 0;
    private const int IsSet = 1;
    private const int Sleeping = 2;

    private readonly object _sleep = new();
    private readonly long _spinTicks;
    private int _state;

    /// <summary>A signal that spins for up to <paramref name="spinMicroseconds"/> before blocking.</summary>
    public SpinThenBlockSignal(int spinMicroseconds = 50)
    {
        _spinTicks = Stopwatch.Frequency * spinMicroseconds / 1_000_000;
    }

    /// <summary>Sets the signal, waking the waiter if it sleeps.</summary>
    public void Set()
    {
        if (Interlocked.Exchange(ref _state, IsSet) == Sleeping)
        {
            lock (_sleep)
            {
                Monitor.PulseAll(_sleep);
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
        // Poll the word between short pauses: the answer is seen within one pause of its arrival.
        for (int n = 1; ; n++)
        {
            Thread.SpinWait(1);
            if (TryTake())
            {
                return true;
            }
            if ((n & 63) == 0 && Stopwatch.GetTimestamp() - start > _spinTicks)
            {
                break;
            }
        }
        lock (_sleep)
        {
            while (true)
            {
                // Clear -> Sleeping publishes that a Set must pulse; Sleeping stays (an earlier turn published it).
                if (Interlocked.CompareExchange(ref _state, Sleeping, Clear) == IsSet)
                {
                    Interlocked.Exchange(ref _state, Clear);
                    return true;
                }
                int remaining = WaitTime.Remaining(start, timeoutMs);
                if (remaining == 0)
                {
                    // Withdraw "sleeps"; a Set that won the race is taken rather than left for the next wait.
                    if (Interlocked.CompareExchange(ref _state, Clear, Sleeping) == IsSet)
                    {
                        Interlocked.Exchange(ref _state, Clear);
                        return true;
                    }
                    return false;
                }
                Monitor.Wait(_sleep, remaining);
            }
        }
    }

    private bool TryTake() => Volatile.Read(ref _state) == IsSet && Interlocked.Exchange(ref _state, Clear) == IsSet;
}
