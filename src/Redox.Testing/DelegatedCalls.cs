using System;
using System.Threading;
using Redox.Kernel.Ipc;
using Redox.Syscall;

namespace Redox.Testing;

/// <summary>
/// A <see cref="ThreadedEndpoint"/>'s calls in flight, run on the clients' behalf by whoever holds the endpoint's gate
/// (<see cref="EndpointGate"/>): the driver thread on the common path, a client only when it gives up, finds the driver
/// gone, or reads a property. Each client thread has a <see cref="CallSlot"/> registered here, in which it publishes
/// its calls; the gate holder admits what was published (<see cref="Admit"/>) before it looks at the table, so it sees
/// every call published before it took the gate. The state machine is the kernel's
/// <see cref="SchemeCallTable{TWaiter}"/>, unchanged: calls are <c>Submit</c>ted as they are admitted, <c>Receive</c>d
/// by the driver, <c>Complete</c>d by its answers and <c>Collect</c>ed at once for their clients, whose slot gets the
/// answer (<see cref="CallSlot.Answer"/>). Calls that find the table full wait in an overflow, oldest first, and go in
/// as slots free (the kernel's client blocks for a slot too). Every member except <see cref="HasWork"/> must be called
/// holding the gate.
/// </summary>
internal sealed class DelegatedCalls : IGateWork
{
    private readonly SchemeCallTable<CallSlot> _table;
    // Copy on write: clients register rarely (once per thread), the driver polls the array while it waits, without the
    // gate.
    private CallSlot[] _clients = [];
    private CallSlot? _overflowHead, _overflowTail;

    /// <summary>Calls in flight for a table of <paramref name="capacity"/> slots.</summary>
    public DelegatedCalls(int capacity)
    {
        _table = new SchemeCallTable<CallSlot>(capacity);
    }

    /// <summary>Client slots the driver looks at.</summary>
    public int ClientCount => Volatile.Read(ref _clients).Length;

    /// <summary>Calls published and not yet admitted (read without the gate: a snapshot).</summary>
    public int CountUnadmitted()
    {
        int n = 0;
        foreach (CallSlot slot in Volatile.Read(ref _clients))
        {
            n += slot.Unadmitted != 0 ? 1 : 0;
        }
        return n;
    }

    /// <summary>Messages (calls and cancels) the driver has not read.</summary>
    public int Queued => _table.Queued;

    /// <summary>Calls in the table (queued, read by the driver, or being cancelled; answers are collected at once).</summary>
    public int InUse => _table.InUse;

    /// <summary>True once <see cref="Close"/> ran.</summary>
    public bool IsClosed => _table.IsClosed;

    /// <summary>
    /// A client thread's first call here: its slot joins those the driver looks at. Slots of threads that ended with
    /// nothing in flight leave (a thread that ended cannot call again).
    /// </summary>
    public void Register(CallSlot slot)
    {
        Volatile.Write(ref _clients, CopyOnWrite.KeepThenAppend(_clients, static c => c.ClientThread.IsAlive || !c.IsIdle, slot));
    }

    /// <inheritdoc/>
    public bool HasWork()
    {
        foreach (CallSlot slot in Volatile.Read(ref _clients))
        {
            if (slot.Unadmitted != 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Takes every call published and not yet admitted into the table, behind those already waiting for a slot. Once
    /// closed, each is answered EIO at once.
    /// </summary>
    public void Admit()
    {
        if (_overflowHead is not null)
        {
            Refill();
        }
        foreach (CallSlot slot in Volatile.Read(ref _clients))
        {
            uint number = slot.Unadmitted;
            if (number == 0)
            {
                continue;
            }
            slot.Taken = number;
            if (_overflowHead is not null)
            {
                AppendOverflow(slot);       // behind older calls still waiting for a slot
            }
            else
            {
                Submit(slot);
            }
        }
    }

    // Into the table, or the overflow when it is full. A one-way message (SqeFlags.OneWay) is answered 0 at once: the
    // table frees its slot when the driver reads it and never hands its waiter back, so its client has nothing to wait
    // for (and must not keep a slot number that another call may take).
    private void Submit(CallSlot slot)
    {
        Errno submitted = _table.Submit(in slot.Request, slot, out slot.TableSlot);
        if (submitted == Errno.EAGAIN)
        {
            AppendOverflow(slot);
            return;
        }
        if (submitted == 0 && (slot.Request.Flags & SqeFlags.OneWay) == 0)
        {
            return;
        }
        slot.TableSlot = -1;
        slot.Answer(Cqe.Respond(0, submitted == 0 ? SyscallResult.Ok(0) : submitted));
    }

    /// <summary>Moves calls waiting for a slot into the table while slots are free (after answers, cancels or withdrawals).</summary>
    public void Refill()
    {
        while (_overflowHead is not null)
        {
            if (_table.NextSlot < 0 && !_table.IsClosed)
            {
                return;                     // still full
            }
            Submit(TakeOverflowHead());
        }
    }

    /// <summary>The driver reads its messages (see <see cref="SchemeCallTable{TWaiter}.Receive"/>); cancels it takes free slots.</summary>
    public int Receive(Span<Sqe> destination)
    {
        int n = _table.Receive(destination);
        if (n > 0 && _overflowHead is not null)
        {
            Refill();
        }
        return n;
    }

    /// <summary>
    /// The driver's answer: when it names a call the driver holds, the answer is collected for its client and written
    /// into its slot; any other tag is dropped, as the table drops it. True when a client was answered.
    /// </summary>
    public bool Answer(in Cqe response)
    {
        if (_table.Complete(in response, out CallSlot? waiter) != CompleteOutcome.Answered)
        {
            return false;
        }
        Deliver(waiter!);
        return true;
    }

    /// <summary>
    /// The client of <paramref name="slot"/> gives up on call <paramref name="number"/> (it timed out). False when the
    /// call was answered meanwhile (its answer is in the slot, to be taken). Otherwise the call is gone from the table
    /// and the overflow (<see cref="SchemeCallTable{TWaiter}.Abandon"/>: withdrawn if the driver never read it, a
    /// Cancel message if it did; <paramref name="cancelled"/> says which) and <paramref name="tag"/> is the tag it had
    /// (0 if it never reached the table). The caller must have admitted the published calls first.
    /// </summary>
    public bool Abandon(CallSlot slot, uint number, out uint tag, out bool cancelled)
    {
        tag = 0;
        cancelled = false;
        if (slot.IsAnswered(number))
        {
            return false;
        }
        int index = slot.TableSlot;
        if (index >= 0)
        {
            tag = _table.TagOf(index);
            cancelled = _table.StateOf(index) == CallState.Delivered;
            _table.Abandon(index);
            slot.TableSlot = -1;
            Refill();           // a withdrawn call freed its slot
        }
        else if (slot.InOverflow)
        {
            RemoveOverflow(slot);
        }
        return true;
    }

    /// <summary>
    /// The scheme ends: no call is accepted any more, and every call in the table or the overflow is answered EIO
    /// (<see cref="SchemeCallTable{TWaiter}.Close"/>, the answers collected for their clients). The caller admits first.
    /// </summary>
    public void Close()
    {
        _table.Close();
        while (_table.TakeFailed(out CallSlot? waiter))
        {
            Deliver(waiter!);
        }
        while (_overflowHead is not null)
        {
            TakeOverflowHead().Answer(Cqe.Respond(0, Errno.EIO));
        }
    }

    // The answered call of `waiter` is collected from the table on its client's behalf and written into its slot.
    private void Deliver(CallSlot waiter)
    {
        _table.Collect(waiter.TableSlot, out Cqe answer);
        waiter.TableSlot = -1;
        waiter.Answer(in answer);
    }

    // The oldest call waiting for a table slot, out of the overflow (which must not be empty).
    private CallSlot TakeOverflowHead()
    {
        CallSlot slot = _overflowHead!;
        _overflowHead = slot.OverflowNext;
        if (_overflowHead is null)
        {
            _overflowTail = null;
        }
        slot.OverflowNext = null;
        slot.InOverflow = false;
        return slot;
    }

    private void AppendOverflow(CallSlot slot)
    {
        slot.TableSlot = -1;
        slot.OverflowNext = null;
        slot.InOverflow = true;
        if (_overflowTail is null)
        {
            _overflowHead = slot;
        }
        else
        {
            _overflowTail.OverflowNext = slot;
        }
        _overflowTail = slot;
    }

    private void RemoveOverflow(CallSlot slot)
    {
        CallSlot? previous = null;
        for (CallSlot? s = _overflowHead; s is not null; previous = s, s = s.OverflowNext)
        {
            if (s != slot)
            {
                continue;
            }
            if (previous is null)
            {
                _overflowHead = s.OverflowNext;
            }
            else
            {
                previous.OverflowNext = s.OverflowNext;
            }
            if (_overflowTail == s)
            {
                _overflowTail = previous;
            }
            s.OverflowNext = null;
            s.InOverflow = false;
            return;
        }
    }
}
