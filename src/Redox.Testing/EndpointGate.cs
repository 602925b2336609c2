using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace Redox.Testing;

/// <summary>
/// A <see cref="ThreadedEndpoint"/>'s lock on its call table, its inbox of new calls, and its driver's wake-up. The table
/// (<see cref="Redox.Kernel.Ipc.SchemeCallTable{TWaiter}"/>) is not thread-safe, so every change to it is made between
/// <see cref="Enter"/> and <see cref="Exit"/>; the sections are a few dozen instructions and never block, so the lock
/// spins (a compare-exchange when free). A client does not take the lock to call: it pushes its <see cref="CallSlot"/>
/// onto the inbox (<see cref="Push"/>, one compare-exchange), and whoever holds the lock next (the driver, normally)
/// takes the inbox (<see cref="TakeInbox"/>) and runs the calls through the table on the clients' behalf. So on the
/// common path only the driver takes the lock, and its line stays in the driver's cache. An exit that leaves messages
/// for the driver (a slow path: a client's cancel, a close) sets the <c>Pending</c> flag after unlocking. A waiting
/// driver polls the inbox and the flag (<see cref="EnterWhenPending"/>), takes the flag by exchange and only then takes
/// the lock, so it never locks to find nothing, and nobody is woken while the lock is still held.
/// <para>
/// Two lines: the lock, which only the driver touches on the common path, and the doorbell (inbox, <c>Pending</c>,
/// <c>DriverAsleep</c>), which a client's push fetches and the driver's poll fetches back. A client reads
/// <c>DriverAsleep</c> on the line its push has just taken, so looking costs nothing. Layouts measured and dropped
/// before the inbox (benchmarks/README.md): one word for lock, flag and sleep bit (the driver's polling took the line
/// from the client in the middle of each of its lock operations), and a publication count instead of the flag.
/// </para>
/// <para>
/// No lost wake-up: a driver that has spun long enough sets <c>DriverAsleep</c> (a full fence) and then looks at the
/// inbox and <c>Pending</c> once more, holding the sleep monitor until it waits; a push (a compare-exchange) and an exit
/// that sets <c>Pending</c> (an exchange) are full fences too, and only then read <c>DriverAsleep</c>. One of the two
/// sees the other's write, so either the driver does not sleep or the client pulses the monitor, which it can only take
/// once the driver waits.
/// </para>
/// </summary>
internal sealed class EndpointGate
{
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct Words
    {
        [FieldOffset(64)]
        public int Lock;

        [FieldOffset(128 + 16)]
        public CallSlot? Inbox;        // the calls pushed since the last TakeInbox, newest first
        [FieldOffset(128 + 24)]
        public int Pending;            // 1: an exit left something for the driver; set by exits, taken by the driver
        [FieldOffset(128 + 28)]
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

    /// <summary>
    /// A client publishes its call: <paramref name="slot"/> goes onto the inbox (a lock-free stack: the holder of the lock
    /// takes it whole and reverses it), and a sleeping driver is woken.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(CallSlot slot)
    {
        CallSlot? head = Volatile.Read(ref _words.Inbox);
        while (true)
        {
            slot.Next = head;
            CallSlot? seen = Interlocked.CompareExchange(ref _words.Inbox, slot, head);
            if (seen == head)
            {
                break;
            }
            head = seen;
        }
        // The compare-exchange is a full fence: a driver that set DriverAsleep before it was made looks at the inbox
        // after, and finds the slot; one that sets it after is seen here.
        if (Volatile.Read(ref _words.DriverAsleep) != 0)
        {
            WakeDriver();
        }
    }

    /// <summary>
    /// The holder of the lock takes every call pushed so far, oldest first (linked through <see cref="CallSlot.Next"/>),
    /// or null. <paramref name="fence"/>: take by exchange even when the inbox looks empty (a full fence, for a caller
    /// that must see any push that did not see its own earlier write).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public CallSlot? TakeInbox(bool fence = false)
    {
        if (!fence && Volatile.Read(ref _words.Inbox) is null)
        {
            return null;
        }
        CallSlot? newest = Interlocked.Exchange(ref _words.Inbox, null);
        if (newest is null || newest.Next is null)
        {
            return newest;
        }
        return Reverse(newest);
    }

    private static CallSlot Reverse(CallSlot newest)
    {
        CallSlot? oldest = null;
        for (CallSlot? slot = newest; slot is not null;)
        {
            CallSlot? next = slot.Next;
            slot.Next = oldest;
            oldest = slot;
            slot = next;
        }
        return oldest!;
    }

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
    /// The driver: waits until a client pushed a call or an exit published something it has not come for, and returns
    /// holding the lock. Spins first (a client's request usually follows within microseconds), then sleeps. The caller
    /// takes the inbox, looks at the table and exits as usual; with nothing found, it comes back here.
    /// </summary>
    public void EnterWhenPending()
    {
        if (!TryTakePending())
        {
            WaitForPending();
        }
        // Everything published before the flag was taken is in the table once the lock is ours, and every call pushed
        // before is in the inbox; a later exit sets the flag again, a later push is seen by the next wait.
        Enter();
    }

    // Something for the driver: calls in the inbox (taken under the lock), or Pending (taken here, by exchange, also
    // when calls wait: what it announced is in the table, which the lock holder reads anyway).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryTakePending()
    {
        bool calls = Volatile.Read(ref _words.Inbox) is not null;
        bool pending = Volatile.Read(ref _words.Pending) != 0 && Interlocked.Exchange(ref _words.Pending, 0) != 0;
        return calls || pending;
    }

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
                    // Asleep first (Exchange is a full fence), then look: a push or an exit either sees the flag or is
                    // seen here.
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
