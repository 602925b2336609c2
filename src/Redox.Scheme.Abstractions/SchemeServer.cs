using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Redox.Syscall;

namespace Redox.Scheme;

/// <summary>
/// The request loop of a driver process, through system calls only (so it is the same on bare metal and
/// hosted): <c>read</c> a batch of <see cref="Sqe"/>s from the scheme socket, dispatch each, <c>write</c> the
/// <see cref="Cqe"/>s plus any readiness posts. All buffers are allocated by the constructor.
/// </summary>
[NoAlloc]
public sealed class SchemeServer
{
    private readonly SchemeBase _scheme;
    private readonly nuint _socket;
    private readonly Sqe[] _requests;
    private readonly Cqe[] _responses;
    private readonly UserMemoryWindow _memory;

    /// <summary>A loop serving <paramref name="scheme"/> on socket descriptor <paramref name="socket"/>, up to <paramref name="batch"/> requests per read.</summary>
    public SchemeServer(SchemeBase scheme, nuint socket, int batch = 16, UserMemoryWindow memory = default)
    {
        if (batch < 1)
        {
            batch = 1;
        }
        _scheme = scheme;
        _socket = socket;
        _memory = memory;
        _requests = new Sqe[batch];
        _responses = new Cqe[batch + 8];
    }

    /// <summary>The socket descriptor this loop serves.</summary>
    public nuint Socket => _socket;

    /// <summary>
    /// Creates the scheme: opens <paramref name="socketPath"/>, which is <c>":name"</c>u8 (Redox's
    /// <c>Socket::create</c>); the value is the socket descriptor.
    /// </summary>
    public static SyscallResult CreateSocket(ReadOnlySpan<byte> socketPath)
        => Sys.Open(socketPath, OpenFlags.Create | OpenFlags.ReadWrite | OpenFlags.CloseOnExec);

    /// <summary>
    /// Serves one batch: blocks for requests, answers them. The value is the number of requests handled;
    /// 0 means the socket reached its end (the scheme was removed); an error ends the loop.
    /// </summary>
    [NoAlloc]
    public SyscallResult RunOnce()
    {
        Span<byte> requestBytes = MemoryMarshal.AsBytes(new Span<Sqe>(_requests));
        SyscallResult read = Sys.Read(_socket, requestBytes);
        if (read.IsError)
        {
            return read;
        }
        int count = (int)(read.Value / (ulong)RequestCodec.RequestSize);
        int answers = 0;
        for (int i = 0; i < count; i++)
        {
            if (SchemeDispatcher.Dispatch(_scheme, in _requests[i], in _memory, out Cqe response))
            {
                _responses[answers++] = response;
            }
        }
        SyscallResult flushed = Flush(answers);
        if (flushed.IsError)
        {
            return flushed;
        }
        return SyscallResult.Ok((ulong)count);
    }

    /// <summary>
    /// Serves until the socket ends or fails; the value is the number of requests handled. Each batch's answers go
    /// back in the same system call that waits for the next batch (<see cref="SyscallNumbers.AnswerThenRead"/>; a single
    /// answer in two registers, <see cref="SyscallNumbers.AnswerOneThenRead"/>), so a request costs the driver one call,
    /// and the kernel can run the answered client while the driver waits.
    /// </summary>
    [NoAlloc]
    public unsafe SyscallResult Run()
    {
        // Everything the loop touches is read once, before it: each round trip is a system call and a dispatch, and
        // the loop's own share should be a handful of instructions (benchmarks/README.md, "driver loop").
        ulong total = 0;
        SchemeBase scheme = _scheme;
        EventOutbox events = scheme.Events;
        Sqe[] requests = _requests;
        Cqe[] responses = _responses;
        nuint socket = _socket;
        nuint requestBytes = (nuint)(requests.Length * RequestCodec.RequestSize);
        UserMemoryWindow memory = _memory;
        int pending = 0;
        // Both batches are pinned once, for the whole loop: the call is then a raw system call on two addresses, where
        // Sys.AnswerThenRead would pin, and so zero and clear two pinned locals, on every request.
        fixed (Sqe* requestsAt = requests)
        fixed (Cqe* responsesAt = responses)
        {
            while (true)
            {
                // Readiness posts ride with the answers. The outbox is nearly always empty: one load says so.
                if (events.Count != 0)
                {
                    SyscallResult taken = TakePosts(pending);
                    if (taken.IsError)
                    {
                        return taken;
                    }
                    pending = (int)taken.Value;
                }
                // One answer (the round trip's case) travels in two registers; more, or none, through memory.
                SyscallResult read = pending == 1
                    ? Sys.Call(SyscallNumbers.AnswerOneThenRead, socket, (nuint)requestsAt, requestBytes,
                        (nuint)((ulong*)responsesAt)[0], (nuint)((ulong*)responsesAt)[1])
                    : Sys.Call(SyscallNumbers.AnswerThenRead, socket, (nuint)requestsAt, requestBytes,
                        (nuint)responsesAt, (nuint)(pending * RequestCodec.ResponseSize));
                if (read.IsError)
                {
                    return read;
                }
                int count = (int)(read.Value / (ulong)RequestCodec.RequestSize);
                if (count == 0)
                {
                    return SyscallResult.Ok(total);
                }
                // Each answer is written straight into its slot; a one-way message's slot is taken by the next answer. (By
                // address: the kernel gave at most a batch of requests, and TakePosts keeps the answers within the array.)
                Sqe* request = requestsAt;
                Sqe* end = requestsAt + count;
                Cqe* answer = responsesAt;
                do
                {
                    if (SchemeDispatcher.Dispatch(scheme, in *request, in memory, out *answer))
                    {
                        answer++;
                    }
                    request++;
                }
                while (request < end);
                pending = (int)(((nuint)answer - (nuint)responsesAt) / (nuint)sizeof(Cqe));   // unsigned: a shift, not a signed division
                total += (ulong)count;
            }
        }
    }

    // Adds the outbox's posts after the pending answers; the value is the new number of responses to send. Posts that
    // do not fit go first, on their own, and the answers stay for the last write. Out of line, and
    // pending passed by value, so the loop keeps its counters in registers: it calls this only when a post waits.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private SyscallResult TakePosts(int pending)
    {
        Span<Cqe> room = new Span<Cqe>(_responses).Slice(pending);
        EventOutbox events = _scheme.Events;
        int posts = events.Drain(room);
        // Posts that fill the room after the answers go first, on their own; the answers ride with the last of them.
        // So a client woken by its answer (the kernel runs it as soon as the answer is taken) finds every post made
        // while its request was served.
        while (posts == room.Length)
        {
            SyscallResult sent = Sys.Write(_socket, MemoryMarshal.AsBytes(room));
            if (sent.IsError)
            {
                return sent;
            }
            posts = events.Drain(room);
        }
        return SyscallResult.Ok((ulong)(pending + posts));
    }

    /// <summary>Sends pending readiness posts (for a loop woken by an interrupt rather than a request).</summary>
    [NoAlloc]
    public SyscallResult FlushEvents() => Flush(0);

    private SyscallResult Flush(int answers)
    {
        var responses = new Span<Cqe>(_responses);
        SyscallResult taken = TakePosts(answers);
        if (taken.IsError)
        {
            return taken;
        }
        int total = (int)taken.Value;
        while (total > 0)
        {
            SyscallResult written = Sys.Write(_socket, MemoryMarshal.AsBytes(responses.Slice(0, total)));
            if (written.IsError)
            {
                return written;
            }
            total = _scheme.Events.Drain(responses);
        }
        return SyscallResult.Ok(0);
    }
}
