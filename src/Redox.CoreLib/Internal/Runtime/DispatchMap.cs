using System.Runtime.InteropServices;

namespace Internal.Runtime;

/// <summary>
/// ILC's interface dispatch map for one type: which interface slot each of the type's slots implements. Four
/// counts (instance entries written in the type, instance default-interface entries, then the same two for static
/// virtuals), followed by the entries: instance ones are 6 bytes, static ones 8. Static virtuals are resolved at
/// compile time in exact code; shared code over a type parameter asks the runtime (<see cref="StaticConstrainedMethods"/>),
/// which reads the static entries.
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

    /// <summary>Entries for static virtual methods, the type's own implementations first, then default ones.</summary>
    public int StaticEntryCount => _standardStaticEntryCount + _defaultStaticEntryCount;

    /// <summary>Static entry <paramref name="index"/> (they follow every instance entry).</summary>
    public StaticEntry* GetStaticEntry(int index) => (StaticEntry*)GetEntry(_standardEntryCount + _defaultEntryCount) + index;

    /// <summary>A static virtual's mapping: as <see cref="Entry"/>, and where its implementation's generic context comes from.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct StaticEntry
    {
        /// <summary>Index into the type's interface map.</summary>
        public ushort InterfaceIndex;

        /// <summary>The slot in the interface.</summary>
        public ushort InterfaceSlot;

        /// <summary>A sealed virtual slot, plus the vtable's size.</summary>
        public ushort ImplementationSlot;

        /// <summary>0: no context; 1: the type itself; 2 + n: interface n of the type's interface map (a default implementation).</summary>
        public ushort ContextSource;
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
