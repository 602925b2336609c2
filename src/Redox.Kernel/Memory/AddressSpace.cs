namespace Redox.Kernel.Memory;

/// <summary>
/// A four-level page table hierarchy. Tables are frames from a <see cref="FrameAllocator"/>, reached through a
/// physical-memory window (virtual = physical + <see cref="PhysicalWindow"/>: the kernel's window on bare metal, a
/// buffer's address in host tests). Errors come back as false, never as a fault.
/// </summary>
public sealed unsafe class AddressSpace
{
    private readonly FrameAllocator _frames;

    /// <summary>Creates an empty hierarchy (a zeroed PML4); <see cref="Root"/> is 0 if no frame was free.</summary>
    public AddressSpace(FrameAllocator frames, ulong physicalWindow)
    {
        _frames = frames;
        PhysicalWindow = physicalWindow;
        Root = NewTable();
    }

    /// <summary>Physical address of the PML4 (what goes into CR3).</summary>
    public ulong Root { get; }

    /// <summary>Added to a physical address to reach it.</summary>
    public ulong PhysicalWindow { get; }

    /// <summary>Page-table frames this space has taken.</summary>
    public int TableFrames { get; private set; }

    /// <summary>Maps one 4 KiB page; false when unaligned, non-canonical, already mapped, or out of frames.</summary>
    public bool Map(ulong virtualAddress, ulong physicalAddress, ulong flags)
    {
        if (((virtualAddress | physicalAddress) & 0xFFF) != 0 || !PageTableIndex.IsCanonical(virtualAddress)) return false;
        ulong* pt = Walk(virtualAddress, 1, create: true);
        if (pt == null) return false;
        ref ulong entry = ref pt[PageTableIndex.At(virtualAddress, 1)];
        if ((entry & PageTableEntry.Present) != 0) return false;
        entry = (physicalAddress & PageTableEntry.AddressMask) | flags | PageTableEntry.Present;
        return true;
    }

    /// <summary>Maps one 2 MiB page; false when unaligned, non-canonical, already mapped, or out of frames.</summary>
    public bool MapLarge(ulong virtualAddress, ulong physicalAddress, ulong flags)
    {
        const ulong Mask = (2UL << 20) - 1;
        if (((virtualAddress | physicalAddress) & Mask) != 0 || !PageTableIndex.IsCanonical(virtualAddress)) return false;
        ulong* pd = Walk(virtualAddress, 2, create: true);
        if (pd == null) return false;
        ref ulong entry = ref pd[PageTableIndex.At(virtualAddress, 2)];
        if ((entry & PageTableEntry.Present) != 0) return false;
        entry = (physicalAddress & PageTableEntry.AddressMask) | flags | PageTableEntry.HugePage | PageTableEntry.Present;
        return true;
    }

    /// <summary>Removes a 4 KiB mapping and returns the physical address it had (0 when none).</summary>
    public ulong Unmap(ulong virtualAddress)
    {
        if (!PageTableIndex.IsCanonical(virtualAddress)) return 0;
        ulong* pt = Walk(virtualAddress, 1, create: false);
        if (pt == null) return 0;
        ref ulong entry = ref pt[PageTableIndex.At(virtualAddress, 1)];
        if ((entry & PageTableEntry.Present) == 0) return 0;
        ulong physical = entry & PageTableEntry.AddressMask;
        entry = 0;
        return physical;
    }

    /// <summary>The physical address <paramref name="virtualAddress"/> maps to; false when unmapped.</summary>
    public bool TryTranslate(ulong virtualAddress, out ulong physicalAddress)
    {
        physicalAddress = 0;
        if (Root == 0 || !PageTableIndex.IsCanonical(virtualAddress)) return false;
        ulong* table = Table(Root);
        for (int level = 4; level >= 1; level--)
        {
            ulong entry = table[PageTableIndex.At(virtualAddress, level)];
            if ((entry & PageTableEntry.Present) == 0) return false;
            if (level == 2 && (entry & PageTableEntry.HugePage) != 0)
            {
                physicalAddress = (entry & PageTableEntry.AddressMask & ~((2UL << 20) - 1)) | (virtualAddress & ((2UL << 20) - 1));
                return true;
            }
            if (level == 1)
            {
                physicalAddress = (entry & PageTableEntry.AddressMask) | PageTableIndex.PageOffset(virtualAddress);
                return true;
            }
            table = Table(entry & PageTableEntry.AddressMask);
        }
        return false;
    }

    /// <summary>Makes sure the PML4 slot covering <paramref name="virtualAddress"/> has its PDPT; false when out of frames.</summary>
    public bool PrepareUpperTable(ulong virtualAddress) =>
        PageTableIndex.IsCanonical(virtualAddress) && Walk(virtualAddress, 3, create: true) != null;

    /// <summary>The table at <paramref name="targetLevel"/> covering the address, creating tables on the way if asked.</summary>
    private ulong* Walk(ulong virtualAddress, int targetLevel, bool create)
    {
        if (Root == 0) return null;
        ulong* table = Table(Root);
        for (int level = 4; level > targetLevel; level--)
        {
            ref ulong entry = ref table[PageTableIndex.At(virtualAddress, level)];
            if ((entry & PageTableEntry.Present) == 0)
            {
                if (!create) return null;
                ulong frame = NewTable();
                if (frame == 0) return null;
                // Intermediate entries are permissive; the leaf decides writability and ring.
                entry = frame | PageTableEntry.Present | PageTableEntry.Writable | PageTableEntry.User;
            }
            else if ((entry & PageTableEntry.HugePage) != 0) return null;
            table = Table(entry & PageTableEntry.AddressMask);
        }
        return table;
    }

    private ulong NewTable()
    {
        ulong frame = _frames.Allocate();
        if (frame == 0) return 0;
        ulong* table = Table(frame);
        for (int i = 0; i < 512; i++) table[i] = 0;
        TableFrames++;
        return frame;
    }

    private ulong* Table(ulong physical) => (ulong*)(physical + PhysicalWindow);
}
