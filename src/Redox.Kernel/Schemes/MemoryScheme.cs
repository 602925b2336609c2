using Redox.Kernel.Arch;
using Redox.Kernel.Memory;
using Redox.Kernel.Processes;
using Redox.Kernel.Syscalls;
using Redox.Syscall;

namespace Redox.Kernel.Schemes;

/// <summary>
/// Physical memory for drivers, through Redox's <c>memory:</c> scheme: <c>memory:physical</c> (write-back) or
/// <c>memory:physical@uc</c> (uncached, for device registers) mapped with <c>fmap</c> at the physical address given as
/// the map's offset; <c>memory:zeroed?phys_contiguous</c> for DMA buffers (physically contiguous zeroed frames);
/// <c>memory:translation</c> answers a <c>SYS_CALL</c> whose 8-byte payload holds one of the process's virtual
/// addresses with its physical address. Only what the driver's manifest grants: device ranges (<c>memory=</c>),
/// never RAM the kernel manages, and a DMA budget (<c>dma=</c> KiB, counted over the process's life).
/// </summary>
public static unsafe class MemoryScheme
{
    private const ulong Physical = 1, PhysicalUncached = 2, ContiguousZeroed = 3, Translation = 4;

    /// <summary>open("memory:kind").</summary>
    public static SyscallResult Open(Process process, ReadOnlySpan<byte> path, uint flags)
    {
        ulong kind = path.SequenceEqual("physical"u8) || path.SequenceEqual("physical@wb"u8) ? Physical
            : path.SequenceEqual("physical@uc"u8) || path.SequenceEqual("physical@wc"u8) ? PhysicalUncached
            : path.SequenceEqual("zeroed?phys_contiguous"u8) ? ContiguousZeroed
            : path.SequenceEqual("translation"u8) ? Translation : 0;
        if (kind == 0) return Errno.ENOENT;
        KernelFile file = new KernelFile(KernelFileKind.Memory, flags, kind);
        int fd = process.Files.Add(file);
        if (fd >= 0) return SyscallResult.Ok((ulong)fd);
        Heap.Free(file);
        return Errno.EMFILE;
    }

    /// <summary>fmap on a <c>memory:</c> descriptor: the value is the address the memory was mapped at.</summary>
    public static SyscallResult Map(Process process, KernelFile file, in Map request)
    {
        if (request.Size == 0 || request.Size > MemoryCalls.MaxMapping) return Errno.EINVAL;
        ulong size = (request.Size + 0xFFF) & ~0xFFFUL;
        bool writable = (request.Flags & (ulong)MapFlags.ProtWrite) != 0;
        if ((request.Flags & (ulong)MapFlags.ProtExec) != 0) return Errno.EACCES;       // device and DMA memory never run
        FrameAllocator frames = PhysicalMemory.Frames!;
        switch (file.HandleId)
        {
            case Physical:
            case PhysicalUncached:
            {
                ulong start = request.Offset;
                if ((start & 0xFFF) != 0) return Errno.EINVAL;
                if (start + size < start) return Errno.EINVAL;
                // A range granted by address, or (read-only) firmware memory under a `firmware` grant; RAM the kernel
                // hands out is never a device: a grant over it is refused page by page.
                bool granted = process.Physical.Covers(start, size);
                bool firmware = !granted && process.Physical.Firmware && !writable;
                if (!granted && !firmware) return Errno.EACCES;
                for (ulong page = start; page < start + size; page += 0x1000)
                {
                    if (PhysicalMemory.IsKernelRam(page) || (firmware && !PhysicalMemory.IsFirmware(page))) return Errno.EACCES;
                }
                ulong cache = file.HandleId == PhysicalUncached ? PageTableEntry.CacheDisable | PageTableEntry.WriteThrough : 0;
                return MapFrames(process, start, size, writable, cache, owned: false);
            }
            case ContiguousZeroed:
            {
                if (process.DmaBytesHeld + size > process.Physical.DmaBytes) return Errno.EACCES;
                ulong first = frames.AllocateContiguous(size / FrameAllocator.FrameSize);
                if (first == 0) return Errno.ENOMEM;
                new Span<byte>((void*)(KernelPaging.PhysicalWindow + first), (int)size).Clear();
                SyscallResult mapped = MapFrames(process, first, size, writable, 0, owned: true);
                if (mapped.IsError)
                {
                    for (ulong f = first; f < first + size; f += FrameAllocator.FrameSize) frames.Free(f);
                    return mapped;
                }
                process.DmaBytesHeld += size;
                return mapped;
            }
            default:
                return Errno.EINVAL;
        }
    }

    /// <summary>SYS_CALL on <c>memory:translation</c>: the 8-byte payload's virtual address becomes its physical address.</summary>
    public static SyscallResult Translate(Process process, KernelFile file, ulong payload, ulong length)
    {
        if (file.HandleId != Translation) return Errno.EINVAL;
        if (length != sizeof(ulong)) return Errno.EINVAL;
        ulong address;
        Errno error = UserMemory.CopyIn(&address, payload, sizeof(ulong));
        if (error != 0) return error;
        if (!UserLayout.Contains(address, 1) || !process.Space.TryQuery(address & ~0xFFFUL, out ulong physical, out ulong flags)
            || (flags & PageTableEntry.User) == 0) return Errno.EFAULT;
        physical |= address & 0xFFF;
        error = UserMemory.CopyOut(payload, &physical, sizeof(ulong));
        return error != 0 ? error : SyscallResult.Ok(0);
    }

    private static SyscallResult MapFrames(Process process, ulong physical, ulong size, bool writable, ulong cache, bool owned)
    {
        ulong start = process.AnonymousNext;
        if (start + size > UserLayout.AnonymousEnd) return Errno.ENOMEM;
        ulong flags = PageTableEntry.User | PageTableEntry.NoExecute | cache | (writable ? PageTableEntry.Writable : 0) | (owned ? PageTableEntry.Owned : 0);
        for (ulong offset = 0; offset < size; offset += 0x1000)
        {
            if (process.Space.Map(start + offset, physical + offset, flags)) continue;
            // Undo: unowned pages are only unmapped; owned ones go back with the caller's cleanup.
            for (ulong back = 0; back < offset; back += 0x1000) process.Space.Unmap(start + back);
            return Errno.ENOMEM;
        }
        process.AnonymousNext = start + size;
        return SyscallResult.Ok(start);
    }
}
