using System;
using System.Runtime;

namespace Internal.Runtime.CompilerHelpers;

/// <summary>
/// Start-up of the managed world, called by the boot stub before any C# runs: gives every type with
/// reference-typed statics its statics object (ILC's GCStaticRegion) and runs eager static constructors.
/// The boot stub passes the bounds of the linked <c>__modules</c> section: one ReadyToRun header per module.
/// </summary>
internal static unsafe class StartupCodeHelpers
{
    private const uint ReadyToRunSignature = 0x00525452; // 'RTR'
    private const int GCStaticRegionSection = 201;
    private const int EagerCctorSection = 205;
    private const nint Uninitialized = 1;
    private const nint HasPreInitializedData = 2;
    private const nint FlagMask = 3;

    [RuntimeExport("RedoxRuntimeInit")]
    public static void Initialize(void** modulesStart, void** modulesEnd)
    {
        for (void** module = modulesStart; module < modulesEnd; module++)
        {
            if (*module != null) InitializeModule((byte*)*module);
        }
        DwarfUnwinder.Initialize(); // exception dispatch's FDE index, before any code can throw or fault
    }

    private static void InitializeModule(byte* header)
    {
        if (*(uint*)header != ReadyToRunSignature)
        {
            ExceptionHandling.PanicText("runtime", "a linked module has no ReadyToRun header");
            return;
        }
        int sectionCount = *(ushort*)(header + 12);
        int entrySize = header[14];
        byte* section = header + 16;
        for (int i = 0; i < sectionCount; i++, section += entrySize)
        {
            int id = *(int*)section;
            byte* start = *(byte**)(section + 8);
            byte* end = *(byte**)(section + 16);
            if (id == GCStaticRegionSection) InitializeStatics(start, end);
            GenericVirtualMethodTables.Register(id, start);
        }
        section = header + 16;
        for (int i = 0; i < sectionCount; i++, section += entrySize)
        {
            if (*(int*)section == EagerCctorSection) RunEagerConstructors(*(byte**)(section + 8), *(byte**)(section + 16));
        }
    }

    /// <summary>
    /// Each region entry is a 32-bit relative pointer to a pointer-sized slot. Until initialised, the slot holds a
    /// relative pointer to the statics' MethodTable with flag bits; afterwards, the statics object itself.
    /// </summary>
    private static void InitializeStatics(byte* start, byte* end)
    {
        for (byte* entry = start; entry < end; entry += sizeof(int))
        {
            nint* slot = (nint*)ReadRelativePointer(entry);
            nint value = (nint)ReadRelativePointer(slot);
            if ((value & Uninitialized) == 0) continue;
            MethodTable* type = (MethodTable*)(value & ~FlagMask);
            object statics = Allocation.RhpNewFast(type);
            if ((value & HasPreInitializedData) != 0)
            {
                // The next slot points at an image of every GC static, with preinitialised ones pointing into the
                // frozen-object region: copy it whole over the new object's fields.
                byte* data = (byte*)ReadRelativePointer((int*)slot + 1);
                SpanHelpers.Memmove(ref *((byte*)Allocation.ObjectAddress(statics) + sizeof(nint)), ref *data,
                    type->BaseSize - (uint)(2 * sizeof(nint)));
            }
            *slot = (nint)Allocation.ObjectAddress(statics);
        }
    }

    private static void RunEagerConstructors(byte* start, byte* end)
    {
        for (byte* entry = start; entry < end; entry += sizeof(int))
            ((delegate*<void>)ReadRelativePointer(entry))();
    }

    private static void* ReadRelativePointer(void* address) => (byte*)address + *(int*)address;
}
