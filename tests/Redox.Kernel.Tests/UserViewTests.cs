using System;
using Redox.Kernel.Arch.X64;
using Redox.Kernel.Memory;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>
/// Page-table isolation's page tables over emulated memory: the user-view template (the entry code and entry area,
/// nothing else of the kernel), a process's pair of roots (kernel view, user view) sharing every lower-half table,
/// the aligned frame pair they live in, and the CR3 values the entry and exit paths load.
/// </summary>
public unsafe class UserViewTests : IDisposable
{
    private const ulong Page = 4096;
    private const ulong Window = 0xFFFF_8000_0000_0000, Heap = 0xFFFF_C000_0000_0000, Stacks = 0xFFFF_D000_0000_0000;
    private const ulong ImageText = 0xFFFF_FFFF_8010_8000;            // as kernel.ld lays it out: entry code first
    private const ulong EntryCode = ImageText, EntryCodeEnd = ImageText + 3 * Page;
    private const ulong OtherText = EntryCodeEnd, EntryData = 0xFFFF_FFFF_8056_1000, EntryDataEnd = EntryData + 6 * Page;
    private const ulong Bss = EntryData - Page;

    private readonly EmulatedPhysicalMemory _memory = new EmulatedPhysicalMemory(8 << 20);

    public void Dispose() => _memory.Dispose();

    /// <summary>A kernel space shaped like KernelPaging's: the window, image pages, a heap page, a stack page.</summary>
    private AddressSpace KernelSpace()
    {
        AddressSpace kernel = _memory.NewSpace();
        Assert.True(kernel.MapLarge(Window, 0, PageTableEntry.Writable | PageTableEntry.NoExecute | PageTableEntry.Global));
        ulong frame = 0x60_0000;
        for (ulong page = ImageText; page < OtherText + 2 * Page; page += Page, frame += Page)
            Assert.True(kernel.Map(page, frame, PageTableEntry.Global));
        for (ulong page = Bss; page < EntryDataEnd + Page; page += Page, frame += Page)
            Assert.True(kernel.Map(page, frame, PageTableEntry.Global | PageTableEntry.Writable | PageTableEntry.NoExecute));
        Assert.True(kernel.Map(Heap, frame, PageTableEntry.Writable | PageTableEntry.NoExecute));
        Assert.True(kernel.Map(Stacks + 0xF000, frame + Page, PageTableEntry.Writable | PageTableEntry.NoExecute));
        return kernel;
    }

    /// <summary>The leaf entry mapping <paramref name="virtualAddress"/> under <paramref name="root"/> (0 when none).</summary>
    private ulong Leaf(ulong root, ulong virtualAddress)
    {
        ulong* table = _memory.Table(root);
        for (int level = 4; level >= 1; level--)
        {
            ulong entry = table[PageTableIndex.At(virtualAddress, level)];
            if ((entry & PageTableEntry.Present) == 0) return 0;
            if (level == 1 || (entry & PageTableEntry.HugePage) != 0) return entry;
            table = _memory.Table(entry);
        }
        return 0;
    }

    private static ulong Frame(ulong entry) => entry & PageTableEntry.AddressMask;

    [Fact]
    public void The_template_maps_the_entry_code_and_entry_area_as_the_kernel_does_and_nothing_else()
    {
        AddressSpace kernel = KernelSpace();

        AddressSpace? template = UserViewTemplate.Build(kernel, EntryCode, EntryCodeEnd, EntryData, EntryDataEnd);

        Assert.NotNull(template);
        for (ulong page = EntryCode; page < EntryCodeEnd; page += Page)
        {
            ulong entry = Leaf(template!.Root, page);
            Assert.Equal(Frame(Leaf(kernel.Root, page)), Frame(entry));
            // Supervisor, read-only, executable, not global.
            Assert.Equal(PageTableEntry.Present, entry & (PageTableEntry.Present | PageTableEntry.Writable | PageTableEntry.User | PageTableEntry.NoExecute | PageTableEntry.Global));
        }
        for (ulong page = EntryData; page < EntryDataEnd; page += Page)
        {
            ulong entry = Leaf(template!.Root, page);
            Assert.Equal(Frame(Leaf(kernel.Root, page)), Frame(entry));
            Assert.Equal(PageTableEntry.Present | PageTableEntry.Writable | PageTableEntry.NoExecute,
                entry & (PageTableEntry.Present | PageTableEntry.Writable | PageTableEntry.User | PageTableEntry.NoExecute | PageTableEntry.Global));
        }
        // Everything else the kernel maps is absent: the window, the heap, a stack, the rest of the image.
        foreach (ulong hidden in new[] { Window, Window + 0x10_0000, Heap, Stacks + 0xF000, OtherText, OtherText + Page, Bss, EntryDataEnd })
        {
            Assert.NotEqual(0UL, Leaf(kernel.Root, hidden));
            Assert.Equal(0UL, Leaf(template!.Root, hidden));
        }
        // The lower half is empty, and of the kernel half only the image's PML4 slot is used.
        ulong* pml4 = _memory.Table(template!.Root);
        for (int slot = 0; slot < 511; slot++) Assert.Equal(0UL, pml4[slot]);
        Assert.NotEqual(0UL, pml4[511]);
    }

    [Theory]
    [InlineData(EntryCode + 1, EntryCodeEnd, EntryData, EntryDataEnd)]          // not page-aligned
    [InlineData(EntryCode, EntryCode, EntryData, EntryDataEnd)]                 // empty
    [InlineData(0x40_0000UL, 0x40_1000UL, EntryData, EntryDataEnd)]             // the lower half
    [InlineData(EntryCode, EntryCodeEnd, EntryData, EntryDataEnd + 2 * Page)]   // a page the kernel does not map
    public void A_range_that_is_not_the_kernels_own_pages_builds_no_template(ulong codeStart, ulong codeEnd, ulong dataStart, ulong dataEnd)
    {
        Assert.Null(UserViewTemplate.Build(KernelSpace(), codeStart, codeEnd, dataStart, dataEnd));
    }

    [Fact]
    public void A_process_gets_a_frame_pair_the_kernel_half_of_each_view_and_one_lower_half_for_both()
    {
        AddressSpace kernel = KernelSpace();
        AddressSpace template = UserViewTemplate.Build(kernel, EntryCode, EntryCodeEnd, EntryData, EntryDataEnd)!;

        AddressSpace process = AddressSpace.CreateSharing(kernel, 256, template);

        Assert.Equal(0UL, process.Root % (2 * Page));
        Assert.Equal(process.Root + IsolatedRoots.UserViewOffset, process.UserRoot);
        Assert.Equal(2, process.TableFrames);
        ulong* kernelView = _memory.Table(process.Root), userView = _memory.Table(process.UserRoot);
        ulong* kernelPml4 = _memory.Table(kernel.Root), templatePml4 = _memory.Table(template.Root);
        for (int slot = 0; slot < 256; slot++) Assert.Equal(0UL, kernelView[slot] | userView[slot]);
        for (int slot = 256; slot < 512; slot++)
        {
            Assert.Equal(kernelPml4[slot], kernelView[slot]);
            Assert.Equal(templatePml4[slot], userView[slot]);
        }
        Assert.Equal(0UL, Leaf(process.UserRoot, Window + 0x10_0000));
        Assert.NotEqual(0UL, Leaf(process.Root, Window + 0x10_0000));

        // Mappings made later, in two PML4 slots, are seen through both views (the same tables below the roots).
        Assert.True(process.Map(0x40_0000, 0x70_0000, PageTableEntry.User));
        Assert.True(process.Map(0x0000_7FFF_FFFF_E000, 0x70_1000, PageTableEntry.User | PageTableEntry.Writable));
        foreach (ulong address in new ulong[] { 0x40_0000, 0x0000_7FFF_FFFF_E000 })
        {
            Assert.NotEqual(0UL, Leaf(process.Root, address));
            Assert.Equal(Leaf(process.Root, address), Leaf(process.UserRoot, address));
        }
        for (int slot = 0; slot < 256; slot++) Assert.Equal(kernelView[slot], userView[slot]);
    }

    [Fact]
    public void Releasing_a_process_gives_back_both_roots_and_every_table()
    {
        AddressSpace kernel = KernelSpace();
        AddressSpace template = UserViewTemplate.Build(kernel, EntryCode, EntryCodeEnd, EntryData, EntryDataEnd)!;
        ulong free = _memory.Frames.FreeFrames;
        AddressSpace process = AddressSpace.CreateSharing(kernel, 256, template);
        Assert.True(process.Map(0x40_0000, 0x70_0000, PageTableEntry.User));

        ulong freed = process.ReleasePrivateHalf(256);

        Assert.Equal(5UL, freed);                                      // two roots, PDPT, PD, PT (the leaf was not owned)
        Assert.Equal(free, _memory.Frames.FreeFrames);
        Assert.Equal(0UL, process.Root);
        Assert.Equal(0UL, process.UserRoot);
    }

    [Fact]
    public void Without_a_template_a_process_has_no_user_view()
    {
        AddressSpace process = AddressSpace.CreateSharing(KernelSpace(), 256);

        Assert.Equal(0UL, process.UserRoot);
        Assert.Equal(1, process.TableFrames);
    }

    [Fact]
    public void A_frame_pair_starts_at_an_8_KiB_boundary_and_skips_a_lone_free_frame()
    {
        using var memory = new EmulatedPhysicalMemory(1 << 20, freeFrames: 0);
        FrameAllocator frames = memory.Frames;
        frames.MarkFree(3 * Page, 4 * Page);                          // frame 3 alone: its pair would start at an odd frame
        frames.MarkFree(5 * Page, 8 * Page);                          // frames 5, 6, 7: the pair is 6-7
        ulong pair = frames.AllocatePair();

        Assert.Equal(6 * Page, pair);
        Assert.True(frames.IsUsed(6) && frames.IsUsed(7));
        Assert.False(frames.IsUsed(3) || frames.IsUsed(5));
        Assert.Equal(0UL, frames.AllocatePair());                     // 3 and 5 are free, but no pair is
        frames.MarkFree(64 * Page, 66 * Page);                        // in the next bitmap word
        Assert.Equal(64 * Page, frames.AllocatePair());
    }

    [Fact]
    public void Without_PCID_the_roots_are_bare_and_the_user_view_is_the_next_frame()
    {
        IsolatedRoots roots = IsolatedRoots.For(0x12_4000, pcid: false, kept: true);

        Assert.Equal(0x12_4000UL, roots.KernelSwitch);
        Assert.Equal(0x12_4000UL, roots.KernelEntry);
        Assert.Equal(0x12_5000UL, roots.UserExit);
        Assert.Equal(0x12_5000UL, roots.UserKeep);                     // bit 63 must stay clear without PCIDE
    }

    [Theory]
    [InlineData(0x2000UL)]
    [InlineData(0x12_4000UL)]
    [InlineData(0xFFF_FFFF_E000UL)]
    public void With_PCID_each_view_has_its_own_tag_and_the_no_flush_bit_only_when_the_tag_is_kept(ulong root)
    {
        const ulong noFlush = 1UL << 63;
        IsolatedRoots kept = IsolatedRoots.For(root, pcid: true, kept: true);
        IsolatedRoots fresh = IsolatedRoots.For(root, pcid: true, kept: false);
        ulong kernelTag = kept.KernelEntry & 0xFFF, userTag = kept.UserExit & 0xFFF;

        Assert.InRange(kernelTag, 1UL, 2047UL);                        // 0 is the kernel's own space
        Assert.Equal(kernelTag + 2048, userTag);
        Assert.Equal(root | kernelTag | noFlush, kept.KernelSwitch);
        Assert.Equal(root | kernelTag | noFlush, kept.KernelEntry);
        Assert.Equal(root + Page | userTag | noFlush, kept.UserExit);
        Assert.Equal(kept.UserExit, kept.UserKeep);
        // A new owner of the tags: the switch and the first way out flush; entries never flush the kernel tag.
        Assert.Equal(root | kernelTag, fresh.KernelSwitch);
        Assert.Equal(root | kernelTag | noFlush, fresh.KernelEntry);
        Assert.Equal(root + Page | userTag, fresh.UserExit);
        Assert.Equal(root + Page | userTag | noFlush, fresh.UserKeep);
    }

    [Fact]
    public void Neighbouring_frame_pairs_get_different_tags()
    {
        Assert.NotEqual(IsolatedRoots.KernelTag(0x10_0000), IsolatedRoots.KernelTag(0x10_2000));
    }
}
