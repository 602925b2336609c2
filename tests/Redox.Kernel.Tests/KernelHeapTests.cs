using System;
using System.Collections.Generic;
using Redox.Kernel.Memory;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>The kernel heap on one native region without a backing: sizes, splitting, merging, refusals.</summary>
public unsafe class KernelHeapTests : IDisposable
{
    private readonly NativeBuffer _region = new NativeBuffer(1 << 20, 4096, fill: 0xEE);
    private readonly NativeBuffer _foreign = new NativeBuffer(4096, 4096);
    private KernelHeap _heap;

    public KernelHeapTests() => _heap.Initialize(_region.Pointer, _region.Length, default);

    public void Dispose()
    {
        _region.Dispose();
        _foreign.Dispose();
    }

    /// <summary>One free block: the region minus the first header and the sentinel.</summary>
    private nuint WholeRegion => _region.Length - 2 * KernelHeap.HeaderSize;

    private static bool IsZero(byte* p, nuint length)
    {
        for (nuint i = 0; i < length; i++) if (p[i] != 0) return false;
        return true;
    }

    [Fact]
    public void DefaultHeapIsNotInitialized()
    {
        KernelHeap heap = default;
        Assert.False(heap.IsInitialized);
        Assert.True(heap.Allocate(16) == null);
        Assert.True(_heap.IsInitialized);
        Assert.Equal(_region.Length, _heap.BytesReserved);
        Assert.Equal((nuint)0, _heap.BytesInUse);
        Assert.Equal(1, _heap.FreeBlocks);
        Assert.Equal(WholeRegion, _heap.BytesFree);
        Assert.Equal(WholeRegion, _heap.LargestFreeBlock());
    }

    [Theory]
    [InlineData(0, 16)]
    [InlineData(1, 16)]
    [InlineData(16, 16)]
    [InlineData(17, 32)]
    [InlineData(100, 112)]
    [InlineData(2048, 2048)]
    [InlineData(2049, 2064)]
    [InlineData(3000, 3008)]
    [InlineData(65536, 65536)]
    public void BlocksAreAlignedZeroedAndRoundedTo16(int size, int capacity)
    {
        byte* p = _heap.Allocate((nuint)size);
        Assert.True(p != null);
        Assert.Equal((nuint)0, (nuint)p % 16);
        Assert.Equal((nuint)capacity, _heap.CapacityOf(p));
        Assert.True(IsZero(p, (nuint)capacity));
        Assert.Equal((nuint)capacity, _heap.BytesInUse);
        Assert.Equal(1UL, _heap.Allocations);
        Assert.True(_heap.Owns(p));
        // The rest of the region stays one free block right behind it.
        Assert.Equal(1, _heap.FreeBlocks);
        Assert.Equal(WholeRegion - (nuint)capacity - KernelHeap.HeaderSize, _heap.BytesFree);
    }

    [Fact]
    public void ImpossibleSizeIsNull()
    {
        Assert.True(_heap.Allocate((nuint)int.MaxValue + 1) == null);
        Assert.True(_heap.Allocate(nuint.MaxValue) == null);
        Assert.True(_heap.Allocate(2 << 20) == null);           // bigger than the region
        Assert.Equal(0UL, _heap.Allocations);
    }

    [Fact]
    public void ConsecutiveBlocksAreAdjacent()
    {
        byte* a = _heap.Allocate(100);
        byte* b = _heap.Allocate(100);
        Assert.True(b == a + 112 + KernelHeap.HeaderSize);
    }

    [Fact]
    public void AFreedBlockServesTheNextRequestOfItsSize()
    {
        byte* first = _heap.Allocate(100);
        byte* fence = _heap.Allocate(100);
        Assert.True(_heap.Free(first));
        Assert.True(_heap.Allocate(100) == first);
        Assert.True(_heap.Owns(fence));
    }

    [Fact]
    public void FreedNeighboursMergeIntoOneBlock()
    {
        byte* a = _heap.Allocate(1000);
        byte* b = _heap.Allocate(3000);
        byte* c = _heap.Allocate(500);
        byte* fence = _heap.Allocate(16);
        Assert.True(_heap.Free(a));
        Assert.True(_heap.Free(c));
        Assert.Equal(3, _heap.FreeBlocks);                       // a, c and the tail
        Assert.True(_heap.Free(b));                              // merges with both
        Assert.Equal(2, _heap.FreeBlocks);
        nuint merged = 1008 + 3008 + 512 + 2 * KernelHeap.HeaderSize;
        byte* again = _heap.Allocate(merged);
        Assert.True(again == a);
        Assert.Equal(merged, _heap.CapacityOf(again));
        Assert.True(_heap.Free(again));
        Assert.True(_heap.Free(fence));                          // and the fence merges everything back
        Assert.Equal(1, _heap.FreeBlocks);
        Assert.Equal(WholeRegion, _heap.LargestFreeBlock());
    }

    [Fact]
    public void SmallBlocksGiveTheirMemoryBackToBigOnes()
    {
        // Fill the region with 16-byte blocks, free them all, then the whole region is one block again.
        var blocks = new List<nint>();
        for (byte* p; (p = _heap.Allocate(16)) != null;) blocks.Add((nint)p);
        Assert.True(blocks.Count > 30000);
        Assert.True(_heap.Allocate(1) == null);
        for (int i = 0; i < blocks.Count; i += 2) Assert.True(_heap.Free((byte*)blocks[i]));
        Assert.True(_heap.Allocate(64) == null);                 // only 16-byte holes so far
        for (int i = 1; i < blocks.Count; i += 2) Assert.True(_heap.Free((byte*)blocks[i]));
        Assert.Equal(1, _heap.FreeBlocks);
        Assert.True(_heap.Allocate(WholeRegion) != null);
    }

    [Fact]
    public void AfterChurnAllocationsBiggerThanAnyFreedBlockStillFit()
    {
        // The regression from issue 9: blocks of 128 KiB freed out of order, then a bigger block.
        var blocks = new List<nint>();
        for (byte* p; (p = _heap.Allocate(128 * 1024)) != null;) blocks.Add((nint)p);
        Assert.Equal(7, blocks.Count);
        foreach (int i in new[] { 3, 0, 6, 1, 5, 2, 4 }) Assert.True(_heap.Free((byte*)blocks[i]));
        byte* big = _heap.Allocate(896 * 1024 + 16);
        Assert.True(big != null);
        Assert.True(IsZero(big, 896 * 1024 + 16));
    }

    [Fact]
    public void SmallRemainderIsNotSplitOff()
    {
        byte* a = _heap.Allocate(64);
        _heap.Allocate(16);
        Assert.True(_heap.Free(a));
        byte* again = _heap.Allocate(48);                        // 16 bytes left: no room for a header and a block
        Assert.True(again == a);
        Assert.Equal((nuint)64, _heap.CapacityOf(again));
        byte* b = _heap.Allocate(256);
        _heap.Allocate(16);
        Assert.True(_heap.Free(b));
        byte* split = _heap.Allocate(224);                       // 32 left: a 16-byte block with its header
        Assert.Equal((nuint)224, _heap.CapacityOf(split));
        Assert.True(_heap.Allocate(16) == split + 224 + KernelHeap.HeaderSize);
    }

    [Fact]
    public void AGoodFitIsPreferredOverSplittingTheBigBlock()
    {
        byte* small = _heap.Allocate(3008);
        _heap.Allocate(16);
        Assert.True(_heap.Free(small));
        Assert.True(_heap.Allocate(2800) == small);              // its list holds only blocks that fit: no need to split the tail
    }

    [Theory]
    [InlineData(16, 0)]
    [InlineData(32, 1)]
    [InlineData(240, 14)]
    [InlineData(256, 15)]
    [InlineData(287, 15)]
    [InlineData(288, 16)]
    [InlineData(480, 22)]
    [InlineData(512, 23)]
    [InlineData(1 << 20, 15 + 12 * 8)]
    public void ListsAreExactBelow256ThenEightPerPowerOfTwo(int capacity, int list) => Assert.Equal(list, HeapFreeLists.ListOf((nuint)capacity));

    [Theory]
    [InlineData(16, 0)]
    [InlineData(256, 15)]
    [InlineData(272, 16)]
    [InlineData(288, 16)]
    [InlineData(304, 17)]
    public void SearchStartsAtTheFirstListWhoseBlocksAllFit(int capacity, int list) => Assert.Equal(list, HeapFreeLists.SearchListOf((nuint)capacity));

    [Fact]
    public void FreeRejectsWhatItDidNotHandOut()
    {
        byte* p = _heap.Allocate(64);
        byte* q = _heap.Allocate(256);
        nuint inUse = _heap.BytesInUse;
        Assert.False(_heap.Free(null));
        Assert.False(_heap.Free(p + 1));                        // unaligned
        Assert.False(_heap.Free(p + 16));                       // aligned, inside a block: no header there
        Assert.False(_heap.Free(_foreign.Pointer + 64));        // another region
        Assert.False(_heap.Free(_region.Pointer));              // its header would lie before the region
        Assert.False(_heap.Free(_region.End));
        Assert.False(_heap.Free(_region.End - 16));             // the sentinel's payload
        // A forged header (copied from a real one) inside q: its neighbours do not agree with it.
        ((ulong*)(q + 64))[0] = ((ulong*)(p - 16))[0];
        ((ulong*)(q + 64))[1] = ((ulong*)(p - 16))[1];
        Assert.False(_heap.Free(q + 80));
        Assert.Equal(inUse, _heap.BytesInUse);
        Assert.Equal(0UL, _heap.Frees);
        Assert.True(_heap.Free(p));
        Assert.False(_heap.Free(p));                            // double free
        Assert.Equal(1UL, _heap.Frees);
    }

    [Fact]
    public void DoubleFreeOfAMergedBlockIsRejected()
    {
        byte* a = _heap.Allocate(10000);
        byte* b = _heap.Allocate(10000);
        _heap.Allocate(16);
        Assert.True(_heap.Free(a));
        Assert.True(_heap.Free(b));                             // merged into a: b's header is now inside a free block
        Assert.False(_heap.Free(b));
        Assert.False(_heap.Free(a));
        Assert.True(_heap.Allocate(20016) == a);                // the lists were not corrupted
    }

    [Fact]
    public void OwnsCoversExactlyTheRegion()
    {
        byte* p = _heap.Allocate(32);
        Assert.True(_heap.Owns(p));
        Assert.True(_heap.Owns(_region.Pointer + KernelHeap.HeaderSize));
        Assert.True(_heap.Owns(_region.End - 1));
        Assert.False(_heap.Owns(_region.Pointer + KernelHeap.HeaderSize - 1));
        Assert.False(_heap.Owns(_region.End));
        Assert.False(_heap.Owns(_foreign.Pointer + 32));
        Assert.False(_heap.Owns(null));
        Assert.False(_heap.Owns((byte*)8));
    }

    [Fact]
    public void CapacityOfFreedOrForeignIsZero()
    {
        byte* p = _heap.Allocate(32);
        Assert.True(_heap.Free(p));
        Assert.Equal((nuint)0, _heap.CapacityOf(p));
        Assert.Equal((nuint)0, _heap.CapacityOf(_foreign.Pointer + 32));
    }

    [Fact]
    public void ReusedMemoryIsZeroedAgain()
    {
        byte* p = _heap.Allocate(500);
        _heap.Allocate(16);
        for (int i = 0; i < 512; i++) p[i] = 0xAB;
        Assert.True(_heap.Free(p));
        byte* q = _heap.Allocate(500);
        Assert.True(p == q);
        Assert.True(IsZero(q, 512));
    }

    [Fact]
    public void ExhaustionWithoutGrowthIsNullAndRecoverable()
    {
        using var small = new NativeBuffer(4096, 4096);
        KernelHeap heap = default;
        heap.Initialize(small.Pointer, small.Length, default);
        byte* first = heap.Allocate(2048);                      // 4064 free: 2000 left after it and its header
        Assert.True(first != null);
        Assert.True(heap.Allocate(2048) == null);
        Assert.Equal((nuint)2048, heap.BytesInUse);
        Assert.Equal(1UL, heap.Allocations);
        byte* tiny = heap.Allocate(1000);
        Assert.True(tiny != null);
        Assert.True(heap.Free(first));
        Assert.True(heap.Allocate(2000) == first);
        Assert.Equal(4096u, (uint)heap.BytesReserved);
    }

    [Fact]
    public void UnalignedRegionStillGivesAlignedBlocks()
    {
        using var buffer = new NativeBuffer(4096, 4096);
        KernelHeap heap = default;
        heap.Initialize(buffer.Pointer + 3, 4000, default);
        for (int i = 0; i < 10; i++)
        {
            byte* p = heap.Allocate((nuint)(1 + i * 37));
            Assert.True(p != null);
            Assert.Equal((nuint)0, (nuint)p % 16);
            Assert.True(p >= buffer.Pointer + 3 + KernelHeap.HeaderSize && p + heap.CapacityOf(p) <= buffer.Pointer + 4003);
        }
    }

    [Fact]
    public void RegionTooSmallForAHeaderAndASentinelHandsOutNothing()
    {
        using var buffer = new NativeBuffer(256, 4096);
        KernelHeap heap = default;
        heap.Initialize(buffer.Pointer + 1, 40, default);
        Assert.False(heap.IsInitialized);
        Assert.True(heap.Allocate(1) == null);
    }
}
