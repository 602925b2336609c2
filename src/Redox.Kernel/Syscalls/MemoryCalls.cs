using Redox.Kernel.Arch;
using Redox.Kernel.Memory;
using Redox.Kernel.Processes;
using Redox.Kernel.Schemes;
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

    private const ulong ProtExec = (ulong)MapFlags.ProtExec, ProtWrite = (ulong)MapFlags.ProtWrite, ProtRead = (ulong)MapFlags.ProtRead;
    private const ulong MapShared = (ulong)MapFlags.Shared, MapPrivate = (ulong)MapFlags.Private, MapFixed = (ulong)MapFlags.Fixed;

    /// <summary>SYS_FMAP(fd, map_ptr, map_len) -> address.</summary>
    public static SyscallResult Fmap(Process process, ulong fd, ulong mapPointer, ulong mapLength)
    {
        KernelFile? file = fd == AbiLimits.FmapAnonymousFd ? null : process.Files.Get(fd);
        if (fd != AbiLimits.FmapAnonymousFd && file is null) return Errno.EBADF;
        if (mapLength < (ulong)sizeof(Map)) return Errno.EINVAL;
        Map request;
        Errno error = UserMemory.CopyIn(&request, mapPointer, (ulong)sizeof(Map));
        if (error != 0) return error;
        if (file is not null) return file.Kind == KernelFileKind.Memory ? MemoryScheme.Map(process, file, request) : Errno.ENODEV;
        if (request.Size == 0 || request.Size > MaxMapping || request.Offset != 0) return Errno.EINVAL;
        // MAP_LAZY is only a hint (pages are mapped at once here); MAP_FIXED and MAP_FIXED_NOREPLACE are not offered.
        if ((request.Flags & ~(ProtExec | ProtWrite | ProtRead | MapShared | MapPrivate | MapFixed | (ulong)MapFlags.Lazy | (ulong)MapFlags.FixedNoReplace)) != 0) return Errno.EINVAL;
        if ((request.Flags & MapFixed) != 0) return Errno.EOPNOTSUPP;
        if ((request.Flags & (ProtWrite | ProtExec)) == (ProtWrite | ProtExec)) return Errno.EACCES;
        return MapAnonymous(process, request.Size, (request.Flags & ProtWrite) != 0, (request.Flags & ProtExec) != 0);
    }

    /// <summary>
    /// Maps <paramref name="size"/> bytes (rounded up to pages) of fresh zeroed frames owned by <paramref name="process"/>
    /// at its next anonymous address; never writable and executable at once. The value is the address.
    /// </summary>
    public static SyscallResult MapAnonymous(Process process, ulong size, bool writable, bool executable = false)
    {
        if (size == 0 || size > MaxMapping) return Errno.EINVAL;
        if (writable && executable) return Errno.EACCES;
        size = (size + 0xFFF) & ~0xFFFUL;
        ulong start = process.AnonymousNext;
        if (start + size > UserLayout.AnonymousEnd) return Errno.ENOMEM;
        FrameAllocator frames = PhysicalMemory.Frames!;
        ulong flags = PageTableEntry.User | PageTableEntry.Owned |
                      (writable ? PageTableEntry.Writable : 0) |
                      (executable ? 0 : PageTableEntry.NoExecute);
        for (ulong page = start; page < start + size; page += 0x1000)
        {
            if (ElfLoader.MapZeroed(process.Space, frames, page, flags) != null) continue;
            UnmapOwned(process, start, page - start);
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
        UnmapOwned(process, address, (length + 0xFFF) & ~0xFFFUL);
        return SyscallResult.Ok(0);
    }

    /// <summary>
    /// Unmaps and frees the pages <paramref name="process"/> owns in [start, start + length) (the process must be the
    /// current one: its TLB entries are invalidated). Unowned and unmapped pages are left alone.
    /// </summary>
    public static void UnmapOwned(Process process, ulong start, ulong length)
    {
        FrameAllocator frames = PhysicalMemory.Frames!;
        ulong end = start + length;
        for (ulong page = process.Space.NextMapped(start, end); page < end; page = process.Space.NextMapped(page + 0x1000, end))
        {
            if (!process.Space.TryQuery(page, out _, out ulong flags) || (flags & PageTableEntry.Owned) == 0) continue;
            frames.Free(process.Space.Unmap(page));
            Cpu.InvalidatePage(page);
        }
    }
}
