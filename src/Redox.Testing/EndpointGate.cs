using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace Redox.Testing;

/// <summary>
/// A <see cref="ThreadedEndpoint"/>'s lock on its call table and its driver's wake-up, in one word on a cache line of
/// its own. The table (<see cref="Redox.Kernel.Ipc.SchemeCallTable{TWaiter}"/>) is not thread-safe, so every change to
/// it is made inside <see cref="Enter"/>/<see cref="Exit"/>; the sections are a few dozen instructions and never block,
/// so the lock spins. Whether the driver has messages to read (<c>Pending</c>) is published by <see cref="Exit"/> in the
/// same atomic write that unlocks, and the driver takes the lock and its wake-up in one compare-exchange
/// (<see cref="EnterWhenPending"/>): a client's request crosses to the driver's core as one cache line, instead of a
/// monitor's lock word, a signal and a waiter count (the monitor this replaces cost about four contended acquisitions
/// per round trip).
/// <para>
/// No lost wake-up: a driver that has spun long enough publishes <c>DriverAsleep</c> by compare-exchange on the same word,
/// holding the sleep monitor, and only if nothing is pending then. <c>Pending</c> is only ever set by an
/// <see cref="Exit"/>, whose compare-exchange sees <c>DriverAsleep</c> if the driver published it first (and then pulses
/// the monitor, which it can only take once the driver waits); if the exit came first, the driver's compare-exchange
/// fails or sees <c>Pending</c>, and it does not sleep.
/// </para>
/// </summary>
internal sealed class EndpointGate
{
    private const int Locked = 1;        // someone is inside the table
    private const int Pending = 2;       // at the last exit, messages waited for the driver (or the scheme was closed)
    private const int DriverAsleep = 4;  // a driver sleeps on _sleep until an exit sets Pending

    // The word alone on its line (and the next, for the adjacent-line prefetcher): clients and the driver write it, so
    // nothing else may share it.
    [StructLayout(LayoutKind.Explicit, Size = 192)]
    private struct PaddedWord
    {
        [FieldOffset(64)]
        public int Value;
    }

    private PaddedWord _word;
    private readonly object _sleep = new();
    private readonly long _spinTicks;

    /// <summary>A gate whose driver spins for up to <paramref name="spinMicroseconds"/> before it sleeps.</summary>
    public EndpointGate(int spinMicroseconds = 50)
    {
        _spinTicks = Stopwatch.Frequency * spinMicroseconds / 1_000_000;
    }

    /// <summary>True when the last <see cref="Exit"/> said messages wait (a hint: the lock may be held since).</summary>
    public bool IsPending => (Volatile.Read(ref _word.Value) & Pending) != 0;

    /// <summary>Takes the lock (spinning; a held lock is released within a few dozen instructions).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Enter()
    {
        int w = Volatile.Read(ref _word.Value);
        if ((w & Locked) != 0 || Interlocked.CompareExchange(ref _word.Value, w | Locked, w) != w)
        {
            EnterContended();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void EnterContended()
    {
        // SpinWait yields the core after a few rounds: on a machine with more threads than cores the holder may be
        // the one waiting for it.
        SpinWait spin = default;
        while (true)
        {
            spin.SpinOnce(sleep1Threshold: -1);
            int w = Volatile.Read(ref _word.Value);
            if ((w & Locked) == 0 && Interlocked.CompareExchange(ref _word.Value, w | Locked, w) == w)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Releases the lock, publishing <paramref name="pending"/> (messages wait for the driver, or the scheme is closed)
    /// in the same write; wakes a sleeping driver when there is something for it.
    /// </summary>
    public void Exit(bool pending)
    {
        int w = Volatile.Read(ref _word.Value);
        while (true)
        {
            int next = w & ~(Locked | Pending);
            bool wake = false;
            if (pending)
            {
                next |= Pending;
                if ((w & DriverAsleep) != 0)
                {
                    next &= ~DriverAsleep;
                    wake = true;
                }
            }
            // Only a sleeping driver's DriverAsleep can change the word while we hold the lock: retry on it.
            int seen = Interlocked.CompareExchange(ref _word.Value, next, w);
            if (seen == w)
            {
                if (wake)
                {
                    lock (_sleep)
                    {
                        Monitor.PulseAll(_sleep);
                    }
                }
                return;
            }
            w = seen;
        }
    }

    /// <summary>The driver: takes the lock if messages are pending and nobody holds it; false otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryEnterPending()
    {
        int w = Volatile.Read(ref _word.Value);
        return (w & (Locked | Pending)) == Pending && Interlocked.CompareExchange(ref _word.Value, w | Locked, w) == w;
    }

    /// <summary>
    /// The driver: waits until messages are pending, and returns holding the lock. Spins first (a client's request
    /// usually follows within microseconds), then sleeps until an <see cref="Exit"/> publishes <c>Pending</c>.
    /// </summary>
    public void EnterWhenPending()
    {
        if (TryEnterPending())
        {
            return;
        }
        long start = Stopwatch.GetTimestamp();
        for (int n = 1; ; n++)
        {
            Thread.SpinWait(1);
            if (TryEnterPending())
            {
                return;
            }
            if ((n & 63) == 0 && Stopwatch.GetTimestamp() - start > _spinTicks)
            {
                break;
            }
        }
        while (true)
        {
            lock (_sleep)
            {
                int w = Volatile.Read(ref _word.Value);
                // Sleep unless the driver could take the lock now. Publishing DriverAsleep must succeed on exactly the
                // word just read: if an exit set Pending in between, the compare-exchange fails and we look again.
                if ((w & (Locked | Pending)) != Pending
                    && ((w & DriverAsleep) != 0 || Interlocked.CompareExchange(ref _word.Value, w | DriverAsleep, w) == w))
                {
                    Monitor.Wait(_sleep);
                }
            }
            if (TryEnterPending())
            {
                return;
            }
        }
    }
}
