using System.Collections.Generic;
using CsCheck;
using Redox.Kernel.Memory;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>Random allocate/free sequences: blocks never overlap, arrive zeroed, and everything comes back.</summary>
public unsafe class KernelHeapPropertyTests
{
    [Fact]
    public void RandomSequencesReturnToBaseline()
    {
        var size = Gen.OneOf(Gen.Int[0, 64], Gen.Int[65, 2048], Gen.Int[2049, 20_000]);
        // A step either allocates `size` or frees the live block at (index % live count).
        var step = Gen.Select(Gen.Bool, size, Gen.Int[0, 1000]);
        step.Array[1, 150].Sample(steps =>
        {
            using var region = new NativeBuffer(4 << 20, 4096, fill: 0x77);
            KernelHeap heap = default;
            heap.Initialize(region.Pointer, region.Length, null);
            var live = new List<(nint Address, int Size, byte Mark)>();
            byte mark = 0;
            foreach (var (allocate, requested, index) in steps)
            {
                if (allocate || live.Count == 0)
                {
                    byte* p = heap.Allocate((nuint)requested);
                    Assert.True(p != null);
                    Assert.Equal((nuint)0, (nuint)p % 16);
                    Assert.True(heap.CapacityOf(p) >= (nuint)requested);
                    for (int i = 0; i < requested; i++)
                    {
                        Assert.Equal(0, p[i]);
                        p[i] = mark;
                    }
                    live.Add(((nint)p, requested, mark++));
                }
                else
                {
                    int i = index % live.Count;
                    var (address, length, expected) = live[i];
                    byte* p = (byte*)address;
                    // Every byte still holds this block's mark: no other block overlapped it.
                    for (int j = 0; j < length; j++) Assert.Equal(expected, p[j]);
                    Assert.True(heap.Free(p));
                    Assert.False(heap.Free(p));
                    live.RemoveAt(i);
                }
            }
            foreach (var (address, _, _) in live) Assert.True(heap.Free((byte*)address));
            Assert.Equal((nuint)0, heap.BytesInUse);
            Assert.Equal(heap.Allocations, heap.Frees);
        }, iter: 300);
    }
}
