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

    /// <summary>Builds the allocator; false when the memory map is missing.</summary>
    public static bool Initialize(in Multiboot2Info info, ulong kernelStart, ulong kernelEnd, ulong bootInfoAddress)
    {
        int count = info.MemoryRegionCount;
        if (count == 0) return false;
        ulong top = 0, available = 0;
        for (int i = 0; i < count; i++)
        {
            MemoryRegion region = info.MemoryRegion(i);
            if (region.Kind != MemoryRegionKind.Available) continue;
            available += region.Length;
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
