using Redox.Syscall;

namespace Redox.Kernel.Ipc;

/// <summary>
/// The request/response state machine of one scheme: the calls in flight between its clients and its driver.
/// Written once and run by both kernels -- the real one (waiters are kernel threads, the lock is "interrupts off")
/// and Redox.Testing's hosted one (waiters are host signals, the lock a monitor) -- so what a driver's host tests
/// see is what the image does. It never blocks and never allocates after construction: the caller holds its lock,
/// wakes the waiters it is handed and sleeps on its own.
/// <para>
/// A call takes a slot; its tag is the slot index in the low 8 bits and the slot's generation above, so an answer
/// with a stale, forged or repeated tag matches nothing (it is dropped, never handed to another client). Queued calls
/// form a FIFO through the slots themselves, so a client that gives up leaves no trace in the queue: a call it
/// abandons before the driver read it is never delivered, one the driver already has becomes a Cancel message.
/// </para>
/// </summary>
/// <typeparam name="TWaiter">What a client waits on; handed back when its call is answered.</typeparam>
public sealed class SchemeCallTable<TWaiter> where TWaiter : class
{
    /// <summary>The most calls one scheme can have in flight (the tag keeps 8 bits for the slot).</summary>
    public const int MaxCapacity = 256;

    private const int None = -1;
    private const uint GenerationMask = 0xFF_FFFF;

    private struct Slot
    {
        public Sqe Request;
        public Cqe Response;
        public TWaiter? Waiter;
        public uint Generation;
        public CallState State;
        public int Previous;
        public int Next;
    }

    private readonly Slot[] _slots;
    private readonly int[] _free;
    private int _freeCount;
    private int _head = None, _tail = None;

    /// <summary>A table of <paramref name="capacity"/> slots (1 to <see cref="MaxCapacity"/>).</summary>
    public SchemeCallTable(int capacity)
    {
        if (capacity < 1) capacity = 1;
        if (capacity > MaxCapacity) capacity = MaxCapacity;
        _slots = new Slot[capacity];
        _free = new int[capacity];
        for (int i = 0; i < capacity; i++)
        {
            _slots[i].Previous = None;
            _slots[i].Next = None;
            _free[i] = capacity - 1 - i;     // hand out slot 0 first
        }
        _freeCount = capacity;
    }

    /// <summary>Slots in the table.</summary>
    public int Capacity => _slots.Length;

    /// <summary>Slots in use (queued, delivered, answered or cancelling).</summary>
    public int InUse => _slots.Length - _freeCount;

    /// <summary>Messages waiting for the driver to read them (calls and cancels).</summary>
    public int Queued { get; private set; }

    /// <summary>True once <see cref="Close"/> ran: every new call answers EIO.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>The state of slot <paramref name="slot"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public CallState StateOf(int slot)
    {
        Slot[] slots = _slots;        // one load of the field, so the compiler drops the array's own bounds check
        return (uint)slot < (uint)slots.Length ? slots[slot].State : CallState.Free;
    }

    /// <summary>The tag slot <paramref name="slot"/>'s current call carries.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public uint TagOf(int slot)
    {
        Slot[] slots = _slots;
        return (uint)slot < (uint)slots.Length ? slots[slot].Request.Tag : 0;
    }

    /// <summary>
    /// True when <paramref name="tag"/> names the call its slot holds now and that call is in <paramref name="state"/>:
    /// one slot access for the check an answer (or a hand-over) makes before any byte moves.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool Holds(uint tag, CallState state)
    {
        Slot[] slots = _slots;
        uint index = tag & 0xFF;
        if (index >= (uint)slots.Length) return false;
        ref Slot s = ref slots[index];
        return s.State == state && s.Request.Tag == tag;
    }

    /// <summary>The slot the next <see cref="Submit"/> takes (so a kernel can place the call's buffer first), or -1 when full.</summary>
    public int NextSlot
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        get => IsClosed || _freeCount == 0 ? None : _free[_freeCount - 1];
    }

    /// <summary>
    /// Queues <paramref name="request"/> (its tag is assigned here) for <paramref name="waiter"/>. EIO once the scheme is
    /// closed; EAGAIN when every slot is in use. The slot is the client's handle on the call until it collects or abandons it.
    /// A one-way message (<see cref="SqeFlags.OneWay"/>, e.g. CloseMsg) frees its slot when the driver reads it; its
    /// waiter is never handed back, so pass any.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public Errno Submit(in Sqe request, TWaiter waiter, out int slot)
    {
        Errno error = Take(request, waiter, CallState.Queued, out slot);
        if (error == 0) Append(slot);
        return error;
    }

    /// <summary>A free slot for <paramref name="request"/> in <paramref name="state"/>, its tag assigned; not yet queued.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private Errno Take(in Sqe request, TWaiter waiter, CallState state, out int slot)
    {
        slot = None;
        if (IsClosed) return Errno.EIO;
        if (_freeCount == 0) return Errno.EAGAIN;
        slot = _free[--_freeCount];
        ref Slot s = ref _slots[slot];
        s.Generation = (s.Generation + 1) & GenerationMask;
        if (s.Generation == 0) s.Generation = 1;
        s.Request = request;
        s.Request.Tag = (s.Generation << 8) | (uint)slot;
        s.Response = default;
        s.Waiter = waiter;
        s.State = state;
        return 0;
    }

    /// <summary>
    /// <see cref="Submit"/> for a driver that is waiting for exactly this: when no message is queued ahead, the call
    /// skips the queue and is delivered at once (as if <see cref="Receive"/> had taken it), and the value is true; the
    /// kernel then copies it to the driver from <see cref="RequestOf"/>, and if that copy fails it hands the call back
    /// with <see cref="Undeliver"/>. Otherwise (messages queued ahead, a one-way message, or an error in
    /// <paramref name="error"/>) it is queued as <see cref="Submit"/> queues it and the value is false.
    /// </summary>
    public bool HandOver(in Sqe request, TWaiter waiter, out int slot, out Errno error)
    {
        if (Queued != 0 || (request.Flags & SqeFlags.OneWay) != 0)
        {
            error = Submit(request, waiter, out slot);
            return false;
        }
        error = Take(request, waiter, CallState.Delivered, out slot);
        return error == 0;
    }

    /// <summary>
    /// A call handed over (<see cref="HandOver"/>) never reached the driver (its buffer was bad): it goes back to the
    /// head of the queue, to be read first. If its client abandoned it meanwhile, the cancel that was queued for it is
    /// withdrawn and the slot freed: the driver never saw the call, so there is nothing to cancel.
    /// </summary>
    public void Undeliver(int slot)
    {
        if ((uint)slot >= (uint)_slots.Length) return;
        ref Slot s = ref _slots[slot];
        if (s.State == CallState.Cancelling)
        {
            Unlink(slot);
            Release(slot);
            return;
        }
        if (s.State != CallState.Delivered) return;
        s.State = CallState.Queued;
        Prepend(slot);
    }

    /// <summary>
    /// The driver reads its requests: moves up to <paramref name="destination"/>'s length of queued messages into it,
    /// oldest first, and returns how many. A call becomes delivered; a cancel (the one-way <see cref="Opcode.Cancel"/>
    /// with the cancelled call's tag) frees its slot.
    /// </summary>
    public int Receive(System.Span<Sqe> destination)
    {
        int n = Peek(destination);
        Consume(n);
        return n;
    }

    /// <summary>
    /// The messages <see cref="Receive"/> would hand out into <paramref name="destination"/>, without taking them: a
    /// kernel that copies them into a driver's memory (which may fail) takes them with <see cref="Consume"/> only once
    /// they are there, so a bad buffer loses no request.
    /// </summary>
    public int Peek(System.Span<Sqe> destination)
    {
        int n = 0;
        for (int index = _head; n < destination.Length && index != None; index = _slots[index].Next)
        {
            ref Slot s = ref _slots[index];
            if (s.State == CallState.Queued)
            {
                destination[n++] = s.Request;
                continue;
            }
            ref Sqe cancel = ref destination[n++];
            cancel = default;
            cancel.Opcode = Opcode.Cancel;
            cancel.Flags = SqeFlags.OneWay;
            cancel.Tag = s.Request.Tag;
            cancel.Caller = s.Request.Caller;
        }
        return n;
    }

    /// <summary>Takes the <paramref name="count"/> oldest messages, as <see cref="Peek"/> showed them (at most <see cref="Queued"/>).</summary>
    public void Consume(int count)
    {
        for (; count > 0 && _head != None; count--)
        {
            int index = _head;
            Unlink(index);
            ref Slot s = ref _slots[index];
            // A one-way message (CloseMsg, or a request sent with SqeFlags.OneWay) has no answer to wait for; a cancel
            // is done once the driver has it.
            if (s.State == CallState.Queued && (s.Request.Flags & SqeFlags.OneWay) == 0) s.State = CallState.Delivered;
            else Release(index);
        }
    }

    /// <summary>
    /// The driver answers: when <paramref name="response"/>'s tag names a call the driver was given and that is still
    /// waiting, the call is answered and its waiter returned (to be woken by the caller); any other tag is dropped.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public CompleteOutcome Complete(in Cqe response, out TWaiter? waiter)
    {
        waiter = null;
        int index = (int)(response.Tag & 0xFF);
        Slot[] slots = _slots;
        if (index >= slots.Length) return CompleteOutcome.UnknownTag;
        ref Slot s = ref slots[index];
        if (s.State != CallState.Delivered || s.Request.Tag != response.Tag) return CompleteOutcome.UnknownTag;
        s.Response = response;
        s.State = CallState.Answered;
        waiter = s.Waiter;
        s.Waiter = null;          // woken once, by whoever took it here
        return CompleteOutcome.Answered;
    }

    /// <summary>
    /// <see cref="Complete"/> for a caller that has just seen <see cref="Holds"/>(the response's tag,
    /// <see cref="CallState.Delivered"/>) under the same lock: the same effect, without checking the tag a second time
    /// (the real kernel's answer path checks it before any byte moves); the waiter to wake.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal TWaiter? CompleteHeld(in Cqe response)
    {
        ref Slot s = ref _slots[(int)(response.Tag & 0xFF)];
        s.Response = response;
        s.State = CallState.Answered;
        TWaiter? waiter = s.Waiter;
        s.Waiter = null;          // woken once, by whoever took it here
        return waiter;
    }

    /// <summary>The request slot <paramref name="slot"/> carries (as delivered: tag included), for the kernel's buffer bookkeeping.</summary>
    public ref readonly Sqe RequestOf(int slot) => ref _slots[slot].Request;

    /// <summary>The client takes its answer and the slot is free again. False when the call is not answered (yet).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool Collect(int slot, out Cqe response)
    {
        Slot[] slots = _slots;
        if ((uint)slot >= (uint)slots.Length || slots[slot].State != CallState.Answered)
        {
            response = default;
            return false;
        }
        ref Slot s = ref slots[slot];
        response = s.Response;
        Release(ref s, slot);
        return true;
    }

    /// <summary>
    /// The client stops waiting (it timed out, or its process is being killed). A call the driver has not read is
    /// withdrawn: the driver never sees it. One the driver has becomes a Cancel message and its answer, if it comes, is
    /// dropped. An answer not yet collected is discarded.
    /// </summary>
    public void Abandon(int slot)
    {
        if ((uint)slot >= (uint)_slots.Length) return;
        ref Slot s = ref _slots[slot];
        switch (s.State)
        {
            case CallState.Queued:
                Unlink(slot);
                Release(slot);
                break;
            case CallState.Delivered:
                s.State = CallState.Cancelling;
                s.Waiter = null;
                Append(slot);
                break;
            case CallState.Answered:
                Release(slot);
                break;
        }
    }

    /// <summary>
    /// The driver is gone: no call is accepted any more, queued cancels are dropped, and every call still waiting is
    /// answered EIO. Returns how many waiters there are to wake; take them with <see cref="TakeFailed"/>.
    /// </summary>
    public int Close()
    {
        IsClosed = true;
        int toWake = 0;
        for (int i = 0; i < _slots.Length; i++)
        {
            ref Slot s = ref _slots[i];
            if (s.State == CallState.Queued || s.State == CallState.Cancelling) Unlink(i);
            if (s.State == CallState.Cancelling)
            {
                Release(i);
                continue;
            }
            if (s.State != CallState.Queued && s.State != CallState.Delivered) continue;
            s.Response = Cqe.Respond(s.Request.Tag, Errno.EIO);
            s.State = CallState.Answered;
            toWake++;
        }
        return toWake;
    }

    /// <summary>After <see cref="Close"/>: hands out each failed call's waiter once; false when none is left.</summary>
    public bool TakeFailed(out TWaiter? waiter)
    {
        for (int i = 0; i < _slots.Length; i++)
        {
            ref Slot s = ref _slots[i];
            if (s.State != CallState.Answered || s.Waiter is null) continue;
            waiter = s.Waiter;
            s.Waiter = null;      // the slot stays answered until its client collects it
            return true;
        }
        waiter = null;
        return false;
    }

    /// <summary>Hands the table's arrays to <paramref name="free"/> (a kernel without a collector frees them with the table).</summary>
    internal unsafe void FreeStorage(delegate*<object, void> free)
    {
        free(_slots);
        free(_free);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void Append(int index)
    {
        ref Slot s = ref _slots[index];
        s.Next = None;
        s.Previous = _tail;
        if (_tail == None) _head = index;
        else _slots[_tail].Next = index;
        _tail = index;
        Queued++;
    }

    private void Prepend(int index)
    {
        ref Slot s = ref _slots[index];
        s.Previous = None;
        s.Next = _head;
        if (_head == None) _tail = index;
        else _slots[_head].Previous = index;
        _head = index;
        Queued++;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void Unlink(int index)
    {
        ref Slot s = ref _slots[index];
        if (s.Previous == None) _head = s.Next;
        else _slots[s.Previous].Next = s.Next;
        if (s.Next == None) _tail = s.Previous;
        else _slots[s.Next].Previous = s.Previous;
        s.Previous = None;
        s.Next = None;
        Queued--;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void Release(int index) => Release(ref _slots[index], index);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void Release(ref Slot s, int index)
    {
        s.State = CallState.Free;
        s.Waiter = null;
        _free[_freeCount++] = index;
    }
}
