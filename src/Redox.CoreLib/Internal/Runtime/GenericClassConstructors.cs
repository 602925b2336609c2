using System.Runtime.CompilerServices;
using Internal.Runtime.CompilerHelpers;

namespace Internal.Runtime;

/// <summary>
/// The static constructor of a generic type over shared code's type parameter whose statics the runtime allocated
/// (<see cref="GenericStatics"/>: <c>Ledger&lt;Token&gt;</c>, which no exact code names). Shared code reaching those
/// statics does what ILC's own code does: it finds the constructor context just before the non-GC statics and, while it
/// is set, calls <c>ClassConstructorRunner</c> first. The constructor is the canonical type's (its template's
/// <c>ClassConstructorPointer</c>), shared code that takes the exact type as its hidden generic-context argument and
/// reads that type's dictionary from the first vtable slot the type adds to its base's. ILC 10 builds no MethodTable for
/// such an instantiation, so one is made here, to the extent the constructor reads one: the canonical type's header and
/// vtable, with the instantiation's own dictionary (filled from the template's layout) in that slot. The context holds
/// a fat pointer to {constructor, that MethodTable}. Allocated once per instantiation, never freed; the MethodTable is
/// only a generic context, never an object's type, so it carries no interface map or optional fields.
/// </summary>
internal static unsafe class GenericClassConstructors
{
    /// <summary>Bytes before the non-GC statics of a type with a static constructor: its <see cref="StaticClassConstructionContext"/>.</summary>
    public const int ContextSize = 8;

    private const nint FatPointerTag = 2;

    /// <summary>
    /// Arms the constructor context before <paramref name="nonGcStatics"/> for the instantiation of the canonical type
    /// <paramref name="canonical"/> (template <paramref name="template"/>) over <paramref name="arguments"/>. The caller
    /// holds <see cref="SharedGenericMethods"/>' lock and has listed the statics, so the dictionary built here finds them.
    /// </summary>
    public static void Attach(MethodTable* canonical, byte* template, MethodTable** arguments, int count, byte* nonGcStatics)
    {
        NativeLayout.TryGetBagUnsigned(template, NativeLayout.ClassConstructorBagElement, out uint index);
        void** descriptor = (void**)SharedGenericMethods.Allocate((nuint)(2 * sizeof(void*)));
        descriptor[0] = GenericVirtualMethodTables.NativeStatic(index); // ILC lists the constructor among the statics references
        descriptor[1] = ContextType(canonical, template, arguments, count);
        ((StaticClassConstructionContext*)(nonGcStatics - ContextSize))->cctorMethodAddress = (nint)descriptor + FatPointerTag;
    }

    private static MethodTable* ContextType(MethodTable* canonical, byte* template, MethodTable** arguments, int count)
    {
        int slots = canonical->NumVtableSlots;
        MethodTable* type = (MethodTable*)SharedGenericMethods.Allocate((nuint)(sizeof(MethodTable) + slots * sizeof(void*)));
        *type = *canonical;
        for (int i = 0; i < slots; i++) type->VTable[i] = canonical->VTable[i];
        RuntimeTypeBuilder.FillDictionary(type, canonical, template, arguments, count);
        return type;
    }
}
