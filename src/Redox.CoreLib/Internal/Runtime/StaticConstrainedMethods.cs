using Internal.Runtime.CompilerHelpers;

namespace Internal.Runtime;

/// <summary>
/// The code shared code calls for a static abstract (or static virtual) interface member on a type parameter
/// (<c>T.Mint(value)</c> with <c>where T : IMint&lt;T&gt;</c>): ILC's non-generic static constrained method slot names
/// the constraint type (<c>!!0</c>), the interface (<c>IMint&lt;!!0&gt;</c>) and the method's slot in it. The
/// implementation is found as NativeAOT's static dispatch finds it, in the static entries of the dispatch maps of the
/// constraint type and its base classes (the type's own implementation before a default one), as a sealed virtual
/// slot; when it is shared code it needs a generic context, which the entry says where to take from (the type itself,
/// or one of its interfaces for a default implementation), and the slot holds a fat pointer to {code, context}. Made
/// once per (type, interface, slot), never freed. A generic member (<c>T.Make&lt;U&gt;()</c>) is found through the
/// generic virtual method tables instead (<see cref="ResolveGeneric"/>). No implementation (a static abstract member
/// re-abstracted or ambiguous, or no code compiled for it) panics, naming the constraint type.
/// </summary>
internal static unsafe class StaticConstrainedMethods
{
    private const ushort ContextFromThisClass = 1;
    private const ushort ContextFromFirstInterface = 2;
    private const nint FatPointerTag = 2;

    /// <summary>The slot's value for the signature at <paramref name="position"/> (moved past it); the caller holds the lock.</summary>
    public static void* Resolve(ref byte* position, ref GenericContext context)
    {
        MethodTable* type = TypeSignatureResolver.ResolveOrBuild(ref position, ref context, out MethodTable* missing);
        if (type == null) GenericDictionaryBuilder.MissingType(missing);
        MethodTable* interfaceType = TypeSignatureResolver.ResolveOrBuild(ref position, ref context, out missing);
        if (interfaceType == null) GenericDictionaryBuilder.MissingType(missing);
        uint slot = NativeFormatReader.ReadUnsigned(ref position);
        MethodTable** key = stackalloc MethodTable*[1];
        key[0] = interfaceType;
        void* found = SharedGenericMethods.Find(SharedGenericMethods.StaticConstrainedKind, type, slot, key, 1);
        if (found != null) return found;
        void* result = Find(type, interfaceType, slot);
        SharedGenericMethods.Add(SharedGenericMethods.StaticConstrainedKind, type, slot, key, 1, result);
        return result;
    }

    /// <summary>
    /// The slot's value for a generic member (<c>T.Make&lt;R&gt;()</c>), whose signature at <paramref name="position"/>
    /// names the constraint type, then the interface method with its type arguments in the shared code's terms
    /// (<c>IMaker.Make&lt;!!1&gt;</c>). A generic static virtual member has no vtable slot: ILC lists it in its generic
    /// virtual method tables, as NativeAOT's type loader finds it, so <see cref="GenericVirtualMethodResolver"/> finds
    /// the implementation on the type, its base classes or (a default) the interface: exact code, or a fat pointer to
    /// shared code with the dictionary built for the type arguments. The caller holds the lock.
    /// </summary>
    public static void* ResolveGeneric(ref byte* position, ref GenericContext context)
    {
        MethodTable* type = TypeSignatureResolver.ResolveOrBuild(ref position, ref context, out MethodTable* missing);
        if (type == null) GenericDictionaryBuilder.MissingType(missing);
        GenericMethodHandle* method = GenericDictionaryBuilder.MethodHandleOf(ref position, ref context);
        void* code = GenericVirtualMethodResolver.Resolve(type, method, lockHeld: true);
        return code != null ? code : NoImplementation(type);
    }

    private static void* Find(MethodTable* type, MethodTable* interfaceType, uint slot)
    {
        for (int pass = 0; pass < 2; pass++)
        {
            for (MethodTable* current = type; current != null; current = current->BaseType)
            {
                DispatchMap* map = current->DispatchMap;
                if (map == null) continue;
                for (int i = 0; i < map->StaticEntryCount; i++)
                {
                    DispatchMap.StaticEntry* entry = map->GetStaticEntry(i);
                    if (entry->InterfaceSlot != slot || !Same(current->InterfaceMap[entry->InterfaceIndex], interfaceType)) continue;
                    // Defaults (source 2 and up) only once no class in the chain implements the member itself.
                    if ((pass == 0) == (entry->ContextSource >= ContextFromFirstInterface)) continue;
                    if (entry->ImplementationSlot < current->NumVtableSlots) return NoImplementation(type); // a re-abstraction or diamond marker
                    void* code = current->GetSealedVirtualSlot(entry->ImplementationSlot - current->NumVtableSlots);
                    void* genericContext = entry->ContextSource == 0 ? null
                        : entry->ContextSource == ContextFromThisClass ? current
                        : current->InterfaceMap[entry->ContextSource - ContextFromFirstInterface];
                    if (genericContext == null) return code;
                    void** descriptor = (void**)SharedGenericMethods.Allocate((nuint)(2 * sizeof(void*)));
                    descriptor[0] = code;
                    descriptor[1] = genericContext;
                    return (byte*)descriptor + FatPointerTag;
                }
            }
        }
        return NoImplementation(type);
    }

    private static void* NoImplementation(MethodTable* type)
    {
        const string message = "(not an exception) shared generic code calls a static abstract interface member on this type, which has no implementation of it (LIMITS.md, generic virtual methods)";
        fixed (char* text = message)
            KernelImports.PanicException(type, text, message.Length);
        return null;
    }

    // The interface map names the image's MethodTable; the signature's may have been found or built as an equal one,
    // so they are compared part by part.
    private static bool Same(MethodTable* a, MethodTable* b)
    {
        if (a == b) return true;
        if (a == null || b == null || !a->IsGeneric || !b->IsGeneric || a->GenericDefinition != b->GenericDefinition) return false;
        for (int i = 0; i < a->GenericArity; i++)
        {
            if (!Same(a->GetGenericArgument(i), b->GetGenericArgument(i))) return false;
        }
        return true;
    }
}
