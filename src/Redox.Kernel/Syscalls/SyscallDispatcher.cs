using System.Runtime.InteropServices;
using Redox.Kernel.Diagnostics;
using Redox.Kernel.Memory;
using Redox.Kernel.Scheduling;
using Redox.Syscall;

namespace Redox.Kernel.Syscalls;

/// <summary>
/// The kernel side of Redox's system calls, by Redox call number (Redox.Syscall's SyscallNumbers). Callers are
/// kernel threads for now, so descriptors 1 and 2 are the kernel log (the debug: scheme to come) and the rest of
/// the ABI answers ENOSYS until schemes are routed here. Every argument is checked: bad input is an errno.
/// </summary>
public static unsafe class SyscallDispatcher
{
    /// <summary>Calls served so far.</summary>
    public static ulong Calls { get; private set; }

    [UnmanagedCallersOnly(EntryPoint = "redox_syscall_dispatch")]
    private static nuint Entry(nuint number, nuint a, nuint b, nuint c, nuint d, nuint e, nuint f) =>
        (nuint)SyscallResult.Mux(Dispatch(number, a, b, c, d, e, f));

    /// <summary>Runs one call; the result is a value or an errno.</summary>
    public static SyscallResult Dispatch(nuint number, nuint a, nuint b, nuint c, nuint d, nuint e, nuint f)
    {
        Calls++;
        switch (number)
        {
            case SyscallNumbers.Write:
                return Write(a, b, c);
            case SyscallNumbers.Yield:
                Threads.Yield();
                return SyscallResult.Ok(0);
            case SyscallNumbers.Getpid:
                return SyscallResult.Ok((ulong)Threads.Current.Id);
            default:
                return Errno.ENOSYS;
        }
    }

    private static SyscallResult Write(nuint fd, nuint buffer, nuint length)
    {
        if (fd != 1 && fd != 2) return Errno.EBADF;
        AddressSpace? space = KernelPaging.KernelSpace;
        if (space is null) return Errno.EFAULT;
        Errno error = UserBuffer.Validate(space, buffer, length);
        if (error != 0) return error;
        KernelLog.Write(new ReadOnlySpan<byte>((void*)buffer, (int)length));
        return SyscallResult.Ok(length);
    }
}
