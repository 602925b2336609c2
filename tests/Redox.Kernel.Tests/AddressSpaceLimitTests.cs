using System.Collections.Generic;
using CsCheck;
using Redox.Kernel.Memory;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>Address spaces when frames run out, on an empty root, at odd addresses, and under random maps and unmaps.</summary>
public unsafe class AddressSpaceLimitTests
{
    private const ulong Flags = PageTableEntry.Writable;

    [Fact]
    public void NoFrameForTheRootGivesAnEmptySpace()
    {
        using var memory = new EmulatedPhysicalMemory(1 << 20, freeFrames: 0);
        AddressSpace space = memory.NewSpace();
        Assert.Equal(0UL, space.Root);
        Assert.Equal(0, space.TableFrames);
        Assert.False(space.Map(0x1000, 0x2000, Flags));
        Assert.False(space.MapLarge(0x20_0000, 0x20_0000, Flags));
        Assert.Equal(0UL, space.Unmap(0x1000));
    }

    [Fact]
    public void TranslateOnAnEmptySpaceIsFalse()
    {
        using var memory = new EmulatedPhysicalMemory(1 << 20, freeFrames: 0);
        AddressSpace space = memory.NewSpace();
        // Whatever frame 0 holds must not matter; make it look like present huge entries to prove it is read.
        ulong* frameZero = memory.Table(0);
        for (int i = 0; i < 512; i++) frameZero[i] = PageTableEntry.Present | PageTableEntry.HugePage;
        Assert.False(space.TryTranslate(0x1000, out _));
    }

    [Fact]
    public void RunningOutOfFramesFailsWithoutHarmingExistingMappings()
    {
        // Five free frames: the root, then PDPT + PD + PT for the first page, then one spare.
        using var memory = new EmulatedPhysicalMemory(1 << 20, freeFrames: 5);
        AddressSpace space = memory.NewSpace();
        Assert.True(space.Map(0x1000, 0x7_0000, Flags));
        Assert.Equal(1UL, memory.Frames.FreeFrames);

        const ulong Far = 0x0000_7F00_0000_0000;                  // another PML4 slot: needs three tables
        Assert.False(space.Map(Far, 0x8_0000, Flags));
        Assert.False(space.TryTranslate(Far, out _));
        Assert.Equal(0UL, memory.Frames.FreeFrames);
        Assert.False(space.MapLarge(0x0000_7E00_0000_0000, 0x20_0000, Flags));

        Assert.True(space.TryTranslate(0x1000, out ulong physical));
        Assert.Equal(0x7_0000UL, physical);
        Assert.True(space.Map(0x2000, 0x7_1000, Flags));          // the existing page table still has room
        Assert.True(space.TryTranslate(0x2000, out physical));
        Assert.Equal(0x7_1000UL, physical);
        Assert.Equal(0x7_0000UL, space.Unmap(0x1000));
    }

    [Fact]
    public void UnmapOfANonCanonicalAddressRemovesNothing()
    {
        using var memory = new EmulatedPhysicalMemory(1 << 20);
        AddressSpace space = memory.NewSpace();
        Assert.True(space.Map(0x1000, 0x7_0000, Flags));
        Assert.Equal(0UL, space.Unmap(0x0001_0000_0000_1000));   // bit 48 set: not canonical, same indices as 0x1000
        Assert.True(space.TryTranslate(0x1000, out _));
    }

    [Fact]
    public void RandomMapsAndUnmapsTranslateLikeADictionary()
    {
        var index = Gen.Int[0, 511];
        var page = Gen.Select(Gen.OneOf(Gen.Int[0, 3], Gen.Int[256, 511]), Gen.Int[0, 3], index, index,
            (pml4, pdpt, pd, pt) => PageTableIndex.Compose(pml4, pdpt, pd, pt));
        Gen.Select(page, Gen.Int[1, 0xFFFF], Gen.Bool).Array[1, 60].Sample(steps =>
        {
            using var memory = new EmulatedPhysicalMemory(2 << 20);
            AddressSpace space = memory.NewSpace();
            var model = new Dictionary<ulong, ulong>();
            foreach (var (virtualAddress, frame, unmap) in steps)
            {
                ulong physical = (ulong)frame << 12;
                if (unmap)
                {
                    ulong expected = model.Remove(virtualAddress, out ulong had) ? had : 0;
                    Assert.Equal(expected, space.Unmap(virtualAddress));
                }
                else
                {
                    Assert.Equal(!model.ContainsKey(virtualAddress), space.Map(virtualAddress, physical, Flags));
                    model.TryAdd(virtualAddress, physical);
                }
                foreach (var (mappedVirtual, mappedPhysical) in model)
                {
                    Assert.True(space.TryTranslate(mappedVirtual + 0x123, out ulong translated));
                    Assert.Equal(mappedPhysical + 0x123, translated);
                }
            }
        }, iter: 200);
    }
}
