using System;
using Redox.Kernel.Memory;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>
/// <see cref="AddressSpace.TryQuery"/> keeps the lower half's last leaves (a software TLB for user-pointer checks): it must
/// never answer from a leaf that has changed since.
/// </summary>
public unsafe class AddressSpaceQueryCacheTests : IDisposable
{
    private const ulong Flags = PageTableEntry.Writable | PageTableEntry.User;
    private readonly EmulatedPhysicalMemory _memory = new EmulatedPhysicalMemory();

    public void Dispose() => _memory.Dispose();

    private static ulong Query(AddressSpace space, ulong virtualAddress, out ulong flags)
    {
        Assert.True(space.TryQuery(virtualAddress, out ulong physical, out flags), $"0x{virtualAddress:x} is not mapped");
        return physical;
    }

    [Fact]
    public void AnUnmappedPageIsGoneAndARemappedOneHasItsNewFrameAndFlags()
    {
        AddressSpace space = _memory.NewSpace();
        Assert.True(space.Map(0x40_1000, 0x2000, Flags));
        Assert.Equal(0x2123UL, Query(space, 0x40_1123, out _));
        Assert.Equal(0x2000UL, Query(space, 0x40_1000, out _));            // answered again (from the cache)
        Assert.Equal(0x2000UL, space.Unmap(0x40_1000));
        Assert.False(space.TryQuery(0x40_1000, out _, out _));
        Assert.True(space.Map(0x40_1000, 0x7000, PageTableEntry.User));    // read-only now, another frame
        Assert.Equal(0x7008UL, Query(space, 0x40_1008, out ulong flags));
        Assert.Equal(0UL, flags & PageTableEntry.Writable);
    }

    [Fact]
    public void PagesSharingACacheSlotEachGetTheirOwnFrame()
    {
        AddressSpace space = _memory.NewSpace();
        // Eight slots by page number: these three pages fall in the same one.
        Assert.True(space.Map(0x1000, 0x11000, Flags));
        Assert.True(space.Map(0x9000, 0x19000, Flags));
        Assert.True(space.Map(0x1_1000, 0x21000, Flags));
        for (int round = 0; round < 3; round++)
        {
            Assert.Equal(0x11000UL, Query(space, 0x1000, out _));
            Assert.Equal(0x19000UL, Query(space, 0x9000, out _));
            Assert.Equal(0x21000UL, Query(space, 0x1_1000, out _));
        }
        Assert.Equal(0x19000UL, space.Unmap(0x9000));
        Assert.Equal(0x11000UL, Query(space, 0x1000, out _));
        Assert.False(space.TryQuery(0x9000, out _, out _));
    }

    [Fact]
    public void SpacesNeverAnswerFromEachOther()
    {
        AddressSpace a = _memory.NewSpace(), b = _memory.NewSpace();
        Assert.True(a.Map(0x5000, 0x31000, Flags));
        Assert.Equal(0x31000UL, Query(a, 0x5000, out _));
        Assert.False(b.TryQuery(0x5000, out _, out _));
    }

    [Fact]
    public void TheSharedKernelHalfIsAlwaysWalked()
    {
        // The upper half's tables are the kernel space's: the kernel unmaps there without telling a process's space, so
        // a process space must not keep those leaves.
        AddressSpace kernel = _memory.NewSpace();
        const ulong upper = 0xFFFF_8000_0040_0000;
        Assert.True(kernel.Map(upper, 0x41000, PageTableEntry.Writable));
        AddressSpace process = AddressSpace.CreateSharing(kernel, 256);
        Assert.Equal(0x41000UL, Query(process, upper, out _));
        Assert.Equal(0x41000UL, kernel.Unmap(upper));
        Assert.False(process.TryQuery(upper, out _, out _));
    }

    [Fact]
    public void AReleasedSpaceAnswersNothing()
    {
        AddressSpace kernel = _memory.NewSpace();
        AddressSpace process = AddressSpace.CreateSharing(kernel, 256);
        Assert.True(process.Map(0x3000, 0x51000, Flags));
        Assert.Equal(0x51000UL, Query(process, 0x3000, out _));
        process.ReleasePrivateHalf(256);
        Assert.False(process.TryQuery(0x3000, out _, out _));
    }
}
