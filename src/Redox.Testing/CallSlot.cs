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
/// into this slot's line and publishes it (<see cref="Publish(in Sqe)"/>, one exchange); the endpoint's driver, which
/// looks at every slot registered with it while it waits (<see cref="DelegatedCalls"/>: flat combining's publication
/// list), sees it, runs the call through the table on the client's behalf (the request is copied into the table, so
/// the line is free again) and, once it is answered, collects the answer and writes it into the same line
/// (<see cref="Answer"/>), on which the client spins. So a round trip moves one cache line to the driver and back, as a
/// cache-line ping-pong does. Reused for every call, so a round trip allocates nothing once warm.
/// <para>
/// One word says where the call is: the request's <c>Tag</c> (the table gives the call its own tag), holding the call's
/// number times four plus a phase: published, published with the client asleep, or answered. The client waits for
/// "answered" with its own number, so it resets nothing between calls and an answer can never be taken for a later
/// call's. (A call the client gives up on is abandoned under the endpoint's gate, after which the table drops its
/// answer: the number is the second line of defence.) The client's sleep and the answer are both read-modify-writes of
/// that word, so neither can miss the other (see <see cref="Wait"/>).
/// </para>
/// </summary>
internal sealed unsafe class CallSlot
{
    // This thread's slots, one per endpoint it calls; the last one used is looked at first.
    [ThreadStatic]
    private static CallSlot? t_last;
    [ThreadStatic]
    private static CallSlot[]? t_slots;

    private const uint PhaseMask = 3;
    private const uint Published = 1;       // the client published call n and spins
    private const uint Answered = 2;        // the gate holder answered call n
    private const uint Asleep = 3;          // published, and the client sleeps on _sleep (or is about to)
    private const int ResponseOffset = 16;  // the answer goes over the request's Arg1 and Arg2, read by then

    // The gate holder's line.
    [StructLayout(LayoutKind.Sequential)]
    private struct OwnerLine
    {
        public uint Taken;                  // the number of the last call admitted into the table (or answered at once)
        public int TableSlot;               // the table slot the admitted call holds, or -1
        public bool InOverflow;
    }

    // The call's line and the gate holder's, 128 bytes apart and aligned so (a core's spatial prefetcher fetches lines
    // in pairs); a managed object cannot be aligned, so both live in native memory, freed with the slot.
    private const int Stride = 128;
    private readonly byte* _memory;
    private readonly Sqe* _call;
    private readonly OwnerLine* _owner;
    private readonly object _sleep = new();

    private CallSlot(ThreadedEndpoint endpoint)
    {
        Endpoint = endpoint;
        ClientThread = Thread.CurrentThread;
        _memory = (byte*)NativeMemory.AlignedAlloc(2 * Stride, Stride);
        NativeMemory.Clear(_memory, 2 * Stride);
        _call = (Sqe*)_memory;
        _owner = (OwnerLine*)(_memory + Stride);
        _owner->TableSlot = -1;
    }

    // Nothing can reach the slot any more (its thread and its endpoint dropped it), so nobody reads the lines.
    ~CallSlot() => NativeMemory.AlignedFree(_memory);

    /// <summary>The endpoint this slot calls.</summary>
    public ThreadedEndpoint Endpoint { get; }

    /// <summary>The client thread.</summary>
    public Thread ClientThread { get; }

    /// <summary>
    /// The request of the call published last, until the gate holder admits it (then it is in the table, and the line
    /// carries the answer). Its <c>Tag</c> is the phase word, not a tag.
    /// </summary>
    public ref readonly Sqe Request => ref *_call;

    /// <summary>
    /// The gate holder's poll: the number of a call published and not yet admitted, or 0 (read without the gate, a
    /// stale answer only costs a look; an acquire: the request is then readable).
    /// </summary>
    public uint Unadmitted
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            uint word = Volatile.Read(ref _call->Tag);
            uint number = word >> 2;
            return (word & PhaseMask) is Published or Asleep && number != _owner->Taken ? number : 0;
        }
    }

    /// <summary>The gate holder's: the number of the last call it admitted.</summary>
    public ref uint Taken => ref _owner->Taken;

    /// <summary>The gate holder's: the table slot the admitted call holds, or -1 (not admitted, waiting for a slot, answered).</summary>
    public ref int TableSlot => ref _owner->TableSlot;

    /// <summary>The gate holder's: the next slot in the endpoint's overflow (calls waiting for a free table slot).</summary>
    public CallSlot? OverflowNext { get; set; }

    /// <summary>The gate holder's: true while the call waits in the overflow.</summary>
    public ref bool InOverflow => ref _owner->InOverflow;

    /// <summary>True when no call of this slot is in the gate holder's hands (nothing published unadmitted, none in the table or the overflow).</summary>
    public bool IsIdle => Unadmitted == 0 && _owner->TableSlot < 0 && !_owner->InOverflow;

    /// <summary>The answer, valid once <see cref="IsAnswered"/> said so for this call's number.</summary>
    public ref readonly Cqe Response => ref *(Cqe*)((byte*)_call + ResponseOffset);

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
        t_slots = CopyOnWrite.KeepThenAppend(slots, static slot => !slot.Endpoint.IsClosed, mine);
        created = true;
        return t_last = mine;
    }

    /// <summary>
    /// The client publishes a call: copies <paramref name="request"/> in and gives it the next number, by exchange (a
    /// full fence: the caller then looks whether the driver sleeps, see <see cref="EndpointGate"/>). The value is the
    /// number. The request is written with the old phase word in its tag, so a driver that looks meanwhile sees nothing
    /// new; the exchange is the last write, so one that sees the new number sees the whole request.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Publish(in Sqe request)
    {
        uint previous = _call->Tag;
        Sqe copy = request;
        copy.Tag = previous;
        *_call = copy;
        uint number = ((previous >> 2) + 1) & (uint.MaxValue >> 2);
        if (number == 0)
        {
            number = 1;       // 0 is "nothing published yet"
        }
        Interlocked.Exchange(ref _call->Tag, (number << 2) | Published);
        return number;
    }

    /// <summary>True once call <paramref name="number"/> is answered (an acquire: the response is then readable).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsAnswered(uint number) => Volatile.Read(ref _call->Tag) == ((number << 2) | Answered);

    /// <summary>
    /// The gate holder answers the call it admitted last with <paramref name="response"/> and wakes the client if it
    /// sleeps (the exchange returns what the word was: "asleep" means the client holds or waits on the monitor).
    /// </summary>
    public void Answer(in Cqe response)
    {
        *(Cqe*)((byte*)_call + ResponseOffset) = response;
        uint was = Interlocked.Exchange(ref _call->Tag, (_owner->Taken << 2) | Answered);
        if ((was & PhaseMask) == Asleep)
        {
            lock (_sleep)
            {
                Monitor.PulseAll(_sleep);
            }
        }
    }

    /// <summary>
    /// The client waits until call <paramref name="number"/> is answered: true, or false after
    /// <paramref name="timeoutMs"/> ms (-1: no limit). Spins on the line for up to 50 µs (a driver on another core
    /// answers within microseconds; <see cref="ThreadedEndpoint.ClientSpinTicks"/>), then sleeps.
    /// </summary>
    /// <remarks>
    /// No lost wake-up: holding the monitor, the client turns "published" into "asleep" by compare-exchange, which fails
    /// if the answer came first (then it has it); the answer is an exchange that sees "asleep" if the client's came first,
    /// and then pulses, which it can only do once the client waits in <see cref="Monitor.Wait(object, int)"/>.
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
            if ((n & 63) == 0 && Stopwatch.GetTimestamp() - start > Endpoint.ClientSpinTicks)
            {
                break;
            }
        }
        uint published = (number << 2) | Published, asleep = (number << 2) | Asleep, answered = (number << 2) | Answered;
        lock (_sleep)
        {
            while (true)
            {
                uint seen = Interlocked.CompareExchange(ref _call->Tag, asleep, published);
                if (seen == answered)
                {
                    return true;
                }
                int remaining = WaitTime.Remaining(start, timeoutMs);
                if (remaining == 0)
                {
                    // Awake again: "asleep" goes back to "published", unless the answer has just come.
                    return Interlocked.CompareExchange(ref _call->Tag, published, asleep) == answered;
                }
                Monitor.Wait(_sleep, remaining);
            }
        }
    }
}
