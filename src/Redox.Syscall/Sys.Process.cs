using System;

namespace Redox.Syscall;

/// <summary>
/// Typed wrappers for what a process needs besides files: its own life (exit, getpid, waitpid, kill — Redox.NET
/// kernel extensions), time, futexes, memory maps, and the caller-chooses-the-slot calls of redox_syscall 0.9.3
/// (openat_into, dup_into). Each passes its arguments in the order <c>abi/redox-abi.txt</c> documents.
/// </summary>
public static unsafe partial class Sys
{
    /// <summary><c>SYS_EXIT</c> (extension): ends the calling process with <paramref name="status"/>; returns only on error.</summary>
    public static SyscallResult Exit(nuint status) => Call(SyscallNumbers.Exit, status);

    /// <summary><c>SYS_GETPID</c> (extension): the calling process's id.</summary>
    public static SyscallResult Getpid() => Call(SyscallNumbers.Getpid);

    /// <summary><c>SYS_WAITPID</c> (extension): waits for child <paramref name="pid"/> (0 = any); the value is its pid.</summary>
    public static SyscallResult Waitpid(nuint pid, out nuint status, WaitFlags options)
    {
        nuint s = 0;
        SyscallResult result = Call(SyscallNumbers.Waitpid, pid, (nuint)(&s), (nuint)(ulong)options);
        status = s;
        return result;
    }

    /// <summary><c>SYS_KILL</c> (extension): sends <paramref name="signal"/> to process <paramref name="pid"/>.</summary>
    public static SyscallResult Kill(nuint pid, Signal signal) => Call(SyscallNumbers.Kill, pid, (nuint)(uint)signal);

    /// <summary>
    /// <c>SYS_FAULT_UPCALL</c> (extension): <paramref name="op"/> with <paramref name="entry"/> (the entry address for
    /// <see cref="FaultUpcallOp.Register"/>, else 0). Redox.Runtime registers its fault entry at start and ends each
    /// upcall with <see cref="FaultUpcallOp.Handled"/> or <see cref="FaultUpcallOp.Decline"/>.
    /// </summary>
    public static SyscallResult FaultUpcall(FaultUpcallOp op, nuint entry = 0) => Call(SyscallNumbers.FaultUpcall, (nuint)(ulong)op, entry);

    /// <summary><c>SYS_YIELD</c>: gives up the rest of the time slice.</summary>
    public static SyscallResult Yield() => Call(SyscallNumbers.Yield);

    /// <summary><c>SYS_CLOCK_GETTIME</c>: reads clock <paramref name="clock"/> into <paramref name="time"/>.</summary>
    public static SyscallResult ClockGettime(ClockId clock, out TimeSpec time)
    {
        TimeSpec t = default;
        SyscallResult result = Call(SyscallNumbers.ClockGettime, (nuint)(uint)clock, (nuint)(&t));
        time = t;
        return result;
    }

    /// <summary><c>SYS_NANOSLEEP</c>: sleeps for <paramref name="request"/>; <paramref name="remaining"/> gets what is left if interrupted.</summary>
    public static SyscallResult Nanosleep(in TimeSpec request, out TimeSpec remaining)
    {
        TimeSpec req = request;
        TimeSpec rem = default;
        SyscallResult result = Call(SyscallNumbers.Nanosleep, (nuint)(&req), (nuint)(&rem));
        remaining = rem;
        return result;
    }

    /// <summary><c>SYS_FUTEX</c> with <see cref="FutexOp.Wait"/>: sleeps while <c>*address == expected</c> (no timeout).</summary>
    public static SyscallResult FutexWait(ref int address, int expected)
    {
        fixed (int* p = &address)
        {
            return Call(SyscallNumbers.Futex, (nuint)p, (nuint)(uint)FutexOp.Wait, (nuint)(nint)expected, 0, 0);
        }
    }

    /// <summary><c>SYS_FUTEX</c> with <see cref="FutexOp.Wake"/>: wakes up to <paramref name="count"/> waiters; the value is how many woke.</summary>
    public static SyscallResult FutexWake(ref int address, int count)
    {
        fixed (int* p = &address)
        {
            return Call(SyscallNumbers.Futex, (nuint)p, (nuint)(uint)FutexOp.Wake, (nuint)(nint)count, 0, 0);
        }
    }

    /// <summary><c>SYS_FMAP</c>: maps what <paramref name="map"/> describes from <paramref name="fd"/>; the value is the address.</summary>
    public static SyscallResult Fmap(nuint fd, in Map map)
    {
        Map copy = map;
        return Call(SyscallNumbers.Fmap, fd, (nuint)(&copy), (nuint)sizeof(Map));
    }

    /// <summary>
    /// Anonymous zeroed read-write memory, as relibc's <c>mmap(MAP_ANONYMOUS)</c> asks Redox for it:
    /// <c>fmap(FMAP_ANONYMOUS_FD, Map { offset 0, size, PROT_READ | PROT_WRITE | MAP_PRIVATE, address 0 })</c>.
    /// <paramref name="size"/> must be a non-zero multiple of the page size (the kernel answers EINVAL otherwise).
    /// </summary>
    public static SyscallResult MapAnonymous(ulong size)
        => Fmap(unchecked((nuint)AbiLimits.FmapAnonymousFd), new Map
        {
            Offset = 0,
            Size = size,
            Flags = (ulong)(MapFlags.ProtRead | MapFlags.ProtWrite | MapFlags.Private),
            Address = 0,
        });

    /// <summary><c>SYS_FUNMAP</c>: unmaps <paramref name="length"/> bytes at <paramref name="address"/>.</summary>
    public static SyscallResult Funmap(nuint address, nuint length) => Call(SyscallNumbers.Funmap, address, length);

    /// <summary><c>SYS_MPROTECT</c>: sets the <c>PROT_*</c> bits of a mapped range.</summary>
    public static SyscallResult Mprotect(nuint address, nuint length, MapFlags protection)
        => Call(SyscallNumbers.Mprotect, address, length, (nuint)(ulong)protection);

    /// <summary>
    /// <c>SYS_OPENAT_INTO</c>: opens <paramref name="path"/> relative to <paramref name="dirFd"/> into the descriptor
    /// slot <paramref name="newFd"/>, which the caller chooses (EEXIST if taken); the value is <paramref name="newFd"/>.
    /// </summary>
    public static SyscallResult OpenAtInto(nuint dirFd, ReadOnlySpan<byte> path, OpenFlags flags, OpenFlags fcntlFlags, nuint newFd)
    {
        fixed (byte* p = path)
        {
            return Call(SyscallNumbers.OpenAtInto, dirFd, (nuint)p, (nuint)path.Length, (nuint)(uint)flags, (nuint)(uint)fcntlFlags, newFd);
        }
    }

    /// <summary><c>SYS_DUP_INTO</c>: duplicates <paramref name="fd"/> into the slot <paramref name="newFd"/>, passing <paramref name="buffer"/> to the scheme.</summary>
    public static SyscallResult DupInto(nuint fd, ReadOnlySpan<byte> buffer, nuint newFd)
    {
        fixed (byte* p = buffer)
        {
            return Call(SyscallNumbers.DupInto, fd, (nuint)p, (nuint)buffer.Length, newFd);
        }
    }
}
