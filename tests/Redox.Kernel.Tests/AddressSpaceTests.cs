using System;
using Redox.Kernel.Memory;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>Four-level page tables over emulated physical memory: map, translate, unmap, and every refusal.</summary>
public unsafe class AddressSpaceTests : IDisposable
{
    private const ulong Page = 4096, Large = 2 << 20;
    private const ulong Flags = PageTableEntry.Writable;
    private readonly EmulatedPhysicalMemory _memory = new EmulatedPhysicalMemory();

    public void Dispose() => _memory.Dispose();

    private static ulong Translate(AddressSpace space, ulong virtualAddress)
    {
        Assert.True(space.TryTranslate(virtualAddress, out ulong physical), $"0x{virtualAddress:x} is not mapped");
        return physical;
    }

    [Fact]
    public void NewSpaceHasAZeroedRoot()
    {
        AddressSpace space = _memory.NewSpace();
        Assert.NotEqual(0UL, space.Root);
        Assert.Equal(0UL, space.Root % Page);
        Assert.Equal(_memory.Window, space.PhysicalWindow);
        Assert.Equal(1, space.TableFrames);
        ulong* root = _memory.Table(space.Root);
        for (int i = 0; i < 512; i++) Assert.Equal(0UL, root[i]);
        Assert.False(space.TryTranslate(0x1000, out _));
    }

    [Fact]
    public void MapsAndTranslatesA4KiBPage()
    {
        AddressSpace space = _memory.NewSpace();
        Assert.True(space.Map(0x4000_0000, 0x20_0000, Flags));
        Assert.Equal(4, space.TableFrames);                        // PML4, PDPT, PD, PT
        Assert.Equal(0x20_0000UL, Translate(space, 0x4000_0000));
        Assert.Equal(0x20_0ABCUL, Translate(space, 0x4000_0ABC));
        Assert.False(space.TryTranslate(0x4000_1000, out _));
        Assert.False(space.TryTranslate(0x3FFF_F000, out _));
    }

    [Fact]
    public void LeafEntryCarriesAddressAndFlags()
    {
        AddressSpace space = _memory.NewSpace();
        const ulong va = 0x7F_0012_3000;
        Assert.True(space.Map(va, 0x1234_5000, PageTableEntry.Writable | PageTableEntry.NoExecute));
        ulong* table = _memory.Table(space.Root);
        for (int level = 4; level > 1; level--)
        {
            ulong entry = table[PageTableIndex.At(va, level)];
            Assert.Equal(PageTableEntry.Present | PageTableEntry.Writable | PageTableEntry.User, entry & 0xFFF);
            table = _memory.Table(entry);
        }
        Assert.Equal(0x1234_5000UL | PageTableEntry.Present | PageTableEntry.Writable | PageTableEntry.NoExecute,
            table[PageTableIndex.At(va, 1)]);
    }

    [Fact]
    public void NeighboursShareTables()
    {
        AddressSpace space = _memory.NewSpace();
        for (ulong i = 0; i < 512; i++) Assert.True(space.Map(0x60_0000 + i * Page, 0x100_0000 + i * Page, Flags));
        Assert.Equal(4, space.TableFrames);
        Assert.True(space.Map(0x80_0000, 0x3000, Flags));        // next PD entry: one more PT
        Assert.Equal(5, space.TableFrames);
        Assert.True(space.Map(0x8000_0000_0000 - Page, 0x4000, Flags)); // PML4 255: PDPT, PD, PT
        Assert.Equal(8, space.TableFrames);
        for (ulong i = 0; i < 512; i++) Assert.Equal(0x100_0000 + i * Page + 7, Translate(space, 0x60_0000 + i * Page + 7));
    }

    [Fact]
    public void MapsTheHigherHalf()
    {
        AddressSpace space = _memory.NewSpace();
        Assert.True(space.Map(0xFFFF_C000_0000_0000, 0x5000, Flags));
        Assert.True(space.Map(0xFFFF_FFFF_FFFF_F000, 0x6000, Flags));
        Assert.Equal(0x5010UL, Translate(space, 0xFFFF_C000_0000_0010));
        Assert.Equal(0x6FFFUL, Translate(space, ulong.MaxValue));
        Assert.Equal(384, PageTableIndex.At(0xFFFF_C000_0000_0000, 4));
        Assert.NotEqual(0UL, _memory.Table(space.Root)[384]);
        Assert.NotEqual(0UL, _memory.Table(space.Root)[511]);
    }

    [Fact]
    public void RefusesUnalignedAddresses()
    {
        AddressSpace space = _memory.NewSpace();
        Assert.False(space.Map(0x1001, 0x2000, Flags));
        Assert.False(space.Map(0x1000, 0x2800, Flags));
        Assert.Equal(1, space.TableFrames);                       // refused before any table was made
        Assert.False(space.TryTranslate(0x1000, out _));
    }

    [Theory]
    [InlineData(0x0000_8000_0000_0000UL)]
    [InlineData(0xFFFF_7FFF_FFFF_F000UL)]
    [InlineData(0x0001_0000_0000_0000UL)]
    public void RefusesNonCanonicalAddresses(ulong virtualAddress)
    {
        AddressSpace space = _memory.NewSpace();
        Assert.False(space.Map(virtualAddress, 0x2000, Flags));
        Assert.False(space.MapLarge(virtualAddress & ~(Large - 1), 0x20_0000, Flags));
        Assert.False(space.TryTranslate(virtualAddress, out _));
        Assert.Equal(1, space.TableFrames);
    }

    [Fact]
    public void RefusesToMapTwice()
    {
        AddressSpace space = _memory.NewSpace();
        Assert.True(space.Map(0x1000, 0x2000, Flags));
        Assert.False(space.Map(0x1000, 0x9000, Flags));
        Assert.Equal(0x2000UL, Translate(space, 0x1000));
    }

    [Fact]
    public void UnmapReturnsThePhysicalAddressOnce()
    {
        AddressSpace space = _memory.NewSpace();
        Assert.True(space.Map(0x1000, 0x2000, Flags));
        Assert.True(space.Map(0x2000, 0x3000, Flags));
        Assert.Equal(0x2000UL, space.Unmap(0x1000));
        Assert.False(space.TryTranslate(0x1000, out _));
        Assert.Equal(0x3000UL, Translate(space, 0x2000));
        Assert.Equal(0UL, space.Unmap(0x1000));
        Assert.Equal(0UL, space.Unmap(0x7000_0000));              // never had tables
        Assert.True(space.Map(0x1000, 0x8000, Flags));            // the slot is reusable
        Assert.Equal(0x8000UL, Translate(space, 0x1000));
    }

    [Fact]
    public void MapsAndTranslatesA2MiBPage()
    {
        AddressSpace space = _memory.NewSpace();
        Assert.True(space.MapLarge(0x4000_0000, 0x40_0000, Flags));
        Assert.Equal(3, space.TableFrames);                       // PML4, PDPT, PD
        Assert.Equal(0x41_2345UL, Translate(space, 0x4001_2345));
        Assert.Equal(0x5F_FFFFUL, Translate(space, 0x401F_FFFF));
        Assert.False(space.TryTranslate(0x4020_0000, out _));
        ulong pd = _memory.Table(_memory.Table(space.Root)[0])[1];
        ulong entry = _memory.Table(pd)[0];
        Assert.NotEqual(0UL, entry & PageTableEntry.HugePage);
    }

    [Fact]
    public void RefusesUnalignedLargePages()
    {
        AddressSpace space = _memory.NewSpace();
        Assert.False(space.MapLarge(0x4000_1000, 0x40_0000, Flags));
        Assert.False(space.MapLarge(0x4000_0000, 0x40_1000, Flags));
        Assert.Equal(1, space.TableFrames);
    }

    [Fact]
    public void RefusesSmallPagesInsideALargePage()
    {
        AddressSpace space = _memory.NewSpace();
        Assert.True(space.MapLarge(0x20_0000, 0x60_0000, Flags));
        Assert.False(space.Map(0x20_3000, 0x9000, Flags));
        Assert.False(space.MapLarge(0x20_0000, 0x80_0000, Flags));
        Assert.Equal(0UL, space.Unmap(0x20_3000));                // Unmap is for 4 KiB pages only
        Assert.Equal(0x60_3000UL, Translate(space, 0x20_3000));
        Assert.Equal(3, space.TableFrames);
    }

    [Fact]
    public void RefusesALargePageOverAPageTable()
    {
        AddressSpace space = _memory.NewSpace();
        Assert.True(space.Map(0x20_5000, 0x9000, Flags));
        Assert.False(space.MapLarge(0x20_0000, 0x60_0000, Flags));
        Assert.Equal(0x9000UL, Translate(space, 0x20_5000));
        Assert.False(space.TryTranslate(0x20_0000, out _));
    }

    [Fact]
    public void SpacesAreIndependent()
    {
        AddressSpace a = _memory.NewSpace();
        AddressSpace b = _memory.NewSpace();
        Assert.NotEqual(a.Root, b.Root);
        Assert.True(a.Map(0x1000, 0x2000, Flags));
        Assert.True(b.Map(0x1000, 0x5000, Flags));
        Assert.Equal(0x2000UL, Translate(a, 0x1000));
        Assert.Equal(0x5000UL, Translate(b, 0x1000));
    }

    [Fact]
    public void TablesComeFromTheFrameAllocator()
    {
        ulong free = _memory.Frames.FreeFrames;
        AddressSpace space = _memory.NewSpace();
        Assert.True(_memory.Frames.IsUsed(space.Root / Page));
        Assert.True(space.Map(0x1000, 0x2000, Flags));
        Assert.Equal(free - (ulong)space.TableFrames, _memory.Frames.FreeFrames);
    }
}
