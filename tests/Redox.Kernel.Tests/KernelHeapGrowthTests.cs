using System;
using System.Collections.Generic;
using Redox.Kernel.Memory;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>The kernel heap asking a grow function for more memory: contiguous chunks extend, others add regions.</summary>
public unsafe class KernelHeapGrowthTests : IDisposable
{
    private const nuint Chunk = 64 * 1024;

    // The grow functions are plain static methods (the heap takes a function pointer), so their state is static;
    // one per thread because xunit runs test classes in parallel.
    [ThreadStatic] private static NativeBuffer? t_arena;
    [ThreadStatic] private static nuint t_arenaUsed;
    [ThreadStatic] private static List<NativeBuffer>? t_separate;
    [ThreadStatic] private static List<nuint>? t_requests;

    public KernelHeapGrowthTests()
    {
        t_arena = new NativeBuffer(8 << 20, 4096);
        t_arenaUsed = 0;
        t_separate = new List<NativeBuffer>();
        t_requests = new List<nuint>();
    }

    public void Dispose()
    {
        t_arena?.Dispose();
        foreach (NativeBuffer buffer in t_separate!) buffer.Dispose();
    }

    /// <summary>Hands out the arena in whole chunks, one after another: every region continues the previous one.</summary>
    private static byte* GrowContiguous(nuint minimum, nuint* granted)
    {
        t_requests!.Add(minimum);
        nuint size = (minimum + Chunk - 1) / Chunk * Chunk;
        if (t_arenaUsed + size > t_arena!.Length) return null;
        byte* start = t_arena.Pointer + t_arenaUsed;
        t_arenaUsed += size;
        *granted = size;
        return start;
    }

    /// <summary>Every region a separate native buffer.</summary>
    private static byte* GrowSeparate(nuint minimum, nuint* granted)
    {
        t_requests!.Add(minimum);
        // A guard page in front, so no region can ever continue another by chance.
        nuint size = (minimum + 4095) & ~(nuint)4095;
        var buffer = new NativeBuffer(4096 + size, 4096);
        t_separate!.Add(buffer);
        *granted = size;
        return buffer.Pointer + 4096;
    }

    private static byte* GrowNever(nuint minimum, nuint* granted)
    {
        t_requests!.Add(minimum);
        return null;
    }

    private static byte* GrowTooLittle(nuint minimum, nuint* granted)
    {
        t_requests!.Add(minimum);
        var buffer = new NativeBuffer(4096, 4096);
        t_separate!.Add(buffer);
        *granted = 32;
        return buffer.Pointer;
    }

    [Fact]
    public void ContiguousGrowthExtendsTheBumpArea()
    {
        KernelHeap heap = default;
        heap.Initialize(t_arena!.Pointer, Chunk, &GrowContiguous);
        t_arenaUsed = Chunk;                                    // growth continues right after the first region
        byte* previous = heap.Allocate(1024);
        for (int i = 0; i < 200; i++)
        {
            byte* p = heap.Allocate(1024);
            Assert.True(p != null);
            // The next block always follows the previous one: no tail of a region is abandoned.
            Assert.True(p == previous + 1024 + KernelHeap.HeaderSize);
            previous = p;
        }
        int grown = t_requests!.Count;
        Assert.True(grown >= 2);
        Assert.Equal(Chunk * (nuint)(1 + grown), heap.BytesReserved);
        Assert.True(heap.Owns(previous));
        Assert.True(heap.Free(previous));
    }

    [Fact]
    public void GrowIsAskedForBlockAndHeader()
    {
        KernelHeap heap = default;
        heap.Initialize(t_arena!.Pointer, 256, &GrowContiguous);
        Assert.True(heap.Allocate(100000) != null);
        Assert.Single(t_requests!);
        Assert.Equal((nuint)100000 + KernelHeap.HeaderSize, t_requests![0]);
    }

    [Fact]
    public void SeparateRegionsAreAllOwnedAndFreeable()
    {
        using var initial = new NativeBuffer(4096, 4096);
        KernelHeap heap = default;
        heap.Initialize(initial.Pointer, initial.Length, &GrowSeparate);
        var blocks = new List<nint>();
        for (int i = 0; i < 20; i++)
        {
            byte* p = heap.Allocate(3000);
            Assert.True(p != null);
            p[0] = (byte)i;
            p[2999] = (byte)i;
            blocks.Add((nint)p);
        }
        Assert.True(t_separate!.Count >= 10);
        Assert.Equal(initial.Length + (nuint)t_separate.Count * 4096, heap.BytesReserved);
        for (int i = 0; i < blocks.Count; i++)
        {
            byte* p = (byte*)blocks[i];
            Assert.True(heap.Owns(p));
            Assert.Equal((byte)i, p[0]);
            Assert.Equal((byte)i, p[2999]);
            Assert.True(heap.Free(p));
        }
        Assert.Equal((nuint)0, heap.BytesInUse);
    }

    [Fact]
    public void RegionTableFullMeansNull()
    {
        // 32 region slots: one initial region plus 31 separate grown ones, each holding one 3 KiB block.
        using var initial = new NativeBuffer(4096, 4096);
        KernelHeap heap = default;
        heap.Initialize(initial.Pointer, initial.Length, &GrowSeparate);
        int count = 0;
        while (count < 100 && heap.Allocate(3000) != null) count++;
        Assert.Equal(32, count);
        Assert.Equal((nuint)32 * 4096, heap.BytesReserved);
    }

    [Fact]
    public void FailedGrowthIsNull()
    {
        using var initial = new NativeBuffer(4096, 4096);
        KernelHeap heap = default;
        heap.Initialize(initial.Pointer, initial.Length, &GrowNever);
        Assert.True(heap.Allocate(3000) != null);
        Assert.True(heap.Allocate(3000) == null);
        Assert.Single(t_requests!);
        Assert.Equal((nuint)3008, heap.BytesInUse);
    }

    [Fact]
    public void TooSmallGrowthIsNull()
    {
        using var initial = new NativeBuffer(4096, 4096);
        KernelHeap heap = default;
        heap.Initialize(initial.Pointer, initial.Length, &GrowTooLittle);
        Assert.True(heap.Allocate(3000) != null);
        Assert.True(heap.Allocate(3000) == null);
        Assert.Equal((nuint)3008, heap.BytesInUse);
    }

    [Fact]
    public void SetGrowEnablesGrowthLater()
    {
        using var initial = new NativeBuffer(4096, 4096);
        KernelHeap heap = default;
        heap.Initialize(initial.Pointer, initial.Length, null);
        Assert.True(heap.Allocate(3000) != null);
        Assert.True(heap.Allocate(3000) == null);
        Assert.Empty(t_requests!);
        heap.SetGrow(&GrowContiguous);
        Assert.True(heap.Allocate(3000) != null);
        Assert.Single(t_requests!);
    }

    [Fact]
    public void GrowthStartsAnUninitializedHeap()
    {
        KernelHeap heap = default;
        heap.SetGrow(&GrowContiguous);
        byte* p = heap.Allocate(64);
        Assert.True(p != null);
        Assert.True(heap.IsInitialized);
        Assert.True(p == t_arena!.Pointer + KernelHeap.HeaderSize);
    }
}
