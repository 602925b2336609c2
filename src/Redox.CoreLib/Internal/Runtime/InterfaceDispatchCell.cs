using System.Runtime.InteropServices;

namespace Internal.Runtime;

/// <summary>
/// One interface call site's cell, emitted by ILC: the call site loads the cell's address into r11 and calls
/// through <see cref="Stub"/>. ILC fills the stub with <c>RhpInitialDynamicInterfaceDispatch</c> and the second
/// word with the interface (a self-relative pointer tagged in its low bits); cells come in runs ended by a cell
/// whose stub is null and whose second word holds the slot (low 16 bits) and the kind (bits 16+). Once a call
/// site has been resolved, the runtime may point the second word at a <see cref="InterfaceDispatchCacheEntry"/>
/// (low bits 0) and the stub at the monomorphic stub. (The contract is NativeAOT's rhbinder.h.)
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct InterfaceDispatchCell
{
    private const nuint TagMask = 3;
    private const nuint TagInterfacePointer = 1;
    private const nuint TagIndirectedRelativePointer = 2;
    private const nuint TagRelativePointer = 3;
    private const nuint MaxVTableOffsetPlusOne = 0x1000;

    /// <summary>The code the call site calls.</summary>
    public volatile void* Stub;

    /// <summary>Interface information, a vtable offset, or (once cached) a cache entry.</summary>
    public volatile void* Cache;

    /// <summary>The cache entry the cell points at, or null while it holds ILC's initial information.</summary>
    public InterfaceDispatchCacheEntry* CacheEntry
    {
        get
        {
            nuint value = (nuint)Cache;
            return (value & TagMask) == 0 && value >= MaxVTableOffsetPlusOne ? (InterfaceDispatchCacheEntry*)value : null;
        }
    }

    /// <summary>
    /// The interface and slot this call site calls, or (<paramref name="vtableOffset"/> non-zero) a plain vtable
    /// offset. Reads the cache entry if the cell has one: the entry keeps the cell's original information.
    /// </summary>
    public MethodTable* GetInterfaceAndSlot(out int slot, out uint vtableOffset)
    {
        vtableOffset = 0;
        nuint value = (nuint)Cache;
        InterfaceDispatchCacheEntry* entry = CacheEntry;
        if (entry != null)
        {
            slot = entry->Slot;
            return entry->Interface;
        }
        if ((value & TagMask) == 0)
        {
            // A value below 0x1000 with no tag is a vtable offset (ILC's VTableOffset cell kind).
            slot = 0;
            vtableOffset = (uint)value;
            return null;
        }

        // The slot lives in the run's terminating cell.
        fixed (InterfaceDispatchCell* self = &this)
        {
            InterfaceDispatchCell* terminator = self;
            while (terminator->Stub != null) terminator++;
            slot = (ushort)(nuint)terminator->Cache;

            nuint tag = value & TagMask;
            if (tag == TagInterfacePointer) return (MethodTable*)(value & ~TagMask);
            byte* target = (byte*)self + sizeof(void*) + (int)(uint)value; // relative to the Cache word
            target = (byte*)((nuint)target & ~TagMask);
            return tag == TagRelativePointer ? (MethodTable*)target : *(MethodTable**)target;
        }
    }
}

/// <summary>
/// A resolved call target for one call site and one receiver type. Immutable once published, so a cell can
/// switch to it with two ordered stores and no lock; the monomorphic stub reads <see cref="Type"/> and
/// <see cref="Target"/> at offsets 0 and 8 (a contract with InterfaceDispatch.S).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct InterfaceDispatchCacheEntry
{
    /// <summary>The receiver's exact type.</summary>
    public MethodTable* Type;

    /// <summary>The code to jump to for that type.</summary>
    public void* Target;

    /// <summary>The interface the call site calls (kept so the cell can still be resolved for other types).</summary>
    public MethodTable* Interface;

    /// <summary>The slot in that interface.</summary>
    public int Slot;
}
