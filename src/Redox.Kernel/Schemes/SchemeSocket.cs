using Redox.Kernel.Arch.X64;
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
    {
        UserScheme scheme = socket.Scheme!;
        ulong count = length / (ulong)sizeof(Sqe);
        if (count == 0) return Errno.EINVAL;
        if (count > Batch) count = Batch;
        Errno error;
        Sqe* batch = stackalloc Sqe[Batch];
        using InterruptGuard guard = InterruptGuard.Enter();
        while (true)
        {
            if (scheme.Calls.IsClosed) return SyscallResult.Ok(0);
            int queued = scheme.Calls.Queued;
            if (queued > 0)
            {
                // Checked before the requests leave the queue: a bad buffer must not lose them.
                ulong bytes = (ulong)(queued < (int)count ? queued : (int)count) * (ulong)sizeof(Sqe);
                error = UserMemory.Check(driver.Space, buffer, bytes, write: true);
                if (error != 0) return error;
                int n = scheme.Calls.Receive(new Span<Sqe>(batch, (int)(bytes / (ulong)sizeof(Sqe))));
                UserMemory.CopyOutChecked(buffer, batch, (ulong)n * (ulong)sizeof(Sqe));
                return SyscallResult.Ok((ulong)n * (ulong)sizeof(Sqe));
            }
            if ((socket.Flags & (uint)OpenFlags.NonBlock) != 0) return Errno.EAGAIN;
            if (driver.KillPending) return Errno.EINTR;
            scheme.Reader = Threads.Current;
            Threads.Block();
            if (scheme.Reader == Threads.Current) scheme.Reader = null;
        }
    }

    /// <summary>write(socket, buf, len): whole answers (and readiness posts); the value is the bytes taken.</summary>
    public static SyscallResult WriteResponses(Process driver, KernelFile socket, ulong buffer, ulong length)
    {
        UserScheme scheme = socket.Scheme!;
        if (length % (ulong)sizeof(Cqe) != 0) return Errno.EINVAL;
        if (!UserLayout.Contains(buffer, length)) return Errno.EFAULT;
        Errno error;
        Cqe* batch = stackalloc Cqe[Batch];
        KernelThread? last = null;
        for (ulong done = 0; done < length;)
        {
            ulong bytes = length - done;
            if (bytes > Batch * (ulong)sizeof(Cqe)) bytes = Batch * (ulong)sizeof(Cqe);
            error = UserMemory.CopyIn(driver.Space, batch, buffer + done, bytes);
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
        // The fast path: the last client answered runs at once; the driver stays ready and reads on in its turn.
        if (last is not null && !Threads.WakeAndSwitchTo(last)) Threads.Wake(last);
        return SyscallResult.Ok(length);
    }

    /// <summary>Completes one call with <paramref name="response"/>; the client to wake, or null.</summary>
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
    private static Cqe CopyBack(Process driver, UserScheme scheme, int slot, Cqe response)
    {
        ref CallTransfer transfer = ref scheme.Transfers[slot];
        if (transfer.Client is null || transfer.Use == BufferUse.None || transfer.Use == BufferUse.In) return response;
        SyscallResult result = SyscallResult.Demux(response.Result);
        if (result.IsError) return response;
        if (transfer.Use == BufferUse.InCount) return result.Value > transfer.Length ? Cqe.Respond(response.Tag, Errno.EIO) : response;
        ulong count = transfer.Use == BufferUse.OutCount ? result.Value : transfer.Length;
        if (count > transfer.Length) return Cqe.Respond(response.Tag, Errno.EIO);
        Errno error = UserMemory.CopyAcross(transfer.Client.Space, transfer.Address, driver.Space, scheme.BufferFor(slot), count);
        return error != 0 ? Cqe.Respond(response.Tag, error) : response;
    }
}
