using Redox.Kernel.Processes;
using Redox.Kernel.Schemes;
using Redox.Syscall;

namespace Redox.Kernel.Syscalls;

/// <summary>
/// The descriptor calls on a user scheme's handle, each turned into its scheme v2 request (the argument orders of
/// redox_syscall 0.9.3, as SchemeDispatcher decodes them) and sent to the driver. The kernel keeps the offset of a
/// positioned handle, as Redox's does.
/// </summary>
[System.Runtime.CompilerServices.SkipLocalsInit]           // every local is written before it is read (the metadata words explicitly)
public static class SchemeHandleCalls
{
    /// <summary>
    /// The descriptor calls only user schemes implement (fsync, ftruncate, fevent, fchmod, fchown, frename, flink,
    /// fstatvfs, futimens, getdents, and read2/write2 at an explicit offset), by call number; false when <paramref name="number"/> is none of them.
    /// On a kernel scheme's descriptor fsync succeeds (nothing is buffered) and the rest answer EBADF.
    /// </summary>
    public static bool TryDispatch(Process process, nuint number, ulong fd, ulong b, ulong c, ulong d, ulong e, out SyscallResult result)
    {
        switch (number)
        {
            case SyscallNumbers.Fsync: case SyscallNumbers.Ftruncate: case SyscallNumbers.Fevent: case SyscallNumbers.Fchmod:
            case SyscallNumbers.Fchown: case SyscallNumbers.Frename: case SyscallNumbers.Flink: case SyscallNumbers.Fstatvfs:
            case SyscallNumbers.Futimens: case SyscallNumbers.Getdents:
            case SyscallNumbers.Read2: case SyscallNumbers.Write2:
                break;
            default:
                result = default;
                return false;
        }
        KernelFile? file = process.Files.Get(fd);
        if (file is null || file.Kind == KernelFileKind.SchemeSocket) result = Errno.EBADF;
        else if (file.Kind != KernelFileKind.SchemeHandle) result = number == SyscallNumbers.Fsync ? SyscallResult.Ok(0) : Errno.EBADF;
        else result = number switch
        {
            SyscallNumbers.Fsync => Simple(process, file, Opcode.Fsync),
            SyscallNumbers.Ftruncate => Simple(process, file, Opcode.Ftruncate, b),
            SyscallNumbers.Fevent => Simple(process, file, Opcode.Fevent, b),
            SyscallNumbers.Fchmod => Simple(process, file, Opcode.Fchmod, b),
            SyscallNumbers.Fchown => Simple(process, file, Opcode.Fchown, b, c),
            SyscallNumbers.Frename => Give(process, file, Opcode.Frename, b, c),
            SyscallNumbers.Flink => Give(process, file, Opcode.Flink, b, c),
            SyscallNumbers.Futimens => Give(process, file, Opcode.Futimens, b, c),
            SyscallNumbers.Fstatvfs => Fill(process, file, Opcode.Fstatvfs, b, c),
            SyscallNumbers.Getdents => Fill(process, file, Opcode.Getdents, b, c, AbiSizes.DirentHeader, e),
            SyscallNumbers.Read2 => (file.Flags & (uint)OpenFlags.AccessMode) == (uint)OpenFlags.WriteOnly ? Errno.EBADF : TransferAt(process, file, Opcode.Read, b, c, d, e),
            _ => (file.Flags & (uint)OpenFlags.AccessMode) == (uint)OpenFlags.ReadOnly ? Errno.EBADF : TransferAt(process, file, Opcode.Write, b, c, d, e),
        };
        return true;
    }

    /// <summary>open("name:path"): the value is a new descriptor.</summary>
    public static SyscallResult Open(Process process, UserScheme scheme, ulong path, ulong length, uint flags)
    {
        Sqe request = Request(Opcode.Open, path, length, flags);
        SyscallResult result = SchemeCall.Send(process, scheme, request, 0, BufferUse.In, out Cqe answer);
        if (result.IsError) return result;
        return Install(process, scheme, flags, result.Value, answer);
    }

    /// <summary>unlink/rmdir("name:path").</summary>
    public static SyscallResult PathCall(Process process, UserScheme scheme, Opcode opcode, ulong path, ulong length)
        => SchemeCall.Send(process, scheme, Request(opcode, path, length), 0, BufferUse.In, out _);

    /// <summary>
    /// read/write: at the kernel-kept offset for a positioned handle (then advanced), else at 0. Interrupts are off
    /// already (<see cref="FileCalls.Read"/>, <see cref="FileCalls.Write"/>).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static SyscallResult Transfer(Process process, KernelFile file, Opcode opcode, ulong buffer, ulong length)
    {
        ulong offset = file.Positioned ? file.Offset : 0;
        Sqe request = Request(opcode, file.HandleId, buffer, length, offset, file.Flags);
        SyscallResult result = SchemeCall.SendLocked(process, file.Scheme!, ref request, 1, opcode == Opcode.Read ? BufferUse.OutCount : BufferUse.InCount);
        if (result.IsOk && file.Positioned) file.Offset = offset + result.Value;
        return result;
    }

    /// <summary>read2/write2 (pread/pwrite): at <paramref name="offset"/> with <paramref name="flags"/>; the kernel's offset stays.</summary>
    public static SyscallResult TransferAt(Process process, KernelFile file, Opcode opcode, ulong buffer, ulong length, ulong offset, ulong flags)
    {
        Sqe request = Request(opcode, file.HandleId, buffer, length, offset, flags);
        using Arch.InterruptGuard guard = Arch.InterruptGuard.Enter();
        return SchemeCall.SendLocked(process, file.Scheme!, ref request, 1, opcode == Opcode.Read ? BufferUse.OutCount : BufferUse.InCount);
    }

    /// <summary>lseek: SEEK_END asks the driver for the size (Fsize); an unpositioned handle is a pipe (ESPIPE).</summary>
    public static SyscallResult Seek(Process process, KernelFile file, long offset, ulong whence)
    {
        if (!file.Positioned) return Errno.ESPIPE;
        long basis;
        switch (whence)
        {
            case 0: basis = 0; break;
            case 1: basis = (long)file.Offset; break;
            case 2:
                SyscallResult size = Simple(process, file, Opcode.Fsize);
                if (size.IsError) return size;
                basis = (long)size.Value;
                break;
            default: return Errno.EINVAL;
        }
        long target = basis + offset;
        if ((offset > 0 && target < basis) || target < 0) return Errno.EINVAL;
        file.Offset = (ulong)target;
        return SyscallResult.Ok((ulong)target);
    }

    /// <summary>dup with a non-empty buffer: the driver makes a new handle (the buffer says what kind).</summary>
    public static SyscallResult Dup(Process process, KernelFile file, ulong buffer, ulong length)
    {
        SyscallResult result = SchemeCall.Send(process, file.Scheme!, Request(Opcode.Dup, file.HandleId, buffer, length), 1, BufferUse.In, out Cqe answer);
        if (result.IsError) return result;
        return Install(process, file.Scheme!, file.Flags, result.Value, answer);
    }

    /// <summary>A call whose buffer the driver fills: fstat/fstatvfs whole, fpath/getdents by count.</summary>
    public static SyscallResult Fill(Process process, KernelFile file, Opcode opcode, ulong buffer, ulong length, ulong arg3 = 0, ulong arg4 = 0)
    {
        BufferUse use = opcode == Opcode.Fstat || opcode == Opcode.Fstatvfs ? BufferUse.OutWhole : BufferUse.OutCount;
        if (opcode == Opcode.Fstat && length < AbiSizes.Stat) return Errno.EINVAL;
        if (opcode == Opcode.Fstatvfs && length < AbiSizes.StatVfs) return Errno.EINVAL;
        if (use == BufferUse.OutWhole) length = (ulong)(opcode == Opcode.Fstat ? AbiSizes.Stat : AbiSizes.StatVfs);
        return SchemeCall.Send(process, file.Scheme!, Request(opcode, file.HandleId, buffer, length, arg3, arg4), 1, use, out _);
    }

    /// <summary>A call whose buffer the driver reads: frename/flink (a path), futimens (times).</summary>
    public static SyscallResult Give(Process process, KernelFile file, Opcode opcode, ulong buffer, ulong length)
        => SchemeCall.Send(process, file.Scheme!, Request(opcode, file.HandleId, buffer, length), 1, BufferUse.In, out _);

    /// <summary>A call without a buffer: fsync, ftruncate, fsize, fevent, fchmod, fchown.</summary>
    public static SyscallResult Simple(Process process, KernelFile file, Opcode opcode, ulong arg1 = 0, ulong arg2 = 0)
        => SchemeCall.Send(process, file.Scheme!, Request(opcode, file.HandleId, arg1, arg2), 1, BufferUse.None, out _);

    /// <summary>SYS_ANSWER_THEN_READ(socket, requests, length, answers, answers_length): a driver's socket only, else EBADF.</summary>
    public static SyscallResult AnswerThenRead(Process process, ulong socket, ulong requests, ulong length, ulong answers, ulong answersLength)
    {
        KernelFile? file = process.Files.Get(socket);
        if (file is null || file.Kind != KernelFileKind.SchemeSocket) return Errno.EBADF;
        return SchemeSocket.AnswerThenRead(process, file, requests, length, answers, answersLength);
    }

    /// <summary>
    /// SYS_ANSWER_ONE_THEN_READ(socket, requests, length, answer_head, answer_result): a driver's socket only, else EBADF.
    /// Called with interrupts off (<see cref="SyscallDispatcher"/>'s contract for it), which it keeps to its switch.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static SyscallResult AnswerOneThenRead(Process process, ulong socket, ulong requests, ulong length, ulong answerHead, ulong answerResult)
    {
        KernelFile? file = process.Files.Get(socket);
        if (file is null || file.Kind != KernelFileKind.SchemeSocket) return Errno.EBADF;
        CqeWords answer;
        answer.Head = answerHead;
        answer.Result = answerResult;
        return SchemeSocket.AnswerOneThenReadLocked(process, file, requests, length, answer);
    }

    /// <summary>
    /// SYS_CALL(fd, ...) by what <paramref name="fd"/> is: a driver's socket first (its answer-then-read is the IPC hot
    /// path), then <c>memory:</c> (physical address translation) and user scheme handles; anything else is EBADF.
    /// </summary>
    public static SyscallResult Call(Process process, ulong fd, ulong payload, ulong length, ulong flagsAndCount, ulong metadata)
    {
        KernelFile? file = process.Files.Get(fd);
        if (file is null) return Errno.EBADF;
        if (file.Kind == KernelFileKind.SchemeSocket) return SchemeSocket.Call(process, file, payload, length, flagsAndCount, metadata);
        if (file.Kind == KernelFileKind.Memory) return MemoryScheme.Translate(process, file, payload, length);
        if (file.Kind != KernelFileKind.SchemeHandle) return Errno.EBADF;
        return Call(process, file, payload, length, flagsAndCount, metadata);
    }

    /// <summary>
    /// SYS_CALL(fd, payload, len, flags | metadata count, metadata): the payload goes to the driver with CallFlags.Write
    /// and back with CallFlags.Read (whole, on success: the call's value is the driver's to define, not a count); up to
    /// three metadata words travel inline in args 3..5 (as the Redox kernel puts them). Descriptor passing is not offered.
    /// </summary>
    public static unsafe SyscallResult Call(Process process, KernelFile file, ulong payload, ulong length, ulong flagsAndCount, ulong metadata)
    {
        ulong flags = flagsAndCount & ~0xFFUL;
        const ulong known = (ulong)(CallFlags.Write | CallFlags.Read);
        if ((flags & ~known) != 0) return Errno.EINVAL;      // descriptor passing and std-fs calls are not offered
        bool give = (flags & (ulong)CallFlags.Write) != 0, take = (flags & (ulong)CallFlags.Read) != 0;
        BufferUse use = give && take ? BufferUse.InOutWhole : give ? BufferUse.In : take ? BufferUse.OutWholeCall : BufferUse.None;
        int count = (int)(flagsAndCount & 0xFF);
        if (count > 3) return Errno.EINVAL;
        ulong* words = stackalloc ulong[3];
        words[0] = words[1] = words[2] = 0;
        Errno error = UserMemory.CopyIn(words, metadata, (ulong)count * 8);
        if (error != 0) return error;
        // Without either flag no payload travels: the driver sees none (never the client's raw pointer).
        Sqe request = use == BufferUse.None
            ? Request(Opcode.Call, file.HandleId, 0, 0, words[0], words[1])
            : Request(Opcode.Call, file.HandleId, payload, length, words[0], words[1]);
        request.Arg5 = words[2];
        return SchemeCall.Send(process, file.Scheme!, request, 1, use, out _);
    }

    private static SyscallResult Install(Process process, UserScheme scheme, uint flags, ulong handleId, in Cqe answer)
    {
        KernelFile file = UserSchemes.NewHandle(scheme, flags, handleId, (answer.NewFdFlags & NewFdFlags.Positioned) != 0);
        int fd = process.Files.Add(file);
        if (fd >= 0) return SyscallResult.Ok((ulong)fd);
        KernelFiles.Release(file);       // the driver's handle is closed again
        return Errno.EMFILE;
    }

    private static Sqe Request(Opcode opcode, ulong a0 = 0, ulong a1 = 0, ulong a2 = 0, ulong a3 = 0, ulong a4 = 0)
    {
        Sqe request = default;
        request.Opcode = opcode;
        request.Arg0 = a0;
        request.Arg1 = a1;
        request.Arg2 = a2;
        request.Arg3 = a3;
        request.Arg4 = a4;
        return request;
    }
}
