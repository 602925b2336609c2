using System;
using System.Collections.Generic;
using Redox.Kernel.Memory;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>
/// The kernel heap over an emulated backing: growth reserves address space without mapping it, blocks commit
/// their pages when prepared, and free blocks give whole pages back.
/// </summary>
public unsafe class KernelHeapGrowthTests : IDisposable
{
    private const nuint Page = KernelHeap.PageSize;
    private readonly EmulatedHeapPages _pages = new EmulatedHeapPages();
    private KernelHeap _heap;

    public KernelHeapGrowthTests() => _heap.SetBacking(_pages.Backing);

    public void Dispose() => _pages.Dispose();

    private static bool IsZero(byte* p, nuint length)
    {
        for (nuint i = 0; i < length; i++) if (p[i] != 0) return false;
        return true;
    }

    [Fact]
    public void GrowthStartsAnUninitializedHeap()
    {
        byte* p = _heap.Allocate(64);
        Assert.True(p != null);
        Assert.True(_heap.IsInitialized);
        Assert.True(p == _pages.Start + KernelHeap.HeaderSize);
        Assert.Equal(1, _pages.Growths);
    }

    [Fact]
    public void GrowthAsksForTheBlockWithItsHeaderAndASentinel()
    {
        Assert.True(_heap.Allocate(100000) != null);
        Assert.Equal(1, _pages.Growths);
        Assert.True(_pages.LastGrowRequest >= 100000 + 2 * KernelHeap.HeaderSize);
        Assert.True(_pages.LastGrowRequest <= 100000 + 4 * KernelHeap.HeaderSize);
    }

    [Fact]
    public void ReserveMapsOnlyHeadersAndPrepareCommitsTheBlock()
    {
        const nuint Size = 8 << 20;
        byte* p = _heap.Reserve(Size);
        Assert.True(p != null);
        Assert.True(_pages.MappedPages <= 4, $"{_pages.MappedPages} pages mapped before Prepare");
        Assert.True(_heap.Prepare(p));
        Assert.True(_pages.MappedPages >= (int)(Size / Page));
        Assert.True(IsZero(p, Size));                           // fresh frames hold garbage: Prepare zeroed them
        Assert.Equal(0, _pages.Violations);
    }

    [Fact]
    public void ContiguousGrowthExtendsOneRegionAndMergesItsFreeTail()
    {
        var blocks = new List<nint>();
        for (int i = 0; i < 200; i++)
        {
            byte* p = _heap.Allocate(1024);
            Assert.True(p != null);
            // The next block always follows the previous one: growth continues the region, no tail is abandoned.
            if (blocks.Count > 0) Assert.True(p == (byte*)blocks[^1] + _heap.CapacityOf((byte*)blocks[^1]) + KernelHeap.HeaderSize, $"block {i}");
            blocks.Add((nint)p);
        }
        Assert.True(_pages.Growths >= 3);
        Assert.Equal(1, _heap.RegionCount);
        foreach (nint p in blocks) Assert.True(_heap.Free((byte*)p));
        Assert.Equal(1, _heap.FreeBlocks);
    }

    [Fact]
    public void FreeingEverythingGivesThePagesBack()
    {
        var blocks = new List<nint>();
        var random = new Random(9);
        for (int i = 0; i < 3000; i++)
        {
            byte* p = _heap.Allocate((nuint)random.Next(1, 9000));
            Assert.True(p != null);
            blocks.Add((nint)p);
        }
        int peak = _pages.MappedPages;
        Assert.True(peak > 1000);
        foreach (int i in Shuffled(blocks.Count, random)) Assert.True(_heap.Free((byte*)blocks[i]));
        Assert.Equal((nuint)0, _heap.BytesInUse);
        Assert.Equal(_heap.RegionCount, _heap.FreeBlocks);
        // One free block per region: its header page and the sentinel's stay mapped.
        Assert.True(_pages.MappedPages <= 2 * _heap.RegionCount + 1, $"{_pages.MappedPages} pages still mapped");
        Assert.Equal(0, _pages.Violations);
        Assert.True(_pages.UnmappedPagesUntouched());
        // And a block bigger than anything allocated before fits without growing.
        int growths = _pages.Growths;
        Assert.True(_heap.Allocate(8 << 20) != null);
        Assert.Equal(growths, _pages.Growths);
    }

    [Fact]
    public void SmallFreeBlocksKeepTheirPages()
    {
        byte* a = _heap.Allocate(32 * 1024);
        _heap.Allocate(16);
        int mapped = _pages.MappedPages;
        Assert.True(_heap.Free(a));                              // below the release threshold
        Assert.Equal(mapped, _pages.MappedPages);
        Assert.True(_heap.Allocate(32 * 1024) == a);
        Assert.Equal(mapped, _pages.MappedPages);
    }

    [Fact]
    public void ABigFreeHandsThePageReleaseToTheCaller()
    {
        byte* fence1 = _heap.Allocate(16);
        byte* big = _heap.Allocate(1 << 20);
        byte* fence2 = _heap.Allocate(16);
        byte* fence3 = _heap.Allocate(16);
        int free = _heap.FreeBlocks;
        Assert.True(_heap.BeginFree(big, uncommitted: false, out byte* held, out nuint start, out nuint end));
        Assert.True(held == big - KernelHeap.HeaderSize);
        Assert.True(end - start >= (1 << 20) - 2 * Page);
        Assert.Equal(free, _heap.FreeBlocks);                    // held off the lists
        Assert.True(_heap.Free(fence2));                         // a neighbour freed meanwhile does not merge with it
        Assert.Equal(free + 1, _heap.FreeBlocks);
        Assert.False(_heap.Free(big));                           // nor can it be freed twice
        int mapped = _pages.MappedPages;
        _heap.ReleaseDeferred(start, end);
        Assert.True(_pages.MappedPages <= mapped - (int)((end - start) / Page));
        _heap.FinishFree(held);
        Assert.Equal(free + 1, _heap.FreeBlocks);                // merged with the freed neighbour now
        Assert.True(_heap.Free(fence1) && _heap.Free(fence3));
        Assert.Equal(1, _heap.FreeBlocks);
        Assert.Equal(0, _pages.Violations);
    }

    [Fact]
    public void OutOfFramesIsNullAndLeavesNothingBehind()
    {
        byte* small = _heap.Allocate(100);
        _pages.FrameLimit = _pages.MappedPages + 64;
        Assert.True(_heap.Allocate(1 << 20) == null);            // commits 64 pages, then fails
        Assert.Equal((nuint)100 + 12, _heap.BytesInUse);
        Assert.Equal(1, _heap.FreeBlocks);
        _pages.FrameLimit = int.MaxValue;
        byte* big = _heap.Allocate(1 << 20);
        Assert.True(big != null);
        Assert.True(IsZero(big, 1 << 20));
        Assert.True(_heap.Free(big) && _heap.Free(small));
        Assert.Equal(0, _pages.Violations);
    }

    [Fact]
    public void FailedGrowthIsNull()
    {
        using var pages = new EmulatedHeapPages(bytes: 256 * 1024);
        KernelHeap heap = default;
        heap.SetBacking(pages.Backing);
        Assert.True(heap.Allocate(100 * 1024) != null);
        Assert.True(heap.Allocate(200 * 1024) == null);
        Assert.Equal((nuint)100 * 1024, heap.BytesInUse);
    }

    [Fact]
    public void SeparateRegionsAreAllOwnedFreeableAndLimited()
    {
        using var pages = new EmulatedHeapPages(gapBetweenGrowths: true);
        KernelHeap heap = default;
        heap.SetBacking(pages.Backing);
        var blocks = new List<nint>();
        for (byte* p; blocks.Count < 100 && (p = heap.Allocate(60 * 1024)) != null;) blocks.Add((nint)p);
        Assert.Equal(KernelHeap.MaxRegions, heap.RegionCount);
        Assert.Equal(KernelHeap.MaxRegions, blocks.Count);       // one 64 KiB chunk each, then the region table is full
        foreach (nint p in blocks) Assert.True(heap.Free((byte*)p));
        Assert.Equal(KernelHeap.MaxRegions, heap.FreeBlocks);
        Assert.Equal(0, pages.Violations);
    }

    private static IEnumerable<int> Shuffled(int count, Random random)
    {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) order[i] = i;
        random.Shuffle(order);
        return order;
    }
}
