using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using Redox.Syscall;

namespace Redox.Testing;

/// <summary>
/// One client thread's call in a <see cref="ThreadedEndpoint"/>, and the <c>TWaiter</c> of the kernel's
/// <see cref="Redox.Kernel.Ipc.SchemeCallTable{TWaiter}"/>. The client never touches the table: it writes its request
/// here, pushes this slot onto the endpoint's inbox (<see cref="EndpointGate.Push"/>, one compare-exchange) and spins on
/// <see cref="IsAnswered"/>; whoever holds the endpoint's gate (normally the driver thread) moves the request into the
/// table, runs the call through it and, once answered, collects the answer on the client's behalf and
/// <see cref="Publish"/>es it here. One per thread, reused for every call, so a round trip allocates nothing once warm.
/// <para>
/// Calls are numbered (<see cref="Begin"/>): the answer is published with the number of the call it answers, and the
/// client waits for its own number, so it never resets anything between calls and an answer can never be taken for a
/// later call's. (A call the client gave up on is abandoned under the gate, after which the table drops its answer:
/// the number is the second line of defence, and what lets the waiting word only ever grow.)
/// </para>
/// <para>
/// The fields lie on three separate cache-line groups, because each group moves between the cores on its own: the
/// request (written by the client before it publishes, read by the gate holder), the answer (written by the gate holder,
/// polled by the client) and the gate holder's own bookkeeping. Padding of 64 bytes keeps other objects off them.
/// </para>
/// </summary>
internal sealed class CallSlot
{
    [ThreadStatic]
    private static CallSlot? t_current;

    [StructLayout(LayoutKind.Explicit, Size = 448)]
    private struct Lines
    {
        // The request: the client's, until it publishes.
        [FieldOffset(64)]
        public Sqe Request;
        [FieldOffset(128)]
        public CallSlot? Next;              // the inbox's link (EndpointGate.Push)
        [FieldOffset(136)]
        public uint Number;                 // this call's number

        // The gate holder's: where the call is (DelegatedCalls).
        [FieldOffset(208)]
        public CallSlot? OverflowNext;
        [FieldOffset(216)]
        public int TableSlot;

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

    private CallSlot()
    {
        _lines.TableSlot = -1;
    }

    /// <summary>This thread's slot.</summary>
    public static CallSlot ForCurrentThread => t_current ??= new CallSlot();

    /// <summary>The request (the client writes it before <see cref="Begin"/> returns; the gate holder reads it).</summary>
    public ref Sqe Request => ref _lines.Request;

    /// <summary>The inbox's link, written before the push that publishes this slot.</summary>
    public ref CallSlot? Next => ref _lines.Next;

    /// <summary>The number of the call in flight.</summary>
    public uint Number => _lines.Number;

    /// <summary>The gate holder's: the next slot in the endpoint's overflow (calls waiting for a free table slot).</summary>
    public ref CallSlot? OverflowNext => ref _lines.OverflowNext;

    /// <summary>The gate holder's: the table slot the call holds, or -1 (in the inbox, in the overflow, answered).</summary>
    public ref int TableSlot => ref _lines.TableSlot;

    /// <summary>The answer, valid once <see cref="IsAnswered"/> said so for this call's number.</summary>
    public ref readonly Cqe Response => ref _lines.Response;

    /// <summary>The client starts a call: copies <paramref name="request"/> in and takes the next number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Begin(in Sqe request)
    {
        _lines.Request = request;
        uint number = _lines.Number + 1;
        if (number == 0)
        {
            number = 1;       // 0 is "nothing answered yet"
        }
        _lines.Number = number;
        return number;
    }

    /// <summary>True once call <paramref name="number"/> is answered (an acquire: the response is then readable).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsAnswered(uint number) => Volatile.Read(ref _lines.Answered) == number;

    /// <summary>
    /// The gate holder answers the call in flight with <paramref name="response"/> and wakes the client if it sleeps.
    /// Exchange is a full fence between the answer's number and the look at <c>Sleeping</c>: see <see cref="Wait"/>.
    /// </summary>
    public void Publish(in Cqe response)
    {
        _lines.Response = response;
        Interlocked.Exchange(ref _lines.Answered, _lines.Number);
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
    /// then looks at <c>Answered</c> once more; <see cref="Publish"/> writes <c>Answered</c> by exchange (a full fence)
    /// and then reads <c>Sleeping</c>. One of them sees the other's write: either the client does not sleep, or the
    /// publisher pulses, which it can only do once the client is in <see cref="Monitor.Wait(object, int)"/>.
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
