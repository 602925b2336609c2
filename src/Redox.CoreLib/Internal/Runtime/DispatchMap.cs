using System.Runtime.InteropServices;

namespace Internal.Runtime;

/// <summary>
/// ILC's interface dispatch map for one type: which interface slot each of the type's slots implements. Four
/// counts (instance entries written in the type, instance default-interface entries, then the same two for static
/// virtuals), followed by the entries: instance ones are 6 bytes, static ones 8. Static virtuals are resolved at
/// compile time, so only the instance entries are read here.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct DispatchMap
{
    private ushort _standardEntryCount;
    private ushort _defaultEntryCount;
    private ushort _standardStaticEntryCount;
    private ushort _defaultStaticEntryCount;

    /// <summary>Entries for implementations the type (or a base) declares.</summary>
    public int StandardEntryCount => _standardEntryCount;

    /// <summary>Entries for default interface methods the type inherits from an interface.</summary>
    public int DefaultEntryCount => _defaultEntryCount;

    /// <summary>Entry <paramref name="index"/>: standard entries first, then default ones.</summary>
    public Entry* GetEntry(int index)
    {
        fixed (DispatchMap* self = &this)
            return (Entry*)(self + 1) + index;
    }

    /// <summary>One mapping: interface (index into the type's interface map) and slot, to the implementing slot.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Entry
    {
        /// <summary>Index into the type's interface map.</summary>
        public ushort InterfaceIndex;

        /// <summary>The slot in the interface.</summary>
        public ushort InterfaceSlot;

        /// <summary>A vtable slot if below the vtable's size, else a sealed virtual slot (minus the vtable size).</summary>
        public ushort ImplementationSlot;
    }
}
