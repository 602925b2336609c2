using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using Redox.Syscall;

namespace Redox.Testing;

/// <summary>
/// The hosted kernel's system-call entry: installed into <see cref="Sys"/> as an unmanaged function
/// pointer, it finds the calling thread's <see cref="HostedProcess"/> and performs the call on its
/// descriptor table. Nothing escapes: an unexpected exception answers <c>EIO</c>; a thread bound to no
/// process gets <c>ENOSYS</c>.
/// </summary>
public static unsafe class SyscallRouter
{
    /// <summary>
    /// The most bytes one <c>read</c>/<c>write</c> on a scheme socket or an event queue may name (1 MiB). The host cannot
    /// check that a pointer covers its length, so this bound (with whole records required) is what keeps an absurd
    /// length from becoming a span over the host's memory: beyond it the call answers <c>EINVAL</c>.
    /// </summary>
    public const int MaxRecordTransfer = 1 << 20;

    /// <summary>The entry, with the signature of the bare-metal <c>syscall</c> stub.</summary>
    [UnmanagedCallersOnly]
    public static nuint Entry(nuint number, nuint a, nuint b, nuint c, nuint d, nuint e, nuint f)
    {
        try
        {
            var process = HostedProcess.Current;
            if (process == null)
            {
                return (nuint)SyscallResult.Mux(Errno.ENOSYS);
            }
            return (nuint)SyscallResult.Mux(Handle(process, number, a, b, c, d, e, f));
        }
        catch (Exception)
        {
            return (nuint)SyscallResult.Mux(Errno.EIO);
        }
    }

    /// <summary>Performs call <paramref name="number"/> for <paramref name="process"/>.</summary>
    public static SyscallResult Handle(HostedProcess process, nuint number, nuint a, nuint b, nuint c, nuint d, nuint e, nuint f)
    {
        switch (number)
        {
            case SyscallNumbers.Open:
                return Open(process, a, b, (OpenFlags)(uint)c);
            case SyscallNumbers.Close:
                return Close(process, a);
            case SyscallNumbers.Read:
            case SyscallNumbers.Read2:
                return ReadWrite(process, Opcode.Read, a, b, c, number == SyscallNumbers.Read2, d, e);
            case SyscallNumbers.Write:
            case SyscallNumbers.Write2:
                return ReadWrite(process, Opcode.Write, a, b, c, number == SyscallNumbers.Write2, d, e);
            case SyscallNumbers.Lseek:
                return Lseek(process, a, (long)b, (SeekWhence)(uint)c);
            case SyscallNumbers.Dup:
                return Dup(process, a, b, c);
            case SyscallNumbers.Fevent:
                return Simple(process, a, Opcode.Fevent, b);
            case SyscallNumbers.Fcntl:
                return Simple(process, a, Opcode.Fcntl, b, c);
            case SyscallNumbers.Fsync:
                return Simple(process, a, Opcode.Fsync);
            case SyscallNumbers.Ftruncate:
                return Simple(process, a, Opcode.Ftruncate, b);
            case SyscallNumbers.Fchmod:
                return Simple(process, a, Opcode.Fchmod, b);
            case SyscallNumbers.Fchown:
                return Simple(process, a, Opcode.Fchown, b, c);
            case SyscallNumbers.Fpath:
                return process.GetDescriptor(a) switch
                {
                    { Kind: DescriptorKind.Time } time => HostedTime.Fpath(time, b, c),
                    { Kind: DescriptorKind.Irq } irq => HostedIrq.Fpath(irq, b, c),
                    _ => Simple(process, a, Opcode.Fpath, b, c),
                };
            case SyscallNumbers.Fstat:
                return Simple(process, a, Opcode.Fstat, b, c);
            case SyscallNumbers.Fstatvfs:
                return Simple(process, a, Opcode.Fstatvfs, b, c);
            case SyscallNumbers.Futimens:
                return Simple(process, a, Opcode.Futimens, b, c);
            case SyscallNumbers.Frename:
                return Simple(process, a, Opcode.Frename, b, c);
            case SyscallNumbers.Getdents:
                return Simple(process, a, Opcode.Getdents, b, c, d, e);
            case SyscallNumbers.Call:
                return SchemeCall(process, a, b, c, d, e);
            case SyscallNumbers.AnswerThenRead:
                return HostedSocketCalls.AnswerThenRead(process, a, b, c, d, e);
            case SyscallNumbers.AnswerOneThenRead:
                return HostedSocketCalls.AnswerOneThenRead(process, a, b, c, d, e);
            case SyscallNumbers.Unlink:
                return PathCall(process, Opcode.Unlink, a, b);
            case SyscallNumbers.Rmdir:
                return PathCall(process, Opcode.Rmdir, a, b);
            case SyscallNumbers.Getpid:
                return SyscallResult.Ok(process.Pid);
            case SyscallNumbers.Yield:
                Thread.Yield();
                return SyscallResult.Ok(0);
            case SyscallNumbers.ClockGettime:
                return process.Kernel.Time.ClockGettime(a, b);
            default:
                return Errno.ENOSYS;
        }
    }

    private static Sqe Request(HostedProcess process, Opcode opcode, ulong a0 = 0, ulong a1 = 0, ulong a2 = 0, ulong a3 = 0, ulong a4 = 0)
    {
        Sqe sqe = default;
        sqe.Opcode = opcode;
        sqe.Arg0 = a0;
        sqe.Arg1 = a1;
        sqe.Arg2 = a2;
        sqe.Arg3 = a3;
        sqe.Arg4 = a4;
        sqe.Arg5 = process.Uid | ((ulong)process.Gid << 32);
        sqe.Caller = process.Pid;
        return sqe;
    }

    private static bool TrySplitPath(nuint pointer, nuint length, out ReadOnlySpan<byte> scheme, out nuint restPointer, out nuint restLength, out Errno errno)
    {
        scheme = default;
        restPointer = 0;
        restLength = 0;
        errno = 0;
        if (length > 4096)
        {
            errno = Errno.ENAMETOOLONG;
            return false;
        }
        if (pointer == 0 && length != 0)
        {
            errno = Errno.EFAULT;
            return false;
        }
        var bytes = new ReadOnlySpan<byte>((void*)pointer, (int)length);
        int colon = bytes.IndexOf((byte)':');
        if (colon < 0)
        {
            errno = Errno.ENOENT;
            return false;
        }
        scheme = bytes.Slice(0, colon);
        restPointer = pointer + (nuint)colon + 1;
        restLength = length - (nuint)colon - 1;
        return true;
    }

    private static SyscallResult Open(HostedProcess process, nuint pointer, nuint length, OpenFlags flags)
    {
        if (!TrySplitPath(pointer, length, out ReadOnlySpan<byte> scheme, out nuint rest, out nuint restLength, out Errno errno))
        {
            return errno;
        }
        if (scheme.IsEmpty)
        {
            // ":name" creates the scheme; the descriptor is its socket (Redox Socket::create). The scheme lives as long
            // as this process has a live thread (see ThreadedEndpoint).
            var endpoint = process.Kernel.CreateThreadedScheme(new ReadOnlySpan<byte>((void*)rest, (int)restLength), process, out errno);
            if (endpoint == null)
            {
                return errno;
            }
            return Install(process, new FileDescription { Kind = DescriptorKind.SchemeSocket, Endpoint = endpoint, Flags = flags });
        }
        if (scheme.SequenceEqual("time"u8))
        {
            ulong clock = HostedTime.ParseClock(new ReadOnlySpan<byte>((void*)rest, (int)restLength));
            return clock == 0 ? Errno.ENOENT : Install(process, new FileDescription { Kind = DescriptorKind.Time, HandleId = clock, Flags = flags });
        }
        if (scheme.SequenceEqual("irq"u8))
        {
            return process.Kernel.Irq.Open(process, new ReadOnlySpan<byte>((void*)rest, (int)restLength), flags);
        }
        if (scheme.SequenceEqual("event"u8))
        {
            return Install(process, new FileDescription { Kind = DescriptorKind.EventQueue, Events = process.Kernel.OpenQueue(), Flags = flags });
        }
        var target = process.Kernel.FindScheme(scheme);
        if (target == null)
        {
            return Errno.ENODEV;
        }
        Sqe sqe = Request(process, Opcode.Open, rest, restLength, (uint)flags);
        Cqe cqe = target.Call(sqe);
        var result = SyscallResult.Demux(cqe.Result);
        if (result.IsError)
        {
            return result;
        }
        return Install(process, new FileDescription
        {
            Kind = DescriptorKind.SchemeHandle,
            Endpoint = target,
            HandleId = result.Value,
            Flags = flags,
            Positioned = (cqe.NewFdFlags & NewFdFlags.Positioned) != 0,
        });
    }

    private static SyscallResult PathCall(HostedProcess process, Opcode opcode, nuint pointer, nuint length)
    {
        if (!TrySplitPath(pointer, length, out ReadOnlySpan<byte> scheme, out nuint rest, out nuint restLength, out Errno errno))
        {
            return errno;
        }
        var target = process.Kernel.FindScheme(scheme);
        if (target == null)
        {
            return Errno.ENODEV;
        }
        return SyscallResult.Demux(target.Call(Request(process, opcode, rest, restLength)).Result);
    }

    private static SyscallResult Close(HostedProcess process, nuint fd)
    {
        var description = process.RemoveDescriptor(fd, out bool lastReference);
        if (description == null)
        {
            return Errno.EBADF;
        }
        if (!lastReference)
        {
            return SyscallResult.Ok(0);     // another descriptor still refers to the description
        }
        switch (description.Kind)
        {
            case DescriptorKind.SchemeHandle:
                process.Kernel.Forget(description);
                return SyscallResult.Demux(description.Endpoint!.Call(Request(process, Opcode.Close, description.HandleId)).Result);
            case DescriptorKind.SchemeSocket:
                process.Kernel.RemoveScheme((ThreadedEndpoint)description.Endpoint!);
                return SyscallResult.Ok(0);
            case DescriptorKind.Time:
                process.Kernel.Forget(description);
                process.Kernel.Time.Release(description);
                return SyscallResult.Ok(0);
            case DescriptorKind.Irq:
                process.Kernel.Forget(description);
                process.Kernel.Irq.Release(description);
                return SyscallResult.Ok(0);
            default:
                process.Kernel.CloseQueue(description.Events!);
                return SyscallResult.Ok(0);
        }
    }

    private static SyscallResult ReadWrite(HostedProcess process, Opcode opcode, nuint fd, nuint buffer, nuint length, bool explicitOffset, nuint offset, nuint flags)
    {
        var description = process.GetDescriptor(fd);
        if (description == null)
        {
            return Errno.EBADF;
        }
        switch (description.Kind)
        {
            case DescriptorKind.SchemeSocket:
                return HostedSocketCalls.Transfer(description, opcode, buffer, length);
            case DescriptorKind.EventQueue:
                return HostedEventQueueCalls.ReadWrite(process, description, opcode, buffer, length);
            case DescriptorKind.Time:
            {
                if (length > MaxRecordTransfer)
                {
                    return Errno.EINVAL;
                }
                int count = (int)(length / (nuint)sizeof(TimeSpec));
                if (count != 0 && buffer == 0)
                {
                    return Errno.EFAULT;
                }
                return opcode == Opcode.Read
                    ? process.Kernel.Time.Read(description, new Span<TimeSpec>((void*)buffer, count))
                    : process.Kernel.Time.Write(description, new ReadOnlySpan<TimeSpec>((void*)buffer, count));
            }
            case DescriptorKind.Irq:
            {
                // One count each way; a longer buffer is used for its first 8 bytes, as the real kernel does.
                int bytes = length < sizeof(ulong) ? (int)length : sizeof(ulong);
                if (bytes != 0 && buffer == 0)
                {
                    return Errno.EFAULT;
                }
                return opcode == Opcode.Read
                    ? process.Kernel.Irq.Read(description, new Span<byte>((void*)buffer, bytes))
                    : process.Kernel.Irq.Acknowledge(description, new ReadOnlySpan<byte>((void*)buffer, bytes));
            }
        }
        ulong position = explicitOffset ? offset : description.Positioned ? description.Offset : 0;
        Sqe sqe = Request(process, opcode, description.HandleId, buffer, length, position, explicitOffset ? flags : (uint)description.Flags);
        var result = SyscallResult.Demux(description.Endpoint!.Call(sqe).Result);
        if (result.IsOk && description.Positioned && !explicitOffset)
        {
            description.Offset = position + result.Value;
        }
        return result;
    }

    internal static SyscallResult Fevent(HostedProcess process, FileDescription watched, EventFlags flags)
        => SyscallResult.Demux(watched.Endpoint!.Call(Request(process, Opcode.Fevent, watched.HandleId, (uint)flags)).Result);

    private static SyscallResult Lseek(HostedProcess process, nuint fd, long offset, SeekWhence whence)
    {
        var description = process.GetDescriptor(fd);
        if (description == null)
        {
            return Errno.EBADF;
        }
        if (description.Kind != DescriptorKind.SchemeHandle || !description.Positioned)
        {
            return Errno.ESPIPE;
        }
        long basis;
        switch (whence)
        {
            case SeekWhence.Set:
                basis = 0;
                break;
            case SeekWhence.Current:
                basis = (long)description.Offset;
                break;
            case SeekWhence.End:
                var size = SyscallResult.Demux(description.Endpoint!.Call(Request(process, Opcode.Fsize, description.HandleId)).Result);
                if (size.IsError)
                {
                    return size;
                }
                basis = (long)size.Value;
                break;
            default:
                return Errno.EINVAL;
        }
        long target = basis + offset;
        if (target < 0)
        {
            return Errno.EINVAL;
        }
        description.Offset = (ulong)target;
        return SyscallResult.Ok((ulong)target);
    }

    // SYS_DUP as the Redox kernel does it (src/syscall/fs.rs, duplicate_file): an empty buffer gives a second
    // descriptor on the SAME description (shared offset, no message to the scheme); a non-empty one asks the scheme
    // (Dup with the buffer) and gives a NEW description at offset 0.
    private static SyscallResult Dup(HostedProcess process, nuint fd, nuint buffer, nuint length)
    {
        var description = process.GetDescriptor(fd);
        if (description == null)
        {
            return Errno.EBADF;
        }
        if (length == 0)
        {
            Interlocked.Increment(ref description.References);
            if (!process.TryAddDescriptor(description, out ulong copy))
            {
                Interlocked.Decrement(ref description.References);
                return Errno.EMFILE;
            }
            return SyscallResult.Ok(copy);
        }
        if (description.Kind != DescriptorKind.SchemeHandle)
        {
            return Errno.EINVAL;
        }
        Cqe cqe = description.Endpoint!.Call(Request(process, Opcode.Dup, description.HandleId, buffer, length));
        var result = SyscallResult.Demux(cqe.Result);
        if (result.IsError)
        {
            return result;
        }
        return Install(process, new FileDescription
        {
            Kind = DescriptorKind.SchemeHandle,
            Endpoint = description.Endpoint,
            HandleId = result.Value,
            Flags = description.Flags,
            Positioned = (cqe.NewFdFlags & NewFdFlags.Positioned) != 0,
        });
    }

    private static SyscallResult Simple(HostedProcess process, nuint fd, Opcode opcode, nuint a1 = 0, nuint a2 = 0, nuint a3 = 0, nuint a4 = 0)
    {
        var description = process.GetDescriptor(fd);
        if (description == null || description.Kind != DescriptorKind.SchemeHandle)
        {
            return Errno.EBADF;
        }
        Sqe sqe = Request(process, opcode, description.HandleId, a1, a2, a3, a4);
        return SyscallResult.Demux(description.Endpoint!.Call(sqe).Result);
    }

    // SYS_CALL as redox_syscall 0.9.3 defines it: fd, payload, payload length, CallFlags | metadata word count
    // (bits 7:0), metadata pointer. Like the Redox kernel, the request carries the first three metadata words
    // inline in args[3..5] (no credentials). Descriptor passing and standard fs calls are not hosted.
    private static SyscallResult SchemeCall(HostedProcess process, nuint fd, nuint payload, nuint payloadLength, nuint flagsAndCount, nuint metadata)
    {
        var description = process.GetDescriptor(fd);
        if (description != null && description.Kind == DescriptorKind.SchemeSocket)
        {
            return HostedSocketCalls.Call(process, fd, payload, payloadLength, flagsAndCount, metadata);
        }
        if (description == null || description.Kind != DescriptorKind.SchemeHandle)
        {
            return Errno.EBADF;
        }
        ulong flags = (ulong)flagsAndCount & ~0xFFUL;
        const ulong known = (ulong)(CallFlags.Consume | CallFlags.Write | CallFlags.Read | CallFlags.Fd | CallFlags.FdExclusive
            | CallFlags.FdClone | CallFlags.FdUpper | CallFlags.FdCloseOnExec | CallFlags.StdFs | CallFlags.MultipleFds);
        if ((flags & ~known) != 0)
        {
            return Errno.EINVAL;
        }
        if ((flags & (ulong)(CallFlags.Fd | CallFlags.StdFs | CallFlags.MultipleFds | CallFlags.Consume)) != 0)
        {
            return Errno.ENOSYS;
        }
        int count = (int)((ulong)flagsAndCount & 0xFF);
        if (count != 0 && metadata == 0)
        {
            return Errno.EFAULT;
        }
        Sqe sqe = Request(process, Opcode.Call, description.HandleId, payload, payloadLength);
        var words = new ReadOnlySpan<ulong>((void*)metadata, count);
        sqe.Arg3 = count > 0 ? words[0] : 0;
        sqe.Arg4 = count > 1 ? words[1] : 0;
        sqe.Arg5 = count > 2 ? words[2] : 0;
        return SyscallResult.Demux(description.Endpoint!.Call(sqe).Result);
    }

    // A full table (EMFILE) is an answer, not an exception.
    private static SyscallResult Install(HostedProcess process, FileDescription description)
        => process.TryAddDescriptor(description, out ulong fd) ? SyscallResult.Ok(fd) : Errno.EMFILE;
}
