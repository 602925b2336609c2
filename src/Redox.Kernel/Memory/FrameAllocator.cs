namespace Redox.Kernel.Memory;

/// <summary>
/// Physical 4 KiB frames, one bit each (1 = in use). Everything starts in use; the boot memory map then frees
/// what is available, and the kernel marks its own image and boot data used again. Frame 0 is never handed out,
/// so 0 can mean "none". The bitmap lives wherever the caller puts it (the early heap on bare metal, native
/// memory in host tests).
/// </summary>
public sealed unsafe class FrameAllocator
{
    /// <summary>Bytes per frame.</summary>
    public const ulong FrameSize = 4096;

    private readonly ulong* _bitmap;
    private ulong _searchHint;

    /// <summary>Manages frames 0 .. <paramref name="frameCount"/> - 1 with a bitmap of (frameCount + 63) / 64 words.</summary>
    public FrameAllocator(ulong* bitmap, ulong frameCount)
    {
        _bitmap = bitmap;
        FrameCount = frameCount;
        for (ulong i = 0; i < WordsFor(frameCount); i++) bitmap[i] = ulong.MaxValue;
    }

    /// <summary>Words of bitmap needed for <paramref name="frameCount"/> frames.</summary>
    public static ulong WordsFor(ulong frameCount) => (frameCount + 63) / 64;

    /// <summary>Frames managed.</summary>
    public ulong FrameCount { get; }

    /// <summary>Frames free now.</summary>
    public ulong FreeFrames { get; private set; }

    /// <summary>Frees every whole frame inside [start, end).</summary>
    public void MarkFree(ulong start, ulong end)
    {
        ulong first = (start + FrameSize - 1) / FrameSize;
        ulong last = end / FrameSize;
        if (first == 0) first = 1;
        for (ulong frame = first; frame < last && frame < FrameCount; frame++) Set(frame, used: false);
    }

    /// <summary>Marks every frame touching [start, end) as used.</summary>
    public void MarkUsed(ulong start, ulong end)
    {
        if (end <= start) return;
        ulong first = start / FrameSize;
        ulong last = (end + FrameSize - 1) / FrameSize;
        for (ulong frame = first; frame < last && frame < FrameCount; frame++) Set(frame, used: true);
    }

    /// <summary>The physical address of a free frame, now used; 0 when none is left.</summary>
    public ulong Allocate()
    {
        ulong words = WordsFor(FrameCount);
        for (ulong n = 0; n < words; n++)
        {
            ulong word = (_searchHint + n) % words;
            ulong bits = _bitmap[word];
            if (bits == ulong.MaxValue) continue;
            for (int bit = 0; bit < 64; bit++)
            {
                ulong frame = word * 64 + (ulong)bit;
                if ((bits & (1UL << bit)) == 0 && frame < FrameCount && frame != 0)
                {
                    Set(frame, used: true);
                    _searchHint = word;
                    return frame * FrameSize;
                }
            }
        }
        return 0;
    }

    /// <summary>
    /// The physical address of <paramref name="count"/> free frames in a row, now used (DMA buffers a device reads with
    /// one base address); 0 when no such run exists. A first-fit scan of the bitmap.
    /// </summary>
    public ulong AllocateContiguous(ulong count)
    {
        if (count == 0 || count >= FrameCount) return 0;
        ulong run = 0;
        for (ulong frame = 1; frame < FrameCount; frame++)
        {
            run = IsUsed(frame) ? 0 : run + 1;
            if (run < count) continue;
            ulong first = frame + 1 - count;
            for (ulong f = first; f <= frame; f++) Set(f, used: true);
            return first * FrameSize;
        }
        return 0;
    }

    /// <summary>
    /// Two free frames in a row starting at an 8 KiB boundary, now used; 0 when there is no such pair. Page-table
    /// isolation keeps a process's two roots this way, so the user view is always the kernel view's address + 4 KiB.
    /// </summary>
    public ulong AllocatePair()
    {
        ulong words = WordsFor(FrameCount);
        for (ulong word = 0; word < words; word++)
        {
            ulong free = ~_bitmap[word];
            ulong pairs = free & (free >> 1) & 0x5555_5555_5555_5555UL;   // an even bit free and the odd bit above it
            for (int bit = 0; pairs != 0 && bit < 64; bit += 2)
            {
                ulong frame = word * 64 + (ulong)bit;
                if ((pairs & (1UL << bit)) == 0 || frame == 0 || frame + 1 >= FrameCount) continue;
                Set(frame, used: true);
                Set(frame + 1, used: true);
                return frame * FrameSize;
            }
        }
        return 0;
    }

    /// <summary>Returns a frame; false (nothing changes) for an unaligned, out-of-range or already free address.</summary>
    public bool Free(ulong address)
    {
        if (address % FrameSize != 0) return false;
        ulong frame = address / FrameSize;
        if (frame == 0 || frame >= FrameCount || !IsUsed(frame)) return false;
        Set(frame, used: false);
        return true;
    }

    /// <summary>True when the frame is in use (or outside the managed range).</summary>
    public bool IsUsed(ulong frame) => frame >= FrameCount || (_bitmap[frame / 64] & (1UL << (int)(frame % 64))) != 0;

    private void Set(ulong frame, bool used)
    {
        ulong mask = 1UL << (int)(frame % 64);
        ref ulong word = ref _bitmap[frame / 64];
        bool wasUsed = (word & mask) != 0;
        if (wasUsed == used) return;
        if (used)
        {
            word |= mask;
            FreeFrames--;
        }
        else
        {
            word &= ~mask;
            FreeFrames++;
        }
    }
}
