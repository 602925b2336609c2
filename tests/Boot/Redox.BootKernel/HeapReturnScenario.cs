using Redox.Kernel.Memory;

/// <summary>
/// Issue 9's regression: fill the heap with 1 MiB blocks until memory runs out, free them all, and a block bigger
/// than any of them (1 MiB + 16 B) must fit again: freed blocks merge, and their frames went back to the frame
/// allocator (not kept by the heap), so the frame count returns to where it was.
/// </summary>
public static unsafe class HeapReturnScenario
{
    private const int MaxBlocks = 256;
    private const nuint BlockSize = 1 << 20;

    /// <summary>Passes when the big block fits and the frames came back.</summary>
    public static bool Run()
    {
        FrameAllocator frames = PhysicalMemory.Frames!;
        ulong framesBefore = frames.FreeFrames;
        nuint reservedBefore = Heap.Current.BytesReserved;
        byte** blocks = stackalloc byte*[MaxBlocks];
        int count = 0;
        while (count < MaxBlocks && (blocks[count] = Heap.AllocateBytes(BlockSize)) != null)
        {
            blocks[count][0] = 1;
            blocks[count][BlockSize - 1] = 1;
            count++;
        }
        ulong framesAtPeak = frames.FreeFrames;
        Check.Report("heapreturn blocks", (ulong)count);
        Check.Report("heapreturn free frames before", framesBefore);
        Check.Report("heapreturn free frames when full", framesAtPeak);
        bool ok = Check.That(count < MaxBlocks, "memory ran out");
        ok &= Check.That((ulong)count * (BlockSize / 4096) > framesBefore / 2, "most free memory went to the heap");

        // Free in an interleaved order, so merging has to join blocks freed far apart in time.
        for (int i = 0; i < count; i += 2) ok &= Check.That(Heap.FreeBytes(blocks[i]), "free");
        for (int i = 1; i < count; i += 2) ok &= Check.That(Heap.FreeBytes(blocks[i]), "free");
        ulong framesAfter = frames.FreeFrames;
        // Page tables made for the heap's mappings stay (one per 2 MiB of heap address space, a few above them),
        // and so do the pages holding the one free block's header and the region's sentinel.
        ulong tables = (ulong)(Heap.Current.BytesReserved - reservedBefore) / (2 << 20) + 8;
        Check.Report("heapreturn free frames after", framesAfter);
        Check.Report("heapreturn page-table allowance", tables);
        ok &= Check.That(framesAfter + tables >= framesBefore, "the heap gave its frames back");

        byte* big = Heap.AllocateBytes(BlockSize + 16);
        ok &= Check.That(big != null, "1 MiB + 16 B fits after freeing everything");
        if (big != null)
        {
            ok &= Check.That(big[0] == 0 && big[BlockSize + 15] == 0, "the big block is zeroed");
            ok &= Check.That(Heap.FreeBytes(big), "big free");
        }
        byte[] array = new byte[1 << 20];
        ok &= Check.That(array.Length == 1 << 20 && array[array.Length - 1] == 0, "new byte[1 MiB]");
        ok &= Check.That(Heap.Free(array), "array free");
        return ok;
    }
}
