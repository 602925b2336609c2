using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace Redox.Testing;

/// <summary>
/// A <see cref="ThreadedEndpoint"/>'s lock on its call table, and its driver's wake-up. The table
/// (<see cref="Redox.Kernel.Ipc.SchemeCallTable{TWaiter}"/>) is not thread-safe, so every change to it is made between
/// <see cref="Enter"/> and <see cref="Exit"/>; the sections are a few dozen instructions and never block, so the lock
/// spins (a compare-exchange when free). An exit that leaves messages for the driver (or the scheme closed) sets the
/// <c>Pending</c> flag after unlocking; a waiting driver polls the flag, takes it by exchange and only then takes the
/// lock (<see cref="EnterWhenPending"/>). So the driver never locks to find nothing, nobody is woken while the lock is
/// still held, and the monitor this replaces (taken about five times per round trip, and often found held by the side
/// that had just woken the other) is gone from the common path.
/// <para>
/// Three words on three cache lines, because each line should cross between the cores as few times as possible. Two
/// layouts were measured and dropped (benchmarks/README.md): one word for all three (the driver's polling took the line
/// from the client in the middle of each of its lock operations: slower than the monitor), and a publication count
/// instead of the flag (the driver only reading it; about 200 ns slower per round trip across cores than the
/// exchanged flag, which is what the monitor version's signal did too).
/// </para>
/// <para>
/// No lost wake-up: a driver that has spun long enough sets <c>DriverAsleep</c> (a full fence) and then tries to take
/// <c>Pending</c> once more, holding the sleep monitor until it waits; an exit sets <c>Pending</c> (a full fence) and
/// then reads <c>DriverAsleep</c>. One of the two sees the other's write, so either the driver does not sleep or the
/// exit pulses the monitor, which it can only take once the driver waits.
/// </para>
/// </summary>
internal sealed class EndpointGate
{
    [StructLayout(LayoutKind.Explicit, Size = 320)]
    private struct Words
    {
        [FieldOffset(64)]
        public int Lock;

        [FieldOffset(128 + 64)]
        public int Pending;            // 1: an exit left something for the driver; set by exits, taken by the driver

        [FieldOffset(256)]
        public int DriverAsleep;       // 1 while a driver sleeps on _sleep (or is about to)
    }

    private Words _words;
    private readonly object _sleep = new();
    private readonly long _spinTicks;

    /// <summary>A gate whose driver spins for up to <paramref name="spinMicroseconds"/> before it sleeps.</summary>
    public EndpointGate(int spinMicroseconds = 50)
    {
        _spinTicks = Stopwatch.Frequency * spinMicroseconds / 1_000_000;
    }

    /// <summary>True when an exit published something the driver has not come for yet.</summary>
    public bool IsPending => Volatile.Read(ref _words.Pending) != 0;

    /// <summary>Takes the lock (spinning; a held lock is released within a few dozen instructions).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Enter()
    {
        // Compare-exchange at once rather than read first: a free lock last held on the other core is fetched for
        // writing in one transfer instead of a read and then an upgrade.
        if (Interlocked.CompareExchange(ref _words.Lock, 1, 0) != 0)
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
            if (Volatile.Read(ref _words.Lock) == 0 && Interlocked.CompareExchange(ref _words.Lock, 1, 0) == 0)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Releases the lock. <paramref name="pending"/>: messages wait for the driver, or the scheme is closed; then the
    /// exit is published to the driver, and a sleeping driver is woken.
    /// </summary>
    public void Exit(bool pending)
    {
        // Unlock first, then publish: a driver that sees the flag must find the lock free (and its line no longer
        // waiting for our store), or it would take the line from us only to find the lock held and back off.
        Volatile.Write(ref _words.Lock, 0);
        if (!pending)
        {
            return;
        }
        Interlocked.Exchange(ref _words.Pending, 1);
        if (Volatile.Read(ref _words.DriverAsleep) != 0)
        {
            lock (_sleep)
            {
                Monitor.PulseAll(_sleep);
            }
        }
    }

    /// <summary>
    /// The driver: waits until an exit published something it has not come for, and returns holding the lock. Spins
    /// first (a client's request usually follows within microseconds), then sleeps. The caller looks at the table and
    /// exits as usual; with nothing found, it comes back here.
    /// </summary>
    public void EnterWhenPending()
    {
        if (!TryTakePending())
        {
            WaitForPending();
        }
        // Everything published before the flag was taken is in the table once the lock is ours; a later exit sets the
        // flag again.
        Enter();
    }

    private bool TryTakePending() => Volatile.Read(ref _words.Pending) != 0 && Interlocked.Exchange(ref _words.Pending, 0) != 0;

    private void WaitForPending()
    {
        long start = Stopwatch.GetTimestamp();
        for (int n = 1; ; n++)
        {
            Thread.SpinWait(1);
            if (TryTakePending())
            {
                return;
            }
            if ((n & 63) == 0 && Stopwatch.GetTimestamp() - start > _spinTicks)
            {
                break;
            }
        }
        lock (_sleep)
        {
            try
            {
                while (true)
                {
                    // Asleep first (Exchange is a full fence), then look: an exit either sees the flag or is seen here.
                    Interlocked.Exchange(ref _words.DriverAsleep, 1);
                    if (TryTakePending())
                    {
                        return;
                    }
                    Monitor.Wait(_sleep);
                }
            }
            finally
            {
                Volatile.Write(ref _words.DriverAsleep, 0);
            }
        }
    }
}
