using System;
using Redox.Kernel.Memory;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>The kernel heap on one native region without a grow function: classes, reuse, splitting, refusals.</summary>
public unsafe class KernelHeapTests : IDisposable
{
    private readonly NativeBuffer _region = new NativeBuffer(1 << 20, 4096, fill: 0xEE);
    private readonly NativeBuffer _foreign = new NativeBuffer(4096, 4096);
    private KernelHeap _heap;

    public KernelHeapTests() => _heap.Initialize(_region.Pointer, _region.Length, null);

    public void Dispose()
    {
        _region.Dispose();
        _foreign.Dispose();
    }

    private static bool IsZero(byte* p, nuint length)
    {
        for (nuint i = 0; i < length; i++) if (p[i] != 0) return false;
        return true;
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(16, 0)]
    [InlineData(17, 1)]
    [InlineData(32, 1)]
    [InlineData(33, 2)]
    [InlineData(64, 2)]
    [InlineData(100, 3)]
    [InlineData(128, 3)]
    [InlineData(129, 4)]
    [InlineData(256, 4)]
    [InlineData(512, 5)]
    [InlineData(1024, 6)]
    [InlineData(1025, 7)]
    [InlineData(2048, 7)]
    public void ClassOfPicksTheSmallestPowerOfTwoThatFits(int size, int sizeClass) => Assert.Equal(sizeClass, KernelHeap.ClassOf((nuint)size));

    [Fact]
    public void DefaultHeapIsNotInitialized()
    {
        KernelHeap heap = default;
        Assert.False(heap.IsInitialized);
        Assert.True(_heap.IsInitialized);
        Assert.Equal(_region.Length, _heap.BytesReserved);
        Assert.Equal((nuint)0, _heap.BytesInUse);
    }

    [Theory]
    [InlineData(0, 16)]
    [InlineData(1, 16)]
    [InlineData(100, 128)]
    [InlineData(2048, 2048)]
    [InlineData(2049, 2064)]
    [InlineData(3000, 3008)]
    [InlineData(65536, 65536)]
    public void BlocksAreAlignedZeroedAndSizedByClass(int size, int capacity)
    {
        byte* p = _heap.Allocate((nuint)size);
        Assert.True(p != null);
        Assert.Equal((nuint)0, (nuint)p % 16);
        Assert.Equal((nuint)capacity, _heap.CapacityOf(p));
        Assert.True(IsZero(p, (nuint)capacity));
        Assert.Equal((nuint)capacity, _heap.BytesInUse);
        Assert.Equal(1UL, _heap.Allocations);
        Assert.True(_heap.Owns(p));
    }

    [Fact]
    public void ImpossibleSizeIsNull()
    {
        Assert.True(_heap.Allocate((nuint)int.MaxValue + 1) == null);
        Assert.True(_heap.Allocate(nuint.MaxValue) == null);
        Assert.Equal(0UL, _heap.Allocations);
    }

    [Fact]
    public void FreeListReusesTheSameBlockForTheSameClass()
    {
        byte* first = _heap.Allocate(100);
        byte* other = _heap.Allocate(100);
        Assert.True(_heap.Free(first));
        byte* again = _heap.Allocate(120);                      // also the 128-byte class
        Assert.True(first == again);
        Assert.True(_heap.Free(again));
        Assert.True(_heap.Free(other));
        Assert.True(_heap.Allocate(128) == other);              // LIFO: the last freed comes back first
        Assert.True(_heap.Allocate(128) == first);
    }

    [Fact]
    public void OtherClassesDoNotTakeAFreedBlock()
    {
        byte* small = _heap.Allocate(100);
        Assert.True(_heap.Free(small));
        Assert.True(_heap.Allocate(200) != small);
        Assert.True(_heap.Allocate(16) != small);
    }

    [Fact]
    public void ReusedMemoryIsZeroedAgain()
    {
        byte* p = _heap.Allocate(500);
        for (int i = 0; i < 512; i++) p[i] = 0xAB;
        Assert.True(_heap.Free(p));
        byte* q = _heap.Allocate(500);
        Assert.True(p == q);
        Assert.True(IsZero(q, 512));
    }

    [Fact]
    public void LargeFreeBlockIsSplitFirstFit()
    {
        byte* big = _heap.Allocate(8192);
        byte* fence = _heap.Allocate(64);                      // keeps the big block from touching the bump area
        Assert.True(_heap.Free(big));
        byte* head = _heap.Allocate(4000);
        Assert.True(head == big);
        Assert.Equal((nuint)4000, _heap.CapacityOf(head));
        // The tail keeps the rest minus one header: 8192 - 4000 - 16.
        byte* tail = _heap.Allocate(4176);
        Assert.True(tail == big + 4000 + KernelHeap.HeaderSize);
        Assert.Equal((nuint)4176, _heap.CapacityOf(tail));
        Assert.True(_heap.Owns(fence));
    }

    [Fact]
    public void SmallRemainderIsNotSplitOff()
    {
        byte* big = _heap.Allocate(8192);
        _heap.Allocate(64);
        Assert.True(_heap.Free(big));
        byte* again = _heap.Allocate(7000);                     // 1184 bytes left: too small to be a large block
        Assert.True(again == big);
        Assert.Equal((nuint)8192, _heap.CapacityOf(again));
        Assert.Equal((nuint)8192 + 64, _heap.BytesInUse);
    }

    [Fact]
    public void LargeListIsFirstFitNotBestFit()
    {
        byte* a = _heap.Allocate(3008);
        _heap.Allocate(16);
        byte* b = _heap.Allocate(10000);
        _heap.Allocate(16);
        Assert.True(_heap.Free(a));
        Assert.True(_heap.Free(b));                             // list: b, then a
        Assert.True(_heap.Allocate(3000) == b);                 // b fits first, although a fits better
    }

    [Fact]
    public void TooBigForAnyFreeBlockComesFromTheBumpArea()
    {
        byte* a = _heap.Allocate(4096);
        _heap.Allocate(16);
        Assert.True(_heap.Free(a));
        byte* b = _heap.Allocate(5000);
        Assert.True(b > a);
        Assert.True(_heap.Allocate(4096) == a);
    }

    [Fact]
    public void FreeRejectsWhatItDidNotHandOut()
    {
        byte* p = _heap.Allocate(64);
        nuint inUse = _heap.BytesInUse;
        Assert.False(_heap.Free(null));
        Assert.False(_heap.Free(p + 1));                        // unaligned
        Assert.False(_heap.Free(p + 16));                       // aligned, inside a block: no header there
        Assert.False(_heap.Free(_foreign.Pointer + 64));        // another region
        Assert.False(_heap.Free(_region.Pointer));              // its header would lie before the region
        Assert.False(_heap.Free(_region.End + 16));
        Assert.Equal(inUse, _heap.BytesInUse);
        Assert.Equal(0UL, _heap.Frees);
        Assert.True(_heap.Free(p));
        Assert.False(_heap.Free(p));                            // double free
        Assert.Equal(1UL, _heap.Frees);
        Assert.Equal((nuint)0, _heap.BytesInUse);
    }

    [Fact]
    public void DoubleFreeOfALargeBlockIsRejected()
    {
        byte* p = _heap.Allocate(10000);
        Assert.True(_heap.Free(p));
        Assert.False(_heap.Free(p));
        Assert.True(_heap.Allocate(10000) == p);                // the list was not corrupted into a cycle
        Assert.True(_heap.Allocate(10000) != p);
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
    }

    [Fact]
    public void NullIsNotOwned()
    {
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
    public void ExhaustionWithoutGrowthIsNullAndRecoverable()
    {
        using var small = new NativeBuffer(4096, 4096);
        KernelHeap heap = default;
        heap.Initialize(small.Pointer, small.Length, null);
        byte* first = heap.Allocate(2048);                      // 2064 bytes with its header
        Assert.True(first != null);
        Assert.True(heap.Allocate(2048) == null);               // 2032 bytes left
        Assert.Equal((nuint)2048, heap.BytesInUse);
        Assert.Equal(1UL, heap.Allocations);
        byte* tiny = heap.Allocate(1000);                       // 1040 bytes still fit
        Assert.True(tiny != null);
        Assert.True(heap.Free(first));
        Assert.True(heap.Allocate(2000) == first);              // the freed class block serves the next request
        Assert.Equal(4096u, (uint)heap.BytesReserved);
    }

    [Fact]
    public void UnalignedRegionStillGivesAlignedBlocks()
    {
        using var buffer = new NativeBuffer(4096, 4096);
        KernelHeap heap = default;
        heap.Initialize(buffer.Pointer + 3, 4000, null);
        for (int i = 0; i < 10; i++)
        {
            byte* p = heap.Allocate((nuint)(1 + i * 37));
            Assert.True(p != null);
            Assert.Equal((nuint)0, (nuint)p % 16);
            Assert.True(p >= buffer.Pointer + 3 + KernelHeap.HeaderSize && p < buffer.Pointer + 4003);
        }
    }

    [Fact]
    public void RegionTooSmallForItsAlignmentHandsOutNothing()
    {
        using var buffer = new NativeBuffer(256, 4096);
        KernelHeap heap = default;
        heap.Initialize(buffer.Pointer + 1, 8, null);           // [p+1, p+9): aligned start p+16 lies past the end
        byte* p = heap.Allocate(1);
        Assert.True(p == null, $"got a block at region start + {(p == null ? 0 : p - buffer.Pointer - 1)}");
    }
}
