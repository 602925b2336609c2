using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace Redox.Testing;

/// <summary>
/// A <see cref="ThreadedEndpoint"/>'s lock on its call table, and its driver's wake-up. The table
/// (<see cref="Redox.Kernel.Ipc.SchemeCallTable{TWaiter}"/>) is not thread-safe, so every change to it is made between
/// <see cref="Enter"/> and <see cref="Exit"/>; the sections are a few dozen instructions and never block, so the lock
/// spins (a compare-exchange when free). On the common path only the driver takes it: a client publishes its call in
/// its own <see cref="CallSlot"/> and knocks (<see cref="Knock"/>), and the driver, which polls the slots
/// (<see cref="IGateWork"/>) while it waits, takes the lock and runs the calls on the clients' behalf; so the lock's
/// line stays in the driver's cache. An exit that leaves messages for the driver (a slow path: a client's cancel, a
/// close) sets the <c>Pending</c> flag after unlocking; a waiting driver polls the slots and the flag
/// (<see cref="EnterWhenPending"/>), takes the flag by exchange and only then takes the lock, so it never locks to find
/// nothing, and nobody is woken while the lock is still held.
/// <para>
/// Three words on three cache lines, each written by one side and rarely: the lock (the driver's), <c>Pending</c>
/// (slow paths) and <c>DriverAsleep</c> (a driver going to sleep), which every client reads after it publishes, so
/// that read stays a cache hit. Layouts measured and dropped (benchmarks/README.md): one word for all three (the
/// driver's polling took the line from the client in the middle of each of its lock operations), a publication count
/// instead of the flag, and (before the slots) an inbox the clients pushed onto (one more line across per call).
/// </para>
/// <para>
/// No lost wake-up: a driver that has spun long enough sets <c>DriverAsleep</c> (a full fence) and then looks at the
/// slots and <c>Pending</c> once more, holding the sleep monitor until it waits; a client's publication (an exchange on
/// its slot) and an exit that sets <c>Pending</c> (an exchange) are full fences too, and only then read
/// <c>DriverAsleep</c>. One of the two sees the other's write, so either the driver does not sleep or the other side
/// pulses the monitor, which it can only take once the driver waits.
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
        Knock();
    }

    /// <summary>
    /// Wakes the driver if it sleeps: for a client right after it published a call (its exchange is the full fence the
    /// argument above needs). Nearly always one read of a line nobody wrote since.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Knock()
    {
        if (Volatile.Read(ref _words.DriverAsleep) != 0)
        {
            WakeDriver();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WakeDriver()
    {
        lock (_sleep)
        {
            Monitor.PulseAll(_sleep);
        }
    }

    /// <summary>
    /// The driver: waits until <paramref name="work"/> has something (a client published a call) or an exit published
    /// something it has not come for, and returns holding the lock. Spins first (a client's request usually follows
    /// within microseconds), then sleeps. The caller admits the calls, looks at the table and exits as usual; with
    /// nothing found, it comes back here.
    /// </summary>
    public void EnterWhenPending(IGateWork? work = null)
    {
        if (!TryTakePending(work))
        {
            WaitForPending(work);
        }
        // Everything published before the flag was taken is in the table once the lock is ours, and every call
        // published before is in its slot; a later exit sets the flag again, a later call is seen by the next wait.
        Enter();
    }

    // Something for the driver: a published call (admitted under the lock), or Pending (taken here by exchange, also
    // when calls wait: what it announced is in the table, which the lock holder reads anyway).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryTakePending(IGateWork? work)
    {
        bool calls = work is not null && work.HasWork();
        bool pending = Volatile.Read(ref _words.Pending) != 0 && Interlocked.Exchange(ref _words.Pending, 0) != 0;
        return calls || pending;
    }

    private void WaitForPending(IGateWork? work)
    {
        long start = Stopwatch.GetTimestamp();
        for (int n = 1; ; n++)
        {
            Thread.SpinWait(1);
            if (TryTakePending(work))
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
                    // Asleep first (Exchange is a full fence), then look: a client's publication or an exit either
                    // sees the flag or is seen here.
                    Interlocked.Exchange(ref _words.DriverAsleep, 1);
                    if (TryTakePending(work))
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
