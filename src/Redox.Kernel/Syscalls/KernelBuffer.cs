using Redox.Kernel.Memory;
using Redox.Syscall;

namespace Redox.Kernel.Syscalls;

/// <summary>
/// Checks a buffer that kernel code (an image's Main, an in-kernel driver) passes to a system call: every page must
/// be mapped, the range must not wrap, and it may not be absurdly long. A bad buffer is EFAULT or EINVAL, never a
/// fault inside the kernel. Buffers from ring-3 processes are checked far more strictly, against the process's own
/// user mappings, by <see cref="Processes.UserMemory"/>.
/// </summary>
public static class KernelBuffer
{
    /// <summary>The longest buffer one call may pass (1 MiB).</summary>
    public const ulong MaxLength = 1 << 20;

    /// <summary>0 when [address, address + length) is mapped in <paramref name="space"/>; else the errno.</summary>
    public static Errno Validate(AddressSpace space, ulong address, ulong length)
    {
        if (length == 0) return 0;
        if (length > MaxLength) return Errno.EINVAL;
        if (address == 0 || address + length < address) return Errno.EFAULT;
        ulong end = address + length;
        for (ulong page = address & ~0xFFFUL; page < end; page += 0x1000)
        {
            if (!space.TryTranslate(page, out _)) return Errno.EFAULT;
        }
        return 0;
    }
}
