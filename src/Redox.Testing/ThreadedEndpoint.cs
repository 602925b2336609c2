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
/// close), owned by whoever holds the endpoint's spinning lock (<see cref="EndpointGate"/>), which on the common path is
/// only the driver (delegation, or flat combining with one combiner): a client writes its request into a cache line of
/// its own (its <see cref="CallSlot"/>, one per thread and endpoint), publishes it with one exchange on that line and
/// spins on the same line; the driver, polling the slots while it waits, admits the call and runs <c>Submit</c>,
/// <c>Receive</c>, <c>Complete</c> and <c>Collect</c> on the client's behalf (<see cref="DelegatedCalls"/>), then writes
/// the answer into the client's line. So a round trip moves one line to the driver and back, as a cache-line ping-pong
/// does, instead of the ten one after another that a table touched by both threads cost. A client takes the
/// lock only to give up, to look at a driver that may be gone, or for <see cref="QueuedMessages"/> and
/// <see cref="CallsInFlight"/>; the lock's holder admits what was published first, so it sees every call published
/// before. Both sides spin briefly before they sleep (the driver in <see cref="EndpointGate"/>, a client on its
/// <see cref="CallSlot"/>). Once warm, a round trip allocates nothing.
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

    private readonly EndpointGate _gate;
    private readonly DelegatedCalls _calls;

    // 1 once the scheme is closed. Written before a full fence and the closer's last admission, read by a client after
    // its publication (an exchange): one of the two sees the other, so no call is left unanswered in a closed scheme.
    private int _closed;

    // Set once an event: queue watches the socket (an event-loop driver): only then does a queued request post
    // EVENT_READ, so a plain SchemeServer's round trip pays nothing for it (the real kernel's UserScheme.SocketWatched).
    private volatile bool _socketWatched;

    /// <summary>An endpoint named <paramref name="name"/>, tied to no process (it lives until closed or killed).</summary>
    public ThreadedEndpoint(HostedKernel kernel, string name)
        : this(kernel, name, null)
    {
    }

    /// <summary>
    /// An endpoint whose driver and clients spin for up to <paramref name="spinMicroseconds"/> before they sleep, with a
    /// table of <paramref name="tableCapacity"/> slots (tests set a spin of 0, so both sides sleep often and the sleep
    /// paths are exercised, and a small table, so a few clients fill it).
    /// </summary>
    internal ThreadedEndpoint(HostedKernel kernel, string name, HostedProcess? owner, int spinMicroseconds = 50,
        int tableCapacity = SchemeCallTable<CallSlot>.MaxCapacity)
        : base(kernel, name)
    {
        Owner = owner;
        _gate = new EndpointGate(spinMicroseconds);
        _calls = new DelegatedCalls(tableCapacity);
        ClientSpinTicks = Stopwatch.Frequency * spinMicroseconds / 1_000_000;
    }

    /// <summary>How long a client spins on its <see cref="CallSlot"/> before it sleeps, in <see cref="Stopwatch"/> ticks.</summary>
    internal long ClientSpinTicks { get; }

    /// <summary>For tests: calls published that no gate holder has admitted yet (read without the gate).</summary>
    internal int UnadmittedCalls => _calls.CountUnadmitted();

    /// <summary>For tests: client threads whose slots the driver looks at.</summary>
    internal int ClientSlots => _calls.ClientCount;

    /// <summary>The process that opened <c>:name</c>; the scheme ends with it. Null: not tied to a process.</summary>
    public HostedProcess? Owner { get; }

    /// <summary>Messages (calls and cancels) waiting for the driver to read them.</summary>
    public int QueuedMessages
    {
        get
        {
            EnterAndAdmit();
            int queued = _calls.Queued;
            Leave();
            return queued;
        }
    }

    /// <summary>Calls in flight (queued, read by the driver, or being cancelled; an answer is handed to its client at once).</summary>
    public int CallsInFlight
    {
        get
        {
            EnterAndAdmit();
            int inUse = _calls.InUse;
            Leave();
            return inUse;
        }
    }

    /// <inheritdoc/>
    public override Cqe Call(in Sqe request)
    {
        if (Volatile.Read(ref _closed) != 0)
        {
            return Cqe.Respond(0, Errno.EIO);
        }
        CallSlot slot = CallSlot.For(this, out bool created);
        if (created)
        {
            _gate.Enter();
            _calls.Register(slot);
            Leave();
        }
        uint number = slot.Publish(in request);
        _gate.Knock();
        if (Volatile.Read(ref _closed) != 0 || (request.Flags & SqeFlags.OneWay) != 0)
        {
            // A close whose last admission did not see our call: admit it ourselves, so it is answered EIO. A one-way
            // message waits for no answer: admitted (queued for the driver), it is answered at once.
            EnterAndAdmit();
            Leave();
        }
        PostSocket();
        // The call's time counts from its publication: read after the request is out, the clock costs nothing on the
        // round trip, as the driver is working by then. A call waiting for a free table slot waits within it too.
        int timeoutMs = Kernel.CallTimeoutMs;
        long start = Stopwatch.GetTimestamp();
        while (true)
        {
            int remaining = WaitTime.Remaining(start, timeoutMs);
            if (remaining != 0 && slot.Wait(number, Slice(remaining)))
            {
                return slot.Response;
            }
            // A slice without an answer: look at the driver, and give up once the time is over.
            bool ownerGone = Owner is { IsAlive: false };
            if (!ownerGone && WaitTime.Remaining(start, timeoutMs) == 0)
            {
                EnterAndAdmit();
                if (!_calls.Abandon(slot, number, out uint tag, out bool cancelled))
                {
                    Leave();
                    return slot.Response;      // answered meanwhile
                }
                Leave(); // a Cancel message left queued wakes the driver here
                if (cancelled)
                {
                    PostSocket();
                }
                return Cqe.Respond(tag, Errno.ETIMEDOUT);
            }
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
                // Spins (then sleeps), polling the clients' slots and the gate's Pending flag, until a client
                // publishes a call or an exit leaves something, then takes the lock.
                _gate.EnterWhenPending(_calls);
            }
            _calls.Admit();
            if (_calls.IsClosed)
            {
                Leave();
                return SyscallResult.Ok(0);
            }
            int n = _calls.Receive(requests);
            Leave();
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
        // Each answer is collected for its client and written into the client's own line, which wakes it; the lock
        // is the driver's own on this path, so holding it while clients wake delays nobody.
        _gate.Enter();
        foreach (ref readonly Cqe cqe in responses)
        {
            if (cqe.Kind != CqeOpcode.SendFevent)
            {
                _calls.Answer(in cqe);
            }
        }
        _calls.Refill();      // answers freed slots: calls waiting for one go in
        Leave();
        return SyscallResult.Ok((ulong)source.Length);
    }

    /// <summary>
    /// An <c>event:</c> queue starts watching the socket: from now on queued requests post EVENT_READ. The value is the
    /// readiness now: EVENT_READ while messages wait or once the scheme is closed (a read then answers 0).
    /// </summary>
    internal EventFlags WatchSocket()
    {
        _socketWatched = true;
        EnterAndAdmit();
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
        // Closed first, then a full fence, then the last admission: a call it does not see sees _closed and admits itself.
        Interlocked.Exchange(ref _closed, 1);
        _calls.Admit();
        _calls.Close();
        Leave(); // closed: Pending stays set, so the driver's reads answer 0 from now on
        PostSocket();
    }

    /// <summary>True once the scheme is closed (its clients' slots can be dropped).</summary>
    internal bool IsClosed => Volatile.Read(ref _closed) != 0;

    // Takes the gate and the calls published so far: whoever holds the gate runs them.
    private void EnterAndAdmit()
    {
        _gate.Enter();
        _calls.Admit();
    }

    /// <summary>Leaves the gate, publishing whether the driver has something to read (messages, or the end of the scheme).</summary>
    private void Leave() => _gate.Exit(_calls.Queued > 0 || _calls.IsClosed);

    private static int Slice(int remaining) => remaining < 0 || remaining > LivenessCheckMs ? LivenessCheckMs : remaining;
}
