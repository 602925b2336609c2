namespace Redox.Kernel.Memory;

/// <summary>
/// The kernel heap: there is no GC, so memory is handed out from free lists and returned explicitly.
/// Blocks of up to 2 KiB come from eight power-of-two size classes (16 B .. 2 KiB), each with its own free list,
/// so allocate/free cycles of one size reuse the same memory. Bigger blocks come from a first-fit list that
/// splits. New memory is bump-allocated from the current region; when that runs out the heap asks its grow
/// function (the kernel maps fresh frames) for another region. Every block has a 16-byte header (capacity and a
/// tag) so <see cref="Free"/> needs no size and can reject pointers it never handed out.
/// </summary>
public unsafe struct KernelHeap
{
    /// <summary>Bytes in front of every block.</summary>
    public const int HeaderSize = 16;

    private const int ClassCount = 8;
    private const int SmallestClassShift = 4;          // 16 bytes
    private const nuint LargestClassSize = 2048;
    private const ulong TagInUse = 0x5245444F58555345;  // "REDOXUSE"
    private const ulong TagFree = 0x5245444F58465245;   // "REDOXFRE"

    private const int MaxRegions = 32;

    private fixed ulong _classFreeLists[ClassCount];
    private fixed ulong _regionStarts[MaxRegions];
    private fixed ulong _regionEnds[MaxRegions];
    private int _regionCount;
    private byte* _largeFreeList;
    private byte* _bumpNext;
    private byte* _bumpEnd;
    private delegate*<nuint, nuint*, byte*> _grow;

    /// <summary>Bytes currently handed out (block capacities, headers excluded).</summary>
    public nuint BytesInUse { get; private set; }

    /// <summary>Bytes of all regions the heap has been given.</summary>
    public nuint BytesReserved { get; private set; }

    /// <summary>Successful allocations so far.</summary>
    public ulong Allocations { get; private set; }

    /// <summary>Frees so far.</summary>
    public ulong Frees { get; private set; }

    /// <summary>True once the heap has a region.</summary>
    public readonly bool IsInitialized => _bumpEnd != null;

    /// <summary>Starts the heap on one region; <paramref name="grow"/> (may be null) supplies more later.</summary>
    public void Initialize(byte* start, nuint length, delegate*<nuint, nuint*, byte*> grow)
    {
        _grow = grow;
        AddRegion(start, length);
    }

    /// <summary>Sets or replaces the function that supplies more memory.</summary>
    public void SetGrow(delegate*<nuint, nuint*, byte*> grow) => _grow = grow;

    /// <summary>Returns <paramref name="size"/> zeroed bytes, 16-byte aligned, or null when memory is exhausted.</summary>
    public byte* Allocate(nuint size)
    {
        if (size == 0) size = 1;
        if (size > (nuint)int.MaxValue) return null;
        byte* block;
        nuint capacity;
        if (size <= LargestClassSize)
        {
            int sizeClass = ClassOf(size);
            capacity = (nuint)1 << (sizeClass + SmallestClassShift);
            block = (byte*)_classFreeLists[sizeClass];
            if (block != null) _classFreeLists[sizeClass] = *(ulong*)(block + HeaderSize);
            else block = Bump(capacity);
        }
        else
        {
            capacity = (size + 15) & ~(nuint)15;
            block = TakeLarge(capacity, out capacity);
            if (block == null) block = Bump(capacity);
        }
        if (block == null) return null;
        ((ulong*)block)[0] = capacity;
        ((ulong*)block)[1] = TagInUse;
        byte* payload = block + HeaderSize;
        Clear(payload, capacity);
        BytesInUse += capacity;
        Allocations++;
        return payload;
    }

    /// <summary>Returns a block; false (and nothing changes) for null, a foreign pointer or a double free.</summary>
    public bool Free(byte* payload)
    {
        if (payload == null || ((nuint)payload & 15) != 0 || !Owns(payload)) return false;
        byte* block = payload - HeaderSize;
        if (((ulong*)block)[1] != TagInUse) return false;
        nuint capacity = (nuint)((ulong*)block)[0];
        ((ulong*)block)[1] = TagFree;
        BytesInUse -= capacity;
        Frees++;
        if (capacity <= LargestClassSize)
        {
            int sizeClass = ClassOf(capacity);
            *(ulong*)payload = _classFreeLists[sizeClass];
            _classFreeLists[sizeClass] = (ulong)block;
        }
        else
        {
            *(byte**)payload = _largeFreeList;
            _largeFreeList = block;
        }
        return true;
    }

    /// <summary>The capacity of an allocated block, or 0 for a pointer this heap did not hand out.</summary>
    public nuint CapacityOf(byte* payload)
    {
        if (!Owns(payload)) return 0;
        byte* block = payload - HeaderSize;
        return ((ulong*)block)[1] == TagInUse ? (nuint)((ulong*)block)[0] : 0;
    }

    /// <summary>True when a block header in front of <paramref name="payload"/> would lie inside one of our regions.</summary>
    public readonly bool Owns(byte* payload)
    {
        if ((ulong)payload < HeaderSize) return false;
        ulong header = (ulong)payload - HeaderSize;
        for (int i = 0; i < _regionCount; i++)
        {
            if (header >= _regionStarts[i] && (ulong)payload < _regionEnds[i]) return true;
        }
        return false;
    }

    /// <summary>The size class (0 = 16 B .. 7 = 2 KiB) for a request.</summary>
    public static int ClassOf(nuint size)
    {
        int sizeClass = 0;
        while (((nuint)1 << (sizeClass + SmallestClassShift)) < size) sizeClass++;
        return sizeClass;
    }

    private bool AddRegion(byte* start, nuint length)
    {
        ulong end = (ulong)start + length;
        int merged = -1;
        for (int i = 0; i < _regionCount; i++)
        {
            if (_regionEnds[i] == (ulong)start) merged = i;
        }
        if (merged >= 0) _regionEnds[merged] = end;
        else if (_regionCount == MaxRegions) return false;
        else
        {
            _regionStarts[_regionCount] = (ulong)start;
            _regionEnds[_regionCount] = end;
            _regionCount++;
        }
        // A region that continues the current one extends the bump area instead of abandoning its tail.
        if (_bumpEnd != start)
        {
            _bumpNext = (byte*)(((nuint)start + 15) & ~(nuint)15);
        }
        _bumpEnd = (byte*)end;
        if (_bumpNext > _bumpEnd) _bumpNext = _bumpEnd; // a region smaller than its alignment padding holds nothing
        BytesReserved += length;
        return true;
    }

    private byte* Bump(nuint capacity)
    {
        nuint needed = capacity + HeaderSize;
        if (_bumpNext == null || (nuint)(_bumpEnd - _bumpNext) < needed)
        {
            if (_grow == null) return null;
            nuint granted;
            byte* region = _grow(needed, &granted);
            if (region == null || !AddRegion(region, granted)) return null;
            if ((nuint)(_bumpEnd - _bumpNext) < needed) return null;
        }
        byte* block = _bumpNext;
        _bumpNext += needed;
        return block;
    }

    /// <summary>First fit from the large list; splits off the tail when it is big enough to be useful.</summary>
    private byte* TakeLarge(nuint wanted, out nuint capacity)
    {
        byte** link = null; // null: the list head itself
        for (byte* block = _largeFreeList; block != null; block = *(byte**)(block + HeaderSize))
        {
            nuint blockCapacity = (nuint)((ulong*)block)[0];
            if (blockCapacity >= wanted)
            {
                byte* next = *(byte**)(block + HeaderSize);
                if (link == null) _largeFreeList = next;
                else *link = next;
                nuint rest = blockCapacity - wanted;
                if (rest >= LargestClassSize + HeaderSize)
                {
                    byte* tail = block + HeaderSize + wanted;
                    ((ulong*)tail)[0] = rest - HeaderSize;
                    ((ulong*)tail)[1] = TagFree;
                    *(byte**)(tail + HeaderSize) = _largeFreeList;
                    _largeFreeList = tail;
                    capacity = wanted;
                }
                else capacity = blockCapacity;
                return block;
            }
            link = (byte**)(block + HeaderSize);
        }
        capacity = wanted;
        return null;
    }

    private static void Clear(byte* p, nuint length)
    {
        for (nuint i = 0; i < length; i += 8) *(ulong*)(p + i) = 0;
    }
}
