using System.Runtime.CompilerServices;
using System.Threading;
using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;

namespace System.Runtime;

/// <summary>
/// General interface dispatch. An interface call site calls through its <see cref="InterfaceDispatchCell"/>; the
/// first call lands in <c>RhpInitialDynamicInterfaceDispatch</c> (InterfaceDispatch.S), which saves the argument
/// registers and asks <see cref="Resolve"/> for the target. The answer is remembered twice, without allocating and
/// without locks: the call site gets a monomorphic cache entry from a fixed pool (its stub then compares the
/// receiver's type and jumps, a handful of instructions), and every (type, interface, slot) goes into a global
/// hash table that serves call sites seeing several types. Nothing here is kernel-specific: the pool and the table
/// are plain statics, so the same code serves a ring-3 process.
/// </summary>
internal static unsafe class CachedInterfaceDispatch
{
    private const int PoolEntries = 512;
    private const int TableEntries = 1024; // a power of two
    private const int WordsPerTableEntry = 5;

    // Fixed buffers in non-GC statics: zeroed memory in the image, never allocated, never moved.
    private struct EntryPool { public fixed ulong Words[PoolEntries * 4]; }
    private struct Table { public fixed ulong Words[TableEntries * WordsPerTableEntry]; }

    private static EntryPool s_pool;
    private static int s_poolUsed;
    private static Table s_table;

    /// <summary>
    /// Called by the dispatch stubs with the receiver (never null: the stubs check), the call site's cell and the
    /// address of the monomorphic stub (null: leave the cell as it is); returns the code to jump to.
    /// </summary>
    [RuntimeExport("RhpResolveInterfaceDispatch")]
    public static void* Resolve(object receiver, InterfaceDispatchCell* cell, void* monomorphicStub)
    {
        MethodTable* type = receiver.m_pEEType;
        MethodTable* interfaceType = cell->GetInterfaceAndSlot(out int slot, out uint vtableOffset);
        if (interfaceType == null) return *(void**)((byte*)type + vtableOffset);

        void* target = Lookup(type, interfaceType, slot);
        if (target == null)
        {
            target = DispatchResolve.FindInterfaceMethodImplementationTarget(type, interfaceType, slot);
            if (target == null)
            {
                ExceptionHandling.PanicText("runtime", "the receiver does not implement the interface method it was called through");
                return null;
            }
            Insert(type, interfaceType, slot, target);
        }
        if (monomorphicStub != null && cell->CacheEntry == null) TryMakeMonomorphic(cell, type, interfaceType, slot, target, monomorphicStub);
        return target;
    }

    /// <summary>
    /// The code an interface method has for <paramref name="receiver"/>, through a cell, without changing the cell:
    /// for a delegate to an interface method (<c>Func&lt;int&gt; f = device.Read</c>) and ILC's <c>ldvirtftn</c>.
    /// </summary>
    [RuntimeExport("RhpResolveInterfaceMethod")]
    public static void* ResolveInterfaceMethod(object receiver, InterfaceDispatchCell* cell)
    {
        if (receiver is null) ThrowHelpers.ThrowNullReferenceException();
        return Resolve(receiver, cell, null);
    }

    /// <summary>
    /// Points the cell at a pool entry, then at the monomorphic stub. Entry first: a thread that still enters the
    /// initial stub reads the cell's interface and slot from the entry (<see cref="InterfaceDispatchCell.GetInterfaceAndSlot"/>).
    /// When the pool is exhausted the call site simply stays on the initial stub and the global table.
    /// </summary>
    private static void TryMakeMonomorphic(InterfaceDispatchCell* cell, MethodTable* type, MethodTable* interfaceType, int slot,
        void* target, void* monomorphicStub)
    {
        int index = Interlocked.Increment(ref s_poolUsed) - 1;
        if (index >= PoolEntries) return;
        InterfaceDispatchCacheEntry* entry = (InterfaceDispatchCacheEntry*)Unsafe.AsPointer(ref s_pool.Words[index * 4]);
        entry->Type = type;
        entry->Target = target;
        entry->Interface = interfaceType;
        entry->Slot = slot;
        cell->Cache = entry;
        cell->Stub = monomorphicStub;
    }

    // A table entry is {sequence, type, interface, slot, target}. The sequence is odd while a writer fills the entry;
    // a reader that sees it odd or changed treats the entry as a miss (a sequence lock: x86 keeps loads in order).
    private static ulong* TableEntry(MethodTable* type, MethodTable* interfaceType, int slot)
    {
        ulong hash = ((ulong)type >> 3) * 0x9E3779B97F4A7C15UL ^ ((ulong)interfaceType >> 3) ^ (ulong)slot * 0x632BE59BD9B4E019UL;
        int index = (int)(hash >> 54) & (TableEntries - 1);
        return (ulong*)Unsafe.AsPointer(ref s_table.Words[index * WordsPerTableEntry]);
    }

    private static void* Lookup(MethodTable* type, MethodTable* interfaceType, int slot)
    {
        ulong* entry = TableEntry(type, interfaceType, slot);
        ulong sequence = Volatile.Read(ref entry[0]);
        if ((sequence & 1) != 0) return null;
        bool match = entry[1] == (ulong)type && entry[2] == (ulong)interfaceType && entry[3] == (ulong)slot;
        void* target = (void*)entry[4];
        return match && Volatile.Read(ref entry[0]) == sequence ? target : null;
    }

    private static void Insert(MethodTable* type, MethodTable* interfaceType, int slot, void* target)
    {
        ulong* entry = TableEntry(type, interfaceType, slot);
        long sequence = (long)Volatile.Read(ref entry[0]);
        if ((sequence & 1) != 0 || Interlocked.CompareExchange(ref *(long*)entry, sequence + 1, sequence) != sequence) return;
        entry[1] = (ulong)type;
        entry[2] = (ulong)interfaceType;
        entry[3] = (ulong)slot;
        entry[4] = (ulong)target;
        Volatile.Write(ref entry[0], (ulong)sequence + 2);
    }

    /// <summary>The dispatch stubs jump here for a null receiver: the throw then appears to come from the call site.</summary>
    [RuntimeExport("RhpInterfaceDispatchNullReference")]
    public static void ThrowNullReference() => ThrowHelpers.ThrowNullReferenceException();
}
