using Redox.Kernel.Arch;
using Redox.Kernel.Ipc;
using Redox.Kernel.Processes;
using Redox.Kernel.Scheduling;
using Redox.Syscall;

namespace Redox.Kernel.Schemes;

/// <summary>
/// A client's call into a user scheme: its buffer is copied into the call slot's driver-side buffer (or checked, when
/// the driver fills it), the request queued, the CPU handed straight to the driver if it waits on its socket, and the
/// client blocked until the answer (or EIO when the driver goes away). No heap allocation on the way.
/// </summary>
[System.Runtime.CompilerServices.SkipLocalsInit]           // no local is read before it is written
public static unsafe class SchemeCall
{
    /// <summary>
    /// Sends <paramref name="request"/> from <paramref name="client"/>. Its buffer, if <paramref name="use"/> says it has one,
    /// is the (pointer, length) pair at args <paramref name="bufferArg"/> and <paramref name="bufferArg"/>+1, pointing into
    /// the client; lengths above <see cref="UserScheme.BufferSize"/> are cut to it. The value is the driver's answer.
    /// </summary>
    public static SyscallResult Send(Process client, UserScheme scheme, Sqe request, int bufferArg, BufferUse use, out Cqe answer)
        => Send(client, scheme, ref request, bufferArg, use, out answer);

    /// <summary>
    /// <see cref="Send(Process, UserScheme, Sqe, int, BufferUse, out Cqe)"/> on the caller's request, which it completes in
    /// place (caller, buffer), with no copy of the 64-byte request on the way in.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static SyscallResult Send(Process client, UserScheme scheme, ref Sqe request, int bufferArg, BufferUse use, out Cqe answer)
    {
        System.Runtime.CompilerServices.Unsafe.SkipInit(out answer);
        return SendOutOfLine(client, scheme, ref request, bufferArg, use, ref System.Runtime.CompilerServices.Unsafe.As<Cqe, CqeWords>(ref answer));
    }

    /// <summary>
    /// <see cref="Send(Process, UserScheme, ref Sqe, int, BufferUse, out Cqe)"/> for a caller that needs only the value
    /// and has interrupts off already: the read/write path's form (read, write, pread, pwrite). The system call entry
    /// leaves interrupts off for read and write, so the round trip takes no guard of its own. It is compiled into each
    /// caller, where the buffer's argument and use are constants: one frame less on the round trip, and the branches
    /// on them folded away.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static SyscallResult SendLocked(Process client, UserScheme scheme, ref Sqe request, int bufferArg, BufferUse use)
    {
        System.Runtime.CompilerServices.Unsafe.SkipInit(out CqeWords answer);
        return SendLocked(client, scheme, ref request, bufferArg, use, ref answer);
    }

    // Every other call (open, dup, fstat, ...) shares one out-of-line copy, which takes the guard.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static SyscallResult SendOutOfLine(Process client, UserScheme scheme, ref Sqe request, int bufferArg, BufferUse use, ref CqeWords answer)
    {
        using InterruptGuard guard = InterruptGuard.Enter();
        return SendLocked(client, scheme, ref request, bufferArg, use, ref answer);
    }

    // Interrupts off on entry. The answer travels as two words: a Cqe local (its ExtraRaw is a fixed buffer) would
    // give every caller a stack cookie.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static SyscallResult SendLocked(Process client, UserScheme scheme, ref Sqe request, int bufferArg, BufferUse use, ref CqeWords answer)
    {
        answer = default;
        request.Caller = (ulong)client.Id;
        request.Arg5 = 0;                      // uid | gid << 32: every process runs as root (0, 0) for now
        ulong address = bufferArg == 0 ? request.Arg0 : request.Arg1;
        ulong length = bufferArg == 0 ? request.Arg1 : request.Arg2;
        if (use == BufferUse.None) length = 0;
        if (length > UserScheme.BufferSize) length = UserScheme.BufferSize;
        Process? driver = scheme.Owner;
        if (driver is null || scheme.Calls.IsClosed) return Errno.EIO;
        int slot = scheme.Calls.NextSlot;
        if (slot < 0) return Errno.EAGAIN;
        if (use != BufferUse.None)
        {
            ulong target = scheme.BufferFor(slot);
            ulong firstLeaf = 0;
            Errno error = use == BufferUse.In || use == BufferUse.InCount || use == BufferUse.InOutWhole
                ? UserMemory.CopyAcross(driver.Space, target, address, length)
                : UserMemory.Check(client.Space, address, length, write: true, out firstLeaf);
            if (error != 0) return error;
            if (bufferArg == 0) { request.Arg0 = length == 0 ? 0 : target; request.Arg1 = length; }
            else { request.Arg1 = length == 0 ? 0 : target; request.Arg2 = length; }
            ref CallTransfer transfer = ref scheme.Transfers[slot];
            Runtime.BarrierFree.Store(ref transfer.Client, client);
            transfer.Address = address;
            transfer.Length = length;
            transfer.Use = use;
            transfer.FirstLeaf = firstLeaf;
        }
        KernelThread? reader = scheme.Reader;
        if (reader is not null)
        {
            // The driver waits on its socket with nothing queued: the call is delivered to it as it runs.
            scheme.Reader = null;
            if (scheme.Calls.HandOver(request, Threads.Current, out slot, out _)) scheme.HandedTag = scheme.Calls.TagOf(slot);
            Threads.BlockAndSwitchToLocked(reader);
        }
        else
        {
            scheme.Calls.Submit(request, Threads.Current, out slot);
            // The driver may be waiting on an event queue that watches its socket (with its irq: lines).
            EventQueues.PostSocket(scheme);
            Threads.Block();
        }
        while (!scheme.Calls.Collect(slot, out System.Runtime.CompilerServices.Unsafe.As<CqeWords, Cqe>(ref answer)))
        {
            if (client.KillPending)
            {
                // Killed while waiting: withdraw the call (or have the driver told it is cancelled) and leave.
                scheme.Calls.Abandon(slot);
                scheme.Transfers[slot] = default;
                if (scheme.Calls.Queued > 0) UserSchemes.WakeReader(scheme);
                return Errno.EINTR;
            }
            Threads.Block();
        }
        scheme.Transfers[slot] = default;
        return SyscallResult.Demux(answer.Result);
    }
}
