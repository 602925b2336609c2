using Internal.Runtime;
using Internal.Runtime.CompilerHelpers;

namespace System.Runtime;

/// <summary>
/// Finds the code that implements an interface slot for a receiver type, from ILC's dispatch maps: the type's own
/// implementations first (walking up the base classes, exact interface first and then a variant match at each
/// level), and only then default interface methods — the order of ECMA-335 II.12.2 and NativeAOT's DispatchResolve.
/// </summary>
internal static unsafe class DispatchResolve
{
    // ILC's special implementation slots: a re-abstracted method or a diamond with no most specific implementation.
    private const ushort ReabstractionSlot = 0xFFFF;
    private const ushort DiamondSlot = 0xFFFE;

    /// <summary>The code implementing <paramref name="interfaceType"/>'s <paramref name="slot"/> for <paramref name="type"/>; null if none.</summary>
    public static void* FindInterfaceMethodImplementationTarget(MethodTable* type, MethodTable* interfaceType, int slot)
    {
        for (int pass = 0; pass < 2; pass++)
        {
            bool defaults = pass == 1;
            for (MethodTable* current = type; current != null; current = current->BaseType)
            {
                if (TryFindImplementationSlot(current, interfaceType, slot, defaults, variant: false, out ushort implementation) ||
                    TryFindImplementationSlot(current, interfaceType, slot, defaults, variant: true, out implementation))
                {
                    if (implementation == ReabstractionSlot || implementation == DiamondSlot)
                    {
                        ExceptionHandling.PanicText("runtime", "interface call to an abstract or ambiguous default implementation");
                        return null;
                    }
                    // A vtable slot is read from the receiver's own type (a derived class may override it); a sealed
                    // slot exists only on the type whose map named it.
                    return implementation < current->NumVtableSlots
                        ? type->VTable[implementation]
                        : current->GetSealedVirtualSlot(implementation - current->NumVtableSlots);
                }
            }
        }
        return null;
    }

    private static bool TryFindImplementationSlot(MethodTable* type, MethodTable* interfaceType, int slot, bool defaults,
        bool variant, out ushort implementation)
    {
        implementation = 0;
        DispatchMap* map = type->DispatchMap;
        if (map == null || (variant && !interfaceType->HasGenericVariance)) return false;
        int first = defaults ? map->StandardEntryCount : 0;
        int end = defaults ? map->StandardEntryCount + map->DefaultEntryCount : map->StandardEntryCount;
        for (int i = first; i < end; i++)
        {
            DispatchMap.Entry* entry = map->GetEntry(i);
            if (entry->InterfaceSlot != slot) continue;
            MethodTable* implemented = type->InterfaceMap[entry->InterfaceIndex];
            if (implemented == interfaceType || (variant && TypeCast.IsVariantInstantiationOf(implemented, interfaceType)))
            {
                implementation = entry->ImplementationSlot;
                return true;
            }
        }
        return false;
    }
}
