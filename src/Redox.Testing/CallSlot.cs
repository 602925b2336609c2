using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using Redox.Syscall;

namespace Redox.Testing;

/// <summary>
/// One client thread's calls to one <see cref="ThreadedEndpoint"/>, and the <c>TWaiter</c> of the kernel's
/// <see cref="Redox.Kernel.Ipc.SchemeCallTable{TWaiter}"/>. The client never touches the table: it writes its request
/// here and publishes it by giving it the next number (<see cref="Publish(in Sqe)"/>, one exchange on this slot's own
/// line); the endpoint's driver, which looks at every slot registered with it (<see cref="DelegatedCalls"/>: flat
/// combining's publication list), sees the new number, runs the call through the table on the client's behalf and,
/// once it is answered, collects the answer and writes it here (<see cref="Answer"/>); the client spins on that line.
/// So a round trip moves the request's line and the answer's line between the cores, each once each way, as a
/// cache-line ping-pong does. Reused for every call, so a round trip allocates nothing once warm.
/// <para>
/// Calls are numbered: the answer is written with the number of the call it answers and the client waits for its own,
/// so it resets nothing between calls and an answer can never be taken for a later call's. (A call the client gives up
/// on is abandoned under the endpoint's gate, after which the table drops its answer: the number is the second line of
/// defence, and what lets the waiting word only ever grow.)
/// </para>
/// <para>
/// The fields lie in three groups, 64 bytes or more apart, because each moves between the cores on its own: the
/// request (written by the client, read by the gate holder), the answer (written by the gate holder, polled by the
/// client) and the gate holder's own bookkeeping. Padding keeps other objects off them.
/// </para>
/// </summary>
internal sealed class CallSlot
{
    // This thread's slots, one per endpoint it calls; the last one used is looked at first.
    [ThreadStatic]
    private static CallSlot? t_last;
    [ThreadStatic]
    private static CallSlot[]? t_slots;

    [StructLayout(LayoutKind.Explicit, Size = 448)]
    private struct Lines
    {
        // The request: the client's, until it publishes.
        [FieldOffset(64)]
        public Sqe Request;
        [FieldOffset(128)]
        public uint Number;                 // the last call published

        // The gate holder's.
        [FieldOffset(200)]
        public CallSlot? OverflowNext;      // the next call waiting for a free table slot
        [FieldOffset(208)]
        public uint Taken;                  // the last call admitted into the table (or answered at once)
        [FieldOffset(212)]
        public int TableSlot;               // the table slot the admitted call holds, or -1
        [FieldOffset(216)]
        public bool InOverflow;

        // The answer: written by the gate holder, polled by the client.
        [FieldOffset(320)]
        public uint Answered;               // the number of the last call answered
        [FieldOffset(324)]
        public int Sleeping;                // 1 while the client sleeps on _sleep (or is about to)
        [FieldOffset(328)]
        public Cqe Response;
    }

    private Lines _lines;
    private readonly object _sleep = new();
    private static readonly long s_spinTicks = Stopwatch.Frequency * 50 / 1_000_000;

    private CallSlot(ThreadedEndpoint endpoint)
    {
        Endpoint = endpoint;
        ClientThread = Thread.CurrentThread;
        _lines.TableSlot = -1;
    }

    /// <summary>The endpoint this slot calls.</summary>
    public ThreadedEndpoint Endpoint { get; }

    /// <summary>The client thread.</summary>
    public Thread ClientThread { get; }

    /// <summary>The request of the call published last (stable until that call is answered or abandoned).</summary>
    public ref readonly Sqe Request => ref _lines.Request;

    /// <summary>The number of the call published last (an acquire: its request is then readable).</summary>
    public uint Number
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Volatile.Read(ref _lines.Number);
    }

    /// <summary>The gate holder's: the number of the last call it admitted (equal to <see cref="Number"/>: nothing new).</summary>
    public ref uint Taken => ref _lines.Taken;

    /// <summary>The gate holder's: the table slot the admitted call holds, or -1 (not admitted, waiting for a slot, answered).</summary>
    public ref int TableSlot => ref _lines.TableSlot;

    /// <summary>The gate holder's: the next slot in the endpoint's overflow (calls waiting for a free table slot).</summary>
    public ref CallSlot? OverflowNext => ref _lines.OverflowNext;

    /// <summary>The gate holder's: true while the call waits in the overflow.</summary>
    public ref bool InOverflow => ref _lines.InOverflow;

    /// <summary>True when no call of this slot is in the gate holder's hands (nothing published unadmitted, none in the table or the overflow).</summary>
    public bool IsIdle => _lines.Taken == Number && _lines.TableSlot < 0 && !_lines.InOverflow;

    /// <summary>The answer, valid once <see cref="IsAnswered"/> said so for this call's number.</summary>
    public ref readonly Cqe Response => ref _lines.Response;

    /// <summary>
    /// This thread's slot for <paramref name="endpoint"/>, made and registered with it (<paramref name="created"/>) on the
    /// thread's first call there; the caller registers it before publishing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CallSlot For(ThreadedEndpoint endpoint, out bool created)
    {
        CallSlot? last = t_last;
        if (last is not null && last.Endpoint == endpoint)
        {
            created = false;
            return last;
        }
        return Find(endpoint, out created);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static CallSlot Find(ThreadedEndpoint endpoint, out bool created)
    {
        created = false;
        CallSlot[] slots = t_slots ?? [];
        foreach (CallSlot slot in slots)
        {
            if (slot.Endpoint == endpoint)
            {
                return t_last = slot;
            }
        }
        // A new endpoint: its slot joins this thread's, and those of endpoints that closed are dropped (nothing of a
        // closed endpoint is in flight, and this thread is not in a call).
        var mine = new CallSlot(endpoint);
        int kept = 0;
        foreach (CallSlot slot in slots)
        {
            kept += slot.Endpoint.IsClosed ? 0 : 1;
        }
        var grown = new CallSlot[kept + 1];
        kept = 0;
        foreach (CallSlot slot in slots)
        {
            if (!slot.Endpoint.IsClosed)
            {
                grown[kept++] = slot;
            }
        }
        grown[kept] = mine;
        t_slots = grown;
        created = true;
        return t_last = mine;
    }

    /// <summary>
    /// The client publishes a call: copies <paramref name="request"/> in and gives it the next number, by exchange (a
    /// full fence: the caller then looks whether the driver sleeps, see <see cref="EndpointGate"/>). The value is the number.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Publish(in Sqe request)
    {
        _lines.Request = request;
        uint number = _lines.Number + 1;
        if (number == 0)
        {
            number = 1;       // 0 is "nothing answered yet"
        }
        Interlocked.Exchange(ref _lines.Number, number);
        return number;
    }

    /// <summary>True once call <paramref name="number"/> is answered (an acquire: the response is then readable).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsAnswered(uint number) => Volatile.Read(ref _lines.Answered) == number;

    /// <summary>
    /// The gate holder answers the call it admitted last with <paramref name="response"/> and wakes the client if it
    /// sleeps. Exchange is a full fence between the answer's number and the look at <c>Sleeping</c>: see <see cref="Wait"/>.
    /// </summary>
    public void Answer(in Cqe response)
    {
        _lines.Response = response;
        Interlocked.Exchange(ref _lines.Answered, _lines.Taken);
        if (Volatile.Read(ref _lines.Sleeping) != 0)
        {
            lock (_sleep)
            {
                Monitor.PulseAll(_sleep);
            }
        }
    }

    /// <summary>
    /// The client waits until call <paramref name="number"/> is answered: true, or false after
    /// <paramref name="timeoutMs"/> ms (-1: no limit). Spins on the answer's line for up to 50 µs (a driver on another
    /// core answers within microseconds), then sleeps.
    /// </summary>
    /// <remarks>
    /// No lost wake-up: the client publishes <c>Sleeping</c> by exchange (a full fence) while it holds the monitor and
    /// then looks at <c>Answered</c> once more; <see cref="Answer"/> writes <c>Answered</c> by exchange (a full fence)
    /// and then reads <c>Sleeping</c>. One of them sees the other's write: either the client does not sleep, or the
    /// answerer pulses, which it can only do once the client is in <see cref="Monitor.Wait(object, int)"/>.
    /// </remarks>
    public bool Wait(uint number, int timeoutMs)
    {
        if (IsAnswered(number))
        {
            return true;
        }
        long start = Stopwatch.GetTimestamp();
        for (int n = 1; ; n++)
        {
            Thread.SpinWait(1);
            if (IsAnswered(number))
            {
                return true;
            }
            if ((n & 63) == 0 && Stopwatch.GetTimestamp() - start > s_spinTicks)
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
                    Interlocked.Exchange(ref _lines.Sleeping, 1);
                    if (IsAnswered(number))
                    {
                        return true;
                    }
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
                    Monitor.Wait(_sleep, remaining);
                }
            }
            finally
            {
                Volatile.Write(ref _lines.Sleeping, 0);
            }
        }
    }
}
