using Redox.Kernel.Diagnostics;
using Redox.Kernel.Memory;
using Redox.Kernel.Processes;
using Redox.Kernel.Schemes;
using Redox.Syscall;

namespace Redox.Kernel.Syscalls;

/// <summary>
/// The descriptor calls of a ring-3 process on the kernel schemes: open, read, write, close, dup, lseek, fstat,
/// fcntl, fpath. Paths are <c>scheme:path</c> or Redox's <c>/scheme/name/path</c>. Every user buffer is copied
/// through <see cref="UserMemory"/> in bounded chunks on the kernel stack: no heap allocation per call.
/// </summary>
[System.Runtime.CompilerServices.SkipLocalsInit]           // path and chunk buffers are filled before they are read
public static unsafe class FileCalls
{
    /// <summary>Longest path accepted (Redox's PATH_MAX is 4096; our schemes need far less).</summary>
    public const int MaxPath = 256;

    private const int Chunk = 256;
    private const uint AccessMode = (uint)OpenFlags.AccessMode, ReadOnly = (uint)OpenFlags.ReadOnly, WriteOnly = (uint)OpenFlags.WriteOnly;
    private const uint StatusFlags = (uint)(OpenFlags.NonBlock | OpenFlags.Append);   // what F_SETFL may change

    /// <summary>SYS_OPEN(path, length, flags) -> descriptor.</summary>
    public static SyscallResult Open(Process process, ulong path, ulong length, ulong flags)
    {
        byte* buffer = stackalloc byte[MaxPath];
        Errno error = CopyPath(process, path, length, buffer);
        if (error != 0) return error;
        ReadOnlySpan<byte> text = new ReadOnlySpan<byte>(buffer, (int)length);
        uint openFlags = (uint)flags;
        if (text[0] == (byte)':') return UserSchemes.Create(process, text.Slice(1), openFlags);
        if (!SplitScheme(text, out ReadOnlySpan<byte> scheme, out ReadOnlySpan<byte> rest)) return Errno.ENOENT;
        if (scheme.SequenceEqual("event"u8)) return rest.IsEmpty ? EventQueues.Open(process, openFlags) : Errno.ENOENT;
        if (scheme.SequenceEqual("irq"u8)) return IrqLines.Open(process, rest, openFlags);
        if (scheme.SequenceEqual("memory"u8)) return MemoryScheme.Open(process, rest, openFlags);
        if (scheme.SequenceEqual("time"u8)) return TimeScheme.Open(process, rest, openFlags);
        KernelFile? file;
        if (scheme.SequenceEqual("debug"u8)) file = new KernelFile(KernelFileKind.Debug, openFlags, null, 0, null, 0);
        else if (scheme.SequenceEqual("initfs"u8))
        {
            if ((openFlags & AccessMode) != ReadOnly && (openFlags & AccessMode) != 0) return Errno.EROFS;
            file = InitfsScheme.Open(rest, openFlags);
            if (file is null) return Errno.ENOENT;
        }
        else
        {
            UserScheme? target = UserSchemes.Find(scheme);
            if (target is null) return Errno.ENODEV;
            // The rest of the path is a suffix of what the process passed: the driver gets it from there.
            return SchemeHandleCalls.Open(process, target, path + length - (ulong)rest.Length, (ulong)rest.Length, openFlags);
        }
        int fd = process.Files.Add(file);
        if (fd < 0)
        {
            Heap.Free(file);
            return Errno.EMFILE;
        }
        return SyscallResult.Ok((ulong)fd);
    }

    /// <summary>SYS_UNLINK / SYS_RMDIR(path, length): user schemes only (the kernel schemes have nothing to remove).</summary>
    public static SyscallResult PathCall(Process process, Opcode opcode, ulong path, ulong length)
    {
        byte* buffer = stackalloc byte[MaxPath];
        Errno error = CopyPath(process, path, length, buffer);
        if (error != 0) return error;
        ReadOnlySpan<byte> text = new ReadOnlySpan<byte>(buffer, (int)length);
        if (!SplitScheme(text, out ReadOnlySpan<byte> scheme, out ReadOnlySpan<byte> rest)) return Errno.ENOENT;
        if (scheme.SequenceEqual("debug"u8) || scheme.SequenceEqual("initfs"u8)) return Errno.EROFS;
        UserScheme? target = UserSchemes.Find(scheme);
        if (target is null) return Errno.ENODEV;
        return SchemeHandleCalls.PathCall(process, target, opcode, path + length - (ulong)rest.Length, (ulong)rest.Length);
    }

    /// <summary>SYS_CLOSE(fd).</summary>
    public static SyscallResult Close(Process process, ulong fd)
    {
        if (!process.Files.Remove(fd, out KernelFile? released)) return Errno.EBADF;
        if (released is not null) KernelFiles.Release(released);
        return SyscallResult.Ok(0);
    }

    /// <summary>
    /// SYS_DUP(fd, buf, len): with an empty buf a new descriptor on the same description (shared offset), as Redox's
    /// kernel does; with a buf, a user scheme's driver makes a new handle (kernel schemes refuse: EINVAL).
    /// </summary>
    public static SyscallResult Dup(Process process, ulong fd, ulong buffer, ulong length)
    {
        KernelFile? file = process.Files.Get(fd);
        if (file is null) return Errno.EBADF;
        if (length != 0 && file.Kind == KernelFileKind.SchemeHandle) return SchemeHandleCalls.Dup(process, file, buffer, length);
        if (length != 0) return Errno.EINVAL;
        int copy = process.Files.Add(file);
        if (copy < 0) return Errno.EMFILE;
        file.References++;
        return SyscallResult.Ok((ulong)copy);
    }

    /// <summary>
    /// SYS_WRITE(fd, buf, len). Called with interrupts off (<see cref="SyscallDispatcher"/>'s contract for read and
    /// write): a user scheme's transfer runs under them to its switch; every other kind turns them on first.
    /// </summary>
    public static SyscallResult Write(Process process, ulong fd, ulong buffer, ulong length)
    {
        KernelFile? file = process.Files.Get(fd);
        if (file is not null && file.Kind == KernelFileKind.SchemeHandle)      // first: the scheme IPC round trip is the hot path
            return (file.Flags & AccessMode) == ReadOnly ? Errno.EBADF : SchemeHandleCalls.Transfer(process, file, Opcode.Write, buffer, length);
        Arch.Cpu.EnableInterrupts();
        if (file is null) return Errno.EBADF;
        if (file.Kind == KernelFileKind.SchemeSocket) return SchemeSocket.WriteResponses(process, file, buffer, length);
        if (file.Kind == KernelFileKind.EventQueue) return EventQueues.Subscribe(process, file, buffer, length);
        if (file.Kind == KernelFileKind.Irq) return IrqLines.Acknowledge(process, file, buffer, length);
        if (file.Kind == KernelFileKind.Time) return TimeScheme.Write(process, file, buffer, length);
        if ((file.Flags & AccessMode) == ReadOnly) return Errno.EBADF;
        if (file.Kind != KernelFileKind.Debug) return Errno.EBADF;
        Errno error = UserMemory.Check(process.Space, buffer, length, write: false);
        if (error != 0) return error;
        byte* chunk = stackalloc byte[Chunk];
        for (ulong done = 0; done < length;)
        {
            ulong n = length - done < Chunk ? length - done : Chunk;
            error = UserMemory.CopyIn(chunk, buffer + done, n);
            if (error != 0) return done == 0 ? error : SyscallResult.Ok(done);
            // One chunk goes out whole: nothing preempts it halfway and writes into the middle of a line.
            using (Arch.InterruptGuard.Enter()) KernelLog.Write(new ReadOnlySpan<byte>(chunk, (int)n));
            done += n;
        }
        return SyscallResult.Ok(length);
    }

    /// <summary>SYS_READ(fd, buf, len); interrupts off on the way in, as for <see cref="Write"/>.</summary>
    /// <remarks>Compiled into the syscall entry's own handler for it (<see cref="SyscallDispatcher.ReadFromEntry"/>).</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static SyscallResult Read(Process process, ulong fd, ulong buffer, ulong length)
    {
        KernelFile? file = process.Files.Get(fd);
        if (file is not null && file.Kind == KernelFileKind.SchemeHandle)      // first: the scheme IPC round trip is the hot path
            return (file.Flags & AccessMode) == WriteOnly ? Errno.EBADF : SchemeHandleCalls.Transfer(process, file, Opcode.Read, buffer, length);
        Arch.Cpu.EnableInterrupts();
        if (file is null) return Errno.EBADF;
        if (file.Kind == KernelFileKind.SchemeSocket) return SchemeSocket.ReadRequests(process, file, buffer, length);
        if (file.Kind == KernelFileKind.EventQueue) return EventQueues.Wait(process, file, buffer, length);
        if (file.Kind == KernelFileKind.Irq) return IrqLines.Read(process, file, buffer, length);
        if (file.Kind == KernelFileKind.Time) return TimeScheme.Read(process, file, buffer, length);
        if ((file.Flags & AccessMode) == WriteOnly) return Errno.EBADF;
        Errno error = UserMemory.Check(process.Space, buffer, length, write: true);
        if (error != 0) return error;
        if (file.Kind == KernelFileKind.Debug) return SyscallResult.Ok(0);     // no console input: end of file
        ulong left = file.Offset < file.Length ? file.Length - file.Offset : 0;
        ulong count = length < left ? length : left;
        error = UserMemory.CopyOut(buffer, file.Data + file.Offset, count);
        if (error != 0) return error;
        file.Offset += count;
        return SyscallResult.Ok(count);
    }

    /// <summary>SYS_LSEEK(fd, offset, whence) -> new offset.</summary>
    public static SyscallResult Seek(Process process, ulong fd, long offset, ulong whence)
    {
        KernelFile? file = process.Files.Get(fd);
        if (file is null) return Errno.EBADF;
        if (file.Kind == KernelFileKind.SchemeHandle) return SchemeHandleCalls.Seek(process, file, offset, whence);
        if (file.Kind != KernelFileKind.Initfs) return Errno.ESPIPE;
        long basis = whence switch { 0 => 0, 1 => (long)file.Offset, 2 => (long)file.Length, _ => -1 };
        if (basis < 0) return Errno.EINVAL;
        long target = basis + offset;
        if ((offset > 0 && target < basis) || target < 0) return Errno.EINVAL;
        file.Offset = (ulong)target;
        return SyscallResult.Ok((ulong)target);
    }

    /// <summary>SYS_FSTAT(fd, stat, len).</summary>
    public static SyscallResult Fstat(Process process, ulong fd, ulong buffer, ulong length)
    {
        KernelFile? file = process.Files.Get(fd);
        if (file is null) return Errno.EBADF;
        if (file.Kind == KernelFileKind.SchemeHandle) return SchemeHandleCalls.Fill(process, file, Opcode.Fstat, buffer, length);
        if (length < (ulong)sizeof(Stat)) return Errno.EINVAL;
        Stat stat = default;
        stat.Mode = file.Kind == KernelFileKind.Debug ? (ushort)(0x2000 | 0x1B6) : (ushort)(0x8000 | 0x124); // chr rw / file r
        stat.Size = file.Length;
        stat.Nlink = 1;
        stat.BlkSize = 4096;
        stat.Blocks = (file.Length + 511) / 512;
        Errno error = UserMemory.CopyOut(buffer, &stat, (ulong)sizeof(Stat));
        return error != 0 ? error : SyscallResult.Ok(0);
    }

    /// <summary>SYS_FCNTL(fd, cmd, arg): F_GETFL, F_SETFL (status flags only), F_GETFD/F_SETFD (no close-on-exec here: exec does not exist).</summary>
    public static SyscallResult Fcntl(Process process, ulong fd, ulong command, ulong argument)
    {
        KernelFile? file = process.Files.Get(fd);
        if (file is null) return Errno.EBADF;
        switch (command)
        {
            case 1: return SyscallResult.Ok(0);                                    // F_GETFD
            case 2: return argument <= 1 ? SyscallResult.Ok(0) : Errno.EINVAL;     // F_SETFD
            case 3: return SyscallResult.Ok(file.Flags);                           // F_GETFL
            case 4:                                                                 // F_SETFL
                file.Flags = (file.Flags & ~StatusFlags) | ((uint)argument & StatusFlags);
                return SyscallResult.Ok(0);
            default: return Errno.EINVAL;
        }
    }

    /// <summary>SYS_FPATH(fd, buf, len) -> bytes written: the descriptor's <c>scheme:path</c>.</summary>
    public static SyscallResult Fpath(Process process, ulong fd, ulong buffer, ulong length)
    {
        KernelFile? file = process.Files.Get(fd);
        if (file is null) return Errno.EBADF;
        if (file.Kind == KernelFileKind.SchemeHandle) return SchemeHandleCalls.Fill(process, file, Opcode.Fpath, buffer, length);
        if (file.Kind == KernelFileKind.SchemeSocket) return Errno.EBADF;
        byte* text = stackalloc byte[MaxPath + 8];
        ReadOnlySpan<byte> scheme = file.Kind == KernelFileKind.Debug ? "debug:"u8 : file.Kind == KernelFileKind.EventQueue ? "event:"u8
            : file.Kind == KernelFileKind.Irq ? "irq:"u8 : file.Kind == KernelFileKind.Time ? "time:"u8 : "initfs:"u8;
        scheme.CopyTo(new Span<byte>(text, scheme.Length));
        int total = scheme.Length;
        if (file.Path != null)
        {
            new ReadOnlySpan<byte>(file.Path, file.PathLength).CopyTo(new Span<byte>(text + total, file.PathLength));
            total += file.PathLength;
        }
        else if (file.Kind == KernelFileKind.Time || file.Kind == KernelFileKind.Irq)
        {
            total += NumberFormat.Decimal(file.HandleId, new Span<byte>(text + total, 20));    // the clock or line
        }
        ulong count = length < (ulong)total ? length : (ulong)total;
        Errno error = UserMemory.CopyOut(buffer, text, count);
        return error != 0 ? error : SyscallResult.Ok(count);
    }

    /// <summary>Copies a path argument into <paramref name="buffer"/> (<see cref="MaxPath"/> bytes): ENOENT when empty, ENAMETOOLONG when longer.</summary>
    private static Errno CopyPath(Process process, ulong path, ulong length, byte* buffer)
    {
        if (length == 0) return Errno.ENOENT;
        if (length > MaxPath) return Errno.ENAMETOOLONG;
        return UserMemory.CopyIn(buffer, path, length);
    }

    /// <summary>Splits <c>name:rest</c> or <c>/scheme/name/rest</c>.</summary>
    public static bool SplitScheme(ReadOnlySpan<byte> path, out ReadOnlySpan<byte> scheme, out ReadOnlySpan<byte> rest)
    {
        if (path.StartsWith("/scheme/"u8))
        {
            ReadOnlySpan<byte> tail = path.Slice(8);
            int slash = tail.IndexOf((byte)'/');
            scheme = slash < 0 ? tail : tail.Slice(0, slash);
            rest = slash < 0 ? default : tail.Slice(slash + 1);
            return !scheme.IsEmpty;
        }
        int colon = path.IndexOf((byte)':');
        scheme = colon < 0 ? default : path.Slice(0, colon);
        rest = colon < 0 ? default : path.Slice(colon + 1);
        return colon > 0;
    }
}
