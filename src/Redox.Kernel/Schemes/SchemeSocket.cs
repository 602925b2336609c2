using System.Runtime.CompilerServices;
using Redox.Kernel.Arch;
using Redox.Kernel.Ipc;
using Redox.Kernel.Processes;
using Redox.Kernel.Scheduling;
using Redox.Syscall;

namespace Redox.Kernel.Schemes;

/// <summary>
/// The driver's side of a scheme: <c>read</c> on its socket takes whole requests (blocking until one comes),
/// <c>write</c> gives whole answers. An answer's bytes are copied to its client here, in the driver's call, while the
/// client is still blocked; an answer that claims more bytes than the client asked for is turned into EIO, one with a
/// tag of no call in flight is dropped. Neither can reach another client.
/// </summary>
[System.Runtime.CompilerServices.SkipLocalsInit]           // the request and answer batches are filled before use
public static unsafe class SchemeSocket
{
    /// <summary>Requests handed over per read (the rest wait for the next one).</summary>
    public const int Batch = 16;

    /// <summary>read(socket, buf, len): whole requests; blocks while there are none (EAGAIN with O_NONBLOCK).</summary>
    public static SyscallResult ReadRequests(Process driver, KernelFile socket, ulong buffer, ulong length)
        => ReadRequests(driver, socket, buffer, length, answered: null);

    /// <summary>write(socket, buf, len): whole answers (and readiness posts); the value is the bytes taken.</summary>
    public static SyscallResult WriteResponses(Process driver, KernelFile socket, ulong buffer, ulong length)
    {
        SyscallResult taken = TakeAnswers(socket.Scheme!, buffer, length, out KernelThread? last);
        // The fast path: the last client answered runs at once; the driver stays ready and reads on in its turn.
        if (last is not null && !Threads.WakeAndSwitchTo(last)) Threads.Wake(last);
        return taken;
    }

    /// <summary>
    /// SYS_CALL on the socket (<see cref="SocketCall"/>, our extension): <c>[AnswerThenRead, answers, length]</c> takes the
    /// answers as <see cref="WriteResponses"/> does, then reads requests as a socket <c>read</c> does. When it
    /// must wait, the CPU goes straight to the last client answered while the driver blocks: a round trip is then two
    /// system calls and two switches, neither through the run queue.
    /// </summary>
    public static SyscallResult Call(Process driver, KernelFile socket, ulong requests, ulong length, ulong flagsAndCount, ulong metadata)
    {
        if (flagsAndCount != ((ulong)CallFlags.Read | 3)) return Errno.EINVAL;
        SocketCallWords words;          // a struct, not a stackalloc: no stack cookie
        Errno error = UserMemory.CopyIn(&words, metadata, (ulong)sizeof(SocketCallWords));
        if (error != 0) return error;
        if (words.Operation != SocketCall.AnswerThenRead) return Errno.EINVAL;
        return AnswerThenRead(driver, socket, requests, length, words.Answers, words.AnswersLength);
    }

    /// <summary>
    /// SYS_ANSWER_THEN_READ(socket, requests, length, answers, answers_length), the same as <see cref="Call"/>'s
    /// <c>AnswerThenRead</c> with its words in registers: takes the answers as <see cref="WriteResponses"/> does, then
    /// reads requests as a socket <c>read</c> does. When it must wait, the CPU goes straight to the last client
    /// answered while the driver blocks: a round trip is then two system calls and two switches, neither through the
    /// run queue.
    /// </summary>
    public static SyscallResult AnswerThenRead(Process driver, KernelFile socket, ulong requests, ulong length, ulong answers, ulong answersLength)
    {
        if (answersLength == (ulong)sizeof(Cqe))
        {
            // One answer: read as two words, then taken as SYS_ANSWER_ONE_THEN_READ takes it from registers.
            CqeWords words;
            Errno error = UserMemory.CopyIn(&words, answers, (ulong)sizeof(Cqe));
            if (error != 0) return error;
            using InterruptGuard guard = InterruptGuard.Enter();
            return AnswerOneThenReadLocked(driver, socket, requests, length, words);
        }
        KernelThread? answered = null;
        if (answersLength != 0)
        {
            SyscallResult taken = TakeAnswerBatches(socket.Scheme!, answers, answersLength, out answered);
            if (taken.IsError || taken.Value != answersLength)
            {
                if (answered is not null) Threads.Wake(answered);
                return taken.IsError ? taken : Errno.EFAULT;
            }
        }
        return ReadRequests(driver, socket, requests, length, answered);
    }

    /// <summary>
    /// SYS_ANSWER_ONE_THEN_READ(socket, requests, length, answer_head, answer_result): <see cref="AnswerThenRead"/> with
    /// exactly one answer, its two words in registers, the round trip's case (a driver answers one request and waits
    /// for the next), so no driver memory is read for it. Answered and the wait begun with interrupts off, in one
    /// frame: the system call entry leaves them off for this call, so it takes no guard of its own.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static SyscallResult AnswerOneThenReadLocked(Process driver, KernelFile socket, ulong requests, ulong length, CqeWords answer)
    {
        UserScheme scheme = socket.Scheme!;
        return ReadRequestsLocked(driver, socket, scheme, requests, length, Answer(scheme, Unsafe.As<CqeWords, Cqe>(ref answer)));
    }

    /// <summary>The metadata words of <see cref="Call"/>.</summary>
    private struct SocketCallWords
    {
        public ulong Operation, Answers, AnswersLength;
    }

    /// <summary>Requests into the driver; <paramref name="answered"/>, a client just answered, runs first if the driver must wait.</summary>
    private static SyscallResult ReadRequests(Process driver, KernelFile socket, ulong buffer, ulong length, KernelThread? answered)
    {
        using InterruptGuard guard = InterruptGuard.Enter();
        return ReadRequestsLocked(driver, socket, socket.Scheme!, buffer, length, answered);
    }

    /// <summary><see cref="ReadRequests(Process, KernelFile, ulong, ulong, KernelThread?)"/> with interrupts off already.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static SyscallResult ReadRequestsLocked(Process driver, KernelFile socket, UserScheme scheme, ulong buffer, ulong length, KernelThread? answered)
    {
        ulong count = length / (ulong)sizeof(Sqe);
        if (count > Batch) count = Batch;
        SyscallResult result;
        while (true)
        {
            if (count == 0) { result = Errno.EINVAL; break; }
            if (scheme.HandedTag != 0 && TakeHandedOver(scheme, buffer, out result)) break;
            if (scheme.Calls.IsClosed) { result = SyscallResult.Ok(0); break; }
            if (scheme.Calls.Queued > 0)
            {
                result = TakeQueued(scheme, buffer, (int)count);
                break;
            }
            if ((socket.Flags & (uint)OpenFlags.NonBlock) != 0) { result = Errno.EAGAIN; break; }
            if (driver.KillPending) { result = Errno.EINTR; break; }
            Runtime.BarrierFree.Store(ref scheme.Reader, Threads.Current);
            if (answered is not null)
            {
                Threads.BlockAndSwitchToLocked(answered);
                answered = null;
            }
            else Threads.Block();
            if (scheme.Reader == Threads.Current) scheme.Reader = null;
        }
        // Requests were waiting already (or the read failed): the answered client queues up like any woken thread.
        if (answered is not null) Threads.Wake(answered);
        return result;
    }

    /// <summary>
    /// Up to <paramref name="count"/> queued messages into the driver's buffer, taken from the queue only once they are
    /// there: a bad buffer must not lose them. (Its own method: the batch on the stack stays off the hand-over path.)
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static SyscallResult TakeQueued(UserScheme scheme, ulong buffer, int count)
    {
        Sqe* batch = stackalloc Sqe[Batch];
        int queued = scheme.Calls.Queued;
        int n = scheme.Calls.Peek(new Span<Sqe>(batch, queued < count ? queued : count));
        ulong bytes = (ulong)n * (ulong)sizeof(Sqe);
        Errno error = UserMemory.CopyOut(buffer, batch, bytes);
        if (error != 0) return error;
        scheme.Calls.Consume(n);
        return SyscallResult.Ok(bytes);
    }

    /// <summary>
    /// The call a client handed over while this driver waited (<see cref="UserScheme.HandedTag"/>) into the driver's
    /// buffer; if that copy fails the call goes back to the head of the queue, so a bad buffer loses nothing.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool TakeHandedOver(UserScheme scheme, ulong buffer, out SyscallResult result)
    {
        uint tag = scheme.HandedTag;
        scheme.HandedTag = 0;
        result = default;
        int slot = (int)(tag & 0xFF);
        // Answered EIO by a close meanwhile (or anything else that moved it): the queue and the closed flag say the rest.
        if (!scheme.Calls.Holds(tag, CallState.Delivered) && !scheme.Calls.Holds(tag, CallState.Cancelling)) return false;
        // Straight from the slot: the kernel's heap never moves what it holds.
        Errno error = UserMemory.CopyOut(buffer, Unsafe.AsPointer(ref Unsafe.AsRef(in scheme.Calls.RequestOf(slot))), (ulong)sizeof(Sqe));
        if (error != 0) scheme.Calls.Undeliver(slot);
        result = error != 0 ? error : SyscallResult.Ok((ulong)sizeof(Sqe));
        return true;
    }

    /// <summary>Completes the calls answered in the driver's buffer; <paramref name="last"/> is the last client to wake, the others are woken.</summary>
    private static SyscallResult TakeAnswers(UserScheme scheme, ulong buffer, ulong length, out KernelThread? last)
    {
        last = null;
        if (length != (ulong)sizeof(Cqe)) return TakeAnswerBatches(scheme, buffer, length, out last);
        // One answer, the round trip's case: read as two words (a Cqe local, with its fixed buffer, would cost a stack cookie).
        CqeWords words;
        Errno error = UserMemory.CopyIn(&words, buffer, (ulong)sizeof(Cqe));
        if (error != 0) return error;
        using (InterruptGuard.Enter()) last = Answer(scheme, Unsafe.As<CqeWords, Cqe>(ref words));
        return SyscallResult.Ok(length);
    }

    /// <summary><see cref="TakeAnswers"/> of any number of answers, <see cref="Batch"/> at a time.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static SyscallResult TakeAnswerBatches(UserScheme scheme, ulong buffer, ulong length, out KernelThread? last)
    {
        last = null;
        if (length % (ulong)sizeof(Cqe) != 0) return Errno.EINVAL;
        if (!UserLayout.Contains(buffer, length)) return Errno.EFAULT;
        Cqe* batch = stackalloc Cqe[Batch];
        for (ulong done = 0; done < length;)
        {
            ulong bytes = length - done;
            if (bytes > Batch * (ulong)sizeof(Cqe)) bytes = Batch * (ulong)sizeof(Cqe);
            Errno error = UserMemory.CopyIn(batch, buffer + done, bytes);
            if (error != 0) return done == 0 ? error : SyscallResult.Ok(done);
            int n = (int)(bytes / (ulong)sizeof(Cqe));
            using (InterruptGuard.Enter())
            {
                for (int i = 0; i < n; i++)
                {
                    KernelThread? client = Answer(scheme, batch[i]);
                    if (client is null) continue;
                    if (last is not null) Threads.Wake(last);
                    last = client;
                }
            }
            done += bytes;
        }
        return SyscallResult.Ok(length);
    }

    /// <summary>Completes one call with <paramref name="response"/>; the client to wake, or null.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static KernelThread? Answer(UserScheme scheme, in Cqe response)
    {
        if (response.Kind == CqeOpcode.SendFevent)
        {
            EventQueues.Post(scheme, response.Result, response.Tag);
            return null;
        }
        int slot = (int)(response.Tag & 0xFF);
        // Checked before any byte moves: an answer with a tag of no call in flight copies nothing to anybody.
        if (!scheme.Calls.Holds(response.Tag, CallState.Delivered))
        {
            scheme.DroppedAnswers++;
            return null;
        }
        Errno failure = response.Kind != CqeOpcode.RespondRegular ? Errno.EOPNOTSUPP : CopyBack(scheme, slot, response.Result);
        // The tag was checked above, under this same lock: completed without a second check.
        if (failure == 0) return scheme.Calls.CompleteHeld(response);   // the client clears its slot's transfer when it collects the answer
        // Answered with the errno instead, built as words: a Cqe local here would cost the hot path a stack cookie.
        CqeWords failed = CqeWords.Respond(response.Tag, failure);
        return scheme.Calls.CompleteHeld(Unsafe.As<CqeWords, Cqe>(ref failed));
    }

    /// <summary>
    /// Copies the answered bytes to the client; 0, or the errno the call answers instead (a count larger than the
    /// buffer is the driver's error: EIO).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static Errno CopyBack(UserScheme scheme, int slot, ulong muxedResult)
    {
        ref CallTransfer transfer = ref scheme.Transfers[slot];
        BufferUse use = transfer.Use;
        if (use == BufferUse.None || use == BufferUse.In || transfer.Client is null) return 0;
        SyscallResult result = SyscallResult.Demux(muxedResult);
        if (result.IsError) return 0;
        if (use == BufferUse.InCount) return result.Value > transfer.Length ? Errno.EIO : 0;
        ulong count = use == BufferUse.OutCount ? result.Value : transfer.Length;
        if (count > transfer.Length) return Errno.EIO;
        return UserMemory.CopyAcross(transfer.Client.Space, transfer.Address, scheme.BufferFor(slot), count, transfer.FirstLeaf);
    }
}
