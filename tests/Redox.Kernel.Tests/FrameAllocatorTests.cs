using System;
using System.Collections.Generic;
using CsCheck;
using Redox.Kernel.Memory;
using Xunit;

namespace Redox.Kernel.Tests;

/// <summary>The physical frame bitmap: rounding of the memory map, allocation, frees and accounting.</summary>
public unsafe class FrameAllocatorTests : IDisposable
{
    private const ulong Frame = FrameAllocator.FrameSize;
    private readonly NativeBuffer _bitmap = new NativeBuffer(64 * 8, 64, fill: 0x5A);

    public void Dispose() => _bitmap.Dispose();

    private FrameAllocator Create(ulong frameCount)
    {
        Assert.True(FrameAllocator.WordsFor(frameCount) * 8 <= _bitmap.Length);
        return new FrameAllocator((ulong*)_bitmap.Pointer, frameCount);
    }

    [Fact]
    public void StartsWithEverythingUsed()
    {
        FrameAllocator frames = Create(100);
        Assert.Equal(100UL, frames.FrameCount);
        Assert.Equal(0UL, frames.FreeFrames);
        Assert.Equal(0UL, frames.Allocate());
        for (ulong f = 0; f < 100; f++) Assert.True(frames.IsUsed(f));
    }

    [Theory]
    [InlineData(0UL, 0UL)]
    [InlineData(1UL, 1UL)]
    [InlineData(64UL, 1UL)]
    [InlineData(65UL, 2UL)]
    public void WordsForRoundsUp(ulong frames, ulong words) => Assert.Equal(words, FrameAllocator.WordsFor(frames));

    [Fact]
    public void MarkFreeFreesOnlyWholeFrames()
    {
        FrameAllocator frames = Create(64);
        frames.MarkFree(Frame + 1, 4 * Frame - 1);      // frames 2 only: 1 and 3 are partial
        Assert.Equal(1UL, frames.FreeFrames);
        Assert.True(frames.IsUsed(1));
        Assert.False(frames.IsUsed(2));
        Assert.True(frames.IsUsed(3));
    }

    [Fact]
    public void MarkFreeNeverFreesFrameZero()
    {
        FrameAllocator frames = Create(64);
        frames.MarkFree(0, 8 * Frame);
        Assert.True(frames.IsUsed(0));
        Assert.Equal(7UL, frames.FreeFrames);
    }

    [Fact]
    public void MarkFreeIsClippedToTheManagedRange()
    {
        FrameAllocator frames = Create(10);
        frames.MarkFree(0, 1UL << 40);
        Assert.Equal(9UL, frames.FreeFrames);
        Assert.True(frames.IsUsed(10));
        Assert.True(frames.IsUsed(1000));
    }

    [Fact]
    public void MarkFreeOfAnEmptyOrBackwardRangeDoesNothing()
    {
        FrameAllocator frames = Create(64);
        frames.MarkFree(5 * Frame, 5 * Frame);
        frames.MarkFree(9 * Frame, 3 * Frame);
        frames.MarkFree(5 * Frame + 1, 6 * Frame + 100);
        Assert.Equal(0UL, frames.FreeFrames);
    }

    [Fact]
    public void MarkUsedTakesEveryFrameTouched()
    {
        FrameAllocator frames = Create(64);
        frames.MarkFree(0, 64 * Frame);
        frames.MarkUsed(2 * Frame - 1, 3 * Frame + 1);  // touches frames 1, 2 and 3
        Assert.True(frames.IsUsed(1));
        Assert.True(frames.IsUsed(2));
        Assert.True(frames.IsUsed(3));
        Assert.False(frames.IsUsed(4));
        Assert.Equal(60UL, frames.FreeFrames);
        frames.MarkUsed(10 * Frame, 10 * Frame);        // empty
        Assert.Equal(60UL, frames.FreeFrames);
    }

    [Fact]
    public void MarkingTwiceDoesNotMiscount()
    {
        FrameAllocator frames = Create(64);
        frames.MarkFree(0, 10 * Frame);
        frames.MarkFree(0, 10 * Frame);
        Assert.Equal(9UL, frames.FreeFrames);
        frames.MarkUsed(0, 4 * Frame);
        frames.MarkUsed(0, 4 * Frame);
        Assert.Equal(6UL, frames.FreeFrames);
    }

    [Fact]
    public void AllocatesAlignedFreeFramesUntilExhausted()
    {
        FrameAllocator frames = Create(200);
        frames.MarkFree(0, 200 * Frame);
        var seen = new HashSet<ulong>();
        ulong address;
        while ((address = frames.Allocate()) != 0)
        {
            Assert.Equal(0UL, address % Frame);
            Assert.InRange(address / Frame, 1UL, 199UL);
            Assert.True(seen.Add(address));
        }
        Assert.Equal(199, seen.Count);
        Assert.Equal(0UL, frames.FreeFrames);
        Assert.Equal(0UL, frames.Allocate());
    }

    [Fact]
    public void FreedFrameIsHandedOutAgain()
    {
        FrameAllocator frames = Create(8);
        frames.MarkFree(0, 8 * Frame);
        ulong[] taken = new ulong[7];
        for (int i = 0; i < 7; i++) taken[i] = frames.Allocate();
        Assert.True(frames.Free(taken[3]));
        Assert.Equal(1UL, frames.FreeFrames);
        Assert.Equal(taken[3], frames.Allocate());
        Assert.Equal(0UL, frames.Allocate());
    }

    [Fact]
    public void AllocationSkipsUsedFramesAcrossWords()
    {
        FrameAllocator frames = Create(300);
        frames.MarkFree(250 * Frame, 252 * Frame);
        Assert.Equal(250 * Frame, frames.Allocate());
        Assert.Equal(251 * Frame, frames.Allocate());
        Assert.Equal(0UL, frames.Allocate());
    }

    [Fact]
    public void FreeRejectsBadAddresses()
    {
        FrameAllocator frames = Create(16);
        frames.MarkFree(0, 16 * Frame);
        ulong frame = frames.Allocate();
        ulong free = frames.FreeFrames;
        Assert.False(frames.Free(frame + 1));            // unaligned
        Assert.False(frames.Free(0));                    // frame 0 is never ours to free
        Assert.False(frames.Free(16 * Frame));           // out of range
        Assert.False(frames.Free(ulong.MaxValue & ~(Frame - 1)));
        Assert.Equal(free, frames.FreeFrames);
        Assert.True(frames.Free(frame));
        Assert.False(frames.Free(frame));                // double free
        Assert.Equal(free + 1, frames.FreeFrames);
    }

    [Fact]
    public void RandomAllocateAndFreeNeverHandsOutAFrameTwice()
    {
        // Each step: true = allocate, false = free the live frame at (index % live count).
        Gen.Select(Gen.Int[2, 300], Gen.Select(Gen.Bool, Gen.Int[0, 1000]).Array[0, 400]).Sample(sample =>
        {
            var (frameCount, steps) = sample;
            // CsCheck samples on several threads at once: each sample gets its own bitmap.
            ulong* bitmap = stackalloc ulong[(int)FrameAllocator.WordsFor(300)];
            FrameAllocator frames = new FrameAllocator(bitmap, (ulong)frameCount);
            frames.MarkFree(0, (ulong)frameCount * Frame);
            var live = new List<ulong>();
            var liveSet = new HashSet<ulong>();
            foreach (var (allocate, index) in steps)
            {
                if (allocate)
                {
                    ulong address = frames.Allocate();
                    if (live.Count == frameCount - 1) { Assert.Equal(0UL, address); continue; }
                    Assert.NotEqual(0UL, address);
                    Assert.True(liveSet.Add(address), "frame handed out twice");
                    live.Add(address);
                }
                else if (live.Count > 0)
                {
                    int i = index % live.Count;
                    Assert.True(frames.Free(live[i]));
                    liveSet.Remove(live[i]);
                    live.RemoveAt(i);
                }
                Assert.Equal((ulong)(frameCount - 1 - live.Count), frames.FreeFrames);
            }
        }, iter: 300);
    }

    [Fact]
    public void A_contiguous_run_is_found_past_holes_and_taken_whole()
    {
        FrameAllocator frames = Create(200);
        frames.MarkFree(Frame, 200 * Frame);
        frames.MarkUsed(10 * Frame, 11 * Frame);            // a hole after frames 1..9
        ulong before = frames.FreeFrames;

        ulong first = frames.AllocateContiguous(16);

        Assert.Equal(11 * Frame, first);                      // 1..9 is too short
        for (ulong f = 11; f < 27; f++) Assert.True(frames.IsUsed(f));
        Assert.False(frames.IsUsed(27));
        Assert.Equal(before - 16, frames.FreeFrames);
        Assert.Equal(0UL, frames.AllocateContiguous(1000));  // no such run: nothing taken
        Assert.Equal(0UL, frames.AllocateContiguous(0));
        Assert.Equal(before - 16, frames.FreeFrames);
    }
}
