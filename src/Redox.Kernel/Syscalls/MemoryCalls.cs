using Redox.Kernel.Arch.X64;
using Redox.Kernel.Memory;
using Redox.Kernel.Processes;
using Redox.Syscall;

namespace Redox.Kernel.Syscalls;

/// <summary>
/// Anonymous memory for a process's heap, the way Redox maps it: <c>fmap</c> on the descriptor <c>!0</c> with a
/// <c>Map</c> request (size, PROT_* flags), and <c>funmap</c>. Pages are fresh zeroed frames owned by the process,
/// never writable and executable at once (W^X), placed upwards from <see cref="UserLayout.AnonymousBase"/>.
/// </summary>
public static unsafe class MemoryCalls
{
    /// <summary>Largest single mapping (64 MiB).</summary>
    public const ulong MaxMapping = 64UL << 20;

    private const ulong ProtExec = 0x0001_0000, ProtWrite = 0x0002_0000, ProtRead = 0x0004_0000;
    private const ulong MapShared = 1, MapPrivate = 2, MapFixed = 4;

    /// <summary>SYS_FMAP(fd, map_ptr, map_len) -> address.</summary>
    public static SyscallResult Fmap(Process process, ulong fd, ulong mapPointer, ulong mapLength)
    {
        if (fd != PendingAbi.AnonymousDescriptor) return process.Files.Get(fd) is null ? Errno.EBADF : Errno.ENODEV;
        if (mapLength < (ulong)sizeof(Map)) return Errno.EINVAL;
        Map request;
        Errno error = UserMemory.CopyIn(process.Space, &request, mapPointer, (ulong)sizeof(Map));
        if (error != 0) return error;
        if (request.Size == 0 || request.Size > MaxMapping || request.Offset != 0) return Errno.EINVAL;
        if ((request.Flags & ~(ProtExec | ProtWrite | ProtRead | MapShared | MapPrivate | MapFixed)) != 0) return Errno.EINVAL;
        if ((request.Flags & MapFixed) != 0) return Errno.EOPNOTSUPP;
        if ((request.Flags & (ProtWrite | ProtExec)) == (ProtWrite | ProtExec)) return Errno.EACCES;
        ulong size = (request.Size + 0xFFF) & ~0xFFFUL;
        ulong start = process.AnonymousNext;
        if (start + size > UserLayout.AnonymousEnd) return Errno.ENOMEM;
        FrameAllocator frames = PhysicalMemory.Frames!;
        ulong flags = PageTableEntry.User | PageTableEntry.Owned |
                      ((request.Flags & ProtWrite) != 0 ? PageTableEntry.Writable : 0) |
                      ((request.Flags & ProtExec) != 0 ? 0 : PageTableEntry.NoExecute);
        for (ulong page = start; page < start + size; page += 0x1000)
        {
            if (ElfLoader.MapZeroed(process.Space, frames, page, flags) != null) continue;
            Unmap(process, start, page - start);
            return Errno.ENOMEM;
        }
        process.AnonymousNext = start + size;
        return SyscallResult.Ok(start);
    }

    /// <summary>
    /// SYS_FUNMAP(address, length): unmaps the process's own pages in the range. Unmapped stretches are skipped a
    /// table at a time, so a huge range costs what is mapped in it, not its length.
    /// </summary>
    public static SyscallResult Funmap(Process process, ulong address, ulong length)
    {
        if ((address & 0xFFF) != 0 || length == 0 || !UserLayout.Contains(address, length)) return Errno.EINVAL;
        Unmap(process, address, (length + 0xFFF) & ~0xFFFUL);
        return SyscallResult.Ok(0);
    }

    private static void Unmap(Process process, ulong start, ulong length)
    {
        FrameAllocator frames = PhysicalMemory.Frames!;
        ulong end = start + length;
        for (ulong page = process.Space.NextMapped(start, end); page < end; page = process.Space.NextMapped(page + 0x1000, end))
        {
            if (!process.Space.TryQuery(page, out _, out ulong flags) || (flags & PageTableEntry.Owned) == 0) continue;
            frames.Free(process.Space.Unmap(page));
            Native.InvalidatePage(page);
        }
    }
}
