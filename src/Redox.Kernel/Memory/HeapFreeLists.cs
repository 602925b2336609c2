namespace Redox.Kernel.Memory;

/// <summary>
/// The kernel heap's free lists, segregated by size in two levels as in TLSF (Masmano et al., 2004): exact lists
/// for 16..240 bytes, then eight lists per power of two from 256 bytes up. A bitmap of non-empty lists finds a
/// block that fits in O(1) (a few words scanned); insert and remove are O(1) (doubly linked through the first two
/// words of the block's payload, which is why the smallest block holds 16 bytes).
/// </summary>
public unsafe struct HeapFreeLists
{
    private const int LinearLists = 15;                     // 16, 32, .. 240 bytes
    private const int FirstLog = 8;                         // 256 bytes
    private const int MaxLog = 40;
    private const int SubLists = 8;                         // per power of two: a fit wastes at most 1/8
    private const int FallbackScan = 8;                     // blocks of the request's own list tried at most

    /// <summary>Lists in all.</summary>
    public const int Count = LinearLists + (MaxLog - FirstLog + 1) * SubLists;

    /// <summary>The largest block the lists can sort (bigger ones all share the last list).</summary>
    public const ulong MaxBlock = 1UL << MaxLog;

    private const int BitmapWords = (Count + 63) / 64;
    private const int PayloadOffset = 16;                   // links live after the block's header

    private fixed ulong _heads[Count];
    private fixed ulong _nonEmpty[BitmapWords];

    /// <summary>Blocks listed.</summary>
    public int Blocks { get; private set; }

    /// <summary>Sum of the listed blocks' capacities.</summary>
    public nuint Bytes { get; private set; }

    /// <summary>Lists a free block (header at <paramref name="block"/>) of <paramref name="capacity"/>.</summary>
    public void Insert(byte* block, nuint capacity)
    {
        int list = ListOf(capacity);
        byte* head = (byte*)_heads[list];
        Next(block) = head;
        Previous(block) = null;
        if (head != null) Previous(head) = block;
        _heads[list] = (ulong)block;
        _nonEmpty[list >> 6] |= 1UL << (list & 63);
        Blocks++;
        Bytes += capacity;
    }

    /// <summary>Unlinks a listed block of <paramref name="capacity"/>.</summary>
    public void Remove(byte* block, nuint capacity)
    {
        int list = ListOf(capacity);
        byte* next = Next(block), previous = Previous(block);
        if (previous != null) Next(previous) = next;
        else _heads[list] = (ulong)next;
        if (next != null) Previous(next) = previous;
        if (_heads[list] == 0) _nonEmpty[list >> 6] &= ~(1UL << (list & 63));
        Blocks--;
        Bytes -= capacity;
    }

    /// <summary>
    /// A listed block that holds <paramref name="capacity"/> (still listed: the caller removes it), or null. First
    /// the head of the request's own list (an exact or near fit, O(1)), then the first non-empty list whose every
    /// block fits (O(1)), and last a few more blocks of the request's own list.
    /// </summary>
    public readonly byte* Find(nuint capacity, delegate*<byte*, nuint> capacityOf)
    {
        byte* own = (byte*)_heads[ListOf(capacity)];
        if (own != null && capacityOf(own) >= capacity) return own;
        int list = FirstNonEmpty(SearchListOf(capacity));
        if (list >= 0) return (byte*)_heads[list];
        int tries = 0;
        for (byte* block = (byte*)_heads[ListOf(capacity)]; block != null && tries < FallbackScan; block = Next(block), tries++)
        {
            if (capacityOf(block) >= capacity) return block;
        }
        return null;
    }

    /// <summary>The capacity of the biggest listed block (walks one list; for diagnostics and tests).</summary>
    public readonly nuint Largest(delegate*<byte*, nuint> capacityOf)
    {
        for (int list = Count - 1; list >= 0; list--)
        {
            nuint largest = 0;
            for (byte* block = (byte*)_heads[list]; block != null; block = Next(block))
            {
                if (capacityOf(block) > largest) largest = capacityOf(block);
            }
            if (largest != 0) return largest;
        }
        return 0;
    }

    /// <summary>The list a free block of <paramref name="capacity"/> (a multiple of 16, at least 16) belongs on.</summary>
    public static int ListOf(nuint capacity)
    {
        if (capacity < (nuint)1 << FirstLog) return (int)(capacity >> 4) - 1;
        int log = Log2(capacity);
        if (log > MaxLog) return Count - 1;
        return LinearLists + (log - FirstLog) * SubLists + (int)((capacity >> (log - 3)) & (SubLists - 1));
    }

    /// <summary>The first list whose every block holds <paramref name="capacity"/>.</summary>
    public static int SearchListOf(nuint capacity)
    {
        if (capacity < (nuint)1 << FirstLog) return ListOf(capacity);
        return ListOf(capacity + ((nuint)1 << (Log2(capacity) - 3)) - 1);
    }

    private readonly int FirstNonEmpty(int list)
    {
        if (list >= Count) return -1;
        int word = list >> 6;
        ulong bits = _nonEmpty[word] & (ulong.MaxValue << (list & 63));
        while (bits == 0)
        {
            if (++word == BitmapWords) return -1;
            bits = _nonEmpty[word];
        }
        return word * 64 + Log2(bits & (ulong)-(long)bits);
    }

    private static int Log2(ulong value)
    {
        int log = 0;
        if (value >= 1UL << 32) { value >>= 32; log += 32; }
        if (value >= 1UL << 16) { value >>= 16; log += 16; }
        if (value >= 1UL << 8) { value >>= 8; log += 8; }
        if (value >= 1UL << 4) { value >>= 4; log += 4; }
        if (value >= 1UL << 2) { value >>= 2; log += 2; }
        if (value >= 1UL << 1) log += 1;
        return log;
    }

    private static ref byte* Next(byte* block) => ref *(byte**)(block + PayloadOffset);

    private static ref byte* Previous(byte* block) => ref *(byte**)(block + PayloadOffset + 8);
}
