using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Redox.Syscall;

namespace Redox.Scheme;

/// <summary>
/// Decodes one request, calls the matching <see cref="SchemeBase"/> operation and builds the response.
/// Allocation-free and exception-free for any input: an unknown opcode answers <c>ENOSYS</c>, a bad
/// length <c>EINVAL</c>, a bad pointer <c>EFAULT</c>, a path that is not UTF-8 <c>EINVAL</c>; unknown handles
/// are the driver's to reject (<c>EBADF</c>, see <see cref="HandleTable{TState}"/>).
/// </summary>
[NoAlloc]
public static class SchemeDispatcher
{
    /// <summary>
    /// Handles <paramref name="request"/>. Returns false when no response must be sent (one-way messages:
    /// <c>CloseMsg</c>, <c>Detach</c>, <c>Cancel</c>, or <see cref="SqeFlags.OneWay"/>); otherwise <paramref name="response"/>
    /// carries the request's tag and the muxed result.
    /// </summary>
    [NoAlloc]
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // into the request loop: the short path is a few dozen instructions
    public static bool Dispatch(SchemeBase scheme, in Sqe request, in UserMemoryWindow memory, out Cqe response)
    {
        // Read and write are nearly every request a driver serves: they take a short path, inlined here, that writes
        // the answer in place. Everything else (and every one-way opcode) goes through the full switch below.
        Opcode opcode = request.Opcode;
        if (opcode == Opcode.Read || opcode == Opcode.Write)
        {
            SyscallResult result = Transfer(scheme, request, memory, opcode);
            if ((request.Flags & SqeFlags.OneWay) != 0)
            {
                response = default;
                return false;
            }
            // Cqe.Respond's fields, written straight into the caller's slot: Cqe holds a fixed buffer, so a Cqe local
            // (Respond's own, and the copy it returns) costs a stack-cookie check and a call per answer under ILC.
            response = default;
            response.Flags = (byte)CqeOpcode.RespondRegular;
            response.Tag = request.Tag;
            response.Result = SyscallResult.Mux(result);
            return true;
        }
        return DispatchAny(scheme, request, memory, out response);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static SyscallResult Transfer(SchemeBase scheme, in Sqe request, in UserMemoryWindow memory, Opcode opcode)
    {
        Errno errno = memory.TryGetSpan(request.Arg1, request.Arg2, out Span<byte> buffer);
        if (errno != 0)
        {
            return errno;
        }
        var caller = CallerContext.FromRequest(request);
        return opcode == Opcode.Read
            ? scheme.Read(request.Arg0, buffer, request.Arg3, (uint)request.Arg4, caller)
            : scheme.Write(request.Arg0, buffer, request.Arg3, (uint)request.Arg4, caller);
    }

    // Every opcode but the two above; kept out of line so the short path stays small.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool DispatchAny(SchemeBase scheme, in Sqe request, in UserMemoryWindow memory, out Cqe response)
    {
        var caller = CallerContext.FromRequest(request);
        NewFdFlags fdFlags = NewFdFlags.None;
        SyscallResult result;
        switch (request.Opcode)
        {
            case Opcode.Open:
                result = OpenLike(scheme, request, memory, caller, ref fdFlags);
                break;
            case Opcode.OpenAt:
                result = OpenLike(scheme, request, memory, caller, ref fdFlags);
                break;
            case Opcode.Dup:
                result = OpenLike(scheme, request, memory, caller, ref fdFlags);
                break;
            case Opcode.Rmdir:
            case Opcode.Unlink:
                result = PathOnly(scheme, request, memory, caller);
                break;
            case Opcode.Close:
                result = scheme.Close(request.Arg0, caller);
                break;
            case Opcode.CloseMsg:
                scheme.Close(request.Arg0, caller);
                response = default;
                return false;
            case Opcode.Detach:
                // Sent only to schemes that answered RespondAndNotifyOnDetach, which SchemeBase never does; like
                // CloseMsg it expects no answer (redox-os/kernel src/scheme/user.rs sends both without a waiter).
                response = default;
                return false;
            case Opcode.Cancel:
                // The kernel puts the tag of the request to cancel in the Cancel message's own tag; args are 0.
                scheme.Cancel(request.Tag, caller);
                response = default;
                return false;
            case Opcode.Fpath:
            case Opcode.Getdents:
            case Opcode.Call:
                result = Buffered(scheme, request, memory, caller);
                break;
            case Opcode.Fsize:
                result = scheme.Fsize(request.Arg0, caller);
                break;
            case Opcode.Fchmod:
                result = scheme.Fchmod(request.Arg0, (ushort)request.Arg1, caller);
                break;
            case Opcode.Fchown:
                result = scheme.Fchown(request.Arg0, (uint)request.Arg1, (uint)request.Arg2, caller);
                break;
            case Opcode.Fcntl:
                result = scheme.Fcntl(request.Arg0, request.Arg1, request.Arg2, caller);
                break;
            case Opcode.Fevent:
                result = scheme.Fevent(request.Arg0, (EventFlags)(uint)request.Arg1, caller);
                break;
            case Opcode.Sendfd:
                result = scheme.Sendfd(request.Arg0, request.Arg1, request.Arg2, caller);
                break;
            case Opcode.Frename:
            case Opcode.Flink:
                result = HandleAndPath(scheme, request, memory, caller);
                break;
            case Opcode.Fstat:
            case Opcode.Fstatvfs:
            case Opcode.Futimens:
                result = Structured(scheme, request, memory, caller);
                break;
            case Opcode.Fsync:
                result = scheme.Fsync(request.Arg0, caller);
                break;
            case Opcode.Ftruncate:
                result = scheme.Ftruncate(request.Arg0, request.Arg1, caller);
                break;
            case Opcode.MmapPrep:
                // Pinned kernel order: id, size, flags, offset.
                result = scheme.MmapPrep(request.Arg0, request.Arg3, request.Arg1, (MapFlags)request.Arg2, caller);
                break;
            case Opcode.Mremap:
                result = scheme.Mremap(request.Arg0, request.Arg1, request.Arg2, request.Arg3, request.Arg4, caller);
                break;
            case Opcode.Munmap:
                // Pinned kernel order: id, size, flags, offset.
                result = scheme.Munmap(request.Arg0, request.Arg3, request.Arg1, request.Arg2, caller);
                break;
            case Opcode.Msync:
                result = scheme.Msync(request.Arg0, request.Arg1, request.Arg2, request.Arg3, caller);
                break;
            case Opcode.Recvfd:
                result = scheme.Recvfd(request.Arg0, request.Arg1, caller);
                break;
            default:
                // RequestMmap is kernel-internal; UnlinkAt and StdFsCall have no SchemeBase operation yet; anything
                // else is not an opcode of the pinned protocol.
                result = Errno.ENOSYS;
                break;
        }
        if ((request.Flags & SqeFlags.OneWay) != 0)
        {
            response = default;
            return false;
        }
        response = fdFlags == NewFdFlags.None
            ? Cqe.Respond(request.Tag, result)
            : Cqe.RespondOpen(request.Tag, result, fdFlags);
        return true;
    }

    private static SyscallResult OpenLike(SchemeBase scheme, in Sqe request, in UserMemoryWindow memory, in CallerContext caller, ref NewFdFlags fdFlags)
    {
        // Open: path in args 0/1, flags in 2. OpenAt: handle in 0, path in 1/2, flags in 3. Dup: handle in 0, buffer in 1/2.
        bool isOpen = request.Opcode == Opcode.Open;
        Errno errno = isOpen
            ? memory.TryGetSpan(request.Arg0, request.Arg1, out Span<byte> bytes)
            : memory.TryGetSpan(request.Arg1, request.Arg2, out bytes);
        if (errno != 0)
        {
            return errno;
        }
        OpenResult opened;
        if (request.Opcode == Opcode.Dup)
        {
            opened = scheme.Dup(request.Arg0, bytes, caller);
        }
        else
        {
            if (!Utf8Validation.IsValid(bytes))
            {
                return Errno.EINVAL;
            }
            opened = isOpen
                ? scheme.Open(bytes, (OpenFlags)(uint)request.Arg2, caller)
                : scheme.OpenAt(request.Arg0, bytes, (OpenFlags)(uint)request.Arg3, caller);
        }
        if (opened.Result.IsOk)
        {
            fdFlags = opened.Flags;
        }
        return opened.Result;
    }

    private static SyscallResult PathOnly(SchemeBase scheme, in Sqe request, in UserMemoryWindow memory, in CallerContext caller)
    {
        Errno errno = memory.TryGetSpan(request.Arg0, request.Arg1, out Span<byte> path);
        if (errno != 0)
        {
            return errno;
        }
        if (!Utf8Validation.IsValid(path))
        {
            return Errno.EINVAL;
        }
        return request.Opcode == Opcode.Rmdir ? scheme.Rmdir(path, caller) : scheme.Unlink(path, caller);
    }

    private static SyscallResult HandleAndPath(SchemeBase scheme, in Sqe request, in UserMemoryWindow memory, in CallerContext caller)
    {
        Errno errno = memory.TryGetSpan(request.Arg1, request.Arg2, out Span<byte> path);
        if (errno != 0)
        {
            return errno;
        }
        if (!Utf8Validation.IsValid(path))
        {
            return Errno.EINVAL;
        }
        return request.Opcode == Opcode.Frename
            ? scheme.Frename(request.Arg0, path, caller)
            : scheme.Flink(request.Arg0, path, caller);
    }

    private static SyscallResult Buffered(SchemeBase scheme, in Sqe request, in UserMemoryWindow memory, in CallerContext caller)
    {
        Errno errno = memory.TryGetSpan(request.Arg1, request.Arg2, out Span<byte> buffer);
        if (errno != 0)
        {
            return errno;
        }
        switch (request.Opcode)
        {
            case Opcode.Fpath:
                return scheme.Fpath(request.Arg0, buffer, caller);
            case Opcode.Getdents:
                // args[3] is the header size the caller was built with; only the pinned layout is understood.
                if (request.Arg3 != AbiSizes.DirentHeader)
                {
                    return Errno.EINVAL;
                }
                return scheme.Getdents(request.Arg0, buffer, request.Arg4, caller);
            default:
                // Call: payload in args 1/2 and up to three metadata words inline in args 3..5 (the kernel copies
                // them there; unused words are 0). With MultipleIds args[5] is a second handle, which SchemeBase
                // has no operation for.
                if ((request.Flags & SqeFlags.MultipleIds) != 0)
                {
                    return Errno.ENOSYS;
                }
                Span<ulong> words = stackalloc ulong[3];
                words[0] = request.Arg3;
                words[1] = request.Arg4;
                words[2] = request.Arg5;
                return scheme.Call(request.Arg0, buffer, MemoryMarshal.AsBytes(words), caller);
        }
    }

    private static SyscallResult Structured(SchemeBase scheme, in Sqe request, in UserMemoryWindow memory, in CallerContext caller)
    {
        Errno errno = memory.TryGetSpan(request.Arg1, request.Arg2, out Span<byte> buffer);
        if (errno != 0)
        {
            return errno;
        }
        switch (request.Opcode)
        {
            case Opcode.Fstat:
            {
                if (buffer.Length < AbiSizes.Stat)
                {
                    return Errno.EINVAL;
                }
                Stat stat = default;
                SyscallResult r = scheme.Fstat(request.Arg0, ref stat, caller);
                if (r.IsOk)
                {
                    MemoryMarshal.Write(buffer, in stat);
                }
                return r;
            }
            case Opcode.Fstatvfs:
            {
                if (buffer.Length < AbiSizes.StatVfs)
                {
                    return Errno.EINVAL;
                }
                StatVfs stat = default;
                SyscallResult r = scheme.Fstatvfs(request.Arg0, ref stat, caller);
                if (r.IsOk)
                {
                    MemoryMarshal.Write(buffer, in stat);
                }
                return r;
            }
            default:
            {
                // Futimens: whole TimeSpecs only, at most two (access, modification).
                if (buffer.Length % AbiSizes.TimeSpec != 0 || buffer.Length > 2 * AbiSizes.TimeSpec)
                {
                    return Errno.EINVAL;
                }
                Span<TimeSpec> times = stackalloc TimeSpec[2];
                int count = buffer.Length / AbiSizes.TimeSpec;
                for (int i = 0; i < count; i++)
                {
                    times[i] = MemoryMarshal.Read<TimeSpec>(buffer.Slice(i * AbiSizes.TimeSpec, AbiSizes.TimeSpec));
                }
                return scheme.Futimens(request.Arg0, times.Slice(0, count), caller);
            }
        }
    }
}
