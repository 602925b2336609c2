using System.Runtime.CompilerServices;
using System.Threading;

namespace System.Runtime;

/// <summary>
/// The answers of <see cref="TypeLoaderExports.GVMLookupForSlot"/>: (receiver type, method handle) → code, in a
/// direct-mapped table of fixed size in the image's zeroed statics, so a call never allocates and a repeated one
/// costs a hash, four loads and two compares. An entry is {sequence, type, method, code}; the sequence is odd while a
/// writer fills the entry, and a reader that sees it odd or changed treats the entry as a miss (a sequence lock:
/// x86 keeps loads in order, and the volatile reads keep the compiler from moving them). A collision only evicts:
/// the loser is looked up again in ILC's tables on its next call. Keys are plain addresses (a MethodTable and a
/// method handle), so the same file is compiled into the host tests.
/// </summary>
internal static unsafe class GenericVirtualMethodCache
{
    private const int Entries = 512; // a power of two
    private const int EntryShift = 64 - 9;

    private struct Table { public fixed long Words[Entries * 4]; }

    // One entry; the volatile sequence gives its reads and writes acquire and release order, inline.
    private struct Entry
    {
        public volatile nint Sequence;
        public nint Type;
        public nint Method;
        public nint Target;
    }

    private static Table s_table;

    /// <summary>The cached code of <paramref name="method"/> for <paramref name="type"/>; null on a miss.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void* Lookup(void* type, void* method)
    {
        Entry* entry = EntryOf(type, method);
        nint sequence = entry->Sequence;
        nint cachedType = entry->Type, cachedMethod = entry->Method;
        void* target = (void*)entry->Target;
        bool hit = (sequence & 1) == 0 && cachedType == (nint)type && cachedMethod == (nint)method;
        return hit && entry->Sequence == sequence ? target : null;
    }

    /// <summary>Remembers <paramref name="target"/>; gives up silently if another thread is writing the same entry.</summary>
    public static void Insert(void* type, void* method, void* target)
    {
        Entry* entry = EntryOf(type, method);
        long sequence = entry->Sequence;
        if ((sequence & 1) != 0 || Interlocked.CompareExchange(ref *(long*)entry, sequence + 1, sequence) != sequence) return;
        entry->Type = (nint)type;
        entry->Method = (nint)method;
        entry->Target = (nint)target;
        entry->Sequence = (nint)(sequence + 2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Entry* EntryOf(void* type, void* method)
    {
        ulong hash = ((ulong)type ^ (ulong)method * 0x9E3779B97F4A7C15UL) >> EntryShift;
        return (Entry*)Unsafe.AsPointer(ref s_table.Words[0]) + hash;
    }
}
