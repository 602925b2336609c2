using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Redox.Syscall;

namespace Redox.Testing;

/// <summary>
/// A scheme served by its own driver thread through the scheme socket, as in Redox: clients queue
/// <see cref="Sqe"/>s and block; the driver <c>read</c>s them in batches and <c>write</c>s <see cref="Cqe"/>s,
/// which wake the matching clients by tag. Both sides spin briefly before they sleep
/// (<see cref="SpinThenBlockSignal"/>). Once warm, a round trip allocates nothing.
/// </summary>
public sealed class ThreadedEndpoint : SchemeEndpoint
{
    private readonly object _gate = new();
    private readonly Queue<CallSlot> _pending = new(64);
    private readonly Dictionary<uint, CallSlot> _inFlight = new(64);
    private readonly SpinThenBlockSignal _requestsAvailable = new();
    private uint _nextTag;
    private volatile bool _closed;

    /// <summary>An endpoint named <paramref name="name"/>, owned by the driver process that opened <c>:name</c>.</summary>
    public ThreadedEndpoint(HostedKernel kernel, string name)
        : base(kernel, name)
    {
    }

    /// <inheritdoc/>
    public override Cqe Call(in Sqe request)
    {
        CallSlot slot = CallSlot.ForCurrentThread;
        uint tag;
        lock (_gate)
        {
            tag = ++_nextTag;
            if (tag == 0)
            {
                tag = ++_nextTag;
            }
            if (IsDead || _closed)
            {
                return Eio(tag);
            }
            slot.Request = request;
            slot.Request.Tag = tag;
            slot.Tag = tag;
            _inFlight[tag] = slot;
            _pending.Enqueue(slot);
        }
        _requestsAvailable.Set();
        if (slot.Done.Wait(Kernel.CallTimeoutMs))
        {
            return slot.Response;
        }
        lock (_gate)
        {
            if (_inFlight.Remove(tag))
            {
                slot.Tag = 0;
                return Cqe.Respond(tag, Errno.ETIMEDOUT);
            }
        }
        // Completed between the timeout and the lock: take the answer.
        slot.Done.Wait(-1);
        return slot.Response;
    }

    /// <summary>
    /// The driver's <c>read</c> on its socket: blocks for requests, copies whole <see cref="Sqe"/>s into
    /// <paramref name="destination"/>; the value is the byte count, 0 once the scheme is closed.
    /// </summary>
    public SyscallResult ReceiveRequests(Span<byte> destination, bool nonBlocking)
    {
        Span<Sqe> requests = MemoryMarshal.Cast<byte, Sqe>(destination);
        if (requests.IsEmpty)
        {
            return Errno.EINVAL;
        }
        while (true)
        {
            lock (_gate)
            {
                if (_closed || IsDead)
                {
                    return SyscallResult.Ok(0);
                }
                int n = 0;
                while (n < requests.Length && _pending.TryDequeue(out CallSlot? slot))
                {
                    requests[n++] = slot.Request;
                }
                if (n > 0)
                {
                    return SyscallResult.Ok((ulong)(n * AbiSizes.Sqe));
                }
            }
            if (nonBlocking)
            {
                return Errno.EAGAIN;
            }
            _requestsAvailable.Wait(-1);
        }
    }

    /// <summary>The driver's <c>write</c> on its socket: answers (by tag) and readiness posts; the value is the byte count.</summary>
    public SyscallResult SendResponses(ReadOnlySpan<byte> source)
    {
        ReadOnlySpan<Cqe> responses = MemoryMarshal.Cast<byte, Cqe>(source);
        // Readiness first: it was posted while serving these requests, so a client woken by its answer
        // must already find the event queued.
        foreach (ref readonly Cqe cqe in responses)
        {
            if (cqe.Kind == CqeOpcode.SendFevent)
            {
                Kernel.DeliverEvent(this, cqe.Result, (EventFlags)cqe.Tag);
            }
        }
        foreach (ref readonly Cqe cqe in responses)
        {
            if (cqe.Kind == CqeOpcode.SendFevent)
            {
                continue;
            }
            CallSlot? slot;
            lock (_gate)
            {
                if (!_inFlight.Remove(cqe.Tag, out slot))
                {
                    continue; // timed out or unknown tag: nobody waits for it
                }
            }
            slot.Complete(cqe);
        }
        return SyscallResult.Ok((ulong)(responses.Length * AbiSizes.Cqe));
    }

    /// <summary>Closes the scheme: the driver's next read returns 0, callers get <c>EIO</c>.</summary>
    public void Close()
    {
        _closed = true;
        FailAll();
    }

    /// <inheritdoc/>
    public override void Kill(Exception? fault)
    {
        base.Kill(fault);
        FailAll();
    }

    private void FailAll()
    {
        List<CallSlot> victims;
        lock (_gate)
        {
            victims = new List<CallSlot>(_inFlight.Values);
            _inFlight.Clear();
            _pending.Clear();
        }
        foreach (var slot in victims)
        {
            slot.Complete(Eio(slot.Tag));
        }
        _requestsAvailable.Set();
    }
}
