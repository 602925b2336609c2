using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;
using Redox.Kernel.Ipc;
using Redox.Syscall;

namespace Redox.Testing;

/// <summary>
/// A scheme served by its own driver thread through the scheme socket, as in Redox: clients queue
/// <see cref="Sqe"/>s and block; the driver <c>read</c>s them in batches and <c>write</c>s <see cref="Cqe"/>s,
/// which wake the matching clients by tag. The calls in flight are the real kernel's state machine,
/// <see cref="SchemeCallTable{TWaiter}"/> (tags with generations, FIFO, withdraw or cancel on timeout, EIO on
/// close), changed only inside the endpoint's spinning lock (<see cref="EndpointGate"/>), which also tells the driver
/// that messages wait. Both sides spin briefly before they sleep (the driver in <see cref="EndpointGate"/>, a client on
/// its <see cref="SpinThenBlockSignal"/>), and neither wakes the other while it still holds the lock, so a round trip
/// takes the lock four times without contention (the client's submit and collect, the driver's receive and answer)
/// and no monitor at all. Once warm, a round trip allocates nothing.
/// <para>
/// The scheme lives as long as the process that created it (<see cref="Owner"/>) has a live thread bound to it
/// (<see cref="HostedProcess.IsAlive"/>): a waiting client looks every <see cref="LivenessCheckMs"/> ms, and when
/// the owner is gone the scheme is removed and every pending call answers <c>EIO</c> at once.
/// </para>
/// </summary>
public sealed class ThreadedEndpoint : SchemeEndpoint
{
    /// <summary>How often a waiting client checks that the driver's process still has a live thread, in ms.</summary>
    public const int LivenessCheckMs = 20;

    private readonly EndpointGate _gate = new();
    private readonly SchemeCallTable<CallSlot> _calls = new(SchemeCallTable<CallSlot>.MaxCapacity);

    // Clients waiting for a free slot (the table full) sleep on this monitor. The count of frees is read under the gate
    // before sleeping and again under the monitor, so a slot freed in between is never slept through.
    private readonly object _slotFreed = new();
    private int _slotWaiters;
    private int _slotsFreed;

    // Set once an event: queue watches the socket (an event-loop driver): only then does a queued request post
    // EVENT_READ, so a plain SchemeServer's round trip pays nothing for it (the real kernel's UserScheme.SocketWatched).
    private volatile bool _socketWatched;

    /// <summary>An endpoint named <paramref name="name"/>, tied to no process (it lives until closed or killed).</summary>
    public ThreadedEndpoint(HostedKernel kernel, string name)
        : this(kernel, name, null)
    {
    }

    internal ThreadedEndpoint(HostedKernel kernel, string name, HostedProcess? owner)
        : base(kernel, name)
    {
        Owner = owner;
    }

    /// <summary>The process that opened <c>:name</c>; the scheme ends with it. Null: not tied to a process.</summary>
    public HostedProcess? Owner { get; }

    /// <summary>Messages (calls and cancels) waiting for the driver to read them.</summary>
    public int QueuedMessages
    {
        get
        {
            _gate.Enter();
            int queued = _calls.Queued;
            Leave();
            return queued;
        }
    }

    /// <summary>Calls in flight (queued, read by the driver, answered but not yet collected, or being cancelled).</summary>
    public int CallsInFlight
    {
        get
        {
            _gate.Enter();
            int inUse = _calls.InUse;
            Leave();
            return inUse;
        }
    }

    /// <inheritdoc/>
    public override Cqe Call(in Sqe request)
    {
        CallSlot waiter = CallSlot.ForCurrentThread;
        int timeoutMs = Kernel.CallTimeoutMs;
        // The call's time counts from its submission (or from the first wait for a free slot): read after the request
        // is out, the clock costs nothing on the round trip, as the driver is working by then.
        long start = 0;
        int slot;
        _gate.Enter();
        while (true)
        {
            Errno submitted = _calls.Submit(in request, waiter, out slot);
            if (submitted == 0)
            {
                break;
            }
            if (submitted != Errno.EAGAIN)
            {
                Leave();
                return Cqe.Respond(0, submitted);
            }
            // Every slot is in use: wait for one, within the call's time.
            if (start == 0)
            {
                start = Stopwatch.GetTimestamp();
            }
            int remaining = Remaining(start, timeoutMs);
            if (remaining == 0)
            {
                Leave();
                return Cqe.Respond(0, Errno.ETIMEDOUT);
            }
            _slotWaiters++;
            int freed = _slotsFreed;
            Leave();
            lock (_slotFreed)
            {
                if (Volatile.Read(ref _slotsFreed) == freed)
                {
                    Monitor.Wait(_slotFreed, Slice(remaining));
                }
            }
            _gate.Enter();
            _slotWaiters--;
        }
        Leave(); // sets Pending: the driver takes the flag, then the lock, and receives the request
        PostSocket();
        if (start == 0)
        {
            start = Stopwatch.GetTimestamp();
        }
        while (true)
        {
            int remaining = Remaining(start, timeoutMs);
            bool signalled = remaining != 0 && waiter.Done.Wait(Slice(remaining));
            bool ownerGone = false;
            _gate.Enter();
            if (_calls.Collect(slot, out Cqe response))
            {
                Leave(slotsFreed: true);
                return response;
            }
            if (!signalled)
            {
                ownerGone = Owner is { IsAlive: false };
                if (!ownerGone && Remaining(start, timeoutMs) == 0)
                {
                    // Give up: a call the driver never read is withdrawn, one it holds becomes a Cancel message.
                    uint tag = _calls.TagOf(slot);
                    bool cancelled = _calls.StateOf(slot) == CallState.Delivered;
                    _calls.Abandon(slot);
                    Leave(slotsFreed: true); // a Cancel message left queued wakes the driver here
                    if (cancelled)
                    {
                        PostSocket();
                    }
                    return Cqe.Respond(tag, Errno.ETIMEDOUT);
                }
            }
            Leave();
            if (ownerGone)
            {
                // The driver's process has no live thread: the scheme goes, this call (and all others) answer EIO.
                Kernel.RemoveScheme(this);
            }
        }
    }

    /// <summary>
    /// The driver's <c>read</c> on its socket: blocks for requests, copies whole <see cref="Sqe"/>s into
    /// <paramref name="destination"/> (calls, and <see cref="Opcode.Cancel"/> messages for calls their clients gave
    /// up on); the value is the byte count, 0 once the scheme is closed. <c>EINVAL</c> unless the length is a whole,
    /// non-zero number of requests.
    /// </summary>
    public SyscallResult ReceiveRequests(Span<byte> destination, bool nonBlocking)
    {
        if (destination.IsEmpty || destination.Length % AbiSizes.Sqe != 0)
        {
            return Errno.EINVAL;
        }
        Span<Sqe> requests = MemoryMarshal.Cast<byte, Sqe>(destination);
        while (true)
        {
            if (nonBlocking)
            {
                _gate.Enter();
            }
            else
            {
                // Spins (then sleeps) on the gate's word until a client's exit publishes Pending, and takes the lock
                // in the same compare-exchange.
                _gate.EnterWhenPending();
            }
            if (_calls.IsClosed)
            {
                Leave();
                return SyscallResult.Ok(0);
            }
            int n = _calls.Receive(requests);
            Leave(slotsFreed: n > 0); // delivered cancels free their slots
            if (n > 0)
            {
                return SyscallResult.Ok((ulong)(n * AbiSizes.Sqe));
            }
            if (nonBlocking)
            {
                return Errno.EAGAIN;
            }
        }
    }

    /// <summary>
    /// The driver's <c>write</c> on its socket: answers and readiness posts; the value is the byte count. An answer
    /// whose tag names no call the driver holds (forged, repeated, or for a call withdrawn or cancelled) is dropped.
    /// <c>EINVAL</c> unless the length is a whole number of responses.
    /// </summary>
    public SyscallResult SendResponses(ReadOnlySpan<byte> source)
    {
        if (source.Length % AbiSizes.Cqe != 0)
        {
            return Errno.EINVAL;
        }
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
        // The last client answered is woken only after the lock is released, so it does not spin on a lock the driver
        // still holds (with one client at a time, that is every client). Earlier ones in a batch are woken at once.
        CallSlot? last = null;
        _gate.Enter();
        foreach (ref readonly Cqe cqe in responses)
        {
            if (cqe.Kind != CqeOpcode.SendFevent && _calls.Complete(in cqe, out CallSlot? waiter) == CompleteOutcome.Answered)
            {
                last?.Done.Set();
                last = waiter;
            }
        }
        Leave();
        last?.Done.Set();
        return SyscallResult.Ok((ulong)source.Length);
    }

    /// <summary>
    /// An <c>event:</c> queue starts watching the socket: from now on queued requests post EVENT_READ. The value is the
    /// readiness now: EVENT_READ while messages wait or once the scheme is closed (a read then answers 0).
    /// </summary>
    internal EventFlags WatchSocket()
    {
        _socketWatched = true;
        _gate.Enter();
        EventFlags readiness = _calls.Queued > 0 || _calls.IsClosed ? EventFlags.Read : EventFlags.None;
        Leave();
        return readiness;
    }

    private void PostSocket()
    {
        if (_socketWatched)
        {
            Kernel.PostSocket(this);
        }
    }

    /// <summary>Closes the scheme: the driver's next read returns 0, callers get <c>EIO</c>.</summary>
    public void Close() => FailAll();

    /// <inheritdoc/>
    public override void Kill(Exception? fault)
    {
        base.Kill(fault);
        FailAll();
    }

    private void FailAll()
    {
        _gate.Enter();
        _calls.Close();
        while (_calls.TakeFailed(out CallSlot? waiter))
        {
            waiter!.Done.Set();
        }
        Leave(slotsFreed: true); // closed: Pending stays set, so the driver's reads answer 0 from now on
        PostSocket();
    }

    /// <summary>
    /// Leaves the gate, publishing whether the driver has something to read (messages, or the end of the scheme); when
    /// <paramref name="slotsFreed"/> and clients wait for a slot, wakes them once the gate is released.
    /// </summary>
    private void Leave(bool slotsFreed = false)
    {
        bool wakeSlotWaiters = slotsFreed && _slotWaiters > 0;
        if (wakeSlotWaiters)
        {
            _slotsFreed++;
        }
        _gate.Exit(_calls.Queued > 0 || _calls.IsClosed);
        if (wakeSlotWaiters)
        {
            lock (_slotFreed)
            {
                Monitor.PulseAll(_slotFreed);
            }
        }
    }

    // Milliseconds left of a call started at `start` (-1: no limit; 0: none left).
    private static int Remaining(long start, int timeoutMs)
    {
        if (timeoutMs < 0)
        {
            return -1;
        }
        long elapsed = (Stopwatch.GetTimestamp() - start) * 1000 / Stopwatch.Frequency;
        return elapsed >= timeoutMs ? 0 : (int)(timeoutMs - elapsed);
    }

    private static int Slice(int remaining) => remaining < 0 || remaining > LivenessCheckMs ? LivenessCheckMs : remaining;
}
