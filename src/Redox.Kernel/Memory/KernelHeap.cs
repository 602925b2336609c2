namespace Redox.Kernel.Memory;

/// <summary>
/// The kernel heap: there is no GC, so memory is handed out from free lists and returned explicitly.
/// <para>
/// Every block has a 16-byte header: word 0 holds a magic number, the block's capacity and its flags; word 1 the
/// capacity of the block just before it (0 for a region's first block). So <see cref="Free"/> needs no size, finds
/// both neighbours in O(1) and merges with those that are free (boundary tags without footers), and can check a
/// pointer against its neighbours' headers before trusting it. Each region ends in a 16-byte sentinel header.
/// </para>
/// <para>
/// Free blocks sit in <see cref="HeapFreeLists"/> (segregated by size, O(1) to find a fit). A block bigger than
/// the request is split, the rest goes back on a list.
/// </para>
/// <para>
/// A free block of at least <see cref="ReleaseThreshold"/> gives the whole pages inside it back to the
/// <see cref="HeapBacking"/> (its header page and the next block's header page stay); allocating from it later
/// commits fresh pages again. Long work never needs the caller's lock: <see cref="Reserve"/> only carves the block,
/// <see cref="Prepare"/> commits and zeroes it, and a big <see cref="BeginFree"/> hands the page release back to
/// the caller (<see cref="ReleaseDeferred"/>, then <see cref="FinishFree"/>).
/// </para>
/// </summary>
public unsafe struct KernelHeap
{
    /// <summary>Bytes in front of every block.</summary>
    public const int HeaderSize = 16;

    /// <summary>The smallest capacity handed out (a free block's two list links fit in it).</summary>
    public const nuint MinimumCapacity = 16;

    /// <summary>Free blocks at least this big give their inner pages back.</summary>
    public const nuint ReleaseThreshold = 64 * 1024;

    /// <summary>The page size the backing maps.</summary>
    public const nuint PageSize = 4096;

    /// <summary>Separate address ranges the heap can manage (contiguous growth extends a region).</summary>
    public const int MaxRegions = 32;

    /// <summary>Pages released under the caller's lock at most; a bigger release is handed back to the caller.</summary>
    private const nuint InlineReleaseLimit = 16 * PageSize;

    // Word 0: magic (bits 63..48), flags (47..40), capacity (39..0, a multiple of 16).
    private const ulong Magic = 0x5244_0000_0000_0000;       // "RD"
    private const ulong MagicMask = 0xFFFF_0000_0000_0000;
    private const ulong FlagFree = 1UL << 40;               // on a free list
    private const ulong FlagDecommitted = 1UL << 41;        // pages inside may be unmapped: commit before use
    private const ulong FlagSentinel = 1UL << 42;           // the end of a region
    private const ulong FlagHeld = 1UL << 43;               // free, off the lists while its pages are given back
    private const ulong FlagClean = 1UL << 44;              // free, and every page inside but its header's was given back
    private const ulong CapacityMask = (1UL << 40) - 1;

    private fixed ulong _regionStarts[MaxRegions];          // the first block header
    private fixed ulong _regionEnds[MaxRegions];            // the end as granted (the sentinel sits below it)
    private int _regionCount;
    private HeapBacking _backing;
    private HeapFreeLists _free;

    /// <summary>Bytes currently handed out (block capacities, headers excluded).</summary>
    public nuint BytesInUse { get; private set; }

    /// <summary>Capacity of the blocks on the free lists.</summary>
    public readonly nuint BytesFree => _free.Bytes;

    /// <summary>Blocks on the free lists (after freeing everything: one per region).</summary>
    public readonly int FreeBlocks => _free.Blocks;

    /// <summary>Bytes of all regions the heap has been given (address space; see the backing for frames).</summary>
    public nuint BytesReserved { get; private set; }

    /// <summary>Successful allocations so far.</summary>
    public ulong Allocations { get; private set; }

    /// <summary>Frees so far.</summary>
    public ulong Frees { get; private set; }

    /// <summary>Regions the heap manages.</summary>
    public readonly int RegionCount => _regionCount;

    /// <summary>True once the heap has a region.</summary>
    public readonly bool IsInitialized => _regionCount > 0;

    /// <summary>Starts the heap on one region of mapped memory; <paramref name="backing"/> supplies more later.</summary>
    public void Initialize(byte* start, nuint length, HeapBacking backing)
    {
        _backing = backing;
        AddRegion(start, length, committed: true);
    }

    /// <summary>Sets or replaces where more memory comes from.</summary>
    public void SetBacking(HeapBacking backing) => _backing = backing;

    /// <summary>
    /// Reserves, commits and zeroes <paramref name="size"/> bytes, 16-byte aligned; null when memory is exhausted.
    /// For callers that hold no lock across it (host tests, single-threaded use); the kernel uses the phases.
    /// </summary>
    public byte* Allocate(nuint size)
    {
        byte* payload = Reserve(size);
        if (payload == null || Prepare(payload)) return payload;
        FreeWhole(payload, uncommitted: true);
        return null;
    }

    /// <summary>
    /// Phase one of an allocation, under the caller's lock: takes a block of at least <paramref name="size"/> bytes
    /// off the free lists (growing if none fits) and marks it used. Its memory is neither committed nor zeroed yet:
    /// call <see cref="Prepare"/>. Null when memory is exhausted.
    /// </summary>
    public byte* Reserve(nuint size)
    {
        if (size > (nuint)int.MaxValue) return null;
        nuint capacity = size <= MinimumCapacity ? MinimumCapacity : (size + 15) & ~(nuint)15;
        byte* block = TakeFree(capacity);
        if (block == null && Grow(capacity)) block = TakeFree(capacity);
        if (block == null) return null;
        ulong decommitted = Word(block) & FlagDecommitted;
        ulong clean = Word(block) & FlagClean;
        nuint have = Capacity(block);
        if (have - capacity >= HeaderSize + MinimumCapacity)
        {
            byte* rest = block + HeaderSize + capacity;
            // The rest's header may fall on a page given back: map it (one or two pages) before writing it.
            if (decommitted != 0 && !Commit(rest, rest + 2 * HeaderSize))
            {
                Insert(block);
                return null;
            }
            nuint restCapacity = have - capacity - HeaderSize;
            SetWord(rest, restCapacity, FlagFree | decommitted | clean);
            PreviousCapacity(rest) = capacity;
            PreviousCapacity(rest + HeaderSize + restCapacity) = restCapacity;
            Insert(rest);
            have = capacity;
        }
        SetWord(block, have, decommitted);
        BytesInUse += have;
        Allocations++;
        return block + HeaderSize;
    }

    /// <summary>
    /// Phase two, without the lock: commits the pages of a block from <see cref="Reserve"/> and zeroes it. False
    /// when frames ran out; then give the block back with <see cref="BeginFree"/>(uncommitted: true).
    /// </summary>
    public readonly bool Prepare(byte* payload)
    {
        byte* block = payload - HeaderSize;
        nuint capacity = Capacity(block);
        if ((Word(block) & FlagDecommitted) != 0 && !Commit(payload, payload + capacity)) return false;
        Clear(payload, capacity);
        return true;
    }

    /// <summary>Returns a block; false (and nothing changes) for null, a foreign pointer or a double free.</summary>
    public bool Free(byte* payload) => FreeWhole(payload, uncommitted: false);

    /// <summary>
    /// Frees under the caller's lock: merges the block with free neighbours and gives small page ranges back at
    /// once. A big range is left to the caller: <paramref name="held"/> is then the merged block, off the lists,
    /// until the caller has called <see cref="ReleaseDeferred"/> on [<paramref name="releaseStart"/>,
    /// <paramref name="releaseEnd"/>) without the lock and <see cref="FinishFree"/> with it.
    /// <paramref name="uncommitted"/>: the block's pages may be unmapped (its <see cref="Prepare"/> failed).
    /// </summary>
    public bool BeginFree(byte* payload, bool uncommitted, out byte* held, out nuint releaseStart, out nuint releaseEnd)
    {
        held = null;
        releaseStart = releaseEnd = 0;
        byte* block = InUseBlock(payload);
        if (block == null) return false;
        nuint capacity = Capacity(block);
        BytesInUse -= capacity;
        Frees++;
        SetWord(block, capacity, uncommitted ? FlagDecommitted : 0);
        held = Settle(block, allowDefer: true, out releaseStart, out releaseEnd);
        return true;
    }

    /// <summary>Gives the pages of a deferred range back (no lock needed: the held block is nobody else's).</summary>
    public readonly void ReleaseDeferred(nuint start, nuint end)
    {
        if (_backing.Release != null && end > start) _backing.Release(start, end);
    }

    /// <summary>Puts a held block on the free lists, merging with neighbours freed meanwhile (under the lock).</summary>
    public void FinishFree(byte* held)
    {
        SetWord(held, Capacity(held), FlagDecommitted | FlagClean);
        Settle(held, allowDefer: false, out _, out _);
    }

    /// <summary>The capacity of an allocated block, or 0 for a pointer this heap did not hand out.</summary>
    public readonly nuint CapacityOf(byte* payload)
    {
        byte* block = InUseBlock(payload);
        return block == null ? 0 : Capacity(block);
    }

    /// <summary>True when a block header in front of <paramref name="payload"/> would lie inside one of our regions.</summary>
    public readonly bool Owns(byte* payload) => RegionOf(payload) >= 0;

    /// <summary>The capacity of the biggest free block (walks one list; for diagnostics and tests).</summary>
    public readonly nuint LargestFreeBlock() => _free.Largest(&Capacity);

    private bool FreeWhole(byte* payload, bool uncommitted)
    {
        if (!BeginFree(payload, uncommitted, out byte* held, out nuint start, out nuint end)) return false;
        if (held != null)
        {
            ReleaseDeferred(start, end);
            FinishFree(held);
        }
        return true;
    }

    /// <summary>
    /// Merges a block that is no longer used (not on a list) with its free neighbours, gives whole pages back when
    /// the result is big enough, and lists it. Returns null, or the merged block held off the lists when the block's
    /// own span is too big to release under the lock (then the range is in start/end).
    /// <para>
    /// Flags of the merged block: decommitted if any piece was (it must be committed before use); clean only after
    /// every page inside it was given back. A clean piece adds only its old header page to the release, any other
    /// piece all of its pages: a non-clean free block is below <see cref="ReleaseThreshold"/>, except the block
    /// being freed, which is why only that one may be deferred.
    /// </para>
    /// </summary>
    private byte* Settle(byte* block, bool allowDefer, out nuint deferStart, out nuint deferEnd)
    {
        deferStart = deferEnd = 0;
        ulong self = Word(block);
        ulong flags = self & FlagDecommitted;
        byte* start = block;
        byte* next = NextBlock(block);
        byte* end = next;
        byte* previous = PreviousBlock(block);
        ulong previousFlags = 0, nextFlags = 0;
        if (previous != null && (Word(previous) & FlagFree) != 0)
        {
            previousFlags = Word(previous);
            Remove(previous);
            start = previous;
        }
        if ((Word(next) & FlagFree) != 0)
        {
            nextFlags = Word(next);
            Remove(next);
            end = NextBlock(next);
        }
        flags |= (previousFlags | nextFlags) & FlagDecommitted;
        nuint capacity = (nuint)(end - start) - HeaderSize;
        PreviousCapacity(end) = capacity;
        // Headers swallowed by the merge stay as they are: a stale pointer to one is refused all the same, as its
        // neighbours no longer agree with it (or its page is gone, or it still says free).
        if (capacity >= ReleaseThreshold && _backing.Release != null)
        {
            // Keep the merged block's header and links, and the next block's header: every other page may go.
            nuint low = AlignUp((nuint)start + 2 * HeaderSize), high = AlignDown((nuint)end);
            flags |= FlagDecommitted | FlagClean;
            if (previousFlags != 0) ReleasePiece(start, block, previousFlags, low, high);
            if (nextFlags != 0) ReleasePiece(next, end, nextFlags, low, high);
            nuint from = AlignDown((nuint)block > low ? (nuint)block : low);
            nuint to = AlignUp((nuint)next < high ? (nuint)next : high);
            if ((self & FlagClean) == 0 && allowDefer && to > from && to - from > InlineReleaseLimit)
            {
                SetWord(start, capacity, FlagHeld | flags);
                deferStart = from;
                deferEnd = to;
                return start;
            }
            ReleasePiece(block, next, self, low, high);
        }
        SetWord(start, capacity, FlagFree | flags);
        Insert(start);
        return null;
    }

    /// <summary>Gives back the pages of one merged piece [from, to) that lie inside [low, high).</summary>
    private readonly void ReleasePiece(byte* from, byte* to, ulong pieceFlags, nuint low, nuint high)
    {
        if ((pieceFlags & FlagClean) != 0) to = from + 2 * HeaderSize;     // only its old header page is mapped
        ReleaseWithin((nuint)from, (nuint)to, low, high);
    }

    /// <summary>
    /// Releases every page touching [from, to) that lies wholly in [low, high), the merged block's inside (page
    /// aligned): a page shared by two merged pieces belongs to the block as a whole, so rounding outwards is safe.
    /// </summary>
    private readonly void ReleaseWithin(nuint from, nuint to, nuint low, nuint high)
    {
        from = AlignDown(from > low ? from : low);
        to = AlignUp(to < high ? to : high);
        if (to > from) _backing.Release(from, to);
    }

    /// <summary>A free block of at least <paramref name="capacity"/>, off its list; null when none is listed.</summary>
    private byte* TakeFree(nuint capacity)
    {
        byte* block = _free.Find(capacity, &Capacity);
        if (block != null) Remove(block);
        return block;
    }

    private bool Grow(nuint capacity)
    {
        if (_backing.Grow == null) return false;
        nuint granted = 0;
        byte* region = _backing.Grow(capacity + 4 * HeaderSize, &granted);
        return region != null && AddRegion(region, granted, committed: false);
    }

    /// <summary>
    /// Adds [start, start + length) as one free block (merged with the last block of a region it continues) and a
    /// sentinel at its end. A region from the backing is not mapped: only the headers written here get committed.
    /// </summary>
    private bool AddRegion(byte* start, nuint length, bool committed)
    {
        if (start == null || length < 4 * HeaderSize || (ulong)length > HeapFreeLists.MaxBlock) return false;
        ulong rawEnd = (ulong)start + length;
        byte* sentinel = (byte*)(rawEnd & ~15UL) - HeaderSize;
        int continued = -1;
        for (int i = 0; i < _regionCount; i++)
        {
            if (_regionEnds[i] == (ulong)start) continued = i;
        }
        byte* block;
        nuint previousCapacity;
        if (continued >= 0)
        {
            block = SentinelOf(continued);                        // the old sentinel becomes the new block's header
            previousCapacity = PreviousCapacity(block);
        }
        else
        {
            if (_regionCount == MaxRegions) return false;
            block = (byte*)(((ulong)start + 15) & ~15UL);
            previousCapacity = 0;
        }
        if (sentinel < block + HeaderSize + MinimumCapacity) return false;
        if (!committed && !(Commit(block, block + 2 * HeaderSize) && Commit(sentinel, sentinel + HeaderSize))) return false;
        nuint capacity = (nuint)(sentinel - block) - HeaderSize;
        SetWord(sentinel, 0, FlagSentinel);
        PreviousCapacity(sentinel) = capacity;
        SetWord(block, capacity, committed ? 0 : FlagDecommitted | FlagClean);
        PreviousCapacity(block) = previousCapacity;
        if (continued >= 0) _regionEnds[continued] = rawEnd;
        else
        {
            _regionStarts[_regionCount] = (ulong)block;
            _regionEnds[_regionCount] = rawEnd;
            _regionCount++;
        }
        BytesReserved += length;
        Settle(block, allowDefer: false, out _, out _);
        return true;
    }

    /// <summary>The header of a block handed out and not yet freed, checked against its neighbours; else null.</summary>
    private readonly byte* InUseBlock(byte* payload)
    {
        if (((nuint)payload & 15) != 0) return null;
        int region = RegionOf(payload);
        if (region < 0) return null;
        byte* block = payload - HeaderSize;
        if (payload + MinimumCapacity > SentinelOf(region) || !IsMapped(block)) return null;
        ulong word = Word(block);
        if ((word & MagicMask) != Magic || (word & (FlagFree | FlagSentinel | FlagHeld)) != 0) return null;
        nuint capacity = Capacity(block);
        if (capacity < MinimumCapacity || capacity > (nuint)(SentinelOf(region) - payload)) return null;
        byte* next = payload + capacity;
        if (!IsMapped(next) || (Word(next) & MagicMask) != Magic || PreviousCapacity(next) != capacity) return null;
        nuint previousCapacity = PreviousCapacity(block);
        nuint offset = (nuint)(block - (byte*)_regionStarts[region]);
        if (previousCapacity == 0) return offset == 0 ? block : null;
        if (offset < HeaderSize + previousCapacity) return null;
        byte* previous = block - HeaderSize - previousCapacity;
        return IsMapped(previous) && (Word(previous) & MagicMask) == Magic && Capacity(previous) == previousCapacity ? block : null;
    }

    private readonly int RegionOf(byte* payload)
    {
        if ((ulong)payload < HeaderSize) return -1;
        ulong header = (ulong)payload - HeaderSize;
        for (int i = 0; i < _regionCount; i++)
        {
            if (header >= _regionStarts[i] && (ulong)payload < _regionEnds[i]) return i;
        }
        return -1;
    }

    private readonly byte* SentinelOf(int region) => (byte*)(_regionEnds[region] & ~15UL) - HeaderSize;

    private readonly bool IsMapped(byte* address) => _backing.IsMapped == null || _backing.IsMapped((nuint)address);

    private readonly bool Commit(byte* from, byte* to) => _backing.Commit == null || _backing.Commit((nuint)from, (nuint)to);

    private void Insert(byte* block) => _free.Insert(block, Capacity(block));

    private void Remove(byte* block) => _free.Remove(block, Capacity(block));

    private static ulong Word(byte* block) => *(ulong*)block;

    private static void SetWord(byte* block, nuint capacity, ulong flags) => *(ulong*)block = Magic | (ulong)capacity | flags;

    private static nuint Capacity(byte* block) => (nuint)(*(ulong*)block & CapacityMask);

    private static ref nuint PreviousCapacity(byte* block) => ref *(nuint*)(block + 8);

    private static byte* NextBlock(byte* block) => block + HeaderSize + Capacity(block);

    private static byte* PreviousBlock(byte* block)
    {
        nuint previous = PreviousCapacity(block);
        return previous == 0 ? null : block - HeaderSize - previous;
    }

    private static nuint AlignUp(nuint value) => (value + PageSize - 1) & ~(PageSize - 1);

    private static nuint AlignDown(nuint value) => value & ~(PageSize - 1);

    private static void Clear(byte* p, nuint length)
    {
        for (nuint i = 0; i < length; i += 16)
        {
            *(ulong*)(p + i) = 0;
            *(ulong*)(p + i + 8) = 0;
        }
    }
}
