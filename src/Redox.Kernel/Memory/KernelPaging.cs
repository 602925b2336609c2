using Redox.Kernel.Arch.X64;

namespace Redox.Kernel.Memory;

/// <summary>
/// The kernel's own page tables, replacing the boot stub's. Address-space layout (docs/kernel/address-space.md):
/// <list type="bullet">
/// <item>0 .. 4 KiB: not mapped, so a null dereference faults;</item>
/// <item>4 KiB .. max(physical top, 4 GiB): identity map of physical memory and low MMIO (2 MiB pages after the
/// first 2 MiB, which uses 4 KiB pages for the null guard);</item>
/// <item>0xFFFF_C000_0000_0000 ..: the kernel heap, grown a chunk at a time from fresh frames.</item>
/// </list>
/// </summary>
public static unsafe class KernelPaging
{
    /// <summary>Where the heap's growth region starts.</summary>
    public const ulong HeapBase = 0xFFFF_C000_0000_0000;

    /// <summary>Heap growth granularity.</summary>
    public const ulong HeapChunk = 256 * 1024;

    private const ulong TwoMiB = 2UL << 20;
    private const ulong FourGiB = 4UL << 30;

    private static AddressSpace? s_kernelSpace;
    private static ulong s_heapTop = HeapBase;

    /// <summary>The kernel's address space.</summary>
    public static AddressSpace? KernelSpace => s_kernelSpace;

    /// <summary>Bytes identity-mapped.</summary>
    public static ulong IdentityMapped { get; private set; }

    /// <summary>Builds the tables and loads CR3; false when frames ran out (the boot tables stay).</summary>
    public static bool Initialize(FrameAllocator frames, ulong physicalTop)
    {
        AddressSpace space = new AddressSpace(frames, physicalWindow: 0);
        if (space.Root == 0) return false;
        const ulong Flags = PageTableEntry.Writable | PageTableEntry.Global;
        for (ulong page = 4096; page < TwoMiB; page += 4096)
        {
            if (!space.Map(page, page, Flags)) return false;
        }
        ulong end = physicalTop > FourGiB ? (physicalTop + TwoMiB - 1) & ~(TwoMiB - 1) : FourGiB;
        for (ulong address = TwoMiB; address < end; address += TwoMiB)
        {
            if (!space.MapLarge(address, address, Flags)) return false;
        }
        IdentityMapped = end;
        Native.WriteCr3(space.Root);
        s_kernelSpace = space;
        return true;
    }

    /// <summary>The heap's grow function: maps whole chunks of fresh frames at the top of the heap region.</summary>
    public static byte* GrowHeap(nuint minimum, nuint* granted)
    {
        AddressSpace? space = s_kernelSpace;
        FrameAllocator? frames = PhysicalMemory.Frames;
        if (space is null || frames is null) return null;
        ulong size = ((ulong)minimum + HeapChunk - 1) / HeapChunk * HeapChunk;
        ulong start = s_heapTop;
        for (ulong offset = 0; offset < size; offset += FrameAllocator.FrameSize)
        {
            ulong frame = frames.Allocate();
            if (frame != 0 && space.Map(start + offset, frame, PageTableEntry.Writable | PageTableEntry.NoExecute)) continue;
            // Out of frames (or tables): give back what this chunk took, so a later, smaller request can succeed.
            if (frame != 0) frames.Free(frame);
            for (ulong undo = 0; undo < offset; undo += FrameAllocator.FrameSize)
            {
                frames.Free(space.Unmap(start + undo));
                Native.InvalidatePage(start + undo);
            }
            return null;
        }
        s_heapTop = start + size;
        *granted = (nuint)size;
        return (byte*)start;
    }
}
