namespace Redox.Kernel.Memory;

/// <summary>
/// A four-level page table hierarchy. Tables are frames from a <see cref="FrameAllocator"/>, reached through a
/// physical-memory window (virtual = physical + <see cref="PhysicalWindow"/>: the kernel's window on bare metal, a
/// buffer's address in host tests). Errors come back as false, never as a fault.
/// </summary>
public sealed unsafe class AddressSpace
{
    private readonly FrameAllocator _frames;

    /// <summary>
    /// The last leaf entries <see cref="LeafOf"/> found in the lower half, direct-mapped by page number: a software
    /// TLB for the kernel's checks of user pointers, which walk the same few pages (a client's buffer, a driver's
    /// request and answer buffers) several times per scheme call. Only present 4 KiB leaves of the lower half are kept:
    /// those tables belong to this space alone (the upper half is shared with the kernel's space, which changes it
    /// without telling this one). Every change of a lower-half leaf goes through <see cref="Unmap"/> or
    /// <see cref="ReleasePrivateHalf"/>, which forget it; <see cref="Map"/> only fills absent entries, never cached.
    /// </summary>
    private LeafCache _leaves;

    private struct LeafCache
    {
        public const int Size = 8;
        public fixed ulong Pages[Size];       // virtual page | 1 (so a zero slot never matches page 0)
        public fixed ulong Entries[Size];
    }

    /// <summary>Creates an empty hierarchy (a zeroed PML4); <see cref="Root"/> is 0 if no frame was free.</summary>
    public AddressSpace(FrameAllocator frames, ulong physicalWindow)
    {
        _frames = frames;
        PhysicalWindow = physicalWindow;
        Root = NewTable();
    }

    /// <summary>Physical address of the PML4 (what goes into CR3).</summary>
    public ulong Root { get; private set; }

    /// <summary>
    /// Page-table isolation: the PML4 ring 3 runs on, in the frame right after <see cref="Root"/>, whose lower half is
    /// the same as the root's (every lower-half PML4 entry is written to both) and whose kernel half is the user
    /// template's (the entry code and entry area only). 0 for a space without one.
    /// </summary>
    public ulong UserRoot { get; private set; }

    /// <summary>Where this space's table frames come from.</summary>
    public FrameAllocator FrameSource => _frames;

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
        _leaves.Pages[LeafSlot(virtualAddress)] = 0;
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

    /// <summary>
    /// A new space for a process: an empty lower half and the kernel half of <paramref name="kernel"/> shared by
    /// copying its PML4 entries from <paramref name="firstSharedSlot"/> on (their tables are the kernel's own, so
    /// later kernel mappings below that level are seen by every space). Root is 0 when out of frames.
    /// </summary>
    public static AddressSpace CreateSharing(AddressSpace kernel, int firstSharedSlot) => CreateSharing(kernel, firstSharedSlot, null);

    /// <summary>
    /// As <see cref="CreateSharing(AddressSpace, int)"/>, and with <paramref name="userTemplate"/> (page-table
    /// isolation) a second root, <see cref="UserRoot"/>, whose kernel half is the template's PML4 entries from
    /// <paramref name="firstSharedSlot"/> on: the two roots are a frame pair (<see cref="FrameAllocator.AllocatePair"/>).
    /// Root is 0 when out of frames.
    /// </summary>
    public static AddressSpace CreateSharing(AddressSpace kernel, int firstSharedSlot, AddressSpace? userTemplate)
    {
        AddressSpace space = new AddressSpace(kernel._frames, kernel.PhysicalWindow, userTemplate is not null);
        if (space.Root == 0) return space;
        ulong* mine = space.Table(space.Root);
        ulong* theirs = kernel.Table(kernel.Root);
        for (int slot = firstSharedSlot; slot < 512; slot++) mine[slot] = theirs[slot];
        if (userTemplate is null) return space;
        ulong* user = space.Table(space.UserRoot);
        ulong* template = userTemplate.Table(userTemplate.Root);
        for (int slot = firstSharedSlot; slot < 512; slot++) user[slot] = template[slot];
        return space;
    }

    private AddressSpace(FrameAllocator frames, ulong physicalWindow, bool withUserRoot)
    {
        _frames = frames;
        PhysicalWindow = physicalWindow;
        if (!withUserRoot)
        {
            Root = NewTable();
            return;
        }
        ulong pair = frames.AllocatePair();
        if (pair == 0) return;
        ulong* tables = Table(pair);
        for (int i = 0; i < 1024; i++) tables[i] = 0;
        Root = pair;
        UserRoot = pair + FrameAllocator.FrameSize;
        TableFrames = 2;
    }

    /// <summary>
    /// The physical address and the leaf's flags for a 4 KiB-mapped <paramref name="virtualAddress"/> (<see cref="LeafOf"/>
    /// taken apart); a large page on the way, like an absent entry, answers false.
    /// </summary>
    public bool TryQuery(ulong virtualAddress, out ulong physicalAddress, out ulong flags)
    {
        ulong entry = LeafOf(virtualAddress);
        physicalAddress = entry == 0 ? 0 : (entry & PageTableEntry.AddressMask) | (virtualAddress & 0xFFF);
        flags = entry & ~PageTableEntry.AddressMask;
        return entry != 0;
    }

    /// <summary>
    /// The leaf entry of the 4 KiB page that maps <paramref name="virtualAddress"/> (never 0: it has the present bit),
    /// or 0 when there is none (absent, non-canonical, or inside a large page). One word in a register instead of two
    /// out values: the user-pointer checks test its flags straight away. Every user-pointer check and cross-space copy
    /// comes here (several times per scheme call), so the four levels are spelled out rather than looped.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public ulong LeafOf(ulong virtualAddress)
    {
        // The hit is inlined into the user-pointer checks; the walk is not.
        int slot = LeafSlot(virtualAddress);
        if (_leaves.Pages[slot] == ((virtualAddress & ~0xFFFUL) | 1)) return _leaves.Entries[slot];
        return WalkToLeaf(virtualAddress);
    }

    /// <summary><see cref="LeafOf"/> past its cache: the four levels, remembering a lower-half leaf.</summary>
    private ulong WalkToLeaf(ulong virtualAddress)
    {
        ulong top = virtualAddress >> 47;
        if ((top != 0 && top != 0x1FFFF) || Root == 0) return 0;
        int slot = LeafSlot(virtualAddress);
        ulong tag = (virtualAddress & ~0xFFFUL) | 1;
        const ulong present = PageTableEntry.Present, presentOrLarge = PageTableEntry.Present | PageTableEntry.HugePage;
        ulong window = PhysicalWindow;
        ulong entry = ((ulong*)(window + Root))[(virtualAddress >> 39) & 511];
        if ((entry & presentOrLarge) != present) return 0;
        entry = ((ulong*)(window + (entry & PageTableEntry.AddressMask)))[(virtualAddress >> 30) & 511];
        if ((entry & presentOrLarge) != present) return 0;
        entry = ((ulong*)(window + (entry & PageTableEntry.AddressMask)))[(virtualAddress >> 21) & 511];
        if ((entry & presentOrLarge) != present) return 0;
        entry = ((ulong*)(window + (entry & PageTableEntry.AddressMask)))[(virtualAddress >> 12) & 511];
        if ((entry & present) == 0) return 0;
        if (top == 0)
        {
            _leaves.Pages[slot] = tag;
            _leaves.Entries[slot] = entry;
        }
        return entry;
    }

    private static int LeafSlot(ulong virtualAddress) => (int)(virtualAddress >> 12) & (LeafCache.Size - 1);

    /// <summary>
    /// The first page at or after <paramref name="virtualAddress"/> and below <paramref name="end"/> that has a 4 KiB
    /// mapping, or <paramref name="end"/> when none does. Skips absent tables whole (512 GiB, 1 GiB, 2 MiB at a
    /// time), so the cost follows what is mapped, not the size of the range.
    /// </summary>
    public ulong NextMapped(ulong virtualAddress, ulong end)
    {
        ulong page = virtualAddress & ~0xFFFUL;
        while (page < end && PageTableIndex.IsCanonical(page))
        {
            ulong* table = Table(Root);
            ulong skip = 0;
            for (int level = 4; level >= 1; level--)
            {
                ulong entry = table[PageTableIndex.At(page, level)];
                if ((entry & PageTableEntry.Present) == 0 || (level > 1 && (entry & PageTableEntry.HugePage) != 0))
                {
                    skip = 1UL << (12 + 9 * (level - 1));
                    break;
                }
                if (level == 1) return page;
                table = Table(entry & PageTableEntry.AddressMask);
            }
            ulong next = (page & ~(skip - 1)) + skip;
            if (next <= page) break;                          // wrapped past the top
            page = next;
        }
        return end;
    }

    /// <summary>
    /// Frees the private half of a process space (PML4 slots below <paramref name="firstSharedSlot"/>): every
    /// owned leaf frame and every table frame, then the root itself (and the user view's root, whose lower half is the
    /// same tables). The space must not be loaded in CR3. Returns
    /// the number of frames given back.
    /// </summary>
    public ulong ReleasePrivateHalf(int firstSharedSlot)
    {
        if (Root == 0) return 0;
        ulong freed = 0;
        ulong* pml4 = Table(Root);
        for (int i4 = 0; i4 < firstSharedSlot; i4++)
        {
            if ((pml4[i4] & PageTableEntry.Present) == 0) continue;
            ulong* pdpt = Table(pml4[i4] & PageTableEntry.AddressMask);
            for (int i3 = 0; i3 < 512; i3++)
            {
                if ((pdpt[i3] & PageTableEntry.Present) == 0) continue;
                ulong* pd = Table(pdpt[i3] & PageTableEntry.AddressMask);
                for (int i2 = 0; i2 < 512; i2++)
                {
                    if ((pd[i2] & PageTableEntry.Present) == 0 || (pd[i2] & PageTableEntry.HugePage) != 0) continue;
                    ulong* pt = Table(pd[i2] & PageTableEntry.AddressMask);
                    for (int i1 = 0; i1 < 512; i1++)
                    {
                        ulong leaf = pt[i1];
                        if ((leaf & (PageTableEntry.Present | PageTableEntry.Owned)) == (PageTableEntry.Present | PageTableEntry.Owned) &&
                            _frames.Free(leaf & PageTableEntry.AddressMask)) freed++;
                    }
                    freed += FreeTable(pd[i2]);
                }
                freed += FreeTable(pdpt[i3]);
            }
            freed += FreeTable(pml4[i4]);
        }
        if (_frames.Free(Root)) freed++;
        if (UserRoot != 0 && _frames.Free(UserRoot)) freed++;
        for (int i = 0; i < LeafCache.Size; i++) _leaves.Pages[i] = 0;
        Root = 0;
        UserRoot = 0;
        TableFrames = 0;
        return freed;
    }

    private ulong FreeTable(ulong entry) => _frames.Free(entry & PageTableEntry.AddressMask) ? 1UL : 0UL;

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
                // The user view shares every lower-half table below the PML4: a new PML4 entry goes into both roots.
                if (level == 4 && UserRoot != 0 && virtualAddress >> 47 == 0) Table(UserRoot)[PageTableIndex.At(virtualAddress, 4)] = entry;
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
