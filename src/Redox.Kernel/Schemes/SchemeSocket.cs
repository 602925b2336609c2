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
        SyscallResult taken = TakeAnswers(driver, socket.Scheme!, buffer, length, out KernelThread? last);
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
        ulong* words = stackalloc ulong[3];
        Errno error = UserMemory.CopyIn(words, metadata, 3 * sizeof(ulong));
        if (error != 0) return error;
        if (words[0] != SocketCall.AnswerThenRead) return Errno.EINVAL;
        KernelThread? answered = null;
        if (words[2] != 0)
        {
            SyscallResult taken = TakeAnswers(driver, socket.Scheme!, words[1], words[2], out answered);
            if (taken.IsError || taken.Value != words[2])
            {
                if (answered is not null) Threads.Wake(answered);
                return taken.IsError ? taken : Errno.EFAULT;
            }
        }
        return ReadRequests(driver, socket, requests, length, answered);
    }

    /// <summary>Requests into the driver; <paramref name="answered"/>, a client just answered, runs first if the driver must wait.</summary>
    private static SyscallResult ReadRequests(Process driver, KernelFile socket, ulong buffer, ulong length, KernelThread? answered)
    {
        UserScheme scheme = socket.Scheme!;
        ulong count = length / (ulong)sizeof(Sqe);
        if (count > Batch) count = Batch;
        SyscallResult result;
        Sqe* batch = stackalloc Sqe[Batch];
        using InterruptGuard guard = InterruptGuard.Enter();
        while (true)
        {
            if (count == 0) { result = Errno.EINVAL; break; }
            if (scheme.HandedTag != 0 && TakeHandedOver(scheme, buffer, out result)) break;
            if (scheme.Calls.IsClosed) { result = SyscallResult.Ok(0); break; }
            int queued = scheme.Calls.Queued;
            if (queued > 0)
            {
                // Taken from the queue only once they are in the driver's buffer: a bad buffer must not lose them.
                int n = scheme.Calls.Peek(new Span<Sqe>(batch, queued < (int)count ? queued : (int)count));
                ulong bytes = (ulong)n * (ulong)sizeof(Sqe);
                Errno error = UserMemory.CopyOut(buffer, batch, bytes);
                if (error != 0) { result = error; break; }
                scheme.Calls.Consume(n);
                result = SyscallResult.Ok(bytes);
                break;
            }
            if ((socket.Flags & (uint)OpenFlags.NonBlock) != 0) { result = Errno.EAGAIN; break; }
            if (driver.KillPending) { result = Errno.EINTR; break; }
            scheme.Reader = Threads.Current;
            if (answered is not null)
            {
                Threads.BlockAndSwitchTo(answered);
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
        CallState state = scheme.Calls.StateOf(slot);
        // Answered EIO by a close meanwhile (or anything else that moved it): the queue and the closed flag say the rest.
        if ((state != CallState.Delivered && state != CallState.Cancelling) || scheme.Calls.TagOf(slot) != tag) return false;
        Sqe request = scheme.Calls.RequestOf(slot);
        Errno error = UserMemory.CopyOut(buffer, &request, (ulong)sizeof(Sqe));
        if (error != 0) scheme.Calls.Undeliver(slot);
        result = error != 0 ? error : SyscallResult.Ok((ulong)sizeof(Sqe));
        return true;
    }

    /// <summary>Completes the calls answered in the driver's buffer; <paramref name="last"/> is the last client to wake, the others are woken.</summary>
    private static SyscallResult TakeAnswers(Process driver, UserScheme scheme, ulong buffer, ulong length, out KernelThread? last)
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
                    KernelThread? client = Answer(driver, scheme, batch[i]);
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
    private static KernelThread? Answer(Process driver, UserScheme scheme, Cqe response)
    {
        if (response.Kind == CqeOpcode.SendFevent)
        {
            EventQueues.Post(scheme, response.Result, response.Tag);
            return null;
        }
        int slot = (int)(response.Tag & 0xFF);
        if (scheme.Calls.StateOf(slot) != CallState.Delivered || scheme.Calls.TagOf(slot) != response.Tag)
        {
            scheme.DroppedAnswers++;
            return null;
        }
        if (response.Kind != CqeOpcode.RespondRegular) response = Cqe.Respond(response.Tag, Errno.EOPNOTSUPP);
        else response = CopyBack(driver, scheme, slot, response);
        scheme.Calls.Complete(response, out KernelThread? client);
        scheme.Transfers[slot] = default;
        return client;
    }

    /// <summary>Copies the answered bytes to the client; a count larger than the buffer is the driver's error (EIO).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static Cqe CopyBack(Process driver, UserScheme scheme, int slot, Cqe response)
    {
        ref CallTransfer transfer = ref scheme.Transfers[slot];
        if (transfer.Client is null || transfer.Use == BufferUse.None || transfer.Use == BufferUse.In) return response;
        SyscallResult result = SyscallResult.Demux(response.Result);
        if (result.IsError) return response;
        if (transfer.Use == BufferUse.InCount) return result.Value > transfer.Length ? Cqe.Respond(response.Tag, Errno.EIO) : response;
        ulong count = transfer.Use == BufferUse.OutCount ? result.Value : transfer.Length;
        if (count > transfer.Length) return Cqe.Respond(response.Tag, Errno.EIO);
        Errno error = UserMemory.CopyAcross(transfer.Client.Space, transfer.Address, scheme.BufferFor(slot), count, transfer.FirstLeaf);
        return error != 0 ? Cqe.Respond(response.Tag, error) : response;
    }
}
