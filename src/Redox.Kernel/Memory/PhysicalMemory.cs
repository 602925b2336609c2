using Redox.Kernel.Boot;
using Redox.Kernel.Diagnostics;

namespace Redox.Kernel.Memory;

/// <summary>
/// Physical memory at boot: the frame allocator built from the multiboot2 memory map, minus what is already
/// taken (the first MiB, the kernel image with its boot stack and early heap, the boot information, the boot modules).
/// </summary>
public static unsafe class PhysicalMemory
{
    private static FrameAllocator? s_frames;

    /// <summary>The frame allocator (null before <see cref="Initialize"/>).</summary>
    public static FrameAllocator? Frames => s_frames;

    /// <summary>One past the highest available physical address.</summary>
    public static ulong Top { get; private set; }

    /// <summary>Bytes the memory map calls available.</summary>
    public static ulong AvailableBytes { get; private set; }

    /// <summary>Available regions the memory map names (the first <see cref="MaxRegions"/>), kept to tell RAM from the rest.</summary>
    public const int MaxRegions = 32;

    private static readonly ulong[] s_ramStart = new ulong[MaxRegions];
    private static readonly ulong[] s_ramEnd = new ulong[MaxRegions];
    private static int s_ramRegions;

    /// <summary>
    /// True when <paramref name="page"/> is RAM the kernel may hand out: an available region of the memory map at or
    /// above 1 MiB (below that the allocator never gives anything out: real-mode IVT, BIOS data, EBDA, VGA, ROMs).
    /// Such memory is never mapped as a device for a driver, granted or not.
    /// </summary>
    public static bool IsKernelRam(ulong page)
    {
        if (page < (1UL << 20)) return false;
        for (int i = 0; i < s_ramRegions; i++)
        {
            if (page >= s_ramStart[i] && page < s_ramEnd[i]) return true;
        }
        // A memory map with more regions than we keep: count the rest as RAM (refuse rather than expose).
        return s_ramRegions == MaxRegions && page < Top;
    }

    private static readonly ulong[] s_firmwareStart = new ulong[MaxRegions];
    private static readonly ulong[] s_firmwareEnd = new ulong[MaxRegions];
    private static int s_firmwareRegions;

    /// <summary>
    /// True when <paramref name="page"/> is firmware memory: below 1 MiB (IVT, BIOS data, EBDA, ROMs), or in a region
    /// below 4 GiB the memory map reserves or gives to ACPI (where firmware keeps its tables, e.g. QEMU's at the top of
    /// RAM). Never RAM the kernel hands out.
    /// </summary>
    public static bool IsFirmware(ulong page)
    {
        if (IsKernelRam(page)) return false;
        if (page < (1UL << 20)) return true;
        for (int i = 0; i < s_firmwareRegions; i++)
        {
            if (page >= s_firmwareStart[i] && page < s_firmwareEnd[i]) return true;
        }
        return false;
    }

    /// <summary>Builds the allocator; false when the memory map is missing.</summary>
    public static bool Initialize(in Multiboot2Info info, ulong kernelStart, ulong kernelEnd, ulong bootInfoAddress)
    {
        int count = info.MemoryRegionCount;
        if (count == 0) return false;
        ulong top = 0, available = 0;
        for (int i = 0; i < count; i++)
        {
            MemoryRegion region = info.MemoryRegion(i);
            bool firmware = region.Kind == MemoryRegionKind.Reserved || region.Kind == MemoryRegionKind.AcpiReclaimable
                || region.Kind == MemoryRegionKind.AcpiNvs;
            if (firmware && region.Start < (1UL << 32) && s_firmwareRegions < MaxRegions)
            {
                s_firmwareStart[s_firmwareRegions] = region.Start;
                s_firmwareEnd[s_firmwareRegions] = region.End < (1UL << 32) ? region.End : 1UL << 32;
                s_firmwareRegions++;
            }
            if (region.Kind != MemoryRegionKind.Available) continue;
            available += region.Length;
            if (s_ramRegions < MaxRegions)
            {
                s_ramStart[s_ramRegions] = region.Start;
                s_ramEnd[s_ramRegions] = region.End;
                s_ramRegions++;
            }
            if (region.End > top) top = region.End;
        }
        ulong frameCount = top / FrameAllocator.FrameSize;
        ulong* bitmap = (ulong*)Heap.AllocateBytes((nuint)(FrameAllocator.WordsFor(frameCount) * 8));
        if (bitmap == null) return false;
        FrameAllocator frames = new FrameAllocator(bitmap, frameCount);
        for (int i = 0; i < count; i++)
        {
            MemoryRegion region = info.MemoryRegion(i);
            if (region.Kind == MemoryRegionKind.Available) frames.MarkFree(region.Start, region.End);
        }
        frames.MarkUsed(0, 1UL << 20);                                   // real-mode IVT, BIOS data, VGA, ROMs
        frames.MarkUsed(kernelStart, kernelEnd);                         // the image, its boot stack and early heap
        frames.MarkUsed(bootInfoAddress, bootInfoAddress + (ulong)info.TotalSize);
        for (int i = 0; info.TryGetModule(i, out ulong moduleStart, out ulong moduleEnd, out _); i++)
            frames.MarkUsed(moduleStart, moduleEnd);                     // boot modules (the initfs) stay where GRUB put them
        s_frames = frames;
        Top = top;
        AvailableBytes = available;
        return true;
    }
}
