using System;
using Redox.Kernel.Ipc;
using Redox.Syscall;

namespace Redox.Testing;

/// <summary>
/// A <see cref="ThreadedEndpoint"/>'s calls in flight, run on the clients' behalf by whoever holds the endpoint's gate
/// (<see cref="EndpointGate"/>): the driver thread on the common path, a client only when it gives up, finds the driver
/// gone, or reads a property. The state machine is the kernel's <see cref="SchemeCallTable{TWaiter}"/>, unchanged: calls
/// are <c>Submit</c>ted in the order they reached the inbox, <c>Receive</c>d by the driver, <c>Complete</c>d by its
/// answers, and <c>Collect</c>ed at once for their clients, whose <see cref="CallSlot"/> gets the answer
/// (<see cref="CallSlot.Publish"/>). Calls that find the table full wait in an overflow, oldest first, and go in as
/// slots free (the kernel's client blocks for a slot too). Every member must be called holding the gate.
/// </summary>
internal sealed class DelegatedCalls
{
    private readonly SchemeCallTable<CallSlot> _table = new(SchemeCallTable<CallSlot>.MaxCapacity);
    private CallSlot? _overflowHead, _overflowTail;

    /// <summary>Messages (calls and cancels) the driver has not read.</summary>
    public int Queued => _table.Queued;

    /// <summary>Calls in the table (queued, read by the driver, or being cancelled; answers are collected at once).</summary>
    public int InUse => _table.InUse;

    /// <summary>True once <see cref="Close"/> ran.</summary>
    public bool IsClosed => _table.IsClosed;

    /// <summary>
    /// Takes the calls <paramref name="inbox"/> holds (oldest first, from <see cref="EndpointGate.TakeInbox"/>) into the
    /// table, behind those already waiting for a slot. Once closed, each is answered EIO at once.
    /// </summary>
    public void Admit(CallSlot? inbox)
    {
        if (_overflowHead is not null)
        {
            Refill();
        }
        while (inbox is not null)
        {
            CallSlot slot = inbox;
            inbox = slot.Next;
            slot.Next = null;
            if (_overflowHead is not null)
            {
                AppendOverflow(slot);       // behind older calls still waiting for a slot
                continue;
            }
            Submit(slot);
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
        slot.Publish(Cqe.Respond(0, submitted == 0 ? SyscallResult.Ok(0) : submitted));
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
            CallSlot slot = _overflowHead;
            _overflowHead = slot.OverflowNext;
            slot.OverflowNext = null;
            if (_overflowHead is null)
            {
                _overflowTail = null;
            }
            Submit(slot);
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
    /// The driver's answer: when it names a call the driver holds, the answer is collected for its client and published
    /// to its slot; any other tag is dropped, as the table drops it. True when a client was answered.
    /// </summary>
    public bool Answer(in Cqe response)
    {
        if (_table.Complete(in response, out CallSlot? waiter) != CompleteOutcome.Answered)
        {
            return false;
        }
        _table.Collect(waiter!.TableSlot, out Cqe answer);
        waiter.TableSlot = -1;
        waiter.Publish(in answer);
        return true;
    }

    /// <summary>
    /// The client of <paramref name="slot"/> gives up on call <paramref name="number"/> (it timed out). False when the
    /// call was answered meanwhile (its answer is in the slot, to be taken). Otherwise the call is gone from the table
    /// and the overflow (<see cref="SchemeCallTable{TWaiter}.Abandon"/>: withdrawn if the driver never read it, a
    /// Cancel message if it did; <paramref name="cancelled"/> says which) and <paramref name="tag"/> is the tag it had
    /// (0 if it never reached the table). The caller must have admitted the inbox first, so the call is not in it.
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
        else
        {
            RemoveOverflow(slot);
        }
        return true;
    }

    /// <summary>
    /// The scheme ends: no call is accepted any more, and every call in the table or the overflow is answered EIO
    /// (<see cref="SchemeCallTable{TWaiter}.Close"/>, the answers collected for their clients).
    /// </summary>
    public void Close()
    {
        _table.Close();
        while (_table.TakeFailed(out CallSlot? waiter))
        {
            _table.Collect(waiter!.TableSlot, out Cqe answer);
            waiter.TableSlot = -1;
            waiter.Publish(in answer);
        }
        while (_overflowHead is not null)
        {
            CallSlot slot = _overflowHead;
            _overflowHead = slot.OverflowNext;
            slot.OverflowNext = null;
            slot.Publish(Cqe.Respond(0, Errno.EIO));
        }
        _overflowTail = null;
    }

    private void AppendOverflow(CallSlot slot)
    {
        slot.TableSlot = -1;
        slot.OverflowNext = null;
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
            return;
        }
    }
}
