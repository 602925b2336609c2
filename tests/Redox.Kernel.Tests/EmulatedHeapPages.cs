using System;
using System.Runtime.InteropServices;
using Redox.Kernel.Memory;

namespace Redox.Kernel.Tests;

/// <summary>
/// A <see cref="HeapBacking"/> over one native buffer standing for the heap's address space: Grow hands out
/// chunks of it unmapped, Commit and Release map and unmap pages (counting frames), and pages that are not
/// mapped hold a poison pattern, so a heap that writes to a page it gave back is caught at the next commit.
/// The heap takes plain function pointers, so the instance they reach is per thread (xunit runs classes in parallel).
/// </summary>
public sealed unsafe class EmulatedHeapPages : IDisposable
{
    public const byte Unmapped = 0xDB;
    public const byte FreshFrame = 0xCC;
    private const nuint Page = KernelHeap.PageSize;

    [ThreadStatic] private static EmulatedHeapPages? t_current;

    private readonly byte* _space;
    private readonly nuint _length;
    private readonly bool[] _mapped;
    private readonly nuint _chunk;
    private nuint _top;

    /// <param name="bytes">Address space in all.</param>
    /// <param name="chunk">Growth granularity.</param>
    /// <param name="frameLimit">Pages that may be mapped at once (the "physical memory").</param>
    /// <param name="gapBetweenGrowths">Leave one unmapped page between growths, so regions never continue each other.</param>
    public EmulatedHeapPages(nuint bytes = 64 << 20, nuint chunk = 64 * 1024, int frameLimit = int.MaxValue, bool gapBetweenGrowths = false)
    {
        _space = (byte*)NativeMemory.AlignedAlloc(bytes, Page);   // poisoned when granted, not up front
        _length = bytes;
        _mapped = new bool[bytes / Page];
        _chunk = chunk;
        FrameLimit = frameLimit;
        GapBetweenGrowths = gapBetweenGrowths;
        t_current = this;
    }

    public int FrameLimit { get; set; }

    public bool GapBetweenGrowths { get; }

    /// <summary>Pages mapped now.</summary>
    public int MappedPages { get; private set; }

    /// <summary>Most pages ever mapped at once.</summary>
    public int PeakMappedPages { get; private set; }

    /// <summary>Grow calls and what they asked for.</summary>
    public int Growths { get; private set; }

    public nuint LastGrowRequest { get; private set; }

    /// <summary>Contract breaches seen: a write into an unmapped page, an unaligned release.</summary>
    public int Violations { get; private set; }

    public byte* Start => _space;

    public HeapBacking Backing
    {
        get
        {
            HeapBacking backing = default;
            backing.Grow = &Grow;
            backing.Commit = &Commit;
            backing.Release = &Release;
            backing.IsMapped = &IsMapped;
            return backing;
        }
    }

    public bool IsPageMapped(byte* address) => _mapped[(nuint)(address - _space) / Page];

    /// <summary>Every unmapped page still holds the poison (nothing wrote to memory that was given back).</summary>
    public bool UnmappedPagesUntouched()
    {
        for (nuint page = 0; page < _top / Page; page++)
        {
            if (!_mapped[page] && !IsPoisoned(_space + page * Page)) return false;
        }
        return true;
    }

    public void Dispose()
    {
        if (t_current == this) t_current = null;
        NativeMemory.AlignedFree(_space);
    }

    private bool Contains(nuint address) => address >= (nuint)_space && address < (nuint)_space + _top;

    private static bool IsPoisoned(byte* page) => new ReadOnlySpan<byte>(page, (int)Page).IndexOfAnyExcept(Unmapped) < 0;

    private static byte* Grow(nuint minimum, nuint* granted)
    {
        EmulatedHeapPages self = t_current!;
        self.Growths++;
        self.LastGrowRequest = minimum;
        if (self.GapBetweenGrowths && self._top != 0) self._top += Page;
        nuint size = (minimum + self._chunk - 1) / self._chunk * self._chunk;
        if (self._top + size > self._length) return null;
        byte* start = self._space + self._top;
        new Span<byte>(start, (int)size).Fill(Unmapped);
        self._top += size;
        *granted = size;
        return start;
    }

    private static bool Commit(nuint start, nuint end)
    {
        EmulatedHeapPages self = t_current!;
        for (nuint page = start & ~(Page - 1); page < end; page += Page)
        {
            if (!self.Contains(page)) continue;
            nuint index = (page - (nuint)self._space) / Page;
            if (self._mapped[index]) continue;
            if (self.MappedPages == self.FrameLimit) return false;
            if (!IsPoisoned((byte*)page)) self.Violations++;
            new Span<byte>((byte*)page, (int)Page).Fill(FreshFrame);
            self._mapped[index] = true;
            self.MappedPages++;
            self.PeakMappedPages = Math.Max(self.PeakMappedPages, self.MappedPages);
        }
        return true;
    }

    private static nuint Release(nuint start, nuint end)
    {
        EmulatedHeapPages self = t_current!;
        if ((start & (Page - 1)) != 0 || (end & (Page - 1)) != 0 || end <= start) self.Violations++;
        nuint released = 0;
        for (nuint page = start & ~(Page - 1); page < end; page += Page)
        {
            if (!self.Contains(page)) continue;
            nuint index = (page - (nuint)self._space) / Page;
            if (!self._mapped[index]) continue;
            new Span<byte>((byte*)page, (int)Page).Fill(Unmapped);
            self._mapped[index] = false;
            self.MappedPages--;
            released += Page;
        }
        return released;
    }

    private static bool IsMapped(nuint address)
    {
        EmulatedHeapPages self = t_current!;
        return !self.Contains(address) || self._mapped[(address - (nuint)self._space) / Page];
    }
}
