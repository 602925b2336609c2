using System;
using System.Collections.Generic;
using CsCheck;
using Redox.Kernel.Memory;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>
/// Random allocate/free sequences over emulated pages: blocks never overlap, arrive zeroed on mapped pages, the
/// heap never writes to a page it gave back, and after freeing everything the stats, the free lists and the
/// mapped frames are back to baseline. Frees are sometimes left half done (a big block held while its pages are
/// released, as the kernel does with interrupts on) while other operations run.
/// </summary>
public unsafe class KernelHeapPropertyTests
{
    private enum Op { Allocate, Free, FreeHeld, FinishHeld }

    [Fact]
    public void RandomSequencesNeverOverlapAndReturnEverything()
    {
        var size = Gen.OneOf(Gen.Int[0, 64], Gen.Int[65, 2048], Gen.Int[2049, 40_000], Gen.Int[40_000, 400_000]);
        var step = Gen.Select(Gen.Enum<Op>(), size, Gen.Int[0, 1000]);
        step.Array[1, 200].Sample(steps =>
        {
            // Chunks as big as the kernel's, so the heap's one free block always passes the release threshold.
            using var pages = new EmulatedHeapPages(bytes: 96 << 20, chunk: 256 * 1024);
            KernelHeap heap = default;
            heap.SetBacking(pages.Backing);
            var live = new List<(nint Address, int Size, byte Mark)>();
            var held = new List<(nint Block, nuint Start, nuint End)>();
            byte mark = 1;
            foreach (var (op, requested, index) in steps)
            {
                if (op == Op.Allocate || live.Count == 0)
                {
                    if (op == Op.FinishHeld && held.Count > 0) { Finish(ref heap, held, index); continue; }
                    byte* p = heap.Allocate((nuint)requested);
                    Assert.True(p != null);
                    Assert.Equal((nuint)0, (nuint)p % 16);
                    Assert.True(heap.CapacityOf(p) >= (nuint)requested);
                    for (nuint page = (nuint)p & ~(KernelHeap.PageSize - 1); page < (nuint)p + (nuint)requested; page += KernelHeap.PageSize)
                        Assert.True(pages.IsPageMapped((byte*)page));
                    var span = new System.Span<byte>(p, requested);
                    Assert.True(span.IndexOfAnyExcept((byte)0) < 0, "a fresh block is zeroed");
                    span.Fill(mark);
                    live.Add(((nint)p, requested, mark));
                    mark = (byte)(mark == 255 ? 1 : mark + 1);
                    continue;
                }
                if (op == Op.FinishHeld && held.Count > 0) { Finish(ref heap, held, index); continue; }
                int victim = index % live.Count;
                var (address, length, expected) = live[victim];
                byte* block = (byte*)address;
                // Every byte still holds this block's mark: no other block overlapped it.
                Assert.True(new System.ReadOnlySpan<byte>(block, length).IndexOfAnyExcept(expected) < 0, "a live block kept its contents");
                live.RemoveAt(victim);
                if (op == Op.FreeHeld)
                {
                    Assert.True(heap.BeginFree(block, uncommitted: false, out byte* h, out nuint start, out nuint end));
                    if (h != null) held.Add(((nint)h, start, end));
                }
                else Assert.True(heap.Free(block));
                Assert.False(heap.Free(block));
            }
            foreach (var (address, _, _) in live) Assert.True(heap.Free((byte*)address));
            while (held.Count > 0) Finish(ref heap, held, 0);
            Assert.Equal((nuint)0, heap.BytesInUse);
            Assert.Equal(heap.Allocations, heap.Frees);
            Assert.Equal(heap.RegionCount, heap.FreeBlocks);
            Assert.Equal(1, heap.RegionCount);
            Assert.True(heap.LargestFreeBlock() >= KernelHeap.ReleaseThreshold);
            Assert.True(pages.MappedPages <= 2, $"{pages.MappedPages} pages still mapped");   // the header's and the sentinel's
            Assert.Equal(0, pages.Violations);
            Assert.True(pages.UnmappedPagesUntouched());
        }, iter: 150);
    }

    [Fact]
    public void RandomSequencesOnOneFixedRegionMergeBackToOneBlock()
    {
        var size = Gen.OneOf(Gen.Int[0, 64], Gen.Int[65, 2048], Gen.Int[2049, 20_000]);
        var step = Gen.Select(Gen.Bool, size, Gen.Int[0, 1000]);
        step.Array[1, 300].Sample(steps =>
        {
            using var region = new NativeBuffer(4 << 20, 4096, fill: 0x77);
            KernelHeap heap = default;
            heap.Initialize(region.Pointer, region.Length, default);
            nuint whole = heap.BytesFree;
            var live = new List<nint>();
            foreach (var (allocate, requested, index) in steps)
            {
                if (allocate || live.Count == 0)
                {
                    byte* p = heap.Allocate((nuint)requested);
                    Assert.True(p != null);
                    live.Add((nint)p);
                }
                else
                {
                    int i = index % live.Count;
                    Assert.True(heap.Free((byte*)live[i]));
                    live.RemoveAt(i);
                }
                Assert.Equal(whole, heap.BytesFree + heap.BytesInUse + (nuint)(live.Count + heap.FreeBlocks - 1) * KernelHeap.HeaderSize);
            }
            foreach (nint p in live) Assert.True(heap.Free((byte*)p));
            Assert.Equal(1, heap.FreeBlocks);
            Assert.Equal(whole, heap.BytesFree);
            Assert.Equal(whole, heap.LargestFreeBlock());
        }, iter: 300);
    }

    private static void Finish(ref KernelHeap heap, List<(nint Block, nuint Start, nuint End)> held, int index)
    {
        int i = index % held.Count;
        var (block, start, end) = held[i];
        held.RemoveAt(i);
        heap.ReleaseDeferred(start, end);
        heap.FinishFree((byte*)block);
    }
}
