using System;
using System.Runtime.CompilerServices;

namespace Redox.Syscall;

/// <summary>
/// Raw Redox system calls. Every call goes through ONE unmanaged function pointer,
/// <c>(number, a, b, c, d, e, f) -&gt; usize</c>, installed once at start-up:
/// <list type="bullet">
/// <item>bare metal: the start-up code installs (<see cref="InstallDirect"/>) the address of the assembly stub
/// <c>redox_syscall6</c>, which moves its System V arguments into Redox's registers (rax = number, rdi, rsi, rdx,
/// r10, r8, r9), executes <c>syscall</c> and returns rax;</item>
/// <item>hosted: <c>Redox.Testing.HostedKernel</c> installs its in-process kernel entry.</item>
/// </list>
/// One indirect call. A back end that runs no managed code and never blocks the runtime (the bare-metal stub) is
/// installed with <see cref="InstallDirect"/>: the call then makes no GC transition, which is about half of a null
/// system call's instructions in a ring-3 process (issue 7). Not installed: every call answers <c>ENOSYS</c>.
/// Buffers are passed by address, as the kernel expects; the wrappers pin them for the call.
/// </summary>
public static unsafe partial class Sys
{
    private static delegate* unmanaged<nuint, nuint, nuint, nuint, nuint, nuint, nuint, nuint> s_entry;
    private static delegate* unmanaged[SuppressGCTransition]<nuint, nuint, nuint, nuint, nuint, nuint, nuint, nuint> s_direct;

    /// <summary>True once a back end is installed.</summary>
    public static bool IsInstalled => s_direct != null || s_entry != null;

    /// <summary>
    /// Installs the system-call back end (the hosted kernel, or any entry that may run managed code). The call makes
    /// the runtime's GC transition around it. Last one installed (by this or <see cref="InstallDirect"/>) wins.
    /// </summary>
    public static void Install(delegate* unmanaged<nuint, nuint, nuint, nuint, nuint, nuint, nuint, nuint> entry)
    {
        s_direct = null;
        s_entry = entry;
    }

    /// <summary>
    /// Installs a back end that is called without a GC transition: native code that runs no managed code and does not
    /// block the runtime's threads, such as the bare-metal <c>syscall</c> stub (a kernel call there blocks only this
    /// process's thread, and bare metal has no collector to wait for it). Its arguments come in the order
    /// <c>(a, b, c, d, e, f, number)</c>, the number last: then System V's argument registers already hold Redox's
    /// (rdi, rsi, rdx; r8, r9) and the stub moves two. An entry marked <c>UnmanagedCallersOnly</c> must use
    /// <see cref="Install"/> instead: the hosted runtime refuses to enter one without the transition. Last one
    /// installed wins.
    /// </summary>
    public static void InstallDirect(delegate* unmanaged[SuppressGCTransition]<nuint, nuint, nuint, nuint, nuint, nuint, nuint, nuint> entry)
    {
        s_entry = null;
        s_direct = entry;
    }

    /// <summary>The raw call: muxed result word (value or <c>-errno</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nuint Raw(nuint number, nuint a = 0, nuint b = 0, nuint c = 0, nuint d = 0, nuint e = 0, nuint f = 0)
    {
        var direct = s_direct;
        if (direct != null)
        {
            return direct(a, b, c, d, e, f, number);
        }
        return RawWithTransition(number, a, b, c, d, e, f);
    }

    // Apart, so the direct path's callers keep a small frame: a call with a GC transition makes the method that
    // contains it save every callee-saved register and spill its arguments.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nuint RawWithTransition(nuint number, nuint a, nuint b, nuint c, nuint d, nuint e, nuint f)
    {
        var entry = s_entry;
        if (entry == null)
        {
            return (nuint)SyscallResult.Mux(SyscallResult.Err(Errno.ENOSYS));
        }
        return entry(number, a, b, c, d, e, f);
    }

    /// <summary>The raw call, demuxed (<c>Error::demux</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SyscallResult Call(nuint number, nuint a = 0, nuint b = 0, nuint c = 0, nuint d = 0, nuint e = 0, nuint f = 0)
        => SyscallResult.Demux(Raw(number, a, b, c, d, e, f));

    /// <summary>
    /// <c>SYS_OPEN</c> (a Redox.NET kernel extension, redox_syscall 0.6.0's number): opens a UTF-8 path such as
    /// <c>"zero:"</c>u8 into the lowest free descriptor; the value is the new descriptor.
    /// </summary>
    public static SyscallResult Open(ReadOnlySpan<byte> path, OpenFlags flags)
    {
        fixed (byte* p = path)
        {
            return Call(SyscallNumbers.Open, (nuint)p, (nuint)path.Length, (nuint)(uint)flags);
        }
    }

    /// <summary><c>SYS_CLOSE</c>.</summary>
    public static SyscallResult Close(nuint fd) => Call(SyscallNumbers.Close, fd);

    /// <summary><c>SYS_READ</c>: reads at the descriptor's offset; the value is the count.</summary>
    public static SyscallResult Read(nuint fd, Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            return Call(SyscallNumbers.Read, fd, (nuint)p, (nuint)buffer.Length);
        }
    }

    /// <summary><c>SYS_WRITE</c>: writes at the descriptor's offset; the value is the count.</summary>
    public static SyscallResult Write(nuint fd, ReadOnlySpan<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            return Call(SyscallNumbers.Write, fd, (nuint)p, (nuint)buffer.Length);
        }
    }

    /// <summary><c>SYS_READ2</c>: positioned read (pread) at <paramref name="offset"/>.</summary>
    public static SyscallResult ReadAt(nuint fd, Span<byte> buffer, ulong offset)
    {
        fixed (byte* p = buffer)
        {
            return Call(SyscallNumbers.Read2, fd, (nuint)p, (nuint)buffer.Length, (nuint)offset, 0);
        }
    }

    /// <summary><c>SYS_WRITE2</c>: positioned write (pwrite) at <paramref name="offset"/>.</summary>
    public static SyscallResult WriteAt(nuint fd, ReadOnlySpan<byte> buffer, ulong offset)
    {
        fixed (byte* p = buffer)
        {
            return Call(SyscallNumbers.Write2, fd, (nuint)p, (nuint)buffer.Length, (nuint)offset, 0);
        }
    }

    /// <summary><c>SYS_LSEEK</c>: the value is the new offset.</summary>
    public static SyscallResult Lseek(nuint fd, long offset, SeekWhence whence)
        => Call(SyscallNumbers.Lseek, fd, (nuint)offset, (nuint)(uint)whence);

    /// <summary>
    /// <c>SYS_DUP</c> (a Redox.NET kernel extension, redox_syscall 0.8.1's number): duplicates into the lowest free
    /// descriptor, passing <paramref name="buffer"/> to the scheme (empty for a plain dup).
    /// </summary>
    public static SyscallResult Dup(nuint fd, ReadOnlySpan<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            return Call(SyscallNumbers.Dup, fd, (nuint)p, (nuint)buffer.Length);
        }
    }

    /// <summary><c>SYS_FEVENT</c>: asks the scheme for readiness on <paramref name="flags"/>.</summary>
    public static SyscallResult Fevent(nuint fd, EventFlags flags) => Call(SyscallNumbers.Fevent, fd, (nuint)(uint)flags);

    /// <summary><c>SYS_FCNTL</c>.</summary>
    public static SyscallResult Fcntl(nuint fd, FcntlCommand command, ulong argument)
        => Call(SyscallNumbers.Fcntl, fd, (nuint)(ulong)command, (nuint)argument);

    /// <summary><c>SYS_FPATH</c>: writes the canonical path into <paramref name="buffer"/>; the value is the count.</summary>
    public static SyscallResult Fpath(nuint fd, Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            return Call(SyscallNumbers.Fpath, fd, (nuint)p, (nuint)buffer.Length);
        }
    }

    /// <summary><c>SYS_FSTAT</c>.</summary>
    public static SyscallResult Fstat(nuint fd, ref Stat stat)
    {
        fixed (Stat* p = &stat)
        {
            return Call(SyscallNumbers.Fstat, fd, (nuint)p, (nuint)sizeof(Stat));
        }
    }

    /// <summary><c>SYS_FSTATVFS</c>.</summary>
    public static SyscallResult Fstatvfs(nuint fd, ref StatVfs stat)
    {
        fixed (StatVfs* p = &stat)
        {
            return Call(SyscallNumbers.Fstatvfs, fd, (nuint)p, (nuint)sizeof(StatVfs));
        }
    }

    /// <summary><c>SYS_FSYNC</c>.</summary>
    public static SyscallResult Fsync(nuint fd) => Call(SyscallNumbers.Fsync, fd);

    /// <summary><c>SYS_FTRUNCATE</c>.</summary>
    public static SyscallResult Ftruncate(nuint fd, ulong length) => Call(SyscallNumbers.Ftruncate, fd, (nuint)length);

    /// <summary><c>SYS_FCHMOD</c>.</summary>
    public static SyscallResult Fchmod(nuint fd, ushort mode) => Call(SyscallNumbers.Fchmod, fd, mode);

    /// <summary><c>SYS_FCHOWN</c>.</summary>
    public static SyscallResult Fchown(nuint fd, uint uid, uint gid) => Call(SyscallNumbers.Fchown, fd, uid, gid);

    /// <summary><c>SYS_FUTIMENS</c>: access and modification times.</summary>
    public static SyscallResult Futimens(nuint fd, ReadOnlySpan<TimeSpec> times)
    {
        fixed (TimeSpec* p = times)
        {
            return Call(SyscallNumbers.Futimens, fd, (nuint)p, (nuint)(times.Length * sizeof(TimeSpec)));
        }
    }

    /// <summary><c>SYS_FRENAME</c>.</summary>
    public static SyscallResult Frename(nuint fd, ReadOnlySpan<byte> path)
    {
        fixed (byte* p = path)
        {
            return Call(SyscallNumbers.Frename, fd, (nuint)p, (nuint)path.Length);
        }
    }

    /// <summary><c>SYS_UNLINK</c>.</summary>
    public static SyscallResult Unlink(ReadOnlySpan<byte> path)
    {
        fixed (byte* p = path)
        {
            return Call(SyscallNumbers.Unlink, (nuint)p, (nuint)path.Length);
        }
    }

    /// <summary><c>SYS_RMDIR</c>.</summary>
    public static SyscallResult Rmdir(ReadOnlySpan<byte> path)
    {
        fixed (byte* p = path)
        {
            return Call(SyscallNumbers.Rmdir, (nuint)p, (nuint)path.Length);
        }
    }

    /// <summary><c>SYS_GETDENTS</c>: fills <paramref name="buffer"/> with <see cref="DirentHeader"/> records.</summary>
    public static SyscallResult Getdents(nuint fd, Span<byte> buffer, ulong opaqueOffset)
    {
        fixed (byte* p = buffer)
        {
            return Call(SyscallNumbers.Getdents, fd, (nuint)p, (nuint)buffer.Length, (nuint)sizeof(DirentHeader), (nuint)opaqueOffset);
        }
    }

    /// <summary>
    /// <c>SYS_CALL</c>: a scheme-defined call with an in/out payload and up to 255 metadata words. As in
    /// redox_syscall 0.9.3, the word count rides in bits 7:0 of the flags argument and the metadata pointer
    /// follows; a kernel forwards the first three words inline to the scheme. More than 255 words is EINVAL.
    /// </summary>
    public static SyscallResult SchemeCall(nuint fd, Span<byte> payload, CallFlags flags, ReadOnlySpan<ulong> metadata)
    {
        if (metadata.Length > 0xFF || ((ulong)flags & 0xFF) != 0)
        {
            return Errno.EINVAL;
        }
        fixed (byte* p = payload)
        fixed (ulong* m = metadata)
        {
            return Call(SyscallNumbers.Call, fd, (nuint)p, (nuint)payload.Length, (nuint)((ulong)flags | (uint)metadata.Length), (nuint)m);
        }
    }

    /// <summary>
    /// Redox.NET kernel extension (<see cref="SyscallNumbers.AnswerThenRead"/>, the same as the SYS_CALL socket call
    /// <see cref="SocketCall.AnswerThenRead"/> with its words in registers): on a scheme socket, writes the whole
    /// answers in <paramref name="answers"/>, then reads whole requests into <paramref name="requests"/>; the value is
    /// the bytes of requests read, as <c>read</c> on the socket gives.
    /// </summary>
    public static SyscallResult AnswerThenRead(nuint socket, Span<byte> requests, ReadOnlySpan<byte> answers)
    {
        fixed (byte* r = requests)
        fixed (byte* a = answers)
        {
            return Call(SyscallNumbers.AnswerThenRead, socket, (nuint)r, (nuint)requests.Length, (nuint)a, (nuint)answers.Length);
        }
    }

    /// <summary>
    /// Redox.NET kernel extension (<see cref="SyscallNumbers.AnswerOneThenRead"/>): <see cref="AnswerThenRead"/> with
    /// exactly one answer, whose two words travel in registers instead of memory; the value is the bytes of requests
    /// read. The round trip's common case: a driver answers one request and waits for the next.
    /// </summary>
    public static SyscallResult AnswerOneThenRead(nuint socket, Span<byte> requests, in Cqe answer)
    {
        ref ulong words = ref Unsafe.As<Cqe, ulong>(ref Unsafe.AsRef(in answer));
        fixed (byte* r = requests)
        {
            return Call(SyscallNumbers.AnswerOneThenRead, socket, (nuint)r, (nuint)requests.Length, (nuint)words, (nuint)Unsafe.Add(ref words, 1));
        }
    }

    /// <summary>
    /// The 0.1.0 form of <c>SYS_CALL</c> (metadata as bytes, flags as a word), kept so drivers written against it
    /// still compile. redox_syscall 0.9.3 passes metadata as 64-bit words, so the bytes are read as words: a
    /// length that is not a multiple of 8 is EINVAL, as are flags with bits 7:0 set (the word count's place).
    /// </summary>
    [Obsolete("redox_syscall 0.9.3 passes SYS_CALL metadata as 64-bit words: use SchemeCall(fd, payload, CallFlags, ReadOnlySpan<ulong>).")]
    public static SyscallResult SchemeCall(nuint fd, Span<byte> payload, ulong flags, ReadOnlySpan<byte> metadata)
    {
        if (metadata.Length % sizeof(ulong) != 0) return Errno.EINVAL;
        return SchemeCall(fd, payload, (CallFlags)flags, System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(metadata));
    }
}
